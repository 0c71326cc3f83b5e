import { assertBallots, checkBallot } from './ballots';
import { breakTie } from './ties';
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
    const total = assertBallots(ballots, contest);
    const count = new Count(ballots, contest);
    const rounds: Round[] = [];
    /** Every round's votes, for the tie rule. */
    const history: number[][] = [];
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
      history.push([...count.votes]);
      if (winner !== null || count.exhausted === total) break;
      const lowest = chooseLowest(count, history, contest, number + 1, ties);
      count.exclude(lowest);
      action = { kind: 'exclusion', candidates: [lowest] };
    }
    const last = rounds[rounds.length - 1]!;
    return { method: 'irv', elected: last.elected, rounds, ties, totalValid: String(total) };
  },
};

/**
 * The state of an instant-runoff count. Preferences are copied into one flat array, and each
 * candidate's pile is a linked list of ballot indices, so excluding a candidate touches only the
 * ballots it held (a million ballots are counted in a benchmark).
 */
class Count {
  readonly votes: number[];
  readonly continuing: boolean[];
  exhausted = 0;
  private readonly counts: Float64Array;
  private readonly prefs: Int32Array;
  /** Ballot i's preferences are prefs[start[i]] up to prefs[start[i + 1]]. */
  private readonly start: Int32Array;
  /** Where in prefs ballot i is read now. */
  private readonly at: Int32Array;
  /** The first ballot in each candidate's pile, and the ballot after each in its pile (-1: none). */
  private readonly head: Int32Array;
  private readonly link: Int32Array;

  constructor(ballots: readonly Ballot[], contest: Contest) {
    const withdrawn = new Set(contest.withdrawn ?? []);
    this.votes = contest.candidates.map(() => 0);
    this.continuing = contest.candidates.map((_, c) => !withdrawn.has(c));
    this.head = new Int32Array(contest.candidates.length).fill(-1);
    this.link = new Int32Array(ballots.length);
    this.counts = new Float64Array(ballots.length);
    this.start = new Int32Array(ballots.length + 1);
    let length = 0;
    for (let i = 0; i < ballots.length; i++) {
      this.start[i] = length;
      length += ballots[i]!.preferences.length;
    }
    this.start[ballots.length] = length;
    this.prefs = new Int32Array(length);
    for (let i = 0, to = 0; i < ballots.length; i++) {
      const { preferences, count } = ballots[i]!;
      for (let k = 0; k < preferences.length; k++) this.prefs[to++] = preferences[k]!;
      this.counts[i] = count;
    }
    this.at = this.start.slice(0, ballots.length);
    for (let i = 0; i < ballots.length; i++) this.place(i);
  }

  /** Gives ballot `i` to its highest-ranked continuing candidate from where it is read now. */
  private place(i: number): void {
    const end = this.start[i + 1]!;
    let at = this.at[i]!;
    while (at < end && !this.continuing[this.prefs[at]!]) at++;
    this.at[i] = at;
    if (at === end) {
      this.exhausted += this.counts[i]!;
      return;
    }
    const c = this.prefs[at]!;
    this.link[i] = this.head[c]!;
    this.head[c] = i;
    this.votes[c]! += this.counts[i]!;
  }

  /** The continuing candidate holding more than half of the continuing votes, if any. */
  majority(): number | null {
    const active = this.votes.reduce((a, b) => a + b, 0);
    const leader = this.votes.findIndex((v) => v * 2 > active);
    return leader === -1 ? null : leader;
  }

  exclude(c: number): void {
    this.continuing[c] = false;
    this.votes[c] = 0;
    let i = this.head[c]!;
    this.head[c] = -1;
    while (i !== -1) {
      const next = this.link[i]!;
      this.place(i);
      i = next;
    }
  }
}

/**
 * The continuing candidate with the fewest votes; a tie goes to `breakTie` (./ties.ts): the
 * earlier rounds, latest first, then the lot, drawn for `round`, the round of the exclusion.
 */
function chooseLowest(count: Count, history: readonly number[][], contest: Contest, round: number, ties: TieBreak[]): number {
  const continuing = count.votes.map((_, c) => c).filter((c) => count.continuing[c]);
  const fewest = Math.min(...continuing.map((c) => count.votes[c]!));
  const tied = continuing.filter((c) => count.votes[c] === fewest);
  return tied.length === 1 ? tied[0]! : breakTie({ method: 'irv', round, purpose: 'exclude', tied, want: 'lowest', history, contest }, ties);
}
