/**
 * What the two STV rules (./scottish-stv.ts and ./meek-stv.ts) share: the ballots a count uses,
 * exact fixed-point formatting and the skeleton of a count (`StvCount`), whose ties go to
 * `breakTie` (./ties.ts) like instant-runoff's.
 * Pure: no floating point anywhere; every vote value is a BigInt scaled by 10^places.
 */
import { assertBallots, assertSeats, skipWithdrawn } from './ballots';
import { breakTie } from './ties';
import type { Ballot, Contest, MethodKey, Round, TallyResult, TieBreak } from './types';

/**
 * The ballots an STV count uses: throws `InvalidBallotError` on one `checkBallot` refuses, except
 * that a withdrawn candidate is allowed and skipped (as the BLT format's withdrawn line means, see
 * `Contest`); a ballot naming only withdrawn candidates is left out, like a blank one. The total
 * count must be a safe integer (the counts add up exactly as numbers).
 */
export function stvBallots(ballots: readonly Ballot[], contest: Contest): readonly Ballot[] {
  assertSeats(contest);
  assertBallots(ballots, contest, contest.candidates.length, 'skip');
  return contest.withdrawn?.length ? skipWithdrawn(ballots, contest.withdrawn).ballots : ballots;
}

/** The exact decimal string of `value / 10^places`, with all `places` digits. */
export function formatFixed(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const sign = negative ? '-' : '';
  return places === 0 ? `${sign}${whole}` : `${sign}${whole}.${digits.slice(digits.length - places)}`;
}

/** Candidates in the order of election among those reaching it at once: more votes first, then ballot-paper order. */
export function byVotesThenId(candidates: readonly number[], votes: readonly bigint[]): number[] {
  return [...candidates].sort((a, b) => (votes[a]! > votes[b]! ? -1 : votes[a]! < votes[b]! ? 1 : a - b));
}

/** Where a candidate stands: "hopeful" is the Order's "continuing candidate". */
export type Status = 'hopeful' | 'elected' | 'excluded' | 'withdrawn';

/** The figures a round reports besides the votes, as exact fixed-point values. */
export interface Figures {
  readonly nonTransferable: bigint;
  /** Value lost to rounding so far (0 where the method loses none), written like every other figure. */
  readonly residue: bigint;
  readonly quota: bigint;
  readonly keepFactors?: readonly bigint[];
}

/**
 * The shape both STV counts share: a first count, then one step at a time (a transfer, an
 * exclusion, an iteration) until the seats are filled; when the hopefuls left are no more than the
 * seats left, they are all elected in a closing round (Scottish rule 52; Algorithm 123 likewise).
 * Subclasses keep `votes` current and say what a step does.
 */
export abstract class StvCount {
  protected readonly status: Status[];
  protected votes: bigint[];
  protected readonly elected: number[] = [];
  protected readonly rounds: Round[] = [];
  /** Every recorded round's votes, for the tie rule. */
  protected readonly history: bigint[][] = [];
  protected readonly ties: TieBreak[] = [];
  protected readonly total: bigint;

  constructor(
    private readonly method: MethodKey,
    private readonly places: number,
    ballots: readonly Ballot[],
    protected readonly contest: Contest,
  ) {
    const withdrawn = new Set(contest.withdrawn ?? []);
    this.status = contest.candidates.map((_, c) => (withdrawn.has(c) ? 'withdrawn' : 'hopeful'));
    this.votes = contest.candidates.map(() => 0n);
    this.total = ballots.reduce((sum, b) => sum + BigInt(b.count), 0n);
  }

  /** Counts first preferences and records the first round. */
  protected abstract firstCount(): void;
  /** One step with `hopeful` (more than the seats left) still in the count; records its round(s). */
  protected abstract step(hopeful: number[]): void;
  protected abstract figures(): Figures;

  run(): TallyResult {
    this.firstCount();
    const seats = this.contest.seats;
    while (this.elected.length < seats) {
      const hopeful = this.hopeful();
      if (hopeful.length === 0) break;
      if (hopeful.length <= seats - this.elected.length) {
        const last = byVotesThenId(hopeful, this.votes);
        for (const c of last) this.elect(c);
        this.record('final', [], [], last);
        break;
      }
      this.step(hopeful);
    }
    return { method: this.method, elected: [...this.elected], rounds: this.rounds, ties: this.ties, totalValid: this.total.toString() };
  }

  protected hopeful(): number[] {
    return this.status.flatMap((s, c) => (s === 'hopeful' ? [c] : []));
  }

  protected elect(c: number): void {
    this.status[c] = 'elected';
    this.elected.push(c);
  }

  /** A tie broken by the earlier rounds, then the lot (see `breakTie` in ./ties.ts), for this round. */
  protected breakTie(purpose: TieBreak['purpose'], tied: number[], want: 'highest' | 'lowest'): number {
    return breakTie({ method: this.method, round: this.rounds.length + 1, purpose, tied, want, history: this.history, contest: this.contest }, this.ties);
  }

  /** The candidate with the fewest votes among `candidates`; a tie goes to `breakTie`. */
  protected lowest(candidates: readonly number[]): number {
    const least = candidates.reduce((m, c) => (this.votes[c]! < m ? this.votes[c]! : m), this.votes[candidates[0]!]!);
    const tied = candidates.filter((c) => this.votes[c] === least);
    return tied.length === 1 ? tied[0]! : this.breakTie('exclude', tied, 'lowest');
  }

  protected record(kind: Round['action']['kind'], candidates: number[], excluded: number[], elected: number[]): void {
    const f = this.figures();
    const fixed = (v: bigint) => formatFixed(v, this.places);
    this.history.push([...this.votes]);
    this.rounds.push({
      number: this.rounds.length + 1,
      action: { kind, candidates },
      votes: this.votes.map(fixed),
      nonTransferable: fixed(f.nonTransferable),
      residue: fixed(f.residue),
      quota: fixed(f.quota),
      ...(f.keepFactors ? { keepFactors: f.keepFactors.map(fixed) } : {}),
      elected,
      excluded,
    });
  }
}
