import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notificationPrefs, notifyEvents, organizations, outbox, users } from '@/db/schema';
import type { NotificationMode, OutboxStatus } from '@/db/schema';
import { listMyDelegations, listWaitingForMyVote } from './my-votes';

/** Raw `execute` answers differ by driver: postgres-js gives an array, PGlite `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

// --- Enqueue ---------------------------------------------------------------------------------

/** Records the event once; null when its key was already enqueued (by this or another worker). */
export async function insertNotifyEvent(
  tx: Executor,
  e: { orgId: string; key: string; kind: string; payload: Record<string, unknown>; at: Date },
): Promise<string | null> {
  const [row] = await tx
    .insert(notifyEvents)
    .values({ orgId: e.orgId, key: e.key, kind: e.kind, payload: e.payload, createdAt: e.at })
    .onConflictDoNothing({ target: notifyEvents.key })
    .returning({ id: notifyEvents.id });
  return row?.id ?? null;
}

export async function existingEventKeys(db: Executor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.select({ key: notifyEvents.key }).from(notifyEvents).where(inArray(notifyEvents.key, keys));
  return new Set(rows.map((r) => r.key));
}

export type Recipient = { userId: string; mandatory: boolean };

/**
 * Every recipient of one event in ONE statement, whatever their number (10,000 members is one
 * round trip): the list travels as a single jsonb parameter — a VALUES list would hit
 * PostgreSQL's 65,535-parameter limit — and preferences are applied in the same statement:
 * `off` rows are not written, `digest` rows wait for the daily digest. Mandatory notices ignore
 * preferences. ON CONFLICT DO NOTHING on the idempotency key (event × recipient × kind).
 */
export async function insertOutboxRows(
  tx: Executor,
  e: { eventId: string; eventKey: string; orgId: string; kind: string; at: Date; recipients: Recipient[] },
): Promise<number> {
  if (e.recipients.length === 0) return 0;
  const list = JSON.stringify(e.recipients.map((r) => ({ u: r.userId, m: r.mandatory })));
  const at = e.at.toISOString();
  const result = await tx.execute(sql`
    with ins as (
      insert into outbox (org_id, event_id, recipient_user_id, kind, mandatory, idempotency_key, status, next_attempt_at, created_at)
      select ${e.orgId}::uuid, ${e.eventId}::uuid, r.u, ${e.kind}, r.m,
             ${e.eventKey} || ':' || r.u || ':' || ${e.kind},
             (case when not r.m and p.mode = 'digest' then 'digest' else 'pending' end)::outbox_status,
             ${at}::timestamptz, ${at}::timestamptz
      from jsonb_to_recordset(${list}::jsonb) as r(u text, m boolean)
      left join notification_prefs p on p.user_id = r.u and p.org_id = ${e.orgId}::uuid and p.kind = ${e.kind}
      where r.m or p.mode is distinct from 'off'
      on conflict (idempotency_key) do nothing
      returning 1
    )
    select count(*)::int as n from ins`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

// --- Delivery --------------------------------------------------------------------------------

export type ClaimedMail = {
  id: string;
  orgId: string;
  kind: string;
  mandatory: boolean;
  attempts: number;
  recipientUserId: string;
  email: string;
  recipientName: string | null;
  /** The recipient's chosen language and the organization's default (null: none), for the notice's language. */
  recipientLocale?: string | null;
  orgLocale?: string | null;
  orgName: string;
  orgSlug: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  /** The event it belongs to (`published:<proposalId>`, …); null for digests. */
  eventKey: string | null;
  /** Set once it has been a dead letter: a delivery after an admin's retry is a late one. */
  deadLetteredAt: Date | null;
};

/**
 * Claims up to `limit` due rows with FOR UPDATE SKIP LOCKED, so concurrent workers take
 * disjoint batches, and leases them until `leaseUntil`: a worker that dies mid-batch leaves
 * rows that become claimable again when the lease runs out (nothing is lost), while rows it
 * already marked sent stay sent (nothing is sent twice). The attempt is counted at claim time.
 */
export async function claimDueMail(db: Executor, params: { at: Date; leaseUntil: Date; limit: number }): Promise<ClaimedMail[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, params.at), or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, params.at))))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(params.limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ leaseUntil: params.leaseUntil, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning({ id: outbox.id });
  if (claimed.length === 0) return [];
  const rows = await db
    .select({
      id: outbox.id,
      orgId: outbox.orgId,
      kind: outbox.kind,
      mandatory: outbox.mandatory,
      attempts: outbox.attempts,
      recipientUserId: outbox.recipientUserId,
      email: users.email,
      recipientName: users.name,
      recipientLocale: users.locale,
      orgLocale: organizations.defaultLocale,
      orgName: organizations.name,
      orgSlug: organizations.slug,
      rowPayload: outbox.payload,
      eventPayload: notifyEvents.payload,
      createdAt: outbox.createdAt,
      eventKey: notifyEvents.key,
      deadLetteredAt: outbox.deadLetteredAt,
    })
    .from(outbox)
    .innerJoin(users, eq(users.id, outbox.recipientUserId))
    .innerJoin(organizations, eq(organizations.id, outbox.orgId))
    .leftJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
    .where(
      inArray(
        outbox.id,
        claimed.map((c) => c.id),
      ),
    )
    .orderBy(asc(outbox.createdAt));
  return rows.map(({ rowPayload, eventPayload, ...r }) => ({ ...r, payload: rowPayload ?? eventPayload ?? {} }));
}

