import { assertBallots, checkBallot } from './ballots';
import { drawByLot } from './ties';
import type { Ballot, Contest, Round, TieBreak, VoteMethod } from './types';

/**
 * Instant-runoff (ranked, one winner). Each ballot counts for its highest-ranked continuing
 * candidate. A candidate with more than half of the votes held by continuing candidates wins;
 * otherwise the candidate with the fewest votes is excluded and its ballots pass to their next
 * continuing preference, a ballot with none left becoming non-transferable (exhausted). A tie
 * for fewest is broken by the earlier rounds (the one with fewer votes in the latest round where
 * they differed), then by the public lot. Ballots may rank as few candidates as they like.
 */
export const irv: VoteMethod = {
  key: 'irv',
  validate: (ballot, contest) => checkBallot(ballot, contest),
  tally(ballots, contest) {
    if (contest.seats !== 1) throw new RangeError(`Instant-runoff elects one candidate; this contest has ${contest.seats} seats.`);
    const total = assertBallots(ballots, contest, irv.validate);
    const count = new Count(ballots, contest);
    const rounds: Round[] = [];
    const ties: TieBreak[] = [];
    let action: Round['action'] = { kind: 'first_count', candidates: [] };
    for (;;) {
      const number = rounds.length + 1;
      const winner = count.majority();
      rounds.push({
        number,
        action,
        votes: count.votes.map(String),
        nonTransferable: String(count.exhausted),
        residue: '0',
        elected: winner === null ? [] : [winner],
        excluded: action.kind === 'exclusion' ? action.candidates : [],
      });
      if (winner !== null || count.exhausted === total) break;
      const lowest = chooseLowest(count, rounds, contest, number + 1);
      if (lowest.tie) ties.push(lowest.tie);
      count.exclude(lowest.candidate);
      action = { kind: 'exclusion', candidates: [lowest.candidate] };
    }
    const last = rounds[rounds.length - 1]!;
    return { method: 'irv', elected: last.elected, rounds, ties, totalValid: String(total) };
  },
};

/** The state of an instant-runoff count: which pile each ballot is in, and the votes. */
class Count {
  readonly votes: number[];
  readonly continuing: boolean[];
  exhausted = 0;
  private readonly next: Int32Array;
  private readonly piles: number[][];

  constructor(
    private readonly ballots: readonly Ballot[],
    contest: Contest,
  ) {
    const withdrawn = new Set(contest.withdrawn ?? []);
    this.votes = contest.candidates.map(() => 0);
    this.continuing = contest.candidates.map((_, c) => !withdrawn.has(c));
    this.piles = contest.candidates.map(() => []);
    this.next = new Int32Array(ballots.length);
    for (let i = 0; i < ballots.length; i++) this.place(i);
  }

  /** Gives ballot `i` to its highest-ranked continuing candidate at or after its current place. */
  private place(i: number): void {
    const { preferences, count } = this.ballots[i]!;
    let at = this.next[i]!;
    while (at < preferences.length && !this.continuing[preferences[at]!]) at++;
    this.next[i] = at;
    if (at === preferences.length) {
      this.exhausted += count;
      return;
    }
    const c = preferences[at]!;
    this.piles[c]!.push(i);
    this.votes[c]! += count;
  }

  /** The continuing candidate holding more than half of the continuing votes, if any. */
  majority(): number | null {
    const active = this.votes.reduce((a, b) => a + b, 0);
    const leader = this.votes.findIndex((v) => v * 2 > active);
    return leader === -1 ? null : leader;
  }

  exclude(c: number): void {
    this.continuing[c] = false;
    const pile = this.piles[c]!;
    this.piles[c] = [];
    this.votes[c] = 0;
    for (const i of pile) this.place(i);
  }
}

/**
 * The continuing candidate with the fewest votes. Among several, look back through the earlier
 * rounds, latest first, keeping only those with the fewest votes in each, until one is left;
 * if several are still tied after the first count, draw by lot.
 */
function chooseLowest(count: Count, rounds: readonly Round[], contest: Contest, round: number): { candidate: number; tie?: TieBreak } {
  const continuing = count.votes.map((_, c) => c).filter((c) => count.continuing[c]);
  const fewest = Math.min(...continuing.map((c) => count.votes[c]!));
  const tied = continuing.filter((c) => count.votes[c] === fewest);
  if (tied.length === 1) return { candidate: tied[0]! };
  let among = tied;
  for (let r = rounds.length - 2; r >= 0 && among.length > 1; r--) {
    const votes = rounds[r]!.votes.map(Number);
    const least = Math.min(...among.map((c) => votes[c]!));
    among = among.filter((c) => votes[c] === least);
  }
  if (among.length === 1) return { candidate: among[0]!, tie: { round, among: tied, chosen: among[0]!, by: 'earlier_rounds', purpose: 'exclude' } };
  const { chosen, ties } = drawByLot(contest, 'irv', 'exclude', round, among, 1);
  return { candidate: chosen[0]!, tie: ties[0]! };
}
