import { describe, expect, it } from 'vitest';
import { findBody, findType } from './charter';
import { T0, ballots, hoursAfter, nonprofit, published, seatsOf, stageRecord } from './test-fixtures';
import { bodyStrength } from './strength';
import type { ProposalRecord, SeatState } from './types';
import { canCastBallot, canOpenVoting, canRecuse, openedStageRecord, votingWindow } from './voting';

const charter = nonprofit();
const H = (h: number) => hoursAfter(T0, h);
const board = findBody(charter, 'board');
const members = findBody(charter, 'members');
const strengthsWith = (filled: number) => ({
  // Seats 1–3 independent, seat 4 employee representative, as the template's seats are created.
  board: bodyStrength(
    board,
    seatsOf('board', 9, filled).map((s, i) => ({ ...s, seatClass: i < 3 ? 'independent' : i === 3 ? 'employee_representative' : 'general' })),
    T0,
  ),
  members: bodyStrength(members, seatsOf('members', 25, 25), T0),
});
const full = strengthsWith(9);

function open(record: ProposalRecord, hours: number, stageIndex = 0, strengths = full) {
  return canOpenVoting({ record, charter, stageIndex, strengths, now: H(hours) });
}

describe('canOpenVoting', () => {
  it('refuses during the comment window, saying when voting opens and that the window cannot be shortened', () => {
    // T0 = 26 Nov 2026, 14:00 UTC; a resolution’s window is 7 days.
    expect(open(published(charter, 'resolution'), 1)).toMatchObject({
      ok: false,
      code: 'voting.comment_window',
      reason: 'Voting opens on 3 Dec 2026, 14:00 UTC — the comment window is 7 days and cannot be shortened.',
    });
  });

  it('says when a late revision extended the window', () => {
    const result = open(published(charter, 'resolution', { discussionClosesAt: H(190) }), 170);
    expect(result).toMatchObject({
      ok: false,
      code: 'voting.comment_window_extended',
      reason:
        'Voting opens on 4 Dec 2026, 12:00 UTC — the comment window is 7 days and cannot be shortened. It was extended after a late substantive revision.',
    });
  });

  it('names the emergency window when one is in force', () => {
    const record = published(charter, 'emergency_resolution', { discussionClosesAt: H(48), emergencyApprovedAt: T0 });
    expect(open(record, 1)).toMatchObject({
      ok: false,
      code: 'voting.emergency_window',
      reason: 'Voting opens on 28 Nov 2026, 14:00 UTC — the emergency comment window is 2 days and cannot be shortened.',
    });
    expect(open(record, 48)).toEqual({ ok: true });
  });

  it('does not call the window unshortenable while an emergency motion asked for could still shorten it', () => {
    const record = published(charter, 'emergency_resolution', { emergencyRequested: true });
    expect(open(record, 1)).toMatchObject({ ok: false, code: 'voting.comment_window_motion' });
    expect((open(record, 1) as { reason: string }).reason).not.toContain('cannot be shortened');
    // Not asked for: the type's normal window, which nothing can shorten.
    expect(open(published(charter, 'emergency_resolution'), 1)).toMatchObject({ ok: false, code: 'voting.comment_window' });
  });

  it('waits for the subject’s reply', () => {
    const record = published(charter, 'officer_removal'); // closes +336 h = 10 Dec, reply until +408 h = 13 Dec
    const result = open(record, 340);
    expect(result).toMatchObject({
      ok: false,
      code: 'voting.awaiting_reply',
      reason: expect.stringMatching(/^Waiting for the subject’s reply until 13 Dec 2026, 14:00 UTC/),
    });
    expect(open({ ...record, replyPostedAt: H(345) }, 346)).toEqual({ ok: true });
  });

  it('opens once the window is over', () => {
    expect(open(published(charter, 'resolution'), 168)).toEqual({ ok: true });
  });

  it('refuses a critical decision while the body is below strength', () => {
    const record = published(charter, 'officer_removal', { replyPostedAt: H(1) });
    expect(open(record, 400, 0, strengthsWith(6))).toMatchObject({
      ok: false,
      code: 'voting.below_strength',
      reason: 'The board is below strength: 6 of 9 charter seats filled; critical decisions need 7. Fill the vacancies first.',
    });
    expect(open(record, 400, 0, strengthsWith(7))).toEqual({ ok: true });
  });

  it('refuses a critical decision beside a class shortfall when the charter says shortfalls block', () => {
    const record = published(charter, 'officer_removal', { replyPostedAt: H(340) });
    // 8 of 9 filled, but nobody in the employee-representative seat.
    const seats = seatsOf('board', 9, 9).map((s, i) => ({
      ...s,
      seatClass: i < 3 ? 'independent' : i === 3 ? 'employee_representative' : 'general',
      holderUserId: i === 3 ? null : s.holderUserId,
      vacatedAt: i === 3 ? T0 : null,
    }));
    const strengths = { ...full, board: bodyStrength(board, seats, T0) };
    expect(open(record, 400, 0, strengths)).toMatchObject({
      ok: false,
      code: 'voting.class_shortfall',
      reason:
        'The board is short of employee representative seats: 0 filled, the charter requires 1, and its shortfalls block critical decisions. Fill those seats first.',
    });
    const lenient = { ...charter, bodies: charter.bodies.map((b) => (b.key === 'board' ? { ...b, classShortfallBlocksCriticalDecisions: false } : b)) };
    expect(canOpenVoting({ record, charter: lenient, stageIndex: 0, strengths, now: H(400) })).toEqual({ ok: true });
  });

  it('lets a below-strength board fill its vacancies (seat appointment is not critical)', () => {
    expect(open(published(charter, 'seat_appointment'), 168, 0, strengthsWith(6))).toEqual({ ok: true });
  });

  it('fails closed when the body’s strength is unknown for a critical decision', () => {
    const result = open(published(charter, 'officer_removal', { replyPostedAt: H(1) }), 400, 0, {} as typeof full);
    expect(result).toMatchObject({ ok: false, code: 'voting.strength_unknown' });
  });

  it('checks the strength of the body of the stage being opened', () => {
    const boardPassed = stageRecord({ opensAt: H(336), closesAt: H(504), ballots: ballots({ yes: 6 }, H(340)) });
    const record = published(charter, 'charter_amendment', { stages: [boardPassed] });
    const weakMembers = { ...full, members: bodyStrength(members, seatsOf('members', 25, 12), T0) };
    expect(open(record, 504, 1, weakMembers)).toMatchObject({
      ok: false,
      code: 'voting.below_strength',
      reason: 'The member assembly is below strength: 12 of 25 charter seats filled; critical decisions need 13. Fill the vacancies first.',
    });
    expect(open(record, 504, 1)).toEqual({ ok: true });
  });

  it('refuses the second stage before the first has passed, and a stage already open', () => {
    const record = published(charter, 'charter_amendment');
    expect(open(record, 340, 1).ok).toBe(false);
    const voting = published(charter, 'charter_amendment', { stages: [stageRecord({ opensAt: H(336), closesAt: H(504) })] });
    expect(open(voting, 340, 0)).toMatchObject({
      ok: false,
      code: 'voting.already_open',
      reason: 'Voting is already open for this stage, until 17 Dec 2026, 14:00 UTC.',
    });
    expect(open(voting, 340, 1)).toMatchObject({
      ok: false,
      code: 'voting.earlier_stage_voting',
      reason: 'Stage 1 (board) is still voting until 17 Dec 2026, 14:00 UTC.',
    });
  });

  it('refuses drafts, withdrawn and decided proposals, and a stage that does not exist', () => {
    expect(open(published(charter, 'resolution', { status: 'draft', publishedAt: null }), 500)).toMatchObject({ ok: false, code: 'voting.draft' });
    expect(open(published(charter, 'resolution', { status: 'withdrawn', withdrawnAt: H(10) }), 500)).toMatchObject({
      ok: false,
      code: 'proposal.withdrawn_on',
    });
    const decided = published(charter, 'resolution', { stages: [stageRecord({ opensAt: H(168), closesAt: H(240), ballots: ballots({ yes: 5 }, H(170)) })] });
    expect(open(decided, 500)).toMatchObject({ ok: false, code: 'voting.decided', reason: 'This proposal has been decided; its voting cannot be reopened.' });
    expect(open(published(charter, 'resolution'), 500, 3)).toMatchObject({ ok: false, code: 'voting.no_such_stage' });
  });
});

