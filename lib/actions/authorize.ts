import 'server-only';
import { getDb } from '@/db/client';
import { getActingMembership } from '@/db/queries/memberships';
import type { MembershipContext } from '@/db/queries/memberships';
import { hasRole } from '@/lib/governance/roles';
import type { Role } from '@/lib/governance/roles';

export type ActingMembership = MembershipContext & { orgSlug: string };

/**
 * May this person act in this organization with at least `minimumRole`? Their accepted
 * membership (with the organization's slug) when so; null otherwise — the same null whether the
 * organization exists or not, so no caller can probe for other organizations. The one check behind
 * every organization server action (lib/actions/action.ts `orgAction`) and every API write
 * (lib/api/write.ts): a rule about who may act is written here once.
 */
export async function authorizeMember(orgId: string, userId: string, minimumRole: Role): Promise<ActingMembership | null> {
  return actingWith(await getActingMembership(getDb(), orgId, userId), minimumRole);
}

/**
 * The decision `authorizeMember` makes once the accepted membership is read: the membership when
 * its role is at least `minimumRole`, null otherwise. The API's writes read the membership in the
 * same statement as the token (db/queries/api.ts `findApiWriteGrant`) and decide here, so the rule
 * is still written once.
 */
export function actingWith(membership: ActingMembership | null, minimumRole: Role): ActingMembership | null {
  return membership && hasRole(membership.role, minimumRole) ? membership : null;
}
