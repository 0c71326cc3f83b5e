/**
 * Vote methods share one interface: check a ballot against a contest, and tally ballots into a
 * result with its rounds. Arithmetic is exact (integers, BigInt fixed point at the rule's stated
 * precision, or rationals), never floating point; every number in a result is a decimal string
 * as the rule states it, so a recount by other software can be compared digit for digit.
 */

/** The methods a proposal type may name. */
export type MethodKey = 'yes_no' | 'plurality' | 'approval' | 'irv' | 'scottish_stv' | 'meek_stv';

/** What is being decided: the candidates (or options), how many win, and the seed for lots. */
export interface Contest {
  /** Candidate or option names in ballot-paper order; a candidate's id is its index here. */
  readonly candidates: readonly string[];
  /** How many win: 1 for single-winner methods. */
  readonly seats: number;
  /** Candidates withdrawn before the count (BLT's negative line): never elected, skipped on ballots. */
  readonly withdrawn?: readonly number[];
  /**
   * Public seed for ties a rule breaks "by lot" (for example the log head's hash at the close), so
   * anyone can draw the same lot again. See `lotOrder` in ./lot.ts.
   */
  readonly lotSeed: string;
  /** Approval: the most options one ballot may approve (default: all). */
  readonly maxApprovals?: number;
}

/**
 * A ballot: candidate ids in order of preference (ranked methods), the approved set (approval) or
 * the one choice (plurality). `count` identical ballots, as a BLT line's weight; 1 when cast online.
 */
export interface Ballot {
  readonly preferences: readonly number[];
  readonly count: number;
}

/** Why a ballot is refused, as a stable code with the details a message needs. */
export type BallotProblem =
  | { code: 'ballot.empty' }
  | { code: 'ballot.unknown_candidate'; candidate: number }
  | { code: 'ballot.repeated_candidate'; candidate: number }
  | { code: 'ballot.withdrawn_candidate'; candidate: number }
  | { code: 'ballot.too_many_choices'; limit: number; given: number }
  | { code: 'ballot.bad_count'; count: number };

export type BallotCheck = { ok: true } | ({ ok: false } & BallotProblem);

/** One step of a count. Every number is an exact decimal string. */
export interface Round {
  /** 1-based. */
  readonly number: number;
  /** What this round did, for a reader: the first count, a surplus transfer, an exclusion, an iteration. */
  readonly action: { kind: 'first_count' | 'surplus' | 'exclusion' | 'iteration' | 'final'; candidates: readonly number[] };
  /** Each candidate's votes at the end of the round, indexed by candidate id. */
  readonly votes: readonly string[];
  /** Votes that could go to nobody (exhausted ballots). */
  readonly nonTransferable: string;
  /**
   * Value lost to the rule's rounding or truncation so far, written to the method's precision like
   * every other figure of the round: whole numbers for plurality, approval, instant-runoff and
   * yes/no (always "0"), five places for Scottish STV, nine for Meek STV (always "0.000000000").
   */
  readonly residue: string;
  /** The quota in force in this round, where the method has one. */
  readonly quota?: string;
  /** Meek: each candidate's keep factor at the end of the round. */
  readonly keepFactors?: readonly string[];
  /** Candidates elected in this round, in order of election. */
  readonly elected: readonly number[];
  /** Candidates excluded in this round. */
  readonly excluded: readonly number[];
}

/** A tie the rule had to break, and how: from earlier rounds' votes, or by the public lot. */
export interface TieBreak {
  readonly round: number;
  readonly among: readonly number[];
  readonly chosen: number;
  readonly by: 'earlier_rounds' | 'lot';
  /** What the choice was for. */
  readonly purpose: 'elect' | 'exclude' | 'surplus_order' | 'winner';
}

export interface TallyResult {
  readonly method: MethodKey;
  /** Winners in order of election (for single-winner methods, one or none). */
  readonly elected: readonly number[];
  readonly rounds: readonly Round[];
  readonly ties: readonly TieBreak[];
  /** Total of valid ballots' counts, as an exact decimal. */
  readonly totalValid: string;
}

export interface VoteMethod {
  readonly key: MethodKey;
  validate(ballot: Ballot, contest: Contest): BallotCheck;
  /**
   * Tallies ballots that passed `validate`; throws `InvalidBallotError` (./ballots.ts) on one that
   * did not, except that the STV methods skip a withdrawn candidate on a ballot instead.
   */
  tally(ballots: readonly Ballot[], contest: Contest): TallyResult;
}