describe('votingWindow / openedStageRecord', () => {
  it('closes votingWindowHours after opening', () => {
    expect(votingWindow(findType(charter, 'resolution'), 0, H(200))).toEqual({ opensAt: H(200), closesAt: H(272) });
    expect(votingWindow(findType(charter, 'charter_amendment'), 1, H(0))).toEqual({ opensAt: H(0), closesAt: H(168) });
    expect(() => votingWindow(findType(charter, 'resolution'), 1, H(0))).toThrow(/no stage 2/);
  });

  it('snapshots the body’s charter seats, not its headcount', () => {
    const type = findType(charter, 'charter_amendment');
    expect(openedStageRecord({ charter, type, stageIndex: 1, opensAt: H(10) })).toEqual({
      bodyKey: 'members',
      opensAt: H(10),
      closesAt: H(178),
      ballots: [],
      recusedSeatIds: [],
      charterSeats: 25,
    });
  });
});

describe('canCastBallot', () => {
  const seat: SeatState = seatsOf('board', 9, 9)[0]!; // board-1 held by user-1
  const voting = published(charter, 'resolution', { stages: [stageRecord({ opensAt: H(200), closesAt: H(272) })] });
  const cast = (overrides: Partial<Parameters<typeof canCastBallot>[0]> = {}) =>
    canCastBallot({ record: voting, charter, stageIndex: 0, seat, voterUserId: 'user-1', now: H(210), ...overrides });

  it('lets the seat holder vote while the stage is open — and again, to change the ballot', () => {
    expect(cast()).toEqual({ ok: true });
    const withBallot = { ...voting, stages: [{ ...voting.stages[0]!, ballots: ballots({ yes: 1 }, H(205)) }] };
    expect(cast({ record: withBallot })).toEqual({ ok: true });
  });

  it('refuses before voting opens', () => {
    expect(cast({ now: H(100) })).toMatchObject({
      ok: false,
      code: 'ballot.comment_window',
      reason: 'Voting has not opened: the comment window runs until 3 Dec 2026, 14:00 UTC.',
    });
    expect(cast({ now: H(199) })).toMatchObject({ ok: false, code: 'ballot.stage_not_opened', reason: 'Voting on this stage has not been opened yet.' });
  });

  it('accepts at opensAt and refuses at closesAt (exclusive)', () => {
    expect(cast({ now: H(200) })).toEqual({ ok: true });
    expect(cast({ now: new Date(H(272).getTime() - 1) })).toEqual({ ok: true });
    expect(cast({ now: H(272) }).ok).toBe(false);
  });

  it('refuses a seat of another body', () => {
    const memberSeat = seatsOf('members', 25, 25)[0]!;
    expect(cast({ seat: memberSeat })).toMatchObject({
      ok: false,
      code: 'seat.wrong_stage_body',
      reason: 'This seat belongs to the member assembly; this stage is decided by the board.',
    });
  });

  it('refuses someone who does not hold the seat, and a vacant seat', () => {
    expect(cast({ voterUserId: 'user-2' })).toMatchObject({ ok: false, code: 'seat.not_holder_to_act', reason: 'Only the holder of a seat can act with it.' });
    expect(cast({ seat: { ...seat, holderUserId: null, vacatedAt: T0 }, voterUserId: 'user-1' })).toMatchObject({
      ok: false,
      code: 'seat.vacant',
      reason: 'This seat is vacant.',
    });
  });

  it('refuses a recused seat', () => {
    const recused = { ...voting, stages: [{ ...voting.stages[0]!, recusedSeatIds: ['board-1'] }] };
    expect(cast({ record: recused }).ok).toBe(false);
    expect(cast({ record: recused, seat: seatsOf('board', 9, 9)[1]!, voterUserId: 'user-2' })).toEqual({ ok: true });
  });

  it('refuses voting on a stage other than the open one', () => {
    expect(cast({ stageIndex: 1 }).ok).toBe(false);
  });
});

