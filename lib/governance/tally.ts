/**
 * Counting a stage's ballots (docs/design.md §3.3, §3.6). Exact integer arithmetic throughout: a
 * threshold of 2/3 is never a floating-point 0.6666….
 *
 * Lesson: two or three people decided for a board of nine. Quorum is counted against the
 * CHARTER's seats, never against how many seats happen to be filled or who turned up.
 */
import type { Ballot, BallotChoice, BodySpec, Ratio, StageSpec, TallyResult } from './types';

/** True when `count` out of `base` meets the ratio: count/base ≥ num/den (inclusive) or > (exclusive). */
export function meetsRatio(count: number, base: number, ratio: Ratio): boolean {
  const lhs = count * ratio.den;
  const rhs = ratio.num * base;
  return ratio.inclusive ? lhs >= rhs : lhs > rhs;
}

/** The smallest whole count that meets the ratio of `base` (ceil for "at least", floor+1 for "more than"). */
export function minimumCount(base: number, ratio: Ratio): number {
  const product = ratio.num * base;
  return ratio.inclusive ? Math.ceil(product / ratio.den) : Math.floor(product / ratio.den) + 1;
}

/** When two ballots of one seat carry the same instant, the more cautious choice wins — whatever the input order. */
const tieRank: Record<BallotChoice, number> = { yes: 0, abstain: 1, no: 2 };

/** The current ballot of each seat: the latest castAt wins (ties broken by tieRank). */
export function latestBallots(ballots: Ballot[]): Ballot[] {
  const bySeat = new Map<string, Ballot>();
  for (const b of ballots) {
    const held = bySeat.get(b.seatId);
    if (!held || isLater(b, held)) bySeat.set(b.seatId, b);
  }
  return [...bySeat.values()];
}

function isLater(a: Ballot, b: Ballot): boolean {
  const d = a.castAt.getTime() - b.castAt.getTime();
  if (d !== 0) return d > 0;
  return tieRank[a.choice] > tieRank[b.choice];
}

export type TallyInput = {
  ballots: Ballot[];
  stage: StageSpec;
  body: BodySpec;
  /** The body's charter seats for this proposal (the snapshot taken when voting opened). */
  charterSeats: number;
  recusedSeatIds: string[];
  /**
   * Set (snapshotted when voting opened) only for a seat-appointment vote of a body that fills
   * vacancies by remaining majority: the number of people then holding a seat of the body.
   */
  holdersInOffice?: number | null;
};

export function tallyStage({ ballots, stage, body, charterSeats, recusedSeatIds, holdersInOffice = null }: TallyInput): TallyResult {
  const recusedSet = new Set(recusedSeatIds);
  // docs/design.md §3.6: a declared conflict removes the seat from this vote — whatever it cast, before or after recusing.
  const current = latestBallots(ballots).filter((b) => !recusedSet.has(b.seatId));
  const yes = current.filter((b) => b.choice === 'yes').length;
  const no = current.filter((b) => b.choice === 'no').length;
  const abstain = current.filter((b) => b.choice === 'abstain').length;
  const cast = yes + no + abstain;
  const recused = Math.min(recusedSet.size, charterSeats);

  // docs/design.md §3.3: quorum base is the charter seat count (less recused seats only where the charter says so).
  const quorumBase = body.recusedSeatsCountTowardQuorumBase ? charterSeats : charterSeats - recused;
  const quorumRequired = minimumCount(quorumBase, stage.quorum);
  const quorumMet = cast >= quorumRequired;

  // votes_cast: abstentions are neutral. charter_seats: every seat not voting yes counts against.
  const thresholdBase = stage.thresholdBase === 'charter_seats' ? charterSeats : yes + no;
  // With nobody voting yes or no there is nothing to be a majority of: a zero base never passes.
  const yesRequired = Math.max(1, minimumCount(thresholdBase, stage.threshold));
  const thresholdMet = thresholdBase > 0 && meetsRatio(yes, thresholdBase, stage.threshold);
  const normallyPassed = quorumMet && thresholdMet;

  // Vacancies may be filled by a majority of the seat holders remaining in office, even when they
  // are fewer than a quorum (as statutes allow directors to): otherwise a board of 4 of 9 could
  // never refill itself. The base is the number in office when voting opened, fixed for this vote.
  const remainingMajority =
    holdersInOffice !== null && holdersInOffice >= 1
      ? { holdersInOffice, yesRequired: Math.floor(holdersInOffice / 2) + 1, met: yes * 2 > holdersInOffice }
      : undefined;
  const passed = normallyPassed || Boolean(remainingMajority?.met);

  return {
    yes,
    no,
    abstain,
    cast,
    charterSeats,
    recused,
    quorumRequired,
    quorumMet,
    thresholdBase,
    yesRequired,
    passed,
    outcome: passed ? 'passed' : !quorumMet ? 'failed_quorum' : 'rejected',
    ...(remainingMajority ? { remainingMajority } : {}),
  };
}
