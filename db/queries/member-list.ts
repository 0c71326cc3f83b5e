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

const TIERS = ['admin', 'secretary', 'member', 'observer'] as const;

const memberColumns = {
  membershipId: memberships.id,
  userId: users.id,
  name: users.name,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.createdAt,
  signedInBefore: sql<boolean>`${users.emailVerified} is not null`,
  stakeholderGroup: memberships.stakeholderGroup,
  weight: memberships.weight,
};

/**
 * One page of the member list (members' eyes only: it has e-mail addresses), in listMembers' order
 * (admins, secretaries, members, observers; then by e-mail), optionally only the members whose name or
 * e-mail contains `q` (case-insensitive), with the counts the page shows. Read a role at a time, each in
 * e-mail order from the index on users' addresses, so a page does not sort every member.
 */
export async function listMemberPage(db: Executor, orgId: string, opts: { q: string; page: number; size?: number }): Promise<MemberPage> {
  const size = opts.size ?? MEMBER_PAGE_SIZE;
  const q = opts.q.trim();
  const base = and(eq(memberships.orgId, orgId), isAccepted);
  const search = q ? or(ilike(users.email, likeLiteral(q)), ilike(users.name, likeLiteral(q))) : undefined;
  const [byRole, [total], differ] = await Promise.all([
    q
      ? db
          .select({ role: memberships.role, n: count() })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(base, search))
          .groupBy(memberships.role)
      : db.select({ role: memberships.role, n: count() }).from(memberships).where(base).groupBy(memberships.role),
    db.select({ n: count() }).from(memberships).where(base),
    db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(base, ne(memberships.weight, DEFAULT_MEMBERSHIP_WEIGHT)))
      .limit(1),
  ]);
  const counts = new Map(byRole.map((r) => [r.role, Number(r.n)]));
  // Which slice of each role's members the page holds: the page starts `offset` rows into the whole list.
  const offset = Math.max(0, opts.page - 1) * size;
  let before = 0;
  const slices: { role: (typeof TIERS)[number]; offset: number; limit: number }[] = [];
  for (const role of TIERS) {
    const n = counts.get(role) ?? 0;
    const start = Math.max(0, offset - before);
    const wanted = size - slices.reduce((a, s) => a + s.limit, 0);
    const limit = Math.min(wanted, n - start);
    if (limit > 0) slices.push({ role, offset: start, limit });
    before += n;
  }
  const parts = await Promise.all(
    slices.map((s) =>
      db
        .select(memberColumns)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(base, eq(memberships.role, s.role), search))
        .orderBy(asc(users.email))
        .limit(s.limit)
        .offset(s.offset),
    ),
  );
  return { rows: parts.flat(), matching: before, total: Number(total!.n), weightsDiffer: differ.length > 0 };
}
