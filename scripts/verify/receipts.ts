// `npm run verify` checks every receipt list a secret ballot's close published (`ballots.receipts`
// entries, lib/use-cases/receipts-at-close.ts): each receipt well-formed and published once, the
// list sorted by receipt, its parts all there, after the stage's `voting.closed`, as many ballots
// as the tally cast, and — counted again with the count's method, options and seed — the logged
// result. A stage whose secret ballots were cast with receipt commitments must publish its list.
// A member-wide vote's list (its close publishes the roll) gives each line's weight — the weight
// the ballot carried, its voter's own and their delegators' — and is counted with those weights.

import { countWeightedChoice, mergeWeightedBallots } from '@/lib/governance/choice-count';
import { receiptLineProblems, receiptWeightProblems } from '@/lib/governance/receipt-list';
import type { ChoiceCount } from '@/lib/governance/types';
import { canonicalJson } from '@/lib/log/canonical';
import { SECRET_BALLOT_COMMITMENT_SCHEME } from '@/lib/log/secret-ballot-commitment';
import type { VerifyProblem } from '@/lib/log/verify';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ReceiptSummary = { lists: number; receipts: number; problems: VerifyProblem[] };

type Part = { seq: number | null; part: unknown; parts: unknown; receipts: unknown; weights: unknown; withoutReceipt: unknown };
type Close = { seq: number | null; subject: string; tally: Record<string, unknown>; weighted: boolean };

/** Checks each published receipt list in `entries` (log order); never throws on bad data. */
export function checkReceiptLists(entries: readonly unknown[]): ReceiptSummary {
  const problems: VerifyProblem[] = [];
  const parts = new Map<string, Part[]>();
  const closes = new Map<string, Close>();
  const committed = new Set<string>();
  for (const raw of entries) {
    if (!isRecord(raw) || !isRecord(raw.payload) || typeof raw.subject !== 'string') continue;
    const seq = typeof raw.seq === 'number' ? raw.seq : null;
    const key = `${raw.subject}|${String(raw.payload.stageIndex)}`;
    const p = raw.payload;
    if (raw.kind === 'ballot.cast' && p.secret === true && p.commitmentScheme === SECRET_BALLOT_COMMITMENT_SCHEME) committed.add(key);
    else if (raw.kind === 'voting.closed' && isRecord(p.tally) && isRecord(p.tally.choice))
      closes.set(key, { seq, subject: raw.subject, tally: p.tally, weighted: isRecord(p.members) });
    else if (raw.kind === 'ballots.receipts') {
      if (!closes.has(key)) problems.push({ seq, kind: 'receipt_mismatch', message: `${raw.subject}: receipts published before voting closed` });
      parts.set(key, [
        ...(parts.get(key) ?? []),
        { seq, part: p.part, parts: p.parts, receipts: p.receipts, weights: p.weights, withoutReceipt: p.withoutReceipt },
      ]);
    }
  }
  const seen = new Map<string, string>();
  let lists = 0;
  let receipts = 0;
  for (const [key, close] of closes) {
    const list = parts.get(key);
    const problem = (message: string, seq = list?.[0]?.seq ?? close.seq) =>
      problems.push({ seq, kind: 'receipt_mismatch', message: `${close.subject}: ${message}` });
    const logged = (close.tally.choice as { count?: unknown }).count;
    // A count without its ballots or options is reported by the recount (./recount).
    const count = isRecord(logged) && Array.isArray(logged.ballots) && Array.isArray(logged.options) ? (logged as ChoiceCount) : null;
    if (!list) {
      if (committed.has(key) && count) problem('its secret ballots were cast with receipts, but no receipt list was published at the close');
      continue;
    }
    if (!count) {
      problem('a receipt list was published for a close that counted no ballots');
      continue;
    }
    lists++;
    const total = list.length;
    if (list.some((l, i) => l.part !== i + 1 || l.parts !== total)) problem(`the receipt list's parts are not numbered 1 to ${total} in order`);
    const lines = list.flatMap((l) => (Array.isArray(l.receipts) ? (l.receipts as unknown[]) : [null]));
    const wrong = receiptLineProblems(lines, count.options.length);
    for (const w of wrong) problem(w);
    // A member-wide vote's list: each part's weights, one per line; a seat body's ballots count once each.
    const weightProblems = close.weighted
      ? list.flatMap((l) => receiptWeightProblems(l.weights, Array.isArray(l.receipts) ? l.receipts.length : 0))
      : list.some((l) => l.weights !== undefined)
        ? ['a seat body’s receipt list has weights']
        : [];
    for (const w of weightProblems) problem(w);
    const weights = close.weighted && weightProblems.length === 0 ? list.flatMap((l) => l.weights as number[]) : lines.map(() => 1);
    const withoutReceipt = list[0]!.withoutReceipt ?? 0;
    if (!Number.isSafeInteger(withoutReceipt) || (withoutReceipt as number) < 0) problem('withoutReceipt is not a count');
    const listed = weights.reduce((s, w) => s + w, 0);
    const what = close.weighted ? `votes were cast; the receipt list's ballots carry ${listed}` : `ballots were cast; the receipt list has ${lines.length}`;
    if (weightProblems.length === 0 && listed + Number(withoutReceipt) !== close.tally.cast) {
      problem(`the tally says ${String(close.tally.cast)} ${what}${withoutReceipt ? ` and ${String(withoutReceipt)} without receipts` : ''}`);
    }
    if (wrong.length > 0 || weightProblems.length > 0) continue;
    const ballots = (lines as [string, ...number[]][]).map(([, ...preferences], i) => ({ preferences, count: weights[i]! }));
    for (const [receipt] of lines as [string][]) {
      if (seen.has(receipt) && seen.get(receipt) !== key) problem(`receipt ${receipt} was already published for ${seen.get(receipt)!.split('|')[0]}`);
      seen.set(receipt, key);
    }
    receipts += lines.length;
    if (withoutReceipt !== 0 && withoutReceipt !== undefined) {
      // Ballots cast before receipts: each listed ballot must still be among the published ones.
      const published = new Map(count.ballots.map(([n, ...prefs]) => [prefs.join(','), n ?? 0]));
      for (const [n, ...prefs] of mergeWeightedBallots(ballots))
        if ((published.get(prefs.join(',')) ?? 0) < n!) problem(`the receipt list has ballots the count did not publish`);
      continue;
    }
    if (canonicalJson(mergeWeightedBallots(ballots)) !== canonicalJson(count.ballots as never))
      problem('the receipt list’s ballots are not the ballots the count published');
    try {
      const again = countWeightedChoice(
        { key: count.method, winners: count.winners, ...(count.maxApprovals !== undefined ? { maxApprovals: count.maxApprovals } : {}) },
        count.options,
        count.lotSeed,
        ballots,
      );
      if (canonicalJson(again.result as never) !== canonicalJson(count.result as never))
        problem('the receipt list’s ballots, counted again, do not give the logged result');
    } catch (error) {
      problem(`the receipt list’s ballots cannot be counted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const [key, list] of parts)
    if (!closes.has(key))
      problems.push({ seq: list[0]!.seq, kind: 'receipt_mismatch', message: `${key.split('|')[0]}: a receipt list for a stage that never closed` });
  return { lists, receipts, problems };
}
