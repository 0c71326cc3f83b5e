'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { spendLimit } from '@/lib/actions/limit';
import { orgUseCaseAction } from '@/lib/actions/use-case-action';
import { now } from '@/lib/clock';
import { requestTranslator } from '@/lib/i18n/refusals';
import { openWrittenConsent, revokeWrittenConsentSignature, signWrittenConsent, withdrawWrittenConsent } from '@/lib/use-cases/written-consents';
import { openWrittenConsentSchema, revokeWrittenConsentSchema, signWrittenConsentSchema, withdrawWrittenConsentSchema } from '@/lib/validation/written-consent';

/** Any member may try; the use case asks the rules (a seat holder of the body, or an admin; the body at its minimum strength). */
export const openWrittenConsentAction = orgAction(openWrittenConsentSchema, 'observer', async ({ input, user, membership }) => {
  await spendLimit('comment', user.id);
  const { number } = await openWrittenConsent(
    getDb(),
    { userId: user.id, role: membership.role },
    { orgId: input.orgId, bodyKey: input.bodyKey, title: input.title, body: input.body },
    now(),
  );
  const t = await requestTranslator();
  return {
    ok: true,
    message: t('writtenConsents.flashOpened', { number }),
    redirectTo: `/o/${membership.orgSlug}/written-consents/${number}`,
  };
});

export const signWrittenConsentAction = orgUseCaseAction(
  signWrittenConsentSchema,
  'observer',
  signWrittenConsent,
  async (_input, r) =>
    (await requestTranslator())(r.adopted ? 'writtenConsents.flashAdopted' : 'writtenConsents.flashSigned', { signatures: r.signatures, of: r.of }),
  { limit: 'ballot' },
);

export const revokeWrittenConsentSignatureAction = orgUseCaseAction(
  revokeWrittenConsentSchema,
  'observer',
  revokeWrittenConsentSignature,
  async (_input, r) => (await requestTranslator())('writtenConsents.flashRevoked', { signatures: r.signatures, of: r.of }),
  { limit: 'ballot' },
);

export const withdrawWrittenConsentAction = orgUseCaseAction(withdrawWrittenConsentSchema, 'observer', withdrawWrittenConsent, async (_input, r) =>
  (await requestTranslator())('writtenConsents.flashWithdrawn', { number: r.number }),
);
