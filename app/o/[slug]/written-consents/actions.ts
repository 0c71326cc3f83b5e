'use server';

import { orgAction } from '@/lib/actions/action';
import {
  openWrittenConsentOperation,
  performAsMember,
  revokeWrittenConsentSignatureOperation,
  signWrittenConsentOperation,
  withdrawWrittenConsentOperation,
} from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

/**
 * Any member may try; the use case asks the rules (a seat holder of the body, or an admin; the body at its minimum strength).
 * The API opens, signs, revokes and withdraws through the same operations (app/api/v1).
 */
export const openWrittenConsentAction = orgAction(
  openWrittenConsentOperation.schema,
  openWrittenConsentOperation.minimumRole,
  async ({ input, user, membership }) => {
    const { number } = await performAsMember(openWrittenConsentOperation, { userId: user.id, role: membership.role }, input);
    const t = await requestTranslator();
    return {
      ok: true,
      message: t('writtenConsents.flashOpened', { number }),
      redirectTo: `/o/${membership.orgSlug}/written-consents/${number}`,
    };
  },
);

export const signWrittenConsentAction = orgOperationAction(signWrittenConsentOperation, async (_input, r) =>
  (await requestTranslator())(r.adopted ? 'writtenConsents.flashAdopted' : 'writtenConsents.flashSigned', { signatures: r.signatures, of: r.of }),
);

export const revokeWrittenConsentSignatureAction = orgOperationAction(revokeWrittenConsentSignatureOperation, async (_input, r) =>
  (await requestTranslator())('writtenConsents.flashRevoked', { signatures: r.signatures, of: r.of }),
);

export const withdrawWrittenConsentAction = orgOperationAction(withdrawWrittenConsentOperation, async (_input, r) =>
  (await requestTranslator())('writtenConsents.flashWithdrawn', { number: r.number }),
);
