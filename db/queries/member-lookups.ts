import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships } from '@/db/schema';
import type { Role } from '@/lib/governance/roles';

/** The person's role in the organization; null when they are not a member. */
export async function roleOf(tx: Executor, orgId: string, userId: string): Promise<Role | null> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** The stakeholder group the member belongs to, if any. */
export async function stakeholderGroupOf(tx: Executor, orgId: string, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ group: memberships.stakeholderGroup })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.group ?? null;
}

/** Every member's user id. */
export async function memberUserIds(tx: Executor, orgId: string): Promise<string[]> {
  return (await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, orgId))).map((m) => m.userId);
}
