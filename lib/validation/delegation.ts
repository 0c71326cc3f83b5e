import { z } from 'zod';
import { storableText } from './text';

const id = (message: string) => z.uuid(message);
const PROPOSAL = /^proposal:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const TYPE = /^type:([^\u0000-\u001f\u007f]{1,64})$/;

/**
 * A delegation's scope as the form sends it: `general` (every member-wide vote), `type:<key>`
 * (one proposal type) or `proposal:<id>` (one proposal); parsed into the scope the rules read.
 */
export const delegationScopeSchema = storableText(
  z.string({ error: 'Choose what the delegation is for.' }).max(80, 'Choose what the delegation is for.'),
  'scope',
)
  .refine((s) => s === 'general' || TYPE.test(s) || PROPOSAL.test(s), 'Choose what the delegation is for.')
  .transform((s) => ({
    typeKey: TYPE.exec(s)?.[1] ?? null,
    proposalId: PROPOSAL.exec(s)?.[1]?.toLowerCase() ?? null,
  }));

/** Delegate one's vote to a member, for a scope (the use case checks the member and the scope). */
export const delegateSchema = z.object({
  orgId: id('Unknown organization.'),
  delegateUserId: storableText(z.string({ error: 'Choose a member.' }).min(1, 'Choose a member.').max(100, 'Choose a member.'), 'member'),
  scope: delegationScopeSchema,
});

/** Revoke one of one's own delegations. */
export const revokeDelegationSchema = z.object({ orgId: id('Unknown organization.'), delegationId: id('Unknown delegation.') });
