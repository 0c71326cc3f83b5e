/**
 * TEST ORACLE, not used by the app: a faithful TypeScript port of Droop's Scottish STV rule, for
 * cross-checking `scottishStv` (lib/governance/methods/scottish-stv.ts) on random elections.
 *
 * Source: Droop by Jonathan Lundell, github.com/jklundell/droop, droop/rules/scotland.py (rule
 * "scotland": fixed point to 5 places, the Scottish Local Government Elections Order 2007, rules
 * 45-52), with droop/values/fixed.py for the arithmetic and droop/record.py for the rounds its tie
 * rule looks back on. Ported step by step, as its `count()` runs:
 * - quota: ballots // (seats + 1) + 1 (rule 46);
 * - each stage: elect every hopeful at or over the quota (rule 47), pending its surplus; stop if the
 *   seats are filled or the hopefuls are no more than the seats left (rule 52);
 * - else transfer the largest pending surplus (equal votes: tie rule below): every ballot at the
 *   candidate gets weight muldiv(weight, surplus, vote, down), goes to its next hopeful or is
 *   exhausted; the candidate keeps the quota (rule 48). A pending candidate with exactly the quota
 *   transfers a zero surplus, a stage of its own, as in Droop;
 * - else defeat the hopeful with the lowest vote (tie rule), its ballots go on at their weight (rule 50);
 * - tie rule (rules 49(2), 51(2)): walk back over the states at the start of each round, newest
 *   first; at the first where exactly one of the tied candidates has the extreme (most for a surplus,
 *   fewest for a defeat) vote, choose it. Note: unlike Quorate, Droop does not narrow the tie at a
 *   stage where two or more share the extreme; it looks further back with all of them. Still tied:
 *   "by lot", Droop's tie order (here: ballot order), reported as a lot so a test can skip the case.
 * One deliberate difference in reporting only: candidates elected at the same stage are listed by
 * votes, then ballot order (Quorate's convention), where Droop lists equal votes in reverse ballot order.
 */

export interface OracleBallot {
  readonly preferences: readonly number[];
  readonly count: number;
}

export interface OracleTie {
  readonly among: readonly number[];
  readonly chosen: number;
  readonly byLot: boolean;
  readonly purpose: 'surplus' | 'defeat';
}

export interface OracleResult {
  /** Winners in order of election (see above for candidates elected together). */
  readonly elected: number[];
  /** The same winners grouped by the step that elected them, in order. */
  readonly groups: number[][];
  readonly ties: OracleTie[];
}

const SCALE = 100000n;

export function droopScotland(ballots: readonly OracleBallot[], nCandidates: number, seats: number, withdrawn: readonly number[] = []): OracleResult {
  type State = 'hopeful' | 'elected' | 'defeated' | 'withdrawn';
  const state: State[] = Array.from({ length: nCandidates }, (_, c) => (withdrawn.includes(c) ? 'withdrawn' : 'hopeful'));
  const pending = new Set<number>();
  const vote: bigint[] = Array.from({ length: nCandidates }, () => 0n);
  const elected: number[] = [];
  const groups: number[][] = [];
  const ties: OracleTie[] = [];
  const rounds: bigint[][] = [];

  // Droop's ballots: the ranking without withdrawn candidates; blank ones dropped.
  const bs = ballots
    .map((b) => ({ ranking: b.preferences.filter((c) => state[c] !== 'withdrawn'), multiplier: BigInt(b.count), weight: SCALE, index: 0 }))
    .filter((b) => b.ranking.length > 0);
  const nBallots = bs.reduce((s, b) => s + b.multiplier, 0n);
  const quota = (nBallots / BigInt(seats + 1) + 1n) * SCALE;

  const hopeful = () => state.flatMap((s, c) => (s === 'hopeful' ? [c] : []));
  const seatsLeft = () => seats - elected.length;
  const countComplete = () => seatsLeft() <= 0 || hopeful().length <= seatsLeft();
  const topCand = (b: (typeof bs)[number]) => (b.index < b.ranking.length ? b.ranking[b.index] : undefined);

  const transfer = (b: (typeof bs)[number]) => {
    while (b.index < b.ranking.length && state[b.ranking[b.index]!] !== 'hopeful') b.index++;
    if (b.index < b.ranking.length) vote[b.ranking[b.index]!]! += b.weight * b.multiplier;
  };

  const breakTie = (tied: number[], purpose: 'surplus' | 'defeat'): number => {
    if (tied.length === 1) return tied[0]!;
    const among = [...tied].sort((a, b) => a - b);
    for (let n = rounds.length - 1; n >= 0; n--) {
      const cn = rounds[n]!;
      const values = among.map((c) => cn[c]!);
      const extreme = values.reduce((m, v) => (purpose === 'defeat' ? (v < m ? v : m) : v > m ? v : m));
      const at = among.filter((c) => cn[c] === extreme);
      if (at.length === 1) {
        ties.push({ among, chosen: at[0]!, byLot: false, purpose });
        return at[0]!;
      }
    }
    ties.push({ among, chosen: among[0]!, byLot: true, purpose });
    return among[0]!;
  };

  for (const b of bs) vote[b.ranking[0]!]! += b.weight * b.multiplier;

  for (;;) {
    const reached = hopeful()
      .filter((c) => vote[c]! >= quota)
      .sort((a, b) => (vote[a]! > vote[b]! ? -1 : vote[a]! < vote[b]! ? 1 : a - b));
    for (const c of reached) {
      state[c] = 'elected';
      pending.add(c);
      elected.push(c);
    }
    if (reached.length > 0) groups.push(reached);
    if (countComplete()) break;
    rounds.push([...vote]); // E.newRound(): the state at the start of the round, for the tie rule

    if (pending.size > 0) {
      const p = [...pending];
      const high = p.reduce((m, c) => (vote[c]! > m ? vote[c]! : m), 0n);
      const c = breakTie(
        p.filter((x) => vote[x] === high),
        'surplus',
      );
      pending.delete(c);
      const surplus = vote[c]! - quota;
      const held = vote[c]!;
      for (const b of bs) {
        if (topCand(b) !== c) continue;
        b.weight = (b.weight * surplus) / held; // V.muldiv(weight, surplus, vote, round='down')
        transfer(b);
      }
      vote[c] = quota;
      continue;
    }

    const h = hopeful();
    if (h.length > 0) {
      const low = h.reduce((m, c) => (vote[c]! < m ? vote[c]! : m), vote[h[0]!]!);
      const c = breakTie(
        h.filter((x) => vote[x] === low),
        'defeat',
      );
      state[c] = 'defeated';
      for (const b of bs) if (topCand(b) === c) transfer(b);
      vote[c] = 0n;
    }
    if (countComplete()) break;
  }
  if (hopeful().length <= seatsLeft()) {
    const rest = hopeful().sort((a, b) => (vote[a]! > vote[b]! ? -1 : vote[a]! < vote[b]! ? 1 : a - b));
    for (const c of rest) elected.push(c);
    if (rest.length > 0) groups.push(rest);
  }
  return { elected, groups, ties };
}
