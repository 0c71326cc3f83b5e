// Reading an entry from the bytes its hash covers. The database keeps, beside each entry's
// canonical `entry` text, copies of its fields in columns (for filtering); a public page that
// rendered those copies would show an edit that no hash covers. Every public view parses the
// `entry` text instead, and checks it against its stored hash.

import { tryCanonicalEntry } from './entry';
import type { LogEntry } from './entry';
import { chainHash, isHashHex } from './hash';
import type { Hasher } from './hash';

export type HashedRow = { seq: number; entry: string; prevHash: string; hash: string };

export type HashedEntry = { entry: LogEntry | null; problem: string | null };

/**
 * The entry in `row.entry`, and why it does not verify, if it does not: its text must be the
 * canonical JSON of an entry with this seq (and this organization, when given), and
 * chainHash(prevHash, text) must be the stored hash. The entry is returned whenever the text
 * parses, so a page can still show what the hash covers (or fails to).
 */
export function readHashedEntry(h: Hasher, row: HashedRow, orgId?: string): HashedEntry {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.entry);
  } catch {
    return { entry: null, problem: `entry #${row.seq} is not readable JSON` };
  }
  const canonical = tryCanonicalEntry(parsed);
  if (!canonical.ok) return { entry: null, problem: `entry #${row.seq} is malformed: ${canonical.problem}` };
  const entry = parsed as LogEntry;
  const fresh = { orgId: entry.orgId, seq: entry.seq, at: entry.at, actorId: entry.actorId, kind: entry.kind, subject: entry.subject, payload: entry.payload };
  if (canonical.canonical !== row.entry) return { entry: fresh, problem: `entry #${row.seq} is not in canonical form` };
  if (entry.seq !== row.seq) return { entry: fresh, problem: `entry #${row.seq} says it is #${entry.seq}` };
  if (orgId !== undefined && entry.orgId !== orgId) return { entry: fresh, problem: `entry #${row.seq} belongs to another organization` };
  if (!isHashHex(row.prevHash) || chainHash(h, row.prevHash, row.entry) !== row.hash)
    return { entry: fresh, problem: `entry #${row.seq} does not match its hash` };
  return { entry: fresh, problem: null };
}