describe('canRecuse', () => {
  const seat: SeatState = seatsOf('board', 9, 9)[0]!;
  const record = published(charter, 'resolution', { stages: [stageRecord({ opensAt: H(200), closesAt: H(272) })] });
  const recuse = (overrides: Partial<Parameters<typeof canRecuse>[0]> = {}) =>
    canRecuse({ record, charter, stageIndex: 0, seat, voterUserId: 'user-1', now: H(210), ...overrides });

  it('allowed from discussion until the stage closes', () => {
    expect(recuse({ now: H(1) })).toEqual({ ok: true });
    expect(recuse({ now: H(180) })).toEqual({ ok: true });
    expect(recuse({ now: H(271) })).toEqual({ ok: true });
    expect(recuse({ now: H(272) }).ok).toBe(false);
  });

  it('only for one’s own seat of the stage body', () => {
    expect(recuse({ voterUserId: 'user-2' }).ok).toBe(false);
    expect(recuse({ seat: seatsOf('members', 25, 25)[0]! }).ok).toBe(false);
  });

  it('not twice, and not on drafts or withdrawn proposals', () => {
    expect(recuse({ record: { ...record, stages: [{ ...record.stages[0]!, recusedSeatIds: ['board-1'] }] } }).ok).toBe(false);
    expect(recuse({ record: { ...record, status: 'draft', publishedAt: null } }).ok).toBe(false);
    expect(recuse({ record: { ...record, status: 'withdrawn', withdrawnAt: H(5) } }).ok).toBe(false);
  });

  it('not for a first stage that has closed while the second is open', () => {
    const boardPassed = stageRecord({ opensAt: H(336), closesAt: H(504), ballots: ballots({ yes: 6 }, H(340)) });
    const amendment = published(charter, 'charter_amendment', { stages: [boardPassed] });
    expect(recuse({ record: amendment, now: H(510) })).toMatchObject({ ok: false, code: 'ballot.stage_closed', reason: 'Voting on this stage has closed.' });
  });
});
