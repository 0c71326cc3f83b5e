'use server';

import { orgAction } from '@/lib/actions/action';
import { delegateVoteOperation, performAsMember, revokeDelegationOperation } from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

/**
 * Names (or replaces) the member's delegate for a scope. Observers are refused by the use case's
 * words, not a bare "forbidden". The API delegates and revokes through the same operations.
 */
export const delegateVoteAction = orgOperationAction(delegateVoteOperation, async (_input, { replaced }) =>
  // In the request's language (English outside a request: tests and scripts).
  (await requestTranslator())(replaced ? 'delegations.changed' : 'delegations.made'),
);

/** Revokes one of the member's own delegations (any role: a member made an observer can still take theirs back). */
export const revokeDelegationAction = orgAction(
  revokeDelegationOperation.schema,
  revokeDelegationOperation.minimumRole,
  async ({ input, user, membership }) => {
    await performAsMember(revokeDelegationOperation, { userId: user.id, role: membership.role }, input);
    // The revoked delegation's row, and the form with it, is gone once the page re-renders: the page says it is done instead.
    return { ok: true, redirectTo: `/o/${membership.orgSlug}/delegations?done=revoked#mine` };
  },
);
