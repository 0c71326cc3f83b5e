import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterFromTemplate, charterTemplateKeys } from './templates';
import { validateCharter } from './charter';
import {
  checkDraftMinutes,
  checkMinutesVote,
  defaultMinutesSpec,
  disclosureDate,
  draftMinutesText,
  dueForDisclosure,
  mayReadMinutes,
  minutesApproval,
  minutesSpecErrors,
  minutesSpecOf,
} from './minutes';

const t = (iso: string) => new Date(iso);
const meeting = {
  number: 3,
  title: 'Quarterly *board* meeting',
  bodyName: 'Board',
  startsAt: t('2026-05-04T18:00:00Z'),
  endsAt: t('2026-05-04T19:30:00Z'),
  location: 'Room [2](http://x)',
  agenda: [
    { kind: 'item' as const, text: 'The budget' },
    { kind: 'proposal' as const, number: 12, title: 'Open meetings' },
  ],
  attendance: [
    { name: 'Ada', status: 'present' as const },
    { name: 'Linus', status: 'remote' as const },
    { name: 'Omar', status: 'absent' as const },
  ],
  quorum: { met: false, attending: 2, charterSeats: 9 },
};

describe('the draft minutes', () => {
  it('lists the facts, the attendance by status, each agenda item and the quorum', () => {
    const text = draftMinutesText(meeting);
    expect(text).toContain('# Minutes of meeting #3: Quarterly \\*board\\* meeting');
    expect(text).toContain('- Present: Ada');
    expect(text).toContain('- Remote: Linus');
    expect(text).toContain('- Absent: Omar');
    expect(text).toContain('Quorum not met: 2 of 9 charter seats attending.');
    expect(text).toContain('### 1. The budget');
    expect(text).toContain('### 2. Proposal #12 Open meetings');
    // A place or title never becomes a link.
    expect(text).toContain('Room \\[2\\]\\(http://x\\)');
    expect(text).not.toContain('Roll-call votes');
  });

  it('lists roll-call votes when given, and marks a closed session', () => {
    const text = draftMinutesText({ ...meeting, closedMatter: 'personnel' }, [
      {
        motion: 'Adopt the budget',
        outcome: 'carried 2–0',
        votes: [
          { name: 'Ada', vote: 'yes' },
          { name: 'Linus', vote: 'yes' },
        ],
      },
    ]);
    expect(text).toContain('Held in closed session (a personnel matter).');
    expect(text).toContain('## Roll-call votes');
    expect(text).toContain('- Ada: yes');
  });

  it('is deterministic, and no agenda says so', () => {
    expect(draftMinutesText(meeting)).toBe(draftMinutesText(meeting));
    expect(draftMinutesText({ ...meeting, agenda: [] })).toContain('No agenda items.');
  });
});

describe('approval by a majority of the charter seats', () => {
  it('5 of 9 approves; 4 does not, whatever the filled seats; rejections out of reach reject', () => {
    expect(minutesApproval(5, 0, 9).state).toBe('approved');
    expect(minutesApproval(4, 0, 9).state).toBe('open');
    expect(minutesApproval(4, 5, 9).state).toBe('rejected');
    expect(minutesApproval(2, 1, 4).state).toBe('open'); // half of 4 is not a majority
    expect(minutesApproval(3, 0, 4).state).toBe('approved');
    expect(minutesApproval(0, 0, 0).state).toBe('rejected');
  });

  it('property: approved exactly when approvals are more than half the charter seats; rejected exactly when approval is out of reach', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (seats, a0, r0) => {
        const approvals = Math.min(a0, seats);
        const rejections = Math.min(r0, seats - approvals);
        const r = minutesApproval(approvals, rejections, seats);
        expect(r.state === 'approved').toBe(seats > 0 && 2 * approvals > seats);
        if (r.state !== 'approved') expect(r.state === 'rejected').toBe(2 * (seats - rejections) <= seats);
        // One more approval never turns an approval away (monotone).
        if (r.state === 'approved' && approvals < seats) expect(minutesApproval(approvals + 1, rejections, seats).state).toBe('approved');
      }),
    );
  });
});

