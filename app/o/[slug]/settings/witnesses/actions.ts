'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { requestTranslator } from '@/lib/i18n/refusals';
import { addWitness, removeWitness } from '@/lib/transparency/witnesses';
import { addWitnessSchema, removeWitnessSchema } from '@/lib/validation/witness';

/** Admins register a witness; the registration is itself logged, so readers see who vouches. */
export const addWitnessAction = orgAction(addWitnessSchema, 'admin', async ({ input, user }) => {
  const added = await addWitness(getDb(), { orgId: input.orgId, actorId: user.id, verifierKey: input.verifierKey, at: now() });
  return { ok: true, message: (await requestTranslator())('settings.flashWitnessAdded', { name: added.name }) };
});

export const removeWitnessAction = orgAction(removeWitnessSchema, 'admin', async ({ input, user }) => {
  await removeWitness(getDb(), { orgId: input.orgId, actorId: user.id, witnessId: input.witnessId, at: now() });
  return { ok: true, message: (await requestTranslator())('settings.flashWitnessRemoved') };
});
