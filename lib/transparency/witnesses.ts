import 'server-only';
import type { Executor } from '@/db/client';
import { ensureOrgSigningKey, getTreeHead } from '@/db/queries/transparency';
import { listActiveWitnesses, storeCosignature, witnessKeyOf } from '@/db/queries/witnesses';
import { verifyCosignatures } from '@/lib/log/cosignature';
import { parseCheckpoint, splitNote } from '@/lib/log/signed-note';

/** Largest cosigned note accepted: a checkpoint and a few dozen signature lines. */
export const MAX_COSIGNED_NOTE_BYTES = 16_384;
/** A witness clock this far ahead of ours is refused: its timestamp would claim a future. */
const MAX_CLOCK_SKEW_SECONDS = 600;

export type CosignOutcome = { ok: true; accepted: { witness: string; size: number; time: number }[] } | { ok: false; status: 400 | 403 | 404; error: string };

/**
 * A witness hands in a checkpoint note carrying its cosignature. Accepted only if the
 * checkpoint text is exactly one this organization signed (same origin, size and root) and a
 * cosignature by a registered witness verifies over it; each valid one is stored. Accepted on an archived
 * organization too: a cosignature adds independent verification of a record already public and changes no
 * governance state (no log entry, no setting).
 */
export async function acceptCosignature(db: Executor, orgId: string, body: string, at: Date): Promise<CosignOutcome> {
  if (new TextEncoder().encode(body).length > MAX_COSIGNED_NOTE_BYTES) return { ok: false, status: 400, error: 'The note is too large.' };
  let text: string;
  let size: number;
  let origin: string;
  try {
    text = splitNote(body).text;
    ({ size, origin } = parseCheckpoint(text));
  } catch (error) {
    return { ok: false, status: 400, error: `Not a signed checkpoint: ${error instanceof Error ? error.message : String(error)}` };
  }
  const key = await ensureOrgSigningKey(db, orgId);
  if (!key || origin !== key.keyName) return { ok: false, status: 400, error: `This checkpoint is not for this log (origin ${JSON.stringify(origin)}).` };
  const head = await getTreeHead(db, orgId, size);
  if (!head || splitNote(head.note).text !== text) return { ok: false, status: 404, error: `This log never signed that checkpoint for size ${size}.` };
  const active = await listActiveWitnesses(db, orgId);
  const { valid } = await verifyCosignatures(body, active.map(witnessKeyOf));
  const nowSeconds = Math.floor(at.getTime() / 1000);
  const timely = valid.filter((c) => c.time <= nowSeconds + MAX_CLOCK_SKEW_SECONDS);
  if (timely.length === 0) return { ok: false, status: 403, error: 'No cosignature by a registered witness verifies over this checkpoint.' };
  for (const c of timely) {
    const witness = active.find((w) => w.name === c.name)!;
    await storeCosignature(db, { witnessId: witness.id, orgId, size, time: c.time, line: c.line, at });
  }
  return { ok: true, accepted: timely.map((c) => ({ witness: c.name, size, time: c.time })) };
}
