import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships } from '@/db/schema';
import type { Role } from '@/lib/governance/roles';
import { isAccepted, membershipOf } from './memberships';
import { valueWhere } from './scalars';

/** The person's role in the organization; null when they are not a member. */
export async function roleOf(tx: Executor, orgId: string, userId: string): Promise<Role | null> {
  return valueWhere(tx, memberships.role, membershipOf(orgId, userId));
}

/** The stakeholder group the member belongs to, if any. */
export async function stakeholderGroupOf(tx: Executor, orgId: string, userId: string): Promise<string | null> {
  return valueWhere(tx, memberships.stakeholderGroup, membershipOf(orgId, userId));
}

/** Every member's user id (accepted memberships; pending invitees are not members yet). */
export async function memberUserIds(tx: Executor, orgId: string): Promise<string[]> {
  return (
    await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), isAccepted))
  ).map((m) => m.userId);
}
