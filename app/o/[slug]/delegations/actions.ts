'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { spendLimit } from '@/lib/actions/limit';
import { now } from '@/lib/clock';
import { delegateVote, revokeDelegation } from '@/lib/use-cases/delegations';
import { delegateSchema, revokeDelegationSchema } from '@/lib/validation/delegation';

/** Names (or replaces) the member's delegate for a scope. Observers are refused by the use case's words, not a bare "forbidden". */
export const delegateVoteAction = orgAction(delegateSchema, 'observer', async ({ input, user, membership }) => {
  await spendLimit('delegation', user.id);
  const { replaced } = await delegateVote(getDb(), { userId: user.id, role: membership.role }, input, now());
  return {
    ok: true,
    message: replaced
      ? 'Delegation changed. Your previous delegate no longer holds your vote for this; the change is on the decision log.'
      : 'Delegation made. It is on the decision log; you can revoke it at any time, and voting yourself always overrides it.',
  };
});

/** Revokes one of the member's own delegations (any role: a member made an observer can still take theirs back). */
export const revokeDelegationAction = orgAction(revokeDelegationSchema, 'observer', async ({ input, user, membership }) => {
  await spendLimit('delegation', user.id);
  await revokeDelegation(getDb(), { userId: user.id, role: membership.role }, input, now());
  // The revoked delegation's row, and the form with it, is gone once the page re-renders: the page says it is done instead.
  return { ok: true, redirectTo: `/o/${membership.orgSlug}/delegations?done=revoked#mine` };
});
