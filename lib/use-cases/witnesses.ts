import 'server-only';
import type { Database } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { insertWitness, listActiveWitnesses, markWitnessRemoved } from '@/db/queries/witnesses';
import { refuse } from '@/lib/governance/refusal';
import { base64Encode } from '@/lib/log/base64';
import { parseWitnessVerifierKey } from '@/lib/log/cosignature';
import { requireOrganizationWritable } from './writable';

/*
 * The decision log's witnesses, as an admin registers and removes them (the settings page and the API): each change
 * logged, and refused on an archived organization. A witness handing in its cosignatures: lib/transparency/witnesses.ts.
 */

/** Registers a witness by its verifier key and logs `witness.added`, in one transaction. */
export async function addWitness(
  db: Database,
  params: { orgId: string; actorId: string; verifierKey: string; at: Date },
): Promise<{ id: string; name: string }> {
  const key = parseWitnessVerifierKey(params.verifierKey);
  const publicKey = base64Encode(key.publicKeyRaw);
  return db.transaction(async (tx) => {
    // Archived organizations take no new witnesses (organizationWritable): unarchive first.
    await requireOrganizationWritable(tx, params.orgId);
    const active = await listActiveWitnesses(tx, params.orgId);
    if (active.some((w) => w.name === key.name)) refuse('witness.name_taken', { name: key.name }, 'verifierKey');
    const { id } = await insertWitness(tx, { orgId: params.orgId, name: key.name, publicKey, at: params.at });
    await appendLogEntry(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      kind: 'witness.added',
      subject: `witness:${id}`,
      payload: { name: key.name, verifierKey: params.verifierKey },
      at: params.at,
    });
    return { id, name: key.name };
  });
}

/** Removes a witness (its past cosignatures stay stored, no longer served) and logs `witness.removed`. */
export async function removeWitness(db: Database, params: { orgId: string; actorId: string; witnessId: string; at: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    // Nor lose one: the witnesses stay as they were archived.
    await requireOrganizationWritable(tx, params.orgId);
    const removed = await markWitnessRemoved(tx, params.orgId, params.witnessId, params.at);
    if (!removed) refuse('witness.not_registered');
    await appendLogEntry(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      kind: 'witness.removed',
      subject: `witness:${params.witnessId}`,
      payload: { name: removed.name },
      at: params.at,
    });
  });
}
