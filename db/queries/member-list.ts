import 'server-only';
import { and, asc, count, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { DEFAULT_MEMBERSHIP_WEIGHT } from '@/lib/governance/weights';
import { isAccepted } from './memberships';
import type { MemberRow } from './memberships';

export const MEMBER_PAGE_SIZE = 100;

export type MemberPage = {
  rows: MemberRow[];
  /** Members matching the search (all members when there is none). */
  matching: number;
  /** Every accepted member. */
  total: number;
  /** Whether any member's weight differs from the default (the page's votes column). */
  weightsDiffer: boolean;
};

/** `%`, `_` and `\` taken literally in an ILIKE pattern. */
function likeLiteral(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the member list (members' eyes only: it has e-mail addresses), in listMembers' order
 * (admins, secretaries, members, observers; then by e-mail), optionally only the members whose name or
 * e-mail contains `q` (case-insensitive), with the counts the page shows.
 */
export async function listMemberPage(db: Executor, orgId: string, opts: { q: string; page: number; size?: number }): Promise<MemberPage> {
  const size = opts.size ?? MEMBER_PAGE_SIZE;
  const q = opts.q.trim();
  const base = and(eq(memberships.orgId, orgId), isAccepted);
  const matchingWhere = q ? and(base, or(ilike(users.email, likeLiteral(q)), ilike(users.name, likeLiteral(q)))) : base;
  const [rows, [matching], [total], differ] = await Promise.all([
    db
      .select({
        membershipId: memberships.id,
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        joinedAt: memberships.createdAt,
        signedInBefore: sql<boolean>`${users.emailVerified} is not null`,
        stakeholderGroup: memberships.stakeholderGroup,
        weight: memberships.weight,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(matchingWhere)
      .orderBy(sql`case ${memberships.role} when 'admin' then 0 when 'secretary' then 1 when 'member' then 2 else 3 end`, asc(users.email))
      .limit(size)
      .offset(Math.max(0, opts.page - 1) * size),
    q
      ? db.select({ n: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(matchingWhere)
      : Promise.resolve([{ n: -1 }]),
    db.select({ n: count() }).from(memberships).where(base),
    db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(base, ne(memberships.weight, DEFAULT_MEMBERSHIP_WEIGHT)))
      .limit(1),
  ]);
  const all = Number(total!.n);
  return { rows, matching: q ? Number(matching!.n) : all, total: all, weightsDiffer: differ.length > 0 };
}
