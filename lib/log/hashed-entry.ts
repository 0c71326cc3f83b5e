// Reading an entry from the bytes its hash covers. The database keeps, beside each entry's
// canonical `entry` text, copies of its fields in columns (for filtering); a public page that
// rendered those copies would show an edit that no hash covers. Every public view parses the
// `entry` text instead, and checks it against its stored hash.

import { tryCanonicalEntry } from './entry';
import type { LogEntry } from './entry';
import { chainHash, isHashHex } from './hash';
import type { Hasher } from './hash';
import { englishLogText, logText } from './words';
import type { LogText, LogTextCode, LogTextParam } from './words';

export type HashedRow = { seq: number; entry: string; prevHash: string; hash: string };

/** `problem` in English (the CLI, the API, the server's logs), `problemText` as data for the pages (./words). */
export type HashedEntry = { entry: LogEntry | null; problem: string | null; problemText: LogText | null };

const wrong = (entry: LogEntry | null, code: LogTextCode, params: Record<string, LogTextParam>): HashedEntry => {
  const text = logText(code, params);
  return { entry, problem: englishLogText(text), problemText: text };
};

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
    return wrong(null, 'entry.notJson', { seq: String(row.seq) });
  }
  const canonical = tryCanonicalEntry(parsed);
  if (!canonical.ok) return wrong(null, 'entry.malformed', { seq: String(row.seq), problem: canonical.problem });
  const entry = parsed as LogEntry;
  const fresh = { orgId: entry.orgId, seq: entry.seq, at: entry.at, actorId: entry.actorId, kind: entry.kind, subject: entry.subject, payload: entry.payload };
  if (canonical.canonical !== row.entry) return wrong(fresh, 'entry.notCanonical', { seq: String(row.seq) });
  if (entry.seq !== row.seq) return wrong(fresh, 'entry.saysSeq', { seq: String(row.seq), claimed: String(entry.seq) });
  if (orgId !== undefined && entry.orgId !== orgId) return wrong(fresh, 'entry.otherOrganization', { seq: String(row.seq) });
  if (!isHashHex(row.prevHash) || chainHash(h, row.prevHash, row.entry) !== row.hash) return wrong(fresh, 'entry.hashMismatch', { seq: String(row.seq) });
  return { entry: fresh, problem: null, problemText: null };
}
