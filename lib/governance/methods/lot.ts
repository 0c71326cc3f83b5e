import { createHash } from 'node:crypto';

/**
 * The public lot. Where a rule breaks a tie "by lot", Quorate draws it from a public seed (for
 * example the log head's hash at the close), so anyone can draw the same lot again: each tied
 * candidate's ticket is SHA-256 of `seed`, a line feed, `purpose`, a line feed, and the candidate's
 * name (UTF-8), as lowercase hex; the candidate with the lowest ticket is drawn first.
 */
export function lotTicket(seed: string, purpose: string, name: string): string {
  return createHash('sha256').update(`${seed}\n${purpose}\n${name}`, 'utf8').digest('hex');
}

/** The tied candidates in the order the lot draws them (first drawn first). */
export function lotOrder(seed: string, purpose: string, among: readonly number[], candidates: readonly string[]): number[] {
  const tickets = new Map(among.map((c) => [c, lotTicket(seed, purpose, candidates[c] ?? String(c))]));
  return [...among].sort((a, b) => (tickets.get(a)! < tickets.get(b)! ? -1 : tickets.get(a)! > tickets.get(b)! ? 1 : a - b));
}
