'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { spendLimit } from '@/lib/actions/limit';
import { signPetitionOperation } from '@/lib/actions/operations';
import { orgOperationAction, orgUseCaseAction } from '@/lib/actions/use-case-action';
import { now } from '@/lib/clock';
import { answerPetition, openPetition, revokePetitionSignature } from '@/lib/use-cases/petitions';
import { answerPetitionSchema, openPetitionSchema, revokePetitionSignatureSchema } from '@/lib/validation/petition';

/** Any member may try; the use case asks the rules (not an observer; of the group for a group petition). */
export const openPetitionAction = orgAction(openPetitionSchema, 'observer', async ({ input, user, membership }) => {
  await spendLimit('comment', user.id);
  const { number } = await openPetition(
    getDb(),
    { userId: user.id, role: membership.role },
    { orgId: input.orgId, title: input.title, body: input.body, forGroup: input.constituency },
    now(),
  );
  return { ok: true, message: `Petition #${number} is open for signatures.`, redirectTo: `/o/${membership.orgSlug}/petitions/${number}` };
});

// The API signs through the same operation.
export const signPetitionAction = orgOperationAction(
  signPetitionOperation,
  (_input, r) => `Signed. ${r.count} ${r.count === 1 ? 'signature' : 'signatures'}${r.thresholdReached ? '; the threshold is reached' : ''}.`,
);

export const revokePetitionSignatureAction = orgUseCaseAction(
  revokePetitionSignatureSchema,
  'observer',
  revokePetitionSignature,
  (_input, r) => `Your signature is revoked. ${r.count} ${r.count === 1 ? 'signature' : 'signatures'}.`,
  { limit: 'ballot' },
);

export const answerPetitionAction = orgUseCaseAction(answerPetitionSchema, 'observer', answerPetition, (_input, r) =>
  r.late ? 'The answer is published (after its deadline, as the record shows).' : 'The answer is published.',
);
