import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterFromTemplate, charterTemplates, validateCharter } from './charter';
import type { AttendanceStatus } from './meeting';
import {
  answerDeadline,
  canRatifyRollCall,
  checkAnswerVote,
  checkRecordRollCall,
  defaultRollCallAnswerDays,
  rollCallOutcome,
  rollCallRulesOf,
  rollCallStanding,
  rollCallVotes,
} from './roll-call';
import type { RollCallVote } from './roll-call';
import type { Ratio } from './types';

const majority: Ratio = { num: 1, den: 2, inclusive: false };
const at = new Date('2026-03-02T09:00:00Z');
const meeting = { startsAt: new Date('2026-03-02T08:00:00Z'), cancelledAt: null };
const code = (r: { ok: boolean }) => (r.ok ? 'ok' : (r as unknown as { code: string }).code);
const votes = (...v: RollCallVote[]) => v;

describe('the outcome of a roll call', () => {
  it('counts quorum and majority against the charter seats, not the filled ones', () => {
    // A board of 9 charter seats with 5 filled: 5 yes votes meet the quorum and carry (5 > 4.5).
    expect(rollCallOutcome(votes('yes', 'yes', 'yes', 'yes', 'yes'), { charterSeats: 9, quorum: majority, majority }).carried).toBe(true);
    // 4 of 5 filled seats voting yes: a majority of those present, but not of the 9 charter seats.
    const four = rollCallOutcome(votes('yes', 'yes', 'yes', 'yes', 'absent'), { charterSeats: 9, quorum: majority, majority });
    expect(four).toMatchObject({ quorumMet: false, carried: false, quorumNeeded: 5, yesNeeded: 5 });
  });

  it('needs the yes votes even when the quorum is met', () => {
    const o = rollCallOutcome(votes('yes', 'yes', 'no', 'abstain', 'abstain'), { charterSeats: 5, quorum: majority, majority });
    expect(o).toMatchObject({ quorumMet: true, carried: false, yes: 2, no: 1, abstain: 2, voting: 5 });
  });

  it('carries nothing in a body with no charter seats', () => {
    expect(rollCallOutcome([], { charterSeats: 0, quorum: majority, majority }).carried).toBe(false);
  });

  it('property: carried implies quorum met and yes votes at least the majority of charter seats; more yes never un-carries', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...rollCallVotes), { maxLength: 15 }), fc.integer({ min: 1, max: 15 }), (vs, extra) => {
        const rules = { charterSeats: Math.max(vs.length, extra), quorum: majority, majority };
        const o = rollCallOutcome(vs, rules);
        expect(o.yes + o.no + o.abstain + o.absent).toBe(vs.length);
        if (o.carried) {
          expect(o.quorumMet).toBe(true);
          expect(o.yes).toBeGreaterThanOrEqual(o.yesNeeded);
          expect(2 * o.yes).toBeGreaterThan(rules.charterSeats);
          // Turning an absent, no or abstain into yes keeps it carried (monotone).
          const i = vs.findIndex((v) => v !== 'yes');
          if (i >= 0)
            expect(
              rollCallOutcome(
                vs.map((v, j) => (j === i ? 'yes' : v)),
                rules,
              ).carried,
            ).toBe(true);
        }
        // Filling more charter seats never helps: the same votes against more charter seats carry no more.
        if (!o.carried) expect(rollCallOutcome(vs, { ...rules, charterSeats: rules.charterSeats + 1 }).carried).toBe(false);
      }),
    );
  });
});

