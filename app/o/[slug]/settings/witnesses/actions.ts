'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { addWitness, removeWitness } from '@/lib/transparency/witnesses';
import { addWitnessSchema, removeWitnessSchema } from '@/lib/validation/witness';

/** Admins register a witness; the registration is itself logged, so readers see who vouches. */
export const addWitnessAction = orgAction(addWitnessSchema, 'admin', async ({ input, user }) => {
  const added = await addWitness(getDb(), { orgId: input.orgId, actorId: user.id, verifierKey: input.verifierKey, at: now() });
  return { ok: true, message: `${added.name} is now a witness of this log. Its cosignatures appear once it has checked and cosigned a checkpoint.` };
});

export const removeWitnessAction = orgAction(removeWitnessSchema, 'admin', async ({ input, user }) => {
  await removeWitness(getDb(), { orgId: input.orgId, actorId: user.id, witnessId: input.witnessId, at: now() });
  return { ok: true, message: 'Witness removed. Its cosignatures are no longer served with checkpoints.' };
});
