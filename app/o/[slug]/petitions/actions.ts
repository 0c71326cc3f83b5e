'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { spendLimit } from '@/lib/actions/limit';
import { signPetitionOperation } from '@/lib/actions/operations';
import { orgOperationAction, orgUseCaseAction } from '@/lib/actions/use-case-action';
import { now } from '@/lib/clock';
import { requestTranslator } from '@/lib/i18n/refusals';
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
  const t = await requestTranslator();
  return { ok: true, message: t('petitions.flashOpened', { number }), redirectTo: `/o/${membership.orgSlug}/petitions/${number}` };
});

// The API signs through the same operation.
export const signPetitionAction = orgOperationAction(signPetitionOperation, async (_input, r) =>
  (await requestTranslator())('petitions.flashSigned', { count: r.count, reached: String(r.thresholdReached) }),
);

export const revokePetitionSignatureAction = orgUseCaseAction(
  revokePetitionSignatureSchema,
  'observer',
  revokePetitionSignature,
  async (_input, r) => (await requestTranslator())('petitions.flashRevoked', { count: r.count }),
  { limit: 'ballot' },
);

export const answerPetitionAction = orgUseCaseAction(answerPetitionSchema, 'observer', answerPetition, async (_input, r) =>
  (await requestTranslator())(r.late ? 'petitions.flashAnsweredLate' : 'petitions.flashAnswered'),
);
