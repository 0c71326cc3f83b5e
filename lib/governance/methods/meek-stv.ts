/**
 * Meek STV: Hill, Wichmann and Woodall, "Algorithm 123 — Single Transferable Vote by Meek's
 * Method", The Computer Journal 30(3), 1987, counted to the arithmetic and stopping rule of Hill's
 * fixed-point implementation ("Implementing STV by Meek's method", Voting matters 22, 2006) as the
 * Proportional Representation Foundation's Reference Meek Rule states them step by step
 * (prfound.org/resources/reference/reference-meek-rule/; Droop's rule "meek-prf" counts it). Every
 * elected candidate keeps only a fraction (its keep factor) of each vote reaching it and passes the
 * rest to the next preference; the quota follows the votes still held by candidates; keep factors
 * are refined until the total surplus is below omega, and only then is the lowest excluded.
 *
 * Arithmetic: fixed point to 9 decimal places, each value a BigInt in units of 10^-9:
 * - a candidate is credited the weight reaching it × its keep factor, rounded up, and the ballot's
 *   weight falls by the same amount (what is left after the last preference is excess);
 * - quota: the votes held by candidates divided by one more than the seats, truncated, plus 10^-9;
 * - new keep factor: keep factor × quota (rounded up), divided by the candidate's votes (rounded up).
 * No value is lost to rounding, so the residue is always 0.000000000.
 *
 * Rules (docs/stv-counting.md repeats this):
 * - a hopeful candidate is elected on reaching the quota (vote ≥ quota), and stays elected;
 * - iteration ends when someone is elected, when the total surplus (elected candidates' votes less
 *   the quota, summed, at least 0) is below omega = 0.000001, or when it stops falling;
 * - then the lowest hopeful is excluded; every hopeful within the total surplus of the lowest is
 *   tied with it (the reference rule's B.3). Ties (for exclusion, or more candidates reaching the
 *   quota than seats left) are broken by the most recent round at which the tied candidates' votes
 *   differed, then by the public lot: Quorate's tie procedure, where the reference rule leaves it
 *   to the election's own.
 */
import { checkBallot } from './ballots';
import { StvCount, byVotesThenId, stvBallots } from './stv-shared';
import type { Figures, Status } from './stv-shared';
import type { Ballot, Contest, TallyResult, VoteMethod } from './types';

const PLACES = 9;
const ONE = 1_000_000_000n;
/** Omega: iteration stops once the total surplus is below 0.000001 (in units of 10^-9). */
const OMEGA = 1_000n;

/** a × b in units of 10^-9, rounded up (both non-negative). */
const mulUp = (a: bigint, b: bigint): bigint => (a * b + ONE - 1n) / ONE;
/** a / b in units of 10^-9, rounded up (a non-negative, b positive). */
const divUp = (a: bigint, b: bigint): bigint => (a * ONE + b - 1n) / b;

/**
 * The ballots as a tree of what matters to a distribution: each ballot's preferences with excluded
 * and withdrawn candidates left out (they pass a vote on whole), down to its first hopeful (who
 * keeps all of it). Ballots that agree that far share a path, so a distribution walks each distinct
 * path once, not each ballot; the tree is rebuilt only when a candidate is elected or excluded.
 * `through` counts the ballots reaching a node, `ending` those with no preference after it.
 */
interface Node {
  readonly candidate: number;
  readonly through: bigint;
  readonly ending: bigint;
  readonly children: Map<number, Node>;
}

interface Tree {
  readonly roots: Map<number, Node>;
  /** Ballots naming no candidate still in the count: all of their value is excess. */
  readonly empty: bigint;
}

export const meekStv: VoteMethod = {
  key: 'meek_stv',
  validate: (ballot, contest) => checkBallot(ballot, contest),
  tally(ballots: readonly Ballot[], contest: Contest): TallyResult {
    return new MeekCount(stvBallots(ballots, contest), contest).run();
  },
};

function buildTree(ballots: readonly Ballot[], status: readonly Status[]): Tree {
  // Counts add up as numbers (exact: `stvBallots` keeps the total a safe integer), then become BigInt.
  interface Draft {
    readonly candidate: number;
    through: number;
    ending: number;
    readonly children: Map<number, Draft>;
  }
  const roots = new Map<number, Draft>();
  let empty = 0;
  for (const b of ballots) {
    let level = roots;
    let last: Draft | undefined;
    let stopped = false;
    for (const c of b.preferences) {
      if (status[c] === 'excluded' || status[c] === 'withdrawn') continue;
      let node = level.get(c);
      if (!node) {
        node = { candidate: c, through: 0, ending: 0, children: new Map() };
        level.set(c, node);
      }
      node.through += b.count;
      if (status[c] === 'hopeful') {
        stopped = true;
        break;
      }
      last = node;
      level = node.children;
    }
    if (stopped) continue;
    if (last) last.ending += b.count;
    else empty += b.count;
  }
  const exact = (level: Map<number, Draft>): Map<number, Node> =>
    new Map([...level].map(([c, d]) => [c, { candidate: d.candidate, through: BigInt(d.through), ending: BigInt(d.ending), children: exact(d.children) }]));
  return { roots: exact(roots), empty: BigInt(empty) };
}

class MeekCount extends StvCount {
  private readonly keep: bigint[];
  private excess = 0n;
  private quota = 0n;
  /** The total surplus at the end of the last iteration. */
  private surplus = 0n;
  private readonly ballots: readonly Ballot[];
  /** The tree for the current statuses; undefined after an election or exclusion changed them. */
  private tree: Tree | undefined;

