/**
 * What the two STV rules (./scottish-stv.ts and ./meek-stv.ts) share: the ranked-ballot check,
 * exact fixed-point formatting, the tie rule "look back at earlier stages, then draw the lot", and
 * the skeleton of a count (`StvCount`).
 * Pure: no floating point anywhere; every vote value is a BigInt scaled by 10^places.
 */
import { lotOrder } from './lot';
import type { Ballot, BallotCheck, Contest, MethodKey, Round, TallyResult, TieBreak } from './types';

/** A ranked ballot: a positive whole count, and at least one candidate, each known, once, not withdrawn. */
export function validateRanked(ballot: Ballot, contest: Contest): BallotCheck {
  return new RankedChecker(contest.candidates.length, contest.withdrawn ?? []).check(ballot, false);
}

/**
 * Checks many ballots against one contest without allocating per ballot: `marks[c] === stamp`
 * means candidate c was already seen on the ballot being checked.
 */
class RankedChecker {
  private readonly marks: Uint32Array;
  private readonly withdrawn: Uint8Array;
  private stamp = 0;

  constructor(
    private readonly n: number,
    withdrawn: readonly number[],
  ) {
    this.marks = new Uint32Array(n);
    this.withdrawn = new Uint8Array(n);
    for (const c of withdrawn) if (Number.isInteger(c) && c >= 0 && c < n) this.withdrawn[c] = 1;
  }

  check(ballot: Ballot, allowWithdrawn: boolean): BallotCheck {
    if (!Number.isSafeInteger(ballot.count) || ballot.count < 1) return { ok: false, code: 'ballot.bad_count', count: ballot.count };
    if (ballot.preferences.length === 0) return { ok: false, code: 'ballot.empty' };
    const stamp = ++this.stamp;
    for (const candidate of ballot.preferences) {
      if (!Number.isInteger(candidate) || candidate < 0 || candidate >= this.n) return { ok: false, code: 'ballot.unknown_candidate', candidate };
      if (this.marks[candidate] === stamp) return { ok: false, code: 'ballot.repeated_candidate', candidate };
      if (!allowWithdrawn && this.withdrawn[candidate] === 1) return { ok: false, code: 'ballot.withdrawn_candidate', candidate };
      this.marks[candidate] = stamp;
    }
    return { ok: true };
  }
}

/**
 * The ballots a count uses: throws on one `validateRanked` refuses, except that a withdrawn
 * candidate is allowed and skipped (as the BLT format's withdrawn line means, see `Contest`); a
 * ballot naming only withdrawn candidates is left out, like a blank one. The total count must be
 * a safe integer (the counts add up exactly as numbers).
 */
export function countable(ballots: readonly Ballot[], contest: Contest): readonly Ballot[] {
  if (!Number.isInteger(contest.seats) || contest.seats < 1) throw new Error(`STV needs at least one seat, not ${contest.seats}`);
  const checker = new RankedChecker(contest.candidates.length, contest.withdrawn ?? []);
  let total = 0;
  ballots.forEach((ballot, index) => {
    const check = checker.check(ballot, true);
    if (!check.ok) throw new Error(`ballot ${index + 1} is invalid: ${check.code}`);
    total += ballot.count;
    if (!Number.isSafeInteger(total)) throw new Error('the ballots count more than 2^53 - 1 papers');
  });
  const withdrawn = new Set(contest.withdrawn ?? []);
  if (withdrawn.size === 0) return ballots;
  return ballots.flatMap((ballot) => {
    const preferences = ballot.preferences.filter((c) => !withdrawn.has(c));
    return preferences.length === 0 ? [] : [{ preferences, count: ballot.count }];
  });
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

export interface TieQuestion {
  readonly method: MethodKey;
  /** The round the choice is made in (1-based); the lot's purpose names it. */
  readonly round: number;
  readonly purpose: TieBreak['purpose'];
  /** Tied candidates, two or more. */
  readonly tied: readonly number[];
  /** Choose the candidate with the most (`highest`) or fewest (`lowest`) votes at the earlier stage. */
  readonly want: 'highest' | 'lowest';
  /** Every recorded stage's votes, oldest first. */
  readonly history: readonly (readonly bigint[])[];
  readonly contest: Contest;
}

/**
 * Breaks a tie the way both STV rules here do: walk back from the most recent stage to the first;
 * at the first stage where the tied candidates' votes differ, keep those with the most (or fewest)
 * and, if more than one is left, keep walking back with them. Still tied at the first stage: the
 * public lot decides, drawn with the purpose `<method> round <n> <purpose>` (see ./lot.ts), and
 * the first candidate drawn is chosen. Records the tie in `ties` and returns the chosen candidate.
 */
export function breakTie(q: TieQuestion, ties: TieBreak[]): number {
  let left = [...q.tied].sort((a, b) => a - b);
  for (let stage = q.history.length - 1; stage >= 0 && left.length > 1; stage--) {
    const votes = q.history[stage]!;
    const values = left.map((c) => votes[c]!);
    const best = values.reduce((m, v) => (q.want === 'highest' ? (v > m ? v : m) : v < m ? v : m));
    left = left.filter((c) => votes[c] === best);
  }
  const by: TieBreak['by'] = left.length === 1 ? 'earlier_rounds' : 'lot';
  const chosen = left.length === 1 ? left[0]! : lotOrder(q.contest.lotSeed, `${q.method} round ${q.round} ${q.purpose}`, left, q.contest.candidates)[0]!;
  ties.push({ round: q.round, among: [...q.tied].sort((a, b) => a - b), chosen, by, purpose: q.purpose });
  return chosen;
}

/** Where a candidate stands: "hopeful" is the Order's "continuing candidate". */
export type Status = 'hopeful' | 'elected' | 'excluded' | 'withdrawn';

/** The figures a round reports besides the votes, as exact fixed-point values. */
export interface Figures {
  readonly nonTransferable: bigint;
  /** Undefined where the method loses nothing to rounding: reported as "0". */
  readonly residue?: bigint;
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

  /** A tie broken by the earlier rounds, then the lot (see `breakTie`), for this round. */
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
      residue: f.residue === undefined ? '0' : fixed(f.residue),
      quota: fixed(f.quota),
      ...(f.keepFactors ? { keepFactors: f.keepFactors.map(fixed) } : {}),
      elected,
      excluded,
    });
  }
}