/** Fenced by the lease: a worker whose lease ran out (and whose row was re-claimed) changes nothing. True when it was this worker's to mark. */
export async function markMailSent(db: Executor, id: string, leaseUntil: Date, at: Date): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'sent', sentAt: at, leaseUntil: null, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.leaseUntil, leaseUntil)))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export async function markMailFailed(
  db: Executor,
  id: string,
  leaseUntil: Date,
  f: { error: string; dead: boolean; nextAttemptAt: Date; at?: Date },
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({
      status: f.dead ? 'dead' : 'pending',
      leaseUntil: null,
      lastError: f.error.slice(0, 1000),
      nextAttemptAt: f.nextAttemptAt,
      ...(f.dead ? { deadLetteredAt: sql`coalesce(${outbox.deadLetteredAt}, ${(f.at ?? f.nextAttemptAt).toISOString()}::timestamptz)` } : {}),
    })
    .where(and(eq(outbox.id, id), eq(outbox.leaseUntil, leaseUntil)))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

// --- Notice coverage -------------------------------------------------------------------------

export type MandatoryNoticeRow = { kind: string; recipientUserId: string; status: OutboxStatus };

/** The mandatory notices of one proposal (publication to seat holders, right of reply), one row per recipient and kind. */
export async function listMandatoryNotices(db: Executor, orgId: string, proposalId: string): Promise<MandatoryNoticeRow[]> {
  return db
    .select({ kind: outbox.kind, recipientUserId: outbox.recipientUserId, status: outbox.status })
    .from(outbox)
    .innerJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
    .where(and(eq(outbox.orgId, orgId), eq(outbox.mandatory, true), inArray(notifyEvents.key, [`published:${proposalId}`, `reply:${proposalId}`])));
}

// --- Digests ---------------------------------------------------------------------------------

/** (recipient, org) pairs with digest items created before `before`. */
export async function dueDigestGroups(db: Executor, before: Date, limit = 500): Promise<{ userId: string; orgId: string }[]> {
  return db
    .selectDistinct({ userId: outbox.recipientUserId, orgId: outbox.orgId })
    .from(outbox)
    .where(and(eq(outbox.status, 'digest'), lt(outbox.createdAt, before)))
    .limit(limit);
}

/** Folds one person's waiting items into one digest row, exactly once per day (idempotency key). */
export async function foldDigest(tx: Executor, p: { userId: string; orgId: string; before: Date; day: string; at: Date }): Promise<boolean> {
  const items = await tx
    .select({ id: outbox.id, kind: outbox.kind, payload: notifyEvents.payload })
    .from(outbox)
    .leftJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
    .where(and(eq(outbox.recipientUserId, p.userId), eq(outbox.orgId, p.orgId), eq(outbox.status, 'digest'), lt(outbox.createdAt, p.before)))
    .orderBy(asc(outbox.createdAt))
    .for('update', { of: outbox, skipLocked: true });
  if (items.length === 0) return false;
  const [digest] = await tx
    .insert(outbox)
    .values({
      orgId: p.orgId,
      recipientUserId: p.userId,
      kind: 'digest',
      mandatory: false,
      idempotencyKey: `digest:${p.orgId}:${p.userId}:${p.day}`,
      payload: {
        items: items.map((i) => ({ kind: i.kind, payload: i.payload ?? {} })),
        // What is waiting for the member's vote today, and where their vote goes when they do not cast it.
        waiting: (await listWaitingForMyVote(tx, p.orgId, p.userId, p.at)).map((w) => ({
          number: w.number,
          title: w.title,
          closesAt: w.closesAt.toISOString(),
          delegateVoted: w.delegate?.voted ?? false,
        })),
        delegations: await listMyDelegations(tx, p.orgId, p.userId),
      },
      status: 'pending',
      nextAttemptAt: p.at,
      createdAt: p.at,
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  // A digest for this day already exists (items arrived after it was folded): they wait for tomorrow's.
  if (!digest) return false;
  await tx
    .update(outbox)
    .set({ status: 'digested', digestId: digest.id })
    .where(
      inArray(
        outbox.id,
        items.map((i) => i.id),
      ),
    );
  return true;
}

// --- Preferences -----------------------------------------------------------------------------

export async function getNotificationPrefs(db: Executor, userId: string, orgId: string): Promise<Record<string, NotificationMode>> {
  const rows = await db
    .select({ kind: notificationPrefs.kind, mode: notificationPrefs.mode })
    .from(notificationPrefs)
    .where(and(eq(notificationPrefs.userId, userId), eq(notificationPrefs.orgId, orgId)));
  return Object.fromEntries(rows.map((r) => [r.kind, r.mode]));
}

export async function setNotificationPrefs(db: Executor, userId: string, orgId: string, modes: Record<string, NotificationMode>, at: Date): Promise<void> {
  const values = Object.entries(modes).map(([kind, mode]) => ({ userId, orgId, kind, mode, updatedAt: at }));
  if (values.length === 0) return;
  await db
    .insert(notificationPrefs)
    .values(values)
    .onConflictDoUpdate({
      target: [notificationPrefs.userId, notificationPrefs.orgId, notificationPrefs.kind],
      set: { mode: sql`excluded.mode`, updatedAt: at },
    });
}

/**
 * Someone left the organization: their optional mail that has not gone out yet is dropped and
 * their preferences forgotten. Mandatory notices stay (a right of reply is still theirs).
 */
export async function cancelOptionalMail(tx: Executor, orgId: string, userId: string): Promise<void> {
  await tx
    .delete(outbox)
    .where(and(eq(outbox.orgId, orgId), eq(outbox.recipientUserId, userId), eq(outbox.mandatory, false), inArray(outbox.status, ['pending', 'digest'])));
  await tx.delete(notificationPrefs).where(and(eq(notificationPrefs.orgId, orgId), eq(notificationPrefs.userId, userId)));
}

// --- Admin view ------------------------------------------------------------------------------

export type DeadLetter = { id: string; kind: string; email: string; attempts: number; lastError: string | null; createdAt: Date };

export async function deliveryOverview(db: Executor, orgId: string): Promise<{ counts: Record<OutboxStatus, number>; dead: DeadLetter[] }> {
  const grouped = await db.select({ status: outbox.status, n: count() }).from(outbox).where(eq(outbox.orgId, orgId)).groupBy(outbox.status);
  const counts = { pending: 0, sent: 0, dead: 0, digest: 0, digested: 0 } as Record<OutboxStatus, number>;
  for (const g of grouped) counts[g.status] = g.n;
  const dead = await db
    .select({ id: outbox.id, kind: outbox.kind, email: users.email, attempts: outbox.attempts, lastError: outbox.lastError, createdAt: outbox.createdAt })
    .from(outbox)
    .innerJoin(users, eq(users.id, outbox.recipientUserId))
    .where(and(eq(outbox.orgId, orgId), eq(outbox.status, 'dead')))
    .orderBy(desc(outbox.createdAt))
    .limit(200);
  return { counts, dead };
}

/** Puts dead letters of this organization (one, or all when id is null) back in the queue. */
export async function retryDeadLetters(db: Executor, orgId: string, id: string | null, at: Date): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: at, leaseUntil: null })
    .where(and(eq(outbox.orgId, orgId), eq(outbox.status, 'dead'), id ? eq(outbox.id, id) : undefined))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Name and slug only (both public): what the unsubscribe page shows. */
export async function getOrganizationLabel(db: Executor, orgId: string): Promise<{ name: string; slug: string } | null> {
  const [org] = await db.select({ name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId));
  return org ?? null;
}
