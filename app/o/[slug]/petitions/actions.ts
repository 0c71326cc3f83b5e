'use server';

import { orgAction } from '@/lib/actions/action';
import {
  answerPetitionOperation,
  openPetitionOperation,
  performAsMember,
  revokePetitionSignatureOperation,
  signPetitionOperation,
} from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

/**
 * Any member may try; the use case asks the rules (not an observer; of the group for a group petition).
 * The API opens, signs, revokes and answers through the same operations (app/api/v1).
 */
export const openPetitionAction = orgAction(openPetitionOperation.schema, openPetitionOperation.minimumRole, async ({ input, user, membership }) => {
  const { number } = await performAsMember(openPetitionOperation, { userId: user.id, role: membership.role }, input);
  const t = await requestTranslator();
  return { ok: true, message: t('petitions.flashOpened', { number }), redirectTo: `/o/${membership.orgSlug}/petitions/${number}` };
});

export const signPetitionAction = orgOperationAction(signPetitionOperation, async (_input, r) =>
  (await requestTranslator())('petitions.flashSigned', { count: r.count, reached: String(r.thresholdReached) }),
);

export const revokePetitionSignatureAction = orgOperationAction(revokePetitionSignatureOperation, async (_input, r) =>
  (await requestTranslator())('petitions.flashRevoked', { count: r.count }),
);

export const answerPetitionAction = orgOperationAction(answerPetitionOperation, async (_input, r) =>
  (await requestTranslator())(r.late ? 'petitions.flashAnsweredLate' : 'petitions.flashAnswered'),
);
