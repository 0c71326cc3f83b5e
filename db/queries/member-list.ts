import 'server-only';
import { and, asc, count, desc, eq, gt, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, users } from '@/db/schema';
import type { Role } from '@/lib/governance/roles';
import { DEFAULT_MEMBERSHIP_WEIGHT } from '@/lib/governance/weights';
import { memberTiers as TIERS } from '@/lib/pagination/member-cursor';
import type { MemberTier } from '@/lib/pagination/member-cursor';
import { countMembersByRole, isAccepted } from './memberships';
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
export async function listMemberPage(
  db: Executor,
  orgId: string,
  opts: { q: string; page: number; size?: number; from?: { direction: 'after' | 'before'; role: MemberTier; email: string } },
): Promise<MemberPage> {
  const size = opts.size ?? MEMBER_PAGE_SIZE;
  const q = opts.q.trim();
  const base = and(eq(memberships.orgId, orgId), isAccepted);
  const search = q ? or(ilike(users.email, likeLiteral(q)), ilike(users.name, likeLiteral(q))) : undefined;
  const [byRole, total, differ] = await Promise.all([
    q
      ? db
          .select({ role: memberships.role, n: count() })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(base, search))
          .groupBy(memberships.role)
      : // Without a search, every accepted member: the counts the database tallies (one row), not a count.
        countMembersByRole(db, orgId).then((byRole) => Object.entries(byRole).map(([role, n]) => ({ role: role as Role, n }))),
    // Every accepted member, for a search's "N of M": the tally too (one row), not a count. Without a search the
    // counts by role add up to every member: nothing more to read.
    q ? countMembersByRole(db, orgId).then((byRole) => Object.values(byRole).reduce((a, n) => a + n, 0)) : null,
    // A literal, not a parameter: the partial index memberships_org_weighted_idx (weight <> 1) then serves it.
    db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(base, sql`${memberships.weight} <> ${sql.raw(String(Math.trunc(DEFAULT_MEMBERSHIP_WEIGHT)))}`))
      .limit(1),
  ]);
  const counts = new Map(byRole.map((r) => [r.role, Number(r.n)]));
  const matching = [...counts.values()].reduce((a, n) => a + n, 0);
  const summary = { matching, total: total ?? matching, weightsDiffer: differ.length > 0 };
  if (opts.from) return { rows: await keysetRows(db, and(base, search), opts.from, size), ...summary };
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
      search
        ? db
            .select(memberColumns)
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(and(base, eq(memberships.role, s.role), search))
            .orderBy(asc(users.email))
            .limit(s.limit)
            .offset(s.offset)
        : // Without a search, the page's memberships are skipped to in memberships_org_role_email_idx alone (the
          // address the database copies beside each membership), and only the page's rows are joined to users.
          db
            .select(memberColumns)
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(
              inArray(
                memberships.id,
                db
                  .select({ id: memberships.id })
                  .from(memberships)
                  .where(and(base, eq(memberships.role, s.role)))
                  .orderBy(asc(memberships.sortEmail))
                  .limit(s.limit)
                  .offset(s.offset),
              ),
            )
            .orderBy(asc(users.email)),
    ),
  );
  return { rows: parts.flat(), ...summary };
}

/**
 * The page that starts after (or ends before) a row, by keyset: the cursor's role's members past its address
 * in e-mail order, from the index on users' addresses, so a page deep in the list costs what the first one
 * does (OFFSET reads and sorts every row before it); then, only if the page is not full yet, the next roles
 * (or the previous ones) in turn. A role is read only when the page reaches it: a rare role (observers) costs
 * a long walk of the address index, paid only on the pages that show it.
 */
async function keysetRows(
  db: Executor,
  where: ReturnType<typeof and>,
  from: { direction: 'after' | 'before'; role: MemberTier; email: string },
  size: number,
): Promise<MemberRow[]> {
  const at = TIERS.indexOf(from.role);
  const forward = from.direction === 'after';
  const roles = forward ? TIERS.slice(at) : TIERS.slice(0, at + 1).reverse();
  const rows: MemberRow[] = [];
  for (const role of roles) {
    if (rows.length >= size) break;
    const past = role !== from.role ? undefined : forward ? gt(users.email, from.email) : lt(users.email, from.email);
    rows.push(
      ...(await db
        .select(memberColumns)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(where, eq(memberships.role, role), past))
        .orderBy(forward ? asc(users.email) : desc(users.email))
        .limit(size - rows.length)),
    );
  }
  return forward ? rows : rows.reverse();
}
