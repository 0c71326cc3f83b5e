import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterFromTemplate, charterTemplates, validateCharter } from './charter';
import {
  checkSchedule,
  checkUpdate,
  defaultMeetingSpec,
  meetingIrregularity,
  meetingQuorum,
  meetingSpecErrors,
  meetingSpecOf,
  noticeHoursGiven,
  shortestNotice,
} from './meeting';
import type { MeetingKind } from './meeting';
import type { MeetingSpec } from './types';

const H = 3_600_000;
const at = new Date('2026-03-02T09:00:00Z');
const spec: MeetingSpec = { regularNoticeHours: 168, specialNoticeHours: 48, quorum: { num: 1, den: 2, inclusive: false } };
const times = (hoursAhead: number, minutes = 60) => ({
  startsAt: new Date(at.getTime() + hoursAhead * H),
  endsAt: new Date(at.getTime() + hoursAhead * H + minutes * 60_000),
});
const schedule = (kind: MeetingKind, hoursAhead: number, role: 'admin' | 'secretary' | 'member' | null = 'secretary') =>
  checkSchedule({ role, kind, at, spec, ...times(hoursAhead) });
const code = (r: { ok: boolean }) => (r.ok ? 'ok' : (r as unknown as { code: string }).code);

describe('scheduling a meeting', () => {
  it('accepts a regular meeting with the full notice, and a special one with its own', () => {
    expect(schedule('regular', 168).ok).toBe(true);
    expect(schedule('special', 48).ok).toBe(true);
  });

  it('refuses a regular meeting inside its notice period, even where a special meeting’s notice is met', () => {
    expect(code(schedule('regular', 167))).toBe('meeting.short_notice_regular');
    expect(code(schedule('regular', 50))).toBe('meeting.short_notice_regular');
  });

  it('refuses a special meeting inside the special notice: nothing shortens it', () => {
    expect(code(schedule('special', 47))).toBe('meeting.short_notice_special');
    // 47 hours and 59 minutes is not 48 hours.
    expect(
      code(
        checkSchedule({
          role: 'admin',
          kind: 'special',
          at,
          spec,
          startsAt: new Date(at.getTime() + 48 * H - 60_000),
          endsAt: new Date(at.getTime() + 49 * H),
        }),
      ),
    ).toBe('meeting.short_notice_special');
  });

  it('is for a secretary or an admin only', () => {
    expect(code(schedule('regular', 200, 'member'))).toBe('meeting.not_authorized');
    expect(code(schedule('regular', 200, null))).toBe('meeting.not_authorized');
    expect(schedule('regular', 200, 'admin').ok).toBe(true);
  });

  it('refuses an end before the start, a meeting longer than a day and a start in the past', () => {
    expect(
      code(checkSchedule({ role: 'admin', kind: 'regular', at, spec, startsAt: new Date(at.getTime() + 200 * H), endsAt: new Date(at.getTime() + 200 * H) })),
    ).toBe('meeting.end_before_start');
    expect(code(checkSchedule({ role: 'admin', kind: 'regular', at, spec, ...times(200, 24 * 60 + 1) }))).toBe('meeting.too_long');
    expect(code(schedule('special', -1))).toBe('meeting.in_past');
  });

  it('property: a schedule is accepted exactly when the notice meets the kind’s requirement (authorized, sane times)', () => {
    fc.assert(
      fc.property(fc.constantFrom<MeetingKind>('regular', 'special'), fc.integer({ min: 1, max: 400 * 60 }), (kind, minutesAhead) => {
        const startsAt = new Date(at.getTime() + minutesAhead * 60_000);
        const r = checkSchedule({ role: 'secretary', kind, at, spec, startsAt, endsAt: new Date(startsAt.getTime() + H) });
        const required = kind === 'special' ? spec.specialNoticeHours : spec.regularNoticeHours;
        expect(r.ok).toBe(minutesAhead >= required * 60);
      }),
    );
  });
});

describe('updating a meeting', () => {
  const m = { ...times(200), cancelledAt: null };
  it('refuses a change once started or cancelled, or by a member', () => {
    expect(code(checkUpdate(m, times(300), 'member', at))).toBe('meeting.not_authorized');
    expect(code(checkUpdate({ ...m, cancelledAt: at }, times(300), 'admin', at))).toBe('meeting.cancelled');
    expect(code(checkUpdate(m, times(300), 'admin', new Date(m.startsAt.getTime() + 1)))).toBe('meeting.started');
  });

  it('allows a move inside the notice period, but the shortest notice then counts it', () => {
    expect(checkUpdate(m, times(10), 'admin', at).ok).toBe(true);
    expect(shortestNotice(200, m, times(10), at)).toBe(10);
    // Unchanged times keep the notice given.
    expect(shortestNotice(200, m, m, at)).toBe(200);
  });

  it('property: the shortest notice never grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (current, ahead) => {
        expect(shortestNotice(current, m, times(ahead), at)).toBeLessThanOrEqual(current);
      }),
    );
  });
});

