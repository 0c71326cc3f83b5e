'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { spendLimit } from '@/lib/actions/limit';
import { orgUseCaseAction } from '@/lib/actions/use-case-action';
import { now } from '@/lib/clock';
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
  return {
    ok: true,
    message: `Written consent #${number} is open: every seat holder has been sent it to sign.`,
    redirectTo: `/o/${membership.orgSlug}/written-consents/${number}`,
  };
});

export const signWrittenConsentAction = orgUseCaseAction(
  signWrittenConsentSchema,
  'observer',
  signWrittenConsent,
  (_input, r) => (r.adopted ? `Signed. Every signer has signed: the written consent is adopted.` : `Signed. ${r.signatures} of ${r.of} signatures.`),
  { limit: 'ballot' },
);

export const revokeWrittenConsentSignatureAction = orgUseCaseAction(
  revokeWrittenConsentSchema,
  'observer',
  revokeWrittenConsentSignature,
  (_input, r) => `Your signature is revoked. ${r.signatures} of ${r.of} signatures.`,
  { limit: 'ballot' },
);

export const withdrawWrittenConsentAction = orgUseCaseAction(
  withdrawWrittenConsentSchema,
  'observer',
  withdrawWrittenConsent,
  (_input, r) => `Written consent #${r.number} is withdrawn.`,
);
