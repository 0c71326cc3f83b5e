import 'server-only';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notifyEvents } from '@/db/schema';
import { rowsOf } from './prepared';

/** Records the event with its audience to be written later (lib/notify/fanout.ts); false when its key was already enqueued. */
export async function insertFanoutEvent(
  tx: Executor,
  e: { orgId: string; key: string; kind: string; payload: Record<string, unknown>; audience: Record<string, unknown>; at: Date },
): Promise<boolean> {
  const rows = await tx
    .insert(notifyEvents)
    .values({ orgId: e.orgId, key: e.key, kind: e.kind, payload: e.payload, audience: e.audience, createdAt: e.at })
    .onConflictDoNothing({ target: notifyEvents.key })
    .returning({ id: notifyEvents.id });
  return rows.length > 0;
}

/** The oldest audience still to write, locked for this transaction; one another worker holds is skipped. */
export async function nextFanout(
  tx: Executor,
): Promise<{ id: string; key: string; orgId: string; kind: string; createdAt: Date; audience: Record<string, unknown> } | null> {
  const [row] = await tx
    .select({
      id: notifyEvents.id,
      key: notifyEvents.key,
      orgId: notifyEvents.orgId,
      kind: notifyEvents.kind,
      createdAt: notifyEvents.createdAt,
      audience: notifyEvents.audience,
    })
    .from(notifyEvents)
    .where(and(isNotNull(notifyEvents.audience), isNull(notifyEvents.fannedOutAt)))
    .orderBy(asc(notifyEvents.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ? { ...row, audience: row.audience! } : null;
}

export async function markFannedOut(tx: Executor, eventId: string, at: Date): Promise<void> {
  await tx.update(notifyEvents).set({ fannedOutAt: at }).where(eq(notifyEvents.id, eventId));
}

/** How many audiences are waiting to be written (the worker's backlog; tests wait for none). */
export async function pendingFanouts(tx: Executor): Promise<number> {
  return tx.$count(notifyEvents, and(isNotNull(notifyEvents.audience), isNull(notifyEvents.fannedOutAt)));
}

/**
 * Every member (accepted memberships, as the worker writes the rows: moments after the event; optional copies) and the named recipients (seat
 * holders: mandatory or optional), a mandatory copy winning, in one statement reading the
 * memberships where they lie — the rows insertOutboxRows (notify.ts) writes for the same list:
 * `off` skips optional copies, `digest` makes them wait for the digest, ON CONFLICT DO NOTHING
 * on the idempotency key.
 */
export async function insertMemberOutboxRows(
  tx: Executor,
  e: { eventId: string; eventKey: string; orgId: string; kind: string; at: Date; mandatory: string[]; optional: string[] },
): Promise<number> {
  const named = JSON.stringify([...e.mandatory.map((u) => ({ u, m: true })), ...e.optional.map((u) => ({ u, m: false }))]);
  const at = e.at.toISOString();
  const result = await tx.execute(sql`
    with audience as (
      select u, bool_or(m) as m from (
        select r.u, r.m from jsonb_to_recordset(${named}::jsonb) as r(u text, m boolean)
        union all
        select ms.user_id, false from memberships ms
        where ms.org_id = ${e.orgId}::uuid and ms.accepted_at is not null
      ) x group by u
    ), ins as (
      insert into outbox (org_id, event_id, recipient_user_id, kind, mandatory, idempotency_key, status, next_attempt_at, created_at)
      select ${e.orgId}::uuid, ${e.eventId}::uuid, a.u, ${e.kind}, a.m,
             ${e.eventKey} || ':' || a.u || ':' || ${e.kind},
             (case when not a.m and p.mode = 'digest' then 'digest' else 'pending' end)::outbox_status,
             ${at}::timestamptz, ${at}::timestamptz
      from audience a
      left join notification_prefs p on p.user_id = a.u and p.org_id = ${e.orgId}::uuid and p.kind = ${e.kind}
      where a.m or p.mode is distinct from 'off'
      on conflict (idempotency_key) do nothing
      returning 1
    )
    select count(*)::int as n from ins`);
  return Number(rowsOf(result)[0]?.n ?? 0);
}

/**
 * Which of `candidates` an event's audience still waiting to be written will reach — as its rows
 * will be written: members (or the roll) and named recipients, less optional copies turned off.
 * Empty when the event has no waiting audience. So "already told by that event" (follows.ts
 * recipientsOfEvent) holds before the worker has written the rows too.
 */
export async function waitingAudienceReaches(tx: Executor, key: string, candidates: readonly string[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const [event] = await tx
    .select({ orgId: notifyEvents.orgId, kind: notifyEvents.kind, audience: notifyEvents.audience })
    .from(notifyEvents)
    .where(and(eq(notifyEvents.key, key), isNotNull(notifyEvents.audience), isNull(notifyEvents.fannedOutAt)));
  if (!event) return new Set();
  const audience = event.audience as { kind: string; proposalId?: string; stageIndex?: number; mandatory?: string[]; optional?: string[] };
  const list = JSON.stringify(candidates);
  const mandatory = JSON.stringify(audience.mandatory ?? []);
  const named = JSON.stringify([...(audience.mandatory ?? []), ...(audience.optional ?? [])]);
  const inAudience =
    audience.kind === 'roll'
      ? sql`exists (select 1 from roll_entries r where r.proposal_id = ${audience.proposalId!}::uuid and r.stage_index = ${audience.stageIndex!}::integer and r.user_id = c.u)`
      : sql`(c.u in (select jsonb_array_elements_text(${named}::jsonb))
             or exists (select 1 from memberships ms where ms.org_id = ${event.orgId}::uuid and ms.user_id = c.u and ms.accepted_at is not null))`;
  const result = await tx.execute(sql`
    select c.u from jsonb_array_elements_text(${list}::jsonb) as c(u)
    left join notification_prefs p on p.user_id = c.u and p.org_id = ${event.orgId}::uuid and p.kind = ${event.kind}
    where ${inAudience}
      and (c.u in (select jsonb_array_elements_text(${mandatory}::jsonb)) or p.mode is distinct from 'off')`);
  return new Set(rowsOf(result).map((r) => String(r.u)));
}
