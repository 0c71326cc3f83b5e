// What a verifier remembers between runs: the checkpoints it has seen for one log, and the key
// that signed them. Browser-safe and free of I/O (the CLI keeps this as a JSON file, a browser
// could keep it in localStorage).
//
// Remembering is what turns a signature check into a history check. A log rewritten and
// re-signed with the same key verifies for a newcomer; a reader who saw a checkpoint before the
// rewrite asks for a consistency proof from that old tree to the new one, and none exists.

import type { Hasher } from './hash';
import { checkConsistency, openCheckpoint } from './saved-checkpoint';
import type { ConsistencyProofJson } from './saved-checkpoint';
import type { Checkpoint } from './signed-note';

export const SEEN_STATE_FORMAT = 'quorate-seen-checkpoints/1';
/** Checkpoints kept per log: the newest ones (by size); any one of them catches a rewrite of what it covers. */
export const SEEN_KEEP = 32;

export type SeenCheckpoint = { size: number; note: string; seenAt: string; source: string };
export type SeenState = { format: typeof SEEN_STATE_FORMAT; origin: string; verifierKey: string; checkpoints: SeenCheckpoint[] };

/** A state file's contents, or null when it is not one (then it is ignored and rewritten). */
export function parseSeenState(data: unknown): SeenState | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Partial<SeenState>;
  if (d.format !== SEEN_STATE_FORMAT || typeof d.origin !== 'string' || typeof d.verifierKey !== 'string' || !Array.isArray(d.checkpoints)) return null;
  const checkpoints = d.checkpoints.filter(
    (c): c is SeenCheckpoint =>
      typeof c === 'object' &&
      c !== null &&
      Number.isSafeInteger(c.size) &&
      typeof c.note === 'string' &&
      typeof c.seenAt === 'string' &&
      typeof c.source === 'string',
  );
  return { format: SEEN_STATE_FORMAT, origin: d.origin, verifierKey: d.verifierKey, checkpoints };
}

/** File name for a log's state: its origin, made safe for any file system. */
export function seenStateFileName(origin: string): string {
  return `${encodeURIComponent(origin).replace(/%/g, '_')}.json`;
}

/**
 * The state after seeing `added` (already verified): one checkpoint per size, the first one seen
 * kept (a second, different note for a size is a split view, reported, not stored), the newest
 * SEEN_KEEP sizes retained.
 */
export function rememberCheckpoints(
  previous: SeenState | null,
  origin: string,
  verifierKey: string,
  added: { size: number; note: string; source: string }[],
  seenAt: string,
): SeenState {
  const bySize = new Map<number, SeenCheckpoint>();
  for (const c of previous?.checkpoints ?? []) bySize.set(c.size, c);
  for (const c of added) if (!bySize.has(c.size)) bySize.set(c.size, { ...c, seenAt });
  const checkpoints = [...bySize.values()].sort((a, b) => a.size - b.size).slice(-SEEN_KEEP);
  return { format: SEEN_STATE_FORMAT, origin, verifierKey, checkpoints };
}

/** The size line of a checkpoint note (its second line), or null when there is none. */
export function checkpointNoteSize(note: string): number | null {
  const line = note.split('\n')[1];
  return line !== undefined && /^(0|[1-9][0-9]{0,15})$/.test(line) && Number.isSafeInteger(Number(line)) ? Number(line) : null;
}

export type HistoryCheck = {
  /** The current checkpoint, signature-checked; null if it did not verify. */
  current: Checkpoint | null;
  /** Each earlier checkpoint the current log was checked against. */
  consistentWith: { size: number; source: string }[];
  /** Empty when the current log extends everything seen before. */
  problems: string[];
};

/**
 * Checks the current checkpoint's signature and that the log it commits to extends every
 * earlier checkpoint in `seen` (each also signature-checked: a saved note signed by another
 * key proves nothing). `proof(from, to)` fetches a consistency proof; its roots are ignored,
 * only the ones signed in the notes count.
 */
export async function checkHistory(params: {
  hasher: Hasher;
  key: { name: string; publicKeyRaw: Uint8Array };
  current: string;
  seen: readonly { note: string; source: string }[];
  proof: (from: number, to: number) => Promise<ConsistencyProofJson | null>;
}): Promise<HistoryCheck> {
  const problems: string[] = [];
  const consistentWith: { size: number; source: string }[] = [];
  const opened = await openCheckpoint(params.current, params.key);
  if (!opened.ok) return { current: null, consistentWith, problems: [`the current checkpoint does not verify: ${opened.error}`] };
  const current = opened.checkpoint;
  for (const s of params.seen) {
    const old = await openCheckpoint(s.note, params.key);
    if (!old.ok) {
      problems.push(`checkpoint from ${s.source} does not verify with this log's key: ${old.error}`);
      continue;
    }
    const older = old.checkpoint;
    if (older.size > current.size) {
      problems.push(
        `the log now shows ${current.size} entries, but ${s.source} has a checkpoint signed for ${older.size}: entries were removed, or this is an older, different view of the log`,
      );
      continue;
    }
    const proof = older.size === current.size ? null : await params.proof(older.size, current.size);
    const verdict = checkConsistency(params.hasher, { size: older.size, rootHash: older.rootHash }, { size: current.size, rootHash: current.rootHash }, proof);
    if (verdict.ok) consistentWith.push({ size: older.size, source: s.source });
    else problems.push(`checkpoint from ${s.source} (size ${older.size}): ${verdict.error}`);
  }
  return { current, consistentWith, problems };
}
