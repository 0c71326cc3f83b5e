import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBody, findType } from './charter';
import { blockedBy, proposalStatus } from './status';
import { bodyStrength } from './strength';
import { T0, ballots, hoursAfter, nonprofit, published, seatsOf } from './test-fixtures';
import type { Charter, ProposalRecord, SeatState } from './types';
import { canCastBallot, canOpenVoting, openedStageRecord } from './voting';

const charter = nonprofit();
const H = (h: number) => hoursAfter(T0, h);

function withTemplateClasses(body: Charter['bodies'][number], seats: SeatState[]): SeatState[] {
  const classes = Object.entries(body.seatClassMinimums).flatMap(([seatClass, n]) => Array.from({ length: n }, () => seatClass));
  return seats.map((s, i) => ({ ...s, seatClass: classes[i] ?? 'general' }));
}

function strengthsWith(c: Charter, boardFilled: number) {
  const board = findBody(c, 'board');
  const members = findBody(c, 'members');
  return {
    // Seats in the template's classes (the minimums first, as a founding charter lays them out), so a full board has no class shortfall.
    board: bodyStrength(board, withTemplateClasses(board, seatsOf('board', board.charterSeats, boardFilled)), T0),
    members: bodyStrength(members, seatsOf('members', members.charterSeats, members.charterSeats), T0),
  };
}

