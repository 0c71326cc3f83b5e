/**
 * TEST ORACLE, not used by the app: a faithful TypeScript port of Droop's "meek-prf" rule, the
 * Proportional Representation Foundation's Reference Meek Rule, for cross-checking `meekStv`
 * (lib/governance/methods/meek-stv.ts) on random elections.
 *
 * Source: Droop by Jonathan Lundell, github.com/jklundell/droop, droop/rules/meek_prf.py (which
 * quotes the rule's text, prfound.org/resources/reference/reference-meek-rule/), with
 * droop/values/fixed.py for the arithmetic: fixed point, 9 decimal places, omega = 10^-6, no batch
 * defeats. Ported step by step:
 * - A: hopefuls' keep factor kf = 1, withdrawn 0;
 * - B.1: stop when the seats are filled or the hopefuls are no more than the seats left;
 * - B.2.a: each ballot starts at weight 1; each candidate in order with kf > 0 gets
 *   mul(w, kf, up) × count, and w falls by mul(w, kf, up), until w is 0;
 * - B.2.b: quota = (sum of votes) // (seats + 1) + 10^-9;
 * - B.2.c: elect each hopeful with vote >= quota;
 * - B.2.d: total surplus s = sum over elected of (vote - quota), at least 0;
 * - B.2.e: someone elected: next round; s < omega, or s >= the previous iteration's s (the first
 *   iteration compares with the number of ballots): defeat (B.3);
 * - B.2.f: kf = div(mul(kf, quota, up), vote, up) for each elected candidate; iterate;
 * - B.3: defeat the lowest hopeful; every hopeful with vote <= lowest + s counts as tied, and the
 *   tie goes to procedure T (Droop: its tie order; here ballot order, reported as a lot so a test
 *   can skip the case);
 * - C: elect the remaining hopefuls if seats are unfilled.
 * One deliberate difference in reporting only: candidates elected together are listed by votes,
 * then ballot order (Quorate's convention), where Droop lists them in ballot order.
 */
import type { OracleBallot, OracleResult, OracleTie } from './droop-scotland';

const ONE = 1_000_000_000n;
const OMEGA = 1000n; // 10^-6 in units of 10^-9

const mulUp = (a: bigint, b: bigint) => (a * b + ONE - 1n) / ONE;
const divUp = (a: bigint, b: bigint) => (a * ONE + b - 1n) / b;

/** The count as it stood when a candidate was defeated (before their votes were cleared), units of 10^-9. */
export interface MeekDefeat {
  readonly candidate: number;
  readonly quota: bigint;
  readonly votes: readonly bigint[];
  readonly keepFactors: readonly bigint[];
}

export interface MeekOracleResult extends OracleResult {
  readonly defeats: readonly MeekDefeat[];
}

export function droopMeekPrf(ballots: readonly OracleBallot[], nCandidates: number, seats: number, withdrawn: readonly number[] = []): MeekOracleResult {
  type State = 'hopeful' | 'elected' | 'defeated' | 'withdrawn';
  const state: State[] = Array.from({ length: nCandidates }, (_, c) => (withdrawn.includes(c) ? 'withdrawn' : 'hopeful'));
  const kf: bigint[] = state.map((s) => (s === 'hopeful' ? ONE : 0n));
  let vote: bigint[] = Array.from({ length: nCandidates }, () => 0n);
  const elected: number[] = [];
  const groups: number[][] = [];
  const ties: OracleTie[] = [];
  const defeats: MeekDefeat[] = [];
  const bs = ballots.map((b) => ({ ranking: b.preferences, multiplier: BigInt(b.count) })).filter((b) => b.ranking.some((c) => state[c] !== 'withdrawn'));
  const nBallots = bs.reduce((s, b) => s + b.multiplier, 0n) * ONE;
  let quota = nBallots / BigInt(seats + 1) + 1n;
  let surplus = 0n;

  const hopeful = () => state.flatMap((s, c) => (s === 'hopeful' ? [c] : []));
  const electedNow = () => state.flatMap((s, c) => (s === 'elected' ? [c] : []));
  const byVote = (cs: number[]) => cs.sort((a, b) => (vote[a]! > vote[b]! ? -1 : vote[a]! < vote[b]! ? 1 : a - b));

  const distribute = () => {
    vote = vote.map(() => 0n);
    for (const b of bs) {
      let w = ONE;
      for (const c of b.ranking) {
        if (kf[c] === 0n) continue;
        const keep = mulUp(w, kf[c]!);
        vote[c]! += keep * b.multiplier;
        w -= keep;
        if (w <= 0n) break;
      }
    }
  };

  while (hopeful().length > seats - elected.length && seats - elected.length > 0) {
    let status: 'iterate' | 'elected' | 'omega' | 'stable' = 'iterate';
    let lastSurplus = nBallots;
    while (status === 'iterate') {
      distribute();
      const total = vote.reduce((s, v, c) => (state[c] === 'hopeful' || state[c] === 'elected' ? s + v : s), 0n);
      quota = total / BigInt(seats + 1) + 1n;
      const newly = byVote(hopeful().filter((c) => vote[c]! >= quota));
      for (const c of newly) {
        state[c] = 'elected';
        elected.push(c);
        status = 'elected';
      }
      if (newly.length > 0) groups.push(newly);
      surplus = electedNow().reduce((s, c) => s + vote[c]! - quota, 0n);
      if (surplus < 0n) surplus = 0n;
      if (status !== 'elected') {
        if (surplus < OMEGA) status = 'omega';
        else if (surplus >= lastSurplus) status = 'stable';
      }
      if (status === 'iterate') {
        lastSurplus = surplus;
        for (const c of electedNow()) kf[c] = divUp(mulUp(kf[c]!, quota), vote[c]!);
      }
    }
    if (status === 'elected') continue;
    const h = hopeful();
    if (h.length > 0) {
      const low = h.reduce((m, c) => (vote[c]! < m ? vote[c]! : m), vote[h[0]!]!);
      const tied = h.filter((c) => low + surplus >= vote[c]!).sort((a, b) => a - b);
      const chosen = tied[0]!;
      if (tied.length > 1) ties.push({ among: tied, chosen, byLot: true, purpose: 'defeat' });
      defeats.push({ candidate: chosen, quota, votes: [...vote], keepFactors: [...kf] });
      state[chosen] = 'defeated';
      vote[chosen] = 0n;
      kf[chosen] = 0n;
    }
  }
  const rest = byVote(hopeful()).slice(0, Math.max(0, seats - elected.length));
  for (const c of rest) elected.push(c);
  if (rest.length > 0) groups.push(rest);
  return { elected, groups, ties, defeats };
}
