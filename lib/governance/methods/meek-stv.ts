/**
 * Meek STV: Hill, Wichmann and Woodall, "Algorithm 123 — Single Transferable Vote by Meek's
 * Method", The Computer Journal 30(3), 1987. Every elected candidate keeps only a fraction (its
 * keep factor) of each vote reaching it and passes the rest to the next preference; the quota
 * follows the votes still held by candidates; keep factors are refined until every elected
 * candidate holds the quota to within the tolerance, and only then is the lowest excluded.
 *
 * Arithmetic: fixed point to 9 decimal places, each value a BigInt in units of 10^-9. As the
 * algorithm rounds: keep factors are rounded up, the votes credited to a candidate are rounded
 * down (what a ballot keeps back is passed on whole, so no value is lost to rounding and the
 * residue is always 0.000000000), and the quota is the votes held by candidates divided by one more
 * than the seats, truncated, plus 10^-9.
 *
 * Quorate's reading, where the text had to be pinned down (docs/stv-counting.md repeats this):
 * - tolerance: an iteration ends when no elected candidate's vote exceeds the quota by more than
 *   quota / 100000 (0.001 %), or when the total surplus stops falling (rounding has reached its
 *   fixed point);
 * - a candidate is elected on reaching the quota (vote ≥ quota), and stays elected;
 * - ties (for exclusion, or more candidates reaching the quota than seats left) are broken by the
 *   most recent earlier round at which the tied candidates' votes differed, then by the public lot.
 */
import { checkBallot } from './ballots';
import { StvCount, byVotesThenId, stvBallots } from './stv-shared';
import type { Figures, Status } from './stv-shared';
import type { Ballot, Contest, TallyResult, VoteMethod } from './types';

const PLACES = 9;
const ONE = 1_000_000_000n;
/** The tolerance, as a divisor of the quota: a surplus of at most quota / 100000 is "within". */
const TOLERANCE_DIVISOR = 100_000n;

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

  /** Iterate; if that elected nobody, the surpluses are within the tolerance: exclude the lowest. */
  protected step(hopeful: number[]): void {
    if (this.iterate()) return;
    const lowest = this.lowest(hopeful);
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
   * One pass over the ballots: a ballot starts with value 1; each candidate in turn is credited
   * value × keep factor, rounded down, and the rest goes on (excluded candidates keep nothing); what
   * is left after the last preference is excess. Then the quota: (total − excess) / (seats + 1),
   * truncated, plus 10^-9.
   */
  private distribute(): void {
    const votes = this.votes.map(() => 0n);
    this.tree ??= buildTree(this.ballots, this.status);
    let excess = this.tree.empty * ONE;
    const walk = (level: Map<number, Node>, value: bigint): void => {
      for (const node of level.values()) {
        const c = node.candidate;
        const keep = this.keep[c]!;
        const kept = keep === ONE ? value : (value * keep) / ONE;
        votes[c]! += kept * node.through;
        const rest = value - kept;
        if (rest === 0n) continue;
        excess += rest * node.ending;
        if (node.children.size > 0) walk(node.children, rest);
      }
    };
    walk(this.tree.roots, ONE);
    this.votes = votes;
    this.excess = excess;
    this.quota = (this.total * ONE - excess) / BigInt(this.contest.seats + 1) + 1n;
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

  private surplusTotal(): bigint {
    return this.elected.reduce((sum, c) => (this.votes[c]! > this.quota ? sum + this.votes[c]! - this.quota : sum), 0n);
  }

  private withinTolerance(): boolean {
    const allowed = this.quota / TOLERANCE_DIVISOR;
    return this.elected.every((c) => this.votes[c]! - this.quota <= allowed);
  }

  /**
   * Refines keep factors (each elected candidate's becomes keep × quota / vote, rounded up, at
   * most 1) and redistributes, until the surpluses are within the tolerance or stop falling.
   * Returns true when someone reached the quota on the way (a round is recorded either way).
   */
  private iterate(): boolean {
    let iterations = 0;
    let lastSurplus = this.surplusTotal();
    while (!this.withinTolerance()) {
      for (const c of this.elected) {
        const v = this.votes[c]!;
        if (v === 0n) continue;
        const next = (this.keep[c]! * this.quota + v - 1n) / v;
        this.keep[c] = next > ONE ? ONE : next;
      }
      this.distribute();
      iterations++;
      const newly = this.electReached();
      if (newly.length > 0) {
        this.record('iteration', this.electedBefore(newly), [], newly);
        return true;
      }
      const surplus = this.surplusTotal();
      if (surplus >= lastSurplus) break;
      lastSurplus = surplus;
    }
    if (iterations > 0) this.record('iteration', [...this.elected], [], []);
    return false;
  }

  private electedBefore(newly: readonly number[]): number[] {
    return this.elected.filter((c) => !newly.includes(c));
  }
}