describe('proposalStatus', () => {
  it('a removal blocked below strength says so during discussion — never “Voting opens on”', () => {
    const record = published(charter, 'officer_removal');
    const status = proposalStatus({ record, charter, strengths: strengthsWith(charter, 5), now: H(1) });
    expect(status.label).toBe('Blocked: board below strength');
    expect(status.explanation).toMatch(/below strength: 5 of 9 charter seats filled; critical decisions need 7/);
    expect(status.explanation).not.toMatch(/Voting opens on/);
    expect(status.blocked).toMatch(/below strength/);
  });

  it('mentions the reply wait, and then awaits the reply', () => {
    const record = published(charter, 'officer_removal');
    const full = strengthsWith(charter, 9);
    const discussion = proposalStatus({ record, charter, strengths: full, now: H(1) });
    expect(discussion.label).toBe('In discussion');
    expect(discussion.explanation).toBe(
      'Comment window open until 10 Dec 2026, 14:00 UTC (the minimum of 14 days; it cannot be shortened). Then the person concerned has until 13 Dec 2026, 14:00 UTC to reply; voting waits for the reply or that time. Every concern or objection raised in the comment window needs a public answer from the author before voting opens.',
    );
    const awaiting = proposalStatus({ record, charter, strengths: full, now: H(14 * 24 + 1) });
    expect(awaiting.label).toBe('Awaiting reply');
    expect(awaiting.explanation).toMatch(/^Waiting for the reply of the person concerned until 13 Dec 2026, 14:00 UTC/);
  });

  it('an emergency proposal shows one minimum window, the one in force', () => {
    const requested = published(charter, 'emergency_resolution');
    const full = strengthsWith(charter, 9);
    expect(proposalStatus({ record: requested, charter, strengths: full, now: H(1) }).explanation).toMatch(
      /\(the minimum of 7 days; it cannot be shortened\)\.$/,
    );
    const approved = published(charter, 'emergency_resolution', { emergencyApprovedAt: H(2), discussionClosesAt: H(48) });
    const s = proposalStatus({ record: approved, charter, strengths: full, now: H(3) });
    expect(s.explanation).toBe('Comment window open until 28 Nov 2026, 14:00 UTC (the emergency minimum of 2 days; it cannot be shortened).');
  });

  it('the list says “Blocked: board below strength” for a ready proposal that cannot open, not “Vote pending”', () => {
    const record = published(charter, 'officer_removal', { replyPostedAt: H(1) });
    const s = proposalStatus({ record, charter, strengths: strengthsWith(charter, 6), now: H(15 * 24) });
    expect(s.phase.kind).toBe('ready_for_voting');
    expect(s.label).toBe('Blocked: board below strength');
    expect(s.tone).toBe('blocked');
  });

  it('blockedBy marks a ready proposal blocked with the reason, and leaves any other status alone', () => {
    const record = published(charter, 'resolution');
    const full = strengthsWith(charter, 9);
    const ready = proposalStatus({ record, charter, strengths: full, now: H(7 * 24 + 1) });
    expect(ready.phase.kind).toBe('ready_for_voting');
    const reason = 'Dana Reyes already holds seat 3 of the board; one person holds one seat per body.';
    const blocked = blockedBy(ready, { reason, code: 'appointment.one_seat_per_body', params: { name: 'Dana Reyes' } });
    expect(blocked).toMatchObject({
      label: 'Blocked',
      tone: 'blocked',
      blocked: expect.stringMatching(/^Dana Reyes already holds/),
      explanation: expect.stringMatching(/^Voting cannot open: Dana Reyes/),
      // The reason as its code, for a page in another language.
      blockedRefusal: { code: 'appointment.one_seat_per_body', params: { name: 'Dana Reyes' } },
      parts: [{ kind: 'blocked', then: false }],
    });
    expect(blockedBy(ready, { reason }).blockedRefusal).toBeNull();
    const discussion = proposalStatus({ record, charter, strengths: full, now: H(1) });
    expect(blockedBy(discussion, { reason: 'any reason' })).toBe(discussion);
  });

  it('a passed emergency decision shows its ratification deadline; once ratified, it says so', () => {
    const type = findType(charter, 'emergency_resolution');
    const opens = H(48);
    const stage = { ...openedStageRecord({ charter, type, stageIndex: 0, opensAt: opens }), ballots: ballots({ yes: 9 }, H(49)) };
    const record = published(charter, 'emergency_resolution', { emergencyApprovedAt: H(2), discussionClosesAt: H(48), stages: [stage] });
    const after = H(48 + type.stages[0]!.votingWindowHours + 1);
    const s = proposalStatus({ record, charter, strengths: strengthsWith(charter, 9), now: after });
    expect(s.label).toBe('Passed: awaiting ratification');
    expect(s.ratifyBy).not.toBeNull();
    expect(s.explanation).toMatch(/Must be ratified by .* or it lapses\.$/);
    const ratified = proposalStatus({ record: { ...record, ratifiedAt: after }, charter, strengths: strengthsWith(charter, 9), now: after });
    expect(ratified.label).toBe('Passed and ratified');
    // The same as data, for a page in another language.
    expect(s.parts).toEqual([{ kind: 'passed_emergency', at: expect.any(Date), ratifyBy: s.ratifyBy }]);
    expect(ratified.parts).toEqual([{ kind: 'passed_emergency', at: expect.any(Date), ratifyBy: null }]);
  });

  it('says “Voting open” exactly when some seat could cast a ballot, and “Blocked” when ready exactly when canOpenVoting refuses (property)', () => {
    const typeKeys = ['resolution', 'officer_removal', 'emergency_resolution'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...typeKeys),
        fc.integer({ min: 0, max: 9 }),
        fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 20 * 24 }), { nil: null }),
        fc.integer({ min: 0, max: 50 * 24 }),
        (typeKey, filled, opensAfter, replyAfter, nowAfter) => {
          const type = findType(charter, typeKey);
          const stages = opensAfter === null ? [] : [openedStageRecord({ charter, type, stageIndex: 0, opensAt: H(opensAfter) })];
          const record: ProposalRecord = published(charter, typeKey, {
            stages,
            replyPostedAt: type.requiresSubject && replyAfter !== null ? H(replyAfter) : null,
          });
          const now = H(nowAfter);
          const strengths = strengthsWith(charter, filled);
          const s = proposalStatus({ record, charter, strengths, now });
          // Any seat of the deciding body, held: the rules, not today's vacancies, decide whether voting is open.
          const seats = seatsOf('board', 9, 9);
          const someoneCanVote = seats.some(
            (seat) => seat.holderUserId !== null && canCastBallot({ record, charter, stageIndex: 0, seat, voterUserId: seat.holderUserId, now }).ok,
          );
          expect(s.label === 'Voting open').toBe(someoneCanVote);
          if (s.phase.kind === 'ready_for_voting') {
            expect(s.label.startsWith('Blocked')).toBe(!canOpenVoting({ record, charter, stageIndex: s.phase.stageIndex, strengths, now }).ok);
          }
          expect(s.explanation).not.toMatch(/Voting opens on/);
        },
      ),
    );
  });
});