describe('recording a roll call', () => {
  const holders = ['ann', 'bob', 'cy'];
  const attendance = new Map<string, AttendanceStatus>([
    ['ann', 'present'],
    ['bob', 'remote'],
    ['cy', 'absent'],
  ]);
  const check = (v: { userId: string; vote: RollCallVote }[], over: Partial<{ role: 'secretary' | 'member'; at: Date }> = {}) =>
    checkRecordRollCall(meeting, { role: 'secretary', at, votes: v, seatHolders: holders, attendance, name: (id) => id, bodyName: 'Board', ...over });

  it('accepts votes of those present or remote, and absent for the rest', () => {
    expect(
      check([
        { userId: 'ann', vote: 'yes' },
        { userId: 'bob', vote: 'no' },
        { userId: 'cy', vote: 'absent' },
      ]).ok,
    ).toBe(true);
  });
  it('refuses a plain member, before the start, a non-seat-holder, an absent voter, a duplicate', () => {
    expect(code(check([], { role: 'member' }))).toBe('roll_call.not_authorized');
    expect(code(check([], { at: new Date('2026-03-02T07:59:59Z') }))).toBe('roll_call.not_started');
    expect(code(check([{ userId: 'zed', vote: 'yes' }]))).toBe('roll_call.not_seat_holder');
    expect(code(check([{ userId: 'cy', vote: 'yes' }]))).toBe('roll_call.not_attending');
    expect(
      code(
        check([
          { userId: 'ann', vote: 'yes' },
          { userId: 'ann', vote: 'no' },
        ]),
      ),
    ).toBe('roll_call.duplicate_voter');
  });
  it('property: accepted only when every yes/no/abstain voter is a seat holder recorded present or remote', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ userId: fc.constantFrom('ann', 'bob', 'cy', 'zed'), vote: fc.constantFrom(...rollCallVotes) }), {
          selector: (v) => v.userId,
        }),
        (vs) => {
          const ok = vs.every((v) => holders.includes(v.userId) && (v.vote === 'absent' || v.userId !== 'cy'));
          expect(check(vs).ok).toBe(ok);
        },
      ),
    );
  });
});

describe('answering one’s vote, standing and ratification', () => {
  it('is open for the charter’s period after recording, then closed', () => {
    const deadline = answerDeadline(at, 7);
    expect(checkAnswerVote({ hasVote: true, recordedAt: at, answerDays: 7, at: deadline }).ok).toBe(true);
    expect(code(checkAnswerVote({ hasVote: true, recordedAt: at, answerDays: 7, at: new Date(deadline.getTime() + 1) }))).toBe('roll_call.answer_closed');
    expect(code(checkAnswerVote({ hasVote: false, recordedAt: at, answerDays: 7, at }))).toBe('roll_call.no_vote');
  });

  it('holds a carried motion of an irregular meeting until ratified; a regular meeting’s is in effect at once', () => {
    expect(rollCallStanding({ carried: true, meetingIrregular: true, ratifiedAt: null })).toBe('held');
    expect(rollCallStanding({ carried: true, meetingIrregular: true, ratifiedAt: at })).toBe('ratified');
    expect(rollCallStanding({ carried: true, meetingIrregular: false, ratifiedAt: null })).toBe('in_effect');
    expect(rollCallStanding({ carried: false, meetingIrregular: true, ratifiedAt: null })).toBe('not_carried');
    expect(canRatifyRollCall({ carried: true, meetingIrregular: true, ratifiedAt: null }).ok).toBe(true);
    expect(code(canRatifyRollCall({ carried: true, meetingIrregular: false, ratifiedAt: null }))).toBe('roll_call.ratify_not_held');
    expect(code(canRatifyRollCall({ carried: true, meetingIrregular: true, ratifiedAt: at }))).toBe('roll_call.ratify_already');
    expect(code(canRatifyRollCall({ carried: false, meetingIrregular: true, ratifiedAt: null }))).toBe('roll_call.ratify_not_carried');
  });

  it('takes the rules from the charter: charter seats, meeting quorum, answer period (default for older charters)', () => {
    for (const key of Object.keys(charterTemplates) as (keyof typeof charterTemplates)[]) {
      const c = charterFromTemplate(key);
      const body = c.bodies.find((b) => !b.electorate)!;
      const rules = rollCallRulesOf(c, body.key);
      expect(rules.charterSeats).toBe(body.charterSeats);
      expect(rules.answerDays).toBe(c.meetings!.rollCallAnswerDays);
      const older = { ...c, meetings: undefined };
      expect(rollCallRulesOf(older, body.key).answerDays).toBe(defaultRollCallAnswerDays);
    }
  });

  it('the charter check refuses an unusable answer period', () => {
    const c = charterFromTemplate('nonprofit_board');
    expect(validateCharter({ ...c, meetings: { ...c.meetings!, rollCallAnswerDays: 0 } }).ok).toBe(false);
    expect(validateCharter({ ...c, meetings: { ...c.meetings!, rollCallAnswerDays: 2.5 } }).ok).toBe(false);
    expect(validateCharter({ ...c, meetings: { ...c.meetings!, rollCallAnswerDays: 14 } }).ok).toBe(true);
  });
});
