/**
 * Scottish STV: the counting rules of the Scottish Local Government Elections Order 2007 (SSI
 * 2007/42), Schedule 1, rules 45 to 52, and the definitions in its article 2 ("continuing
 * candidate", "next available preference", "stage of the count", "surplus"). Numbers are exact:
 * every vote is a BigInt in units of 0.00001, the five decimal places of rule 48(3).
 *
 * What the Order leaves open and Quorate fixes (docs/stv-counting.md repeats this):
 * - a surplus's non-transferable papers carry no value onward; we report what they would have
 *   carried (each paper's value worked out as in rule 48(3)) as non-transferable, and the rest of
 *   the surplus, lost to the truncation of rule 48(3), as residue;
 * - candidates deemed elected at the same stage are listed by votes, then ballot-paper order;
 * - "by lot" (rules 49(3), 51(2)(b)) is the public lot of ./lot.ts.
 */
import { checkBallot } from './ballots';
import { StvCount, byVotesThenId, stvBallots } from './stv-shared';
import type { Figures } from './stv-shared';
import type { Ballot, Contest, TallyResult, VoteMethod } from './types';

const PLACES = 5;
const ONE = 100000n;

/** A parcel of identical ballot papers: where it has got to on its preferences, and its value each. */
interface Paper {
  readonly preferences: readonly number[];
  readonly count: bigint;
  position: number;
  value: bigint;
}

export const scottishStv: VoteMethod = {
  key: 'scottish_stv',
  validate: (ballot, contest) => checkBallot(ballot, contest),
  tally(ballots: readonly Ballot[], contest: Contest): TallyResult {
    return new ScottishCount(stvBallots(ballots, contest), contest).run();
  },
};

/** Statuses: "hopeful" is the Order's "continuing candidate" (article 2). */
class ScottishCount extends StvCount {
  private readonly piles: Paper[][];
  /** Elected candidates whose surplus rule 48 has not yet transferred. */
  private readonly untransferred = new Set<number>();
  private readonly quota: bigint;
  private nonTransferable = 0n;
  private residue = 0n;

  constructor(ballots: readonly Ballot[], contest: Contest) {
    // Rule 45(3): the total number of valid ballot papers (StvCount adds up the counts).
    super('scottish_stv', PLACES, ballots, contest);
    this.piles = contest.candidates.map(() => []);
    // Rule 46: total / (seats + 1), decimals ignored, plus one.
    this.quota = (this.total / BigInt(contest.seats + 1) + 1n) * ONE;
    // Rule 45(1)-(2): each paper to its first preference, one vote each.
    for (const b of ballots) this.place({ preferences: b.preferences, count: BigInt(b.count), position: -1, value: ONE });
  }

  protected firstCount(): void {
    this.record('first_count', [], [], this.electReached());
  }

  /**
   * Rule 52 (as many continuing candidates as vacancies: all elected, no further transfer) is
   * StvCount's closing round. Otherwise rule 48: transfer a surplus if there is one; rule 50:
   * else exclude the lowest.
   */
  protected step(hopeful: number[]): void {
    const surplusOf = this.nextSurplus();
    if (surplusOf !== undefined) {
      this.transferSurplus(surplusOf);
      this.record('surplus', [surplusOf], [], this.electReached());
    } else {
      // Rule 50(1): the lowest continuing candidate; rule 51: ties by the earlier stages, then lot.
      const lowest = this.lowest(hopeful);
      this.exclude(lowest);
      this.record('exclusion', [lowest], [lowest], this.electReached());
    }
  }

  protected figures(): Figures {
    return { nonTransferable: this.nonTransferable, residue: this.residue, quota: this.quota };
  }

  /** Moves a parcel to its next available preference, or sets it aside as non-transferable. */
  private place(paper: Paper): boolean {
    for (let i = paper.position + 1; i < paper.preferences.length; i++) {
      const c = paper.preferences[i]!;
      if (this.status[c] !== 'hopeful') continue;
      paper.position = i;
      this.piles[c]!.push(paper);
      this.votes[c]! += paper.value * paper.count;
      return true;
    }
    return false;
  }

  /** Rule 47(1): continuing candidates at or over the quota are deemed elected. */
  private electReached(): number[] {
    const reached = byVotesThenId(
      this.hopeful().filter((c) => this.votes[c]! >= this.quota),
      this.votes,
    );
    for (const c of reached) {
      this.elect(c);
      if (this.votes[c]! > this.quota) this.untransferred.add(c);
    }
    return reached;
  }

  /**
   * Rule 49(1): the highest surplus first; rule 49(2): equal surpluses go by the most votes at the
   * end of the most recent preceding stage at which the candidates' votes differed; rule 49(3): lot.
   */
  private nextSurplus(): number | undefined {
    const pending = [...this.untransferred];
    if (pending.length === 0) return undefined;
    const largest = pending.reduce((m, c) => (this.votes[c]! > m ? this.votes[c]! : m), 0n);
    const tied = pending.filter((c) => this.votes[c] === largest);
    return tied.length === 1 ? tied[0] : this.breakTie('surplus_order', tied, 'highest');
  }
  /**
   * Rule 48: every paper the candidate holds goes to its next available preference at
   * surplus × (its value when received) / (the candidate's votes), to five decimal places with
   * any remainder ignored; the candidate keeps the quota.
   */
  private transferSurplus(c: number): void {
    this.untransferred.delete(c);
    const held = this.votes[c]!;
    const surplus = held - this.quota;
    const pile = this.piles[c]!;
    this.piles[c] = [];
    // Values in units of 10^-5: (S/10^5)(v/10^5)/(T/10^5) = S·v/T / 10^5, so S·v/T truncated.
    const transferValue = new Map<bigint, bigint>();
    let moved = 0n;
    let setAside = 0n;
    for (const paper of pile) {
      let value = transferValue.get(paper.value);
      if (value === undefined) {
        value = (surplus * paper.value) / held;
        transferValue.set(paper.value, value);
      }
      paper.value = value;
      if (this.place(paper)) moved += value * paper.count;
      else setAside += value * paper.count;
    }
    this.votes[c] = this.quota;
    this.nonTransferable += setAside;
    this.residue += surplus - moved - setAside;
  }

  /** Rule 50(2)-(4): every paper goes on at the value it had when the excluded candidate received it. */
  private exclude(c: number): void {
    this.status[c] = 'excluded';
    const pile = this.piles[c]!;
    this.piles[c] = [];
    for (const paper of pile) {
      if (!this.place(paper)) this.nonTransferable += paper.value * paper.count;
    }
    this.votes[c] = 0n;
  }
}