  constructor(ballots: readonly Ballot[], contest: Contest) {
    super('meek_stv', PLACES, ballots, contest);
    // Hopeful candidates keep all of a vote (1); withdrawn and excluded ones none (0).
    this.keep = this.status.map((s) => (s === 'hopeful' ? ONE : 0n));
    this.ballots = ballots;
  }

  protected firstCount(): void {
    this.distribute();
    this.record('first_count', [], [], this.electReached());
  }

  /**
   * Iterate; if that elected nobody, exclude the lowest hopeful. Every hopeful whose vote is within
   * the total surplus of the lowest is tied with it (reference rule B.3).
   */
  protected step(hopeful: number[]): void {
    if (this.iterate()) return;
    const least = hopeful.reduce((m, c) => (this.votes[c]! < m ? this.votes[c]! : m), this.votes[hopeful[0]!]!);
    const tied = hopeful.filter((c) => this.votes[c]! <= least + this.surplus);
    const lowest = tied.length === 1 ? tied[0]! : this.breakTie('exclude', tied, 'lowest');
    this.status[lowest] = 'excluded';
    this.keep[lowest] = 0n;
    this.tree = undefined;
    this.distribute();
    this.record('exclusion', [lowest], [lowest], this.electReached());
  }

  protected figures(): Figures {
    return { nonTransferable: this.excess, residue: 0n, quota: this.quota, keepFactors: this.keep };
  }

  protected override elect(c: number): void {
    super.elect(c);
    this.tree = undefined;
  }

  /**
   * One pass over the ballots: a ballot starts with weight 1; each candidate in turn is credited
   * weight × keep factor, rounded up, and the weight falls by as much (excluded candidates keep
   * nothing); what is left after the last preference is excess. Then the quota: the votes held by
   * candidates / (seats + 1), truncated, plus 10^-9.
   */
  private distribute(): void {
    const votes = this.votes.map(() => 0n);
    this.tree ??= buildTree(this.ballots, this.status);
    const walk = (level: Map<number, Node>, value: bigint): void => {
      for (const node of level.values()) {
        const c = node.candidate;
        const keep = this.keep[c]!;
        const kept = keep === ONE ? value : mulUp(value, keep);
        votes[c]! += kept * node.through;
        const rest = value - kept;
        // A keep factor above 1 (an elected candidate fallen below the quota) can take more than is left.
        if (rest <= 0n) continue;
        if (node.children.size > 0) walk(node.children, rest);
      }
    };
    walk(this.tree.roots, ONE);
    this.votes = votes;
    const held = votes.reduce((sum, v) => sum + v, 0n);
    this.excess = this.total * ONE - held;
    this.quota = held / BigInt(this.contest.seats + 1) + 1n;
  }

  /** Hopeful candidates at or over the quota are elected, most votes first, up to the seats left. */
  private electReached(): number[] {
    let reached = byVotesThenId(
      this.hopeful().filter((c) => this.votes[c]! >= this.quota),
      this.votes,
    );
    const room = this.contest.seats - this.elected.length;
    if (reached.length > room) reached = this.firstOf(reached, room);
    for (const c of reached) this.elect(c);
    return reached;
  }

  /** The first `room` of candidates ordered by votes, a tie at the cut broken by earlier rounds, then lot. */
  private firstOf(ordered: number[], room: number): number[] {
    const cut = this.votes[ordered[room - 1]!]!;
    const sure = ordered.filter((c) => this.votes[c]! > cut);
    let tied = ordered.filter((c) => this.votes[c] === cut);
    while (sure.length < room) {
      const chosen = this.breakTie('elect', tied, 'highest');
      sure.push(chosen);
      tied = tied.filter((c) => c !== chosen);
    }
    return sure;
  }

  /** Reference rule B.2.d: the elected candidates' votes less the quota, summed, but not less than 0. */
  private surplusTotal(): bigint {
    const sum = this.elected.reduce((total, c) => total + this.votes[c]! - this.quota, 0n);
    return sum > 0n ? sum : 0n;
  }

  /**
   * Reference rule B.2: the votes of this round's first iteration are already distributed (by the
   * first count, an exclusion, or the iteration that elected someone). While the total surplus is
   * at least omega and still falling, each elected candidate's keep factor becomes
   * keep × quota (rounded up) / vote (rounded up), and the ballots are distributed again. Returns
   * true when someone reached the quota on the way (a round is recorded either way).
   */
  private iterate(): boolean {
    let iterations = 0;
    // "Except for the first iteration": the first compares with the number of ballots.
    let lastSurplus = this.total * ONE;
    for (;;) {
      this.surplus = this.surplusTotal();
      if (this.surplus < OMEGA || this.surplus >= lastSurplus) break;
      lastSurplus = this.surplus;
      for (const c of this.elected) {
        const v = this.votes[c]!;
        if (v > 0n) this.keep[c] = divUp(mulUp(this.keep[c]!, this.quota), v);
      }
      this.distribute();
      iterations++;
      const newly = this.electReached();
      if (newly.length > 0) {
        this.surplus = this.surplusTotal();
        this.record('iteration', this.electedBefore(newly), [], newly);
        return true;
      }
    }
    if (iterations > 0) this.record('iteration', [...this.elected], [], []);
    return false;
  }

  private electedBefore(newly: readonly number[]): number[] {
    return this.elected.filter((c) => !newly.includes(c));
  }
}