describe('irregular meetings', () => {
  const full = { seatHolders: 5, noticed: 5, delivered: 5, failed: 0 };
  it('a meeting with full notice that reached everyone is regular', () => {
    expect(meetingIrregularity({ shortestNoticeHours: 168, requiredNoticeHours: 168, coverage: full })).toEqual({ irregular: false, reasons: [] });
  });

  it('short notice, a seat holder not sent the notice, and a failed mail each make it irregular, with the reason', () => {
    expect(meetingIrregularity({ shortestNoticeHours: 10, requiredNoticeHours: 48, coverage: full }).reasons).toEqual([
      { kind: 'short_notice', givenHours: 10, requiredHours: 48 },
    ]);
    expect(meetingIrregularity({ shortestNoticeHours: 168, requiredNoticeHours: 168, coverage: { ...full, noticed: 4, delivered: 4 } }).reasons[0]?.kind).toBe(
      'not_noticed',
    );
    expect(meetingIrregularity({ shortestNoticeHours: 168, requiredNoticeHours: 168, coverage: { ...full, delivered: 4, failed: 1 } }).reasons[0]?.kind).toBe(
      'notice_failed',
    );
  });

  it('notices still in delivery are not yet a failure', () => {
    expect(meetingIrregularity({ shortestNoticeHours: 168, requiredNoticeHours: 168, coverage: { ...full, delivered: 0 } }).irregular).toBe(false);
  });

  it('property: regular exactly when the notice was long enough, everyone was addressed and nothing failed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (given, required, seatHolders, missing, failed) => {
          const noticed = Math.max(seatHolders - missing, 0);
          const f = Math.min(failed, noticed);
          const r = meetingIrregularity({
            shortestNoticeHours: given,
            requiredNoticeHours: required,
            coverage: { seatHolders, noticed, delivered: noticed - f, failed: f },
          });
          expect(r.irregular).toBe(given < required || noticed < seatHolders || f > 0);
          expect(r.irregular).toBe(r.reasons.length > 0);
        },
      ),
    );
  });
});

describe('meeting quorum', () => {
  it('counts attending seats against the charter seats, never the filled ones', () => {
    const majority = { num: 1, den: 2, inclusive: false };
    expect(meetingQuorum(4, 9, majority).met).toBe(false);
    expect(meetingQuorum(5, 9, majority).met).toBe(true);
    expect(meetingQuorum(0, 0, majority).met).toBe(false);
  });
});

describe('meetings in the charter', () => {
  it('every template sets its notice periods, special no longer than regular, and validates', () => {
    for (const key of Object.keys(charterTemplates) as (keyof typeof charterTemplates)[]) {
      const c = charterFromTemplate(key);
      expect(c.meetings, key).toBeDefined();
      expect(c.meetings!.specialNoticeHours).toBeLessThanOrEqual(c.meetings!.regularNoticeHours);
      expect(validateCharter(c)).toEqual({ ok: true });
    }
  });

  it('a charter without the setting uses the default; a malformed one is refused, not a crash', () => {
    expect(meetingSpecOf({})).toBe(defaultMeetingSpec);
    const ratio = () => null;
    expect(meetingSpecErrors({ ...spec, specialNoticeHours: 200 }, ratio)).toHaveLength(1);
    expect(meetingSpecErrors({ ...spec, regularNoticeHours: 0 }, ratio).length).toBeGreaterThan(0);
    expect(meetingSpecErrors(null as unknown as MeetingSpec, ratio)).toHaveLength(1);
    expect(meetingSpecErrors({ ...spec, quorum: undefined as unknown as MeetingSpec['quorum'] }, ratio)).toHaveLength(1);
    const c = charterFromTemplate('small_board');
    expect(validateCharter({ ...c, meetings: { ...spec, specialNoticeHours: -1 } }).ok).toBe(false);
  });

  it('counts whole hours of notice, rounding down', () => {
    expect(noticeHoursGiven(at, new Date(at.getTime() + 48 * H - 1))).toBe(47);
  });
});
