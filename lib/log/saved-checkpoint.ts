// A checkpoint a reader kept — from a notice e-mail, a witness, an earlier run of the verifier —
// and what it proves about the log now. Browser-safe and free of I/O: the CLI fetches, this
// decides, so the in-browser verifier can do the same.
//
// The attack it catches: an operator rewrites history, recomputes every hash and re-signs with
// the same key. The new log verifies on its own. Only someone holding a checkpoint signed
// before the rewrite can tell — because no consistency proof links the old root to the new one.

import type { Hasher } from './hash';
import { fromHex, isHashHex } from './hash';
import { verifyConsistency } from './merkle';
import { parseCheckpoint, verifyNote } from './signed-note';
import type { Checkpoint } from './signed-note';

/** Marker lines around the signed note in notice e-mails; the note is the lines between them. */
export const CHECKPOINT_BEGIN = '-----BEGIN DECISION LOG CHECKPOINT-----';
export const CHECKPOINT_END = '-----END DECISION LOG CHECKPOINT-----';

/**
 * The signed note in `text`: the lines between the markers when present (a whole saved
 * e-mail), else the text itself. CRLF line ends (mail transports add them) become LF, and
 * leading blank lines are dropped; a note ends with exactly one newline. A raw saved message
 * (.eml) carries its text part quoted-printable — long lines wrapped with soft breaks, "—" as
 * =E2=80=94, "=" as =3D — so when the plain reading has no signature line, the decoded one is
 * tried.
 */
export function extractCheckpointNote(text: string): string {
  const plain = noteIn(text.replace(/\r\n/g, '\n'));
  if (plain.includes('\n\n\u2014 ')) return plain;
  const decoded = noteIn(decodeQuotedPrintable(text.replace(/\r\n/g, '\n')));
  return decoded.includes('\n\n\u2014 ') ? decoded : plain;
}

function noteIn(text: string): string {
  let s = text;
  const begin = s.indexOf(`${CHECKPOINT_BEGIN}\n`);
  if (begin >= 0) {
    const from = begin + CHECKPOINT_BEGIN.length + 1;
    const end = s.indexOf(CHECKPOINT_END, from);
    s = s.slice(from, end < 0 ? undefined : end);
  }
  s = s.replace(/^\n+/, '');
  return s.endsWith('\n') ? s.replace(/\n+$/, '\n') : `${s}\n`;
}

/** RFC 2045 quoted-printable to text (UTF-8); anything that is not an escape stays as it is. */
export function decodeQuotedPrintable(text: string): string {
  const unwrapped = text.replace(/=[ \t]*\n/g, '');
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < unwrapped.length; i++) {
    const hex = unwrapped.slice(i + 1, i + 3);
    if (unwrapped[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const cp = unwrapped.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      for (const b of encoder.encode(ch)) bytes.push(b);
      i += ch.length - 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Signed-note text of a checkpoint block, with markers, as notice e-mails carry it. */
export function checkpointBlock(note: string): string {
  return `${CHECKPOINT_BEGIN}\n${note}${note.endsWith('\n') ? '' : '\n'}${CHECKPOINT_END}`;
}

export type OpenedCheckpoint = { ok: true; checkpoint: Checkpoint; text: string } | { ok: false; error: string };

/** Verifies a signed checkpoint note with the log's key and parses it; origin must be the key's name. */
export async function openCheckpoint(note: string, key: { name: string; publicKeyRaw: Uint8Array }): Promise<OpenedCheckpoint> {
  const verified = await verifyNote(note, key);
  if (!verified.ok) return { ok: false, error: verified.error };
  try {
    const checkpoint = parseCheckpoint(verified.text);
    if (checkpoint.origin !== key.name)
      return { ok: false, error: `the checkpoint is for ${JSON.stringify(checkpoint.origin)}, not ${JSON.stringify(key.name)}` };
    return { ok: true, checkpoint, text: verified.text };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A consistency proof as the API returns it (GET …/log/proof/consistency): hex hashes. */
export type ConsistencyProofJson = { from: number; to: number; proof: string[]; fromRoot?: string; toRoot?: string };

export type ConsistencyVerdict = { ok: true } | { ok: false; error: string };

/**
 * Is the tree `newer` an extension of the tree `older` (both already signature-checked)? Uses
 * the proof with the roots the reader holds, never the roots the server reports next to it:
 * a rewritten log's server happily reports its own new roots.
 */
export function checkConsistency(
  h: Hasher,
  older: { size: number; rootHash: Uint8Array },
  newer: { size: number; rootHash: Uint8Array },
  proof: ConsistencyProofJson | null,
): ConsistencyVerdict {
  if (newer.size < older.size) return { ok: false, error: `the log shrank from ${older.size} to ${newer.size} entries` };
  if (older.size === newer.size) {
    const same = older.rootHash.length === newer.rootHash.length && older.rootHash.every((b, i) => b === newer.rootHash[i]);
    return same ? { ok: true } : { ok: false, error: `two different roots are signed for size ${older.size}` };
  }
  if (
    proof === null ||
    proof.from !== older.size ||
    proof.to !== newer.size ||
    !Array.isArray(proof.proof) ||
    !proof.proof.every((x) => typeof x === 'string' && isHashHex(x))
  ) {
    return { ok: false, error: `no usable consistency proof from size ${older.size} to ${newer.size}` };
  }
  const ok = verifyConsistency(h, older.size, newer.size, older.rootHash, newer.rootHash, proof.proof.map(fromHex));
  return ok
    ? { ok: true }
    : { ok: false, error: `the log of ${newer.size} entries does not extend the one of ${older.size} entries this reader saw before: history was rewritten` };
}
