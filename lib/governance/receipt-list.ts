/**
 * The list of receipts a secret ballot's close publishes (docs/vote-methods.md, "Receipts"): one
 * line per counted ballot, `[receipt, option, option, …]` (options numbered from 0, in order of
 * preference, or the approved set, or the one choice), sorted by receipt. The receipts are random,
 * so sorting by them is a fair shuffle: the list says nothing of who cast what, or when.
 * Pure: the close builds it, `npm run verify` and the receipt page read it.
 */
import { isReceipt } from './receipt';

export type ReceiptLine = [receipt: string, ...preferences: number[]];

/** Receipt lines per `ballots.receipts` log entry: a large vote's list is split over several entries. */
export const RECEIPTS_PER_ENTRY = 1000;

/**
 * The counted ballots as the close publishes them: with their receipts, sorted by receipt.
 * `withoutReceipt` counts ballots cast before receipts existed: counted, but not listed. A
 * member-wide vote's ballots carry weights (their voter's own and their delegators'): `weights`
 * then gives each line's, in the lines' order, and `withoutReceipt` is the weight of the ballots
 * not listed; a seat body's ballots carry none (`weights` null, every ballot counting once).
 */
export function receiptList(counted: readonly { receipt?: string | null; preferences: readonly number[]; weight?: number }[]): {
  lines: ReceiptLine[];
  weights: number[] | null;
  withoutReceipt: number;
} {
  const weighted = counted.some((b) => b.weight !== undefined);
  const listed = counted
    .filter((b) => typeof b.receipt === 'string')
    .map((b) => ({ line: [b.receipt!, ...b.preferences] as ReceiptLine, weight: b.weight ?? 1 }))
    .sort((a, b) => (a.line[0] < b.line[0] ? -1 : a.line[0] > b.line[0] ? 1 : 0));
  const total = counted.reduce((s, b) => s + (b.weight ?? 1), 0);
  const listedWeight = listed.reduce((s, l) => s + l.weight, 0);
  return { lines: listed.map((l) => l.line), weights: weighted ? listed.map((l) => l.weight) : null, withoutReceipt: total - listedWeight };
}

/** The list split into the parts the log entries carry, each at most `size` lines. */
export function receiptParts<T>(lines: readonly T[], size = RECEIPTS_PER_ENTRY): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < lines.length; i += size) parts.push(lines.slice(i, i + size));
  return parts;
}

/**
 * What is wrong with a published receipt list, in words (empty when nothing is): each line a
 * well-formed receipt followed by option indexes below `optionCount`, no receipt twice, sorted
 * by receipt. Never throws on bad data.
 */
export function receiptLineProblems(lines: unknown, optionCount: number): string[] {
  if (!Array.isArray(lines)) return ['the receipt list is not a list'];
  const problems: string[] = [];
  const seen = new Set<string>();
  let previous = '';
  for (const [i, line] of lines.entries()) {
    const where = `receipt line ${i + 1}`;
    if (!Array.isArray(line) || !isReceipt(line[0])) {
      problems.push(`${where} does not start with a well-formed receipt: ${JSON.stringify(line)?.slice(0, 60)}`);
      continue;
    }
    const [receipt, ...preferences] = line as [string, ...unknown[]];
    if (preferences.length === 0 || !preferences.every((n) => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) < optionCount)) {
      problems.push(`${where} (${receipt}) does not list options by their numbers`);
    }
    if (seen.has(receipt)) problems.push(`receipt ${receipt} is published twice`);
    else if (receipt < previous) problems.push(`${where} (${receipt}) is out of order: the list is sorted by receipt`);
    seen.add(receipt);
    previous = receipt;
  }
  return problems;
}

/**
 * What is wrong with a member-wide list's weights, in words (empty when nothing is): one positive
 * whole number per receipt line. Never throws on bad data.
 */
export function receiptWeightProblems(weights: unknown, lineCount: number): string[] {
  if (!Array.isArray(weights)) return ['the receipt list of a member-wide vote has no weights'];
  if (weights.length !== lineCount) return [`the receipt list has ${lineCount} receipts but ${weights.length} weights`];
  const bad = weights.findIndex((w) => !Number.isSafeInteger(w) || (w as number) < 1);
  return bad === -1 ? [] : [`receipt line ${bad + 1}'s weight is not a positive whole number: ${JSON.stringify(weights[bad])?.slice(0, 30)}`];
}

/** A receipt's ballot in a published list: its preferences and the weight it carried (1 in a list without weights), or null when the list does not have it. */
export function findReceipt(
  lines: readonly ReceiptLine[],
  receipt: string,
  weights?: readonly number[] | null,
): { preferences: number[]; weight: number } | null {
  const i = lines.findIndex((l) => l[0] === receipt);
  return i === -1 ? null : { preferences: lines[i]!.slice(1) as number[], weight: weights?.[i] ?? 1 };
}
