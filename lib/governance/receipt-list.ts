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
 * `withoutReceipt` counts ballots cast before receipts existed: counted, but not listed.
 */
export function receiptList(counted: readonly { receipt?: string | null; preferences: readonly number[] }[]): {
  lines: ReceiptLine[];
  withoutReceipt: number;
} {
  const lines = counted
    .filter((b) => typeof b.receipt === 'string')
    .map((b): ReceiptLine => [b.receipt!, ...b.preferences])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { lines, withoutReceipt: counted.length - lines.length };
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

/** A receipt's ballot in a published list: its preferences, or null when the list does not have it. */
export function findReceipt(lines: readonly ReceiptLine[], receipt: string): number[] | null {
  const line = lines.find((l) => l[0] === receipt);
  return line ? (line.slice(1) as number[]) : null;
}
