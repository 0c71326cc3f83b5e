'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { RuleRefusal } from '@/lib/actions/refusal';
import { now } from '@/lib/clock';
import { addWitness, removeWitness } from '@/lib/transparency/witnesses';
import { addWitnessSchema, removeWitnessSchema } from '@/lib/validation/witness';

/** Admins register a witness; the registration is itself logged, so readers see who vouches. */
export const addWitnessAction = orgAction(addWitnessSchema, 'admin', async ({ input, user, values }) => {
  try {
    const added = await addWitness(getDb(), { orgId: input.orgId, actorId: user.id, verifierKey: input.verifierKey, at: now() });
    revalidatePath('/o/[slug]', 'layout');
    return { ok: true, message: `${added.name} is now a witness of this log. Its cosignatures appear once it has checked and cosigned a checkpoint.` };
  } catch (error) {
    if (error instanceof RuleRefusal)
      return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined, values };
    throw error;
  }
});

export const removeWitnessAction = orgAction(removeWitnessSchema, 'admin', async ({ input, user, values }) => {
  try {
    await removeWitness(getDb(), { orgId: input.orgId, actorId: user.id, witnessId: input.witnessId, at: now() });
  } catch (error) {
    if (error instanceof RuleRefusal) return { ok: false, message: error.message, values };
    throw error;
  }
  revalidatePath('/o/[slug]', 'layout');
  return { ok: true, message: 'Witness removed. Its cosignatures are no longer served with checkpoints.' };
});
