/**
 * Counting a member-wide stage (a body whose voters are a roll of members, not charter seats):
 * quorum and thresholds count against the roll snapshotted when voting opened — its total weight,
 * as a seat body counts against its charter seats — and each counted member's weight goes with
 * their own ballot or, when they did not vote, their delegate's (delegation.ts). Exact integers.
 */
import { carriedWeights, resolveRepresentation } from './delegation';
import { minimumCount, meetsRatio } from './tally';
import type { Ballot, BallotChoice, ChoiceBallot, RollEntry, StageSpec, TallyResult } from './types';

/** The key a member's ballot goes under in a stage's record (member ballots have no seat). */
export const memberBallotKey = (userId: string) => `member:${userId}`;

/** What a member-wide tally adds: the roll, and how much of the count came through delegates. */
export type MemberTallyFacts = {
  rollSize: number;
  rollWeight: number;
  /** People who voted themselves, and the weight they cast themselves. */
  voters: number;
  directWeight: number;
  /** People counted through a delegate's ballot, and their weight. */
  represented: number;
  delegatedWeight: number;
};

/** The current ballot of each member inside the window: the latest wins. */
export function currentMemberBallots<B extends { voterUserId: string; castAt: Date }>(
  ballots: readonly B[],
  window: { opensAt: Date; closesAt: Date },
): Map<string, B> {
  const latest = new Map<string, B>();
  for (const b of ballots) {
    const t = b.castAt.getTime();
    if (t < window.opensAt.getTime() || t >= window.closesAt.getTime()) continue;
    const held = latest.get(b.voterUserId);
    if (!held || t > held.castAt.getTime()) latest.set(b.voterUserId, b);
  }
  return latest;
}

/** Each voter's ballot with the weight it carries, and the facts of the roll. */
export function weighBallots<B extends { voterUserId: string }>(
  roll: readonly RollEntry[],
  current: ReadonlyMap<string, B>,
  maxDepth: number | null,
): { weighed: { ballot: B; weight: number }[]; facts: MemberTallyFacts } {
  // Only ballots of members on the roll count (a ballot from anyone else never reaches here, but the count does not trust that).
  const onRoll = new Set(roll.map((e) => e.userId));
  const voted = new Set([...current.keys()].filter((u) => onRoll.has(u)));
  const representation = resolveRepresentation(roll, voted, maxDepth);
  const carried = carriedWeights(roll, representation);
  const weightOf = new Map(roll.map((e) => [e.userId, e.weight]));
  let directWeight = 0;
  for (const u of voted) directWeight += weightOf.get(u)!;
  let delegatedWeight = 0;
  for (const w of carried.values()) delegatedWeight += w;
  delegatedWeight -= directWeight;
  const weighed = [...voted].sort().map((u) => ({ ballot: current.get(u)!, weight: carried.get(u) ?? 0 }));
  return {
    weighed,
    facts: {
      rollSize: roll.length,
      rollWeight: roll.reduce((s, e) => s + e.weight, 0),
      voters: voted.size,
      directWeight,
      represented: representation.size - voted.size,
      delegatedWeight,
    },
  };
}

/** A yes/no/abstain member-wide stage. `cast` is the weight that took part, directly or by delegate. */
export function memberStageTally(input: {
  roll: readonly RollEntry[];
  ballots: readonly Ballot[];
  window: { opensAt: Date; closesAt: Date };
  stage: StageSpec;
  maxDepth: number | null;
}): TallyResult & { members: MemberTallyFacts } {
  const { weighed, facts } = weighBallots(input.roll, currentMemberBallots(input.ballots, input.window), input.maxDepth);
  const sums: Record<BallotChoice, number> = { yes: 0, no: 0, abstain: 0 };
  for (const { ballot, weight } of weighed) sums[ballot.choice] += weight;
  const cast = sums.yes + sums.no + sums.abstain;
  const quorumRequired = minimumCount(facts.rollWeight, input.stage.quorum);
  const quorumMet = cast >= quorumRequired && cast > 0;
  const thresholdBase = input.stage.thresholdBase === 'charter_seats' ? facts.rollWeight : sums.yes + sums.no;
  const yesRequired = Math.max(1, minimumCount(thresholdBase, input.stage.threshold));
  const thresholdMet = thresholdBase > 0 && meetsRatio(sums.yes, thresholdBase, input.stage.threshold);
  const passed = quorumMet && thresholdMet;
  return {
    ...sums,
    cast,
    charterSeats: facts.rollWeight,
    recused: 0,
    quorumRequired,
    quorumMet,
    thresholdBase,
    yesRequired,
    passed,
    outcome: passed ? 'passed' : !quorumMet ? 'failed_quorum' : 'rejected',
    members: facts,
  };
}

/** A member-wide choice among options: the weighed ballots the method counts at the close, and the stage's tally before the count. */
export function memberChoiceTally(input: {
  roll: readonly RollEntry[];
  ballots: readonly ChoiceBallot[];
  window: { opensAt: Date; closesAt: Date };
  stage: StageSpec;
  maxDepth: number | null;
  methodKey: NonNullable<TallyResult['choice']>['method'];
}): { tally: TallyResult & { members: MemberTallyFacts }; weighed: { preferences: readonly number[]; count: number; receipt: string | null }[] } {
  const { weighed, facts } = weighBallots(input.roll, currentMemberBallots(input.ballots, input.window), input.maxDepth);
  const counted = weighed.filter((w) => w.weight > 0);
  const cast = counted.reduce((s, w) => s + w.weight, 0);
  const quorumRequired = minimumCount(facts.rollWeight, input.stage.quorum);
  const quorumMet = cast >= quorumRequired && cast > 0;
  return {
    tally: {
      yes: 0,
      no: 0,
      abstain: 0,
      cast,
      charterSeats: facts.rollWeight,
      recused: 0,
      quorumRequired,
      quorumMet,
      thresholdBase: cast,
      yesRequired: 0,
      passed: quorumMet,
      outcome: quorumMet ? 'passed' : 'failed_quorum',
      choice: { method: input.methodKey },
      members: facts,
    },
    // Each voter's ballot once, with the weight it carried and its receipt (for the list the close publishes).
    weighed: counted.map((w) => ({ preferences: w.ballot.preferences, count: w.weight, receipt: w.ballot.receipt ?? null })),
  };
}

/** How far delegation chains are followed in a type's member-wide votes: 0 (only one's own ballot) when it allows none. */
export function delegationDepth(type: { delegation?: { allowed: boolean; maxDepth: number | null } }): number | null {
  return type.delegation?.allowed ? type.delegation.maxDepth : 0;
}
