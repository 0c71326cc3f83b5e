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

/**
 * Any member may try; the use case asks the rules (a seat holder of the body, or an admin; the body at its minimum strength).
 * The API opens, signs, revokes and withdraws through the same operations (app/api/v1).
 */
export const openWrittenConsentAction = orgAction(
  openWrittenConsentOperation.schema,
  openWrittenConsentOperation.minimumRole,
  async ({ input, user, membership }) => {
    const { number } = await performAsMember(openWrittenConsentOperation, { userId: user.id, role: membership.role }, input);
    return {
      ok: true,
      message: `Written consent #${number} is open: every seat holder has been sent it to sign.`,
      redirectTo: `/o/${membership.orgSlug}/written-consents/${number}`,
    };
  },
);

export const signWrittenConsentAction = orgOperationAction(signWrittenConsentOperation, (_input, r) =>
  r.adopted ? `Signed. Every signer has signed: the written consent is adopted.` : `Signed. ${r.signatures} of ${r.of} signatures.`,
);

export const revokeWrittenConsentSignatureAction = orgOperationAction(
  revokeWrittenConsentSignatureOperation,
  (_input, r) => `Your signature is revoked. ${r.signatures} of ${r.of} signatures.`,
);

export const withdrawWrittenConsentAction = orgOperationAction(withdrawWrittenConsentOperation, (_input, r) => `Written consent #${r.number} is withdrawn.`);