describe('who drafts and who answers', () => {
  const m = { startsAt: t('2026-05-04T18:00:00Z'), cancelledAt: null };
  const during = t('2026-05-04T18:30:00Z');
  it('a secretary or admin drafts once the meeting started, never once sealed', () => {
    expect(checkDraftMinutes(m, { role: 'secretary', sealed: false, at: during }).ok).toBe(true);
    expect(checkDraftMinutes(m, { role: 'admin', sealed: false, at: during }).ok).toBe(true);
    expect(checkDraftMinutes(m, { role: 'member', sealed: false, at: during })).toMatchObject({ code: 'minutes.not_authorized' });
    expect(checkDraftMinutes(m, { role: null, sealed: false, at: during })).toMatchObject({ code: 'minutes.not_authorized' });
    expect(checkDraftMinutes(m, { role: 'secretary', sealed: false, at: t('2026-05-04T17:59:00Z') })).toMatchObject({ code: 'minutes.not_started' });
    expect(checkDraftMinutes(m, { role: 'secretary', sealed: true, at: during })).toMatchObject({ code: 'minutes.sealed' });
    expect(checkDraftMinutes({ ...m, cancelledAt: during }, { role: 'secretary', sealed: false, at: during })).toMatchObject({ code: 'meeting.cancelled' });
  });
  it('a seat holder answers once per revision, never once sealed', () => {
    const base = { holdsSeat: true, sealed: false, alreadyVoted: false, bodyName: 'Board' };
    expect(checkMinutesVote(base).ok).toBe(true);
    expect(checkMinutesVote({ ...base, holdsSeat: false })).toMatchObject({ code: 'minutes.not_seat_holder' });
    expect(checkMinutesVote({ ...base, alreadyVoted: true })).toMatchObject({ code: 'minutes.already_voted' });
    expect(checkMinutesVote({ ...base, sealed: true })).toMatchObject({ code: 'minutes.sealed' });
  });
});

describe('closed sessions', () => {
  const sealedAt = t('2026-05-05T00:00:00Z');
  const closed = { closedMatter: 'legal' as const, sealedAt, disclosesAt: disclosureDate(sealedAt, { closedDisclosureDays: 30 }), disclosedAt: null };
  it('are disclosed on the charter’s date, once', () => {
    expect(closed.disclosesAt.toISOString()).toBe('2026-06-04T00:00:00.000Z');
    expect(dueForDisclosure(closed, t('2026-06-03T23:59:59Z'))).toBe(false);
    expect(dueForDisclosure(closed, t('2026-06-04T00:00:00Z'))).toBe(true);
    expect(dueForDisclosure({ ...closed, disclosedAt: t('2026-06-04T00:00:00Z') }, t('2026-07-01T00:00:00Z'))).toBe(false);
    expect(dueForDisclosure({ ...closed, closedMatter: null }, t('2026-07-01T00:00:00Z'))).toBe(false);
  });
  it('property: before disclosure only a seat holder reads a sealed closed session; an open one and a disclosed one everyone reads', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (isClosed, disclosed, holdsSeat, keepsRecord) => {
        const m = { closedMatter: isClosed ? ('personnel' as const) : null, sealedAt, disclosedAt: disclosed ? sealedAt : null };
        const may = mayReadMinutes(m, { holdsSeat, keepsRecord });
        expect(may).toBe(!isClosed || disclosed || holdsSeat);
      }),
    );
  });
  it('a draft is read by the body and its record-keepers only', () => {
    const draft = { closedMatter: null, sealedAt: null, disclosedAt: null };
    expect(mayReadMinutes(draft, { holdsSeat: false, keepsRecord: false })).toBe(false);
    expect(mayReadMinutes(draft, { holdsSeat: true, keepsRecord: false })).toBe(true);
    expect(mayReadMinutes(draft, { holdsSeat: false, keepsRecord: true })).toBe(true);
  });
});

describe('the charter’s disclosure period', () => {
  it('every template sets a valid one; a charter saved earlier gets the default', () => {
    for (const key of charterTemplateKeys) {
      const c = charterFromTemplate(key);
      expect(c.minutes, key).toBeDefined();
      expect(minutesSpecErrors(c.minutes)).toEqual([]);
      expect(validateCharter(c)).toEqual({ ok: true });
    }
    expect(minutesSpecOf({})).toEqual(defaultMinutesSpec);
  });
  it('refuses a period that is not a whole number of days from 1 to 3650', () => {
    for (const bad of [0, -1, 1.5, 3651, Number.NaN]) expect(minutesSpecErrors({ closedDisclosureDays: bad }).length).toBe(1);
    expect(minutesSpecErrors(null).length).toBe(1);
  });
});
