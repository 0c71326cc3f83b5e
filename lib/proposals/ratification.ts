import 'server-only';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { memberships, proposals, seats } from '@/db/schema';
import { getCharterVersion } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { existingEventKeys, insertNotifyEvent, insertOutboxRows } from '@/db/queries/notify';
import { loadProposal } from '@/db/queries/proposals';
import { findType } from '@/lib/governance/charter';
import { emergencyStatus } from '@/lib/governance/emergency';
import type { Charter } from '@/lib/governance/types';
import { enqueueNotice, mergeRecipients } from '@/lib/notify/outbox';

const HOUR = 3_600_000;

/** How long before the ratification deadline the reminders go out: a week ahead, then a day ahead. */
export const ratificationReminderHours = [7 * 24, 24] as const;

/**
 * Who is told that an emergency decision must be ratified, or has lapsed: every seat holder of
 * the bodies that decided it, and the members when the type consults them. All mandatory: the
 * charter makes the decision lapse, so nobody may say they were never told.
 */
export async function emergencyAudience(tx: Executor, orgId: string, charter: Charter, typeKey: string): Promise<string[]> {
  const type = findType(charter, typeKey);
  const bodyKeys = type.stages.map((s) => s.bodyKey);
  const holders = (
    await tx
      .select({ userId: seats.holderUserId })
      .from(seats)
      .where(and(eq(seats.orgId, orgId), inArray(seats.bodyKey, bodyKeys), isNull(seats.retiredAt), isNotNull(seats.holderUserId)))
  ).map((r) => r.userId!);
  const members =
    type.consultationAudience === 'seat_holders'
      ? []
      : (await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, orgId))).map((m) => m.userId);
  return [...new Set([...holders, ...members])];
}

/** The lapse notice, written in the transaction that records the lapse. */
export async function enqueueLapsed(
  tx: Executor,
  p: { id: string; orgId: string; number: number; title: string; typeKey: string; charter: Charter; deadline: Date | null; at: Date },
): Promise<number> {
  const recipients = await emergencyAudience(tx, p.orgId, p.charter, p.typeKey);
  return enqueueNotice(tx, {
    orgId: p.orgId,
    key: `emergency-lapsed:${p.id}`,
    kind: 'emergency_lapsed',
    payload: { number: p.number, title: p.title, ratifyBy: p.deadline?.toISOString() },
    recipients: mergeRecipients(recipients, []),
    at: p.at,
  });
}

/**
 * The worker's ratification reminders: for each passed emergency decision not yet ratified, one
 * reminder when a week is left and one when a day is left — each enqueued and logged once (the
 * event key names the deadline and the lead time). When both are due at once, only the nearer
 * one is sent.
 */
export async function enqueueRatificationReminders(db: Database, at: Date): Promise<number> {
  const candidates = await db
    .select({ id: proposals.id, orgId: proposals.orgId })
    .from(proposals)
    .where(and(eq(proposals.status, 'published'), eq(proposals.outcome, 'passed'), isNotNull(proposals.emergencyApprovedAt), isNull(proposals.ratifiedAt)));
  let enqueued = 0;
  for (const c of candidates) {
    const loaded = await loadProposal(db, c.orgId, c.id);
    if (!loaded) continue;
    const charter = await getCharterVersion(db, c.orgId, loaded.row.charterVersion);
    if (!charter) continue;
    const status = emergencyStatus(loaded.record, charter, at);
    if (!status.deadline || status.ratified || status.lapsed) continue;
    const due = ratificationReminderHours.filter((h) => at.getTime() >= status.deadline!.getTime() - h * HOUR);
    if (due.length === 0) continue;
    const leadHours = Math.min(...due);
    const key = `ratify-reminder:${c.id}:${leadHours}:${status.deadline.getTime()}`;
    if ((await existingEventKeys(db, [key])).has(key)) continue;
    enqueued += await db.transaction(async (tx) => {
      const recipients = mergeRecipients(await emergencyAudience(tx, c.orgId, charter, loaded.row.typeKey), []);
      const payload = { number: loaded.row.number, title: loaded.row.title, ratifyBy: status.deadline!.toISOString() };
      const eventId = await insertNotifyEvent(tx, { orgId: c.orgId, key, kind: 'ratification_reminder', payload, at });
      // Another worker enqueued (and logged) this very reminder first.
      if (!eventId) return 0;
      const n = await insertOutboxRows(tx, { eventId, eventKey: key, orgId: c.orgId, kind: 'ratification_reminder', at, recipients });
      await appendLogEntry(tx, {
        orgId: c.orgId,
        actorId: null,
        kind: 'emergency.ratification_reminder_sent',
        subject: `proposal:${c.id}`,
        payload: { number: loaded.row.number, ratifyBy: status.deadline!.toISOString(), leadHours, recipients: recipients.length },
        at,
      });
      return n;
    });
  }
  return enqueued;
}
