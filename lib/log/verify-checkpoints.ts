// Checkpoint-level pieces of the decision-log verifier (./verify): which signed checkpoints are
// evidence, and where the first problem lies once entry and checkpoint problems are known.
// Isomorphic and dependency-free, as ./verify is.

import { parseCheckpoint, verifyNote } from './signed-note';
import type { VerifyInput, VerifyProblem } from './verify-types';
import { englishLogText, logText, said } from './words';
import type { LogText } from './words';

export type TrustedCheckpoint = { label: string; labelText: LogText; size: number; root: Uint8Array; rootHashB64: string };

/**
 * Entry-level problems locate exactly. A checkpoint mismatch only bounds the location to a
 * range, so it counts only when no entry-level problem inside that range explains it.
 */
export function firstBadSeq(problems: VerifyProblem[], checkpointRanges: { lo: number; hi: number }[]): number | null {
  const entrySeqs = problems
    .filter((p) => p.kind !== 'checkpoint_root_mismatch' && p.kind !== 'bad_checkpoint_signature')
    .flatMap((p) => (p.seq === null ? [] : [p.seq]));
  const unexplained = checkpointRanges.filter((r) => !entrySeqs.some((s) => s >= r.lo && s <= r.hi)).map((r) => r.lo);
  // reduce, not Math.min(...): a badly broken export can have more problems than a call
  // may have arguments.
  return [...entrySeqs, ...unexplained].reduce<number | null>((min, s) => (min === null || s < min ? s : min), null);
}

/** Verifies each checkpoint's signature and parses it; bad ones become problems. */
export async function trustedCheckpoints(input: VerifyInput, problems: VerifyProblem[]): Promise<TrustedCheckpoint[]> {
  const out: TrustedCheckpoint[] = [];
  const list: unknown[] = Array.isArray(input.checkpoints) ? input.checkpoints : [];
  for (const [index, item] of list.entries()) {
    const labelText = logText('verify.checkpoint', { n: String(index + 1) });
    const label = englishLogText(labelText);
    const note = typeof item === 'object' && item !== null ? (item as { note?: unknown }).note : undefined;
    if (typeof note !== 'string') {
      problems.push({ seq: null, kind: 'malformed', ...said(logText('verify.noteNotString', { checkpoint: labelText })) });
      continue;
    }
    if (input.publicKeyRaw === undefined) {
      problems.push({ seq: null, kind: 'bad_checkpoint_signature', ...said(logText('verify.noKey', { checkpoint: labelText })) });
      continue;
    }
    // The checkpoint's origin line names the log and, by convention, the signing key.
    const name = input.origin ?? note.slice(0, Math.max(0, note.indexOf('\n')));
    let verified: Awaited<ReturnType<typeof verifyNote>>;
    try {
      verified = await verifyNote(note, { name, publicKeyRaw: input.publicKeyRaw });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.push({ seq: null, kind: 'bad_checkpoint_signature', ...said(logText('verify.cannotVerify', { checkpoint: labelText, why })) });
      continue;
    }
    if (!verified.ok) {
      problems.push({
        seq: null,
        kind: 'bad_checkpoint_signature',
        ...said(logText('verify.checkpointError', { checkpoint: labelText, why: verified.error })),
      });
      continue;
    }
    let checkpoint: ReturnType<typeof parseCheckpoint>;
    try {
      checkpoint = parseCheckpoint(verified.text);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.push({ seq: null, kind: 'malformed', ...said(logText('verify.checkpointError', { checkpoint: labelText, why })) });
      continue;
    }
    if (checkpoint.origin !== name) {
      problems.push({
        seq: null,
        kind: 'malformed',
        ...said(logText('verify.origin', { checkpoint: labelText, origin: JSON.stringify(checkpoint.origin), name: JSON.stringify(name) })),
      });
      continue;
    }
    out.push({ label, labelText, size: checkpoint.size, root: checkpoint.rootHash, rootHashB64: checkpoint.rootHashB64 });
  }
  return out;
}
