import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { calendarFeeds } from '@/db/schema';
import { rowsOf } from './prepared';

/** A published or withdrawn proposal's dates, one row per stage (a proposal without stages: one row, stage null). */
export type CalendarProposalRow = {
  proposalId: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  number: number;
  title: string;
  status: 'published' | 'withdrawn';
  consent: boolean;
  discussionClosesAt: Date | null;
  updatedAt: Date;
  stage: { index: number; bodyKey: string; bodyName: string; closesAt: Date | null; yourSeat: boolean } | null;
};

const asDate = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
const asBool = (v: unknown): boolean => v === true || v === 't';

/**
 * The dates of the proposals the public pages show (published and withdrawn, never drafts) of
 * these organizations, with a date on or after `since`, newest publication first, at most
 * `limit` rows. With `userId`, each stage says whether that person decides in it: a seat they
 * hold in the stage's body, or their place on a member-wide stage's roll.
 */
export async function listCalendarProposalRows(
  db: Executor,
  input: { orgIds: string[]; since: Date; userId: string | null; limit: number },
): Promise<CalendarProposalRow[]> {
  if (input.orgIds.length === 0) return [];
  const orgIds = sql.join(
    input.orgIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const since = input.since.toISOString();
  const yourSeat = input.userId
    ? sql`(s.stage_index is not null and (
          (s.roll_hash is null and exists (select 1 from seats t where t.org_id = p.org_id and t.body_key = s.body_key and t.holder_user_id = ${input.userId} and t.retired_at is null))
          or (s.roll_hash is not null and exists (select 1 from roll_entries r where r.proposal_id = p.id and r.stage_index = s.stage_index and r.user_id = ${input.userId}))))`
    : sql`false`;
  const rows = rowsOf(
    await db.execute(sql`
      select p.id as proposal_id, p.org_id, o.slug as org_slug, o.name as org_name, p.number, p.title, p.status,
             p.discussion_closes_at, p.updated_at, s.stage_index, s.body_key, s.closes_at,
             coalesce((select b ->> 'name' from charters c cross join jsonb_array_elements(c.document -> 'bodies') b
                       where c.org_id = p.org_id and c.version = p.charter_version and b ->> 'key' = s.body_key limit 1), s.body_key) as body_name,
             coalesce((select (t ->> 'consent')::boolean from charters c cross join jsonb_array_elements(c.document -> 'proposalTypes') t
                       where c.org_id = p.org_id and c.version = p.charter_version and t ->> 'key' = p.type_key limit 1), false) as consent,
             ${yourSeat} as your_seat
      from proposals p
      join organizations o on o.id = p.org_id
      left join proposal_stages s on s.proposal_id = p.id
      where p.org_id in (${orgIds}) and p.status in ('published', 'withdrawn')
        and (p.discussion_closes_at >= ${since}::timestamptz or s.closes_at >= ${since}::timestamptz)
      order by p.published_at desc nulls last, p.id, s.stage_index
      limit ${input.limit}`),
  );
  return rows.map((r) => ({
    proposalId: String(r.proposal_id),
    orgId: String(r.org_id),
    orgSlug: String(r.org_slug),
    orgName: String(r.org_name),
    number: Number(r.number),
    title: String(r.title),
    status: r.status === 'withdrawn' ? 'withdrawn' : 'published',
    consent: asBool(r.consent),
    discussionClosesAt: asDate(r.discussion_closes_at),
    updatedAt: asDate(r.updated_at)!,
    stage:
      r.stage_index === null || r.stage_index === undefined
        ? null
        : {
            index: Number(r.stage_index),
            bodyKey: String(r.body_key),
            bodyName: String(r.body_name),
            closesAt: asDate(r.closes_at),
            yourSeat: asBool(r.your_seat),
          },
  }));
}

/** The organizations a person belongs to (accepted memberships, any role). */
export async function listCalendarOrganizations(db: Executor, userId: string): Promise<{ id: string; slug: string; name: string }[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select o.id, o.slug, o.name from memberships m join organizations o on o.id = m.org_id
      where m.user_id = ${userId} and m.accepted_at is not null order by o.name, o.slug`),
  );
  return rows.map((r) => ({ id: String(r.id), slug: String(r.slug), name: String(r.name) }));
}

export type CalendarFeedStatus = { createdAt: Date; rotatedAt: Date | null; lastUsedAt: Date | null };

/** Whether the person has a feed, and its dates (never its token, which is not stored). */
export async function getCalendarFeedStatus(db: Executor, userId: string): Promise<CalendarFeedStatus | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt, rotatedAt: calendarFeeds.rotatedAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return row ?? null;
}

/** Stores a first feed's token hash; false when the person already has a feed (nothing changed). */
export async function insertCalendarFeed(db: Executor, userId: string, tokenHash: string, at: Date): Promise<boolean> {
  const rows = await db.insert(calendarFeeds).values({ userId, tokenHash, createdAt: at }).onConflictDoNothing({ target: calendarFeeds.userId }).returning();
  return rows.length === 1;
}

/** Replaces the person's token hash (the old token stops working); false when they have no feed. */
export async function replaceCalendarFeedToken(db: Executor, userId: string, tokenHash: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(calendarFeeds)
    .set({ tokenHash, rotatedAt: at, lastUsedAt: null })
    .where(eq(calendarFeeds.userId, userId))
    .returning({ userId: calendarFeeds.userId });
  return rows.length === 1;
}

/** The owner of the feed whose token hashes to `tokenHash`, or null. */
export async function findCalendarFeedOwner(db: Executor, tokenHash: string): Promise<string | null> {
  const [row] = await db.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
  return row?.userId ?? null;
}

/** Notes that the feed was fetched, at most once per `quietMs` (a calendar polls often). */
export async function touchCalendarFeed(db: Executor, userId: string, at: Date, quietMs = 5 * 60_000): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: at })
    .where(and(eq(calendarFeeds.userId, userId), or(isNull(calendarFeeds.lastUsedAt), lt(calendarFeeds.lastUsedAt, new Date(at.getTime() - quietMs)))));
}
