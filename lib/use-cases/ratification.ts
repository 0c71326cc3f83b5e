import { consultsMembers, proposalAudience } from '@/lib/governance/audience';
import 'server-only';
import type { Database, Executor } from '@/db/client';
import { getCharterVersion, listSeats } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { memberUserIds } from '@/db/queries/member-lookups';
import { existingEventKeys, insertNotifyEvent, insertOutboxRows } from '@/db/queries/notify';
import { listUnratifiedEmergencyDecisions } from '@/db/queries/proposal-changes';
import { loadProposal, loadProposalForChange } from '@/db/queries/proposals';
import { findType } from '@/lib/governance/charter';
import { canBeRatified, canRatifyWith, emergencyStatus } from '@/lib/governance/emergency';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import type { Charter, ProposalTypeSpec } from '@/lib/governance/types';
import { enqueueNotice, mergeRecipients } from '@/lib/notify/outbox';

const HOUR = 3_600_000;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The proposal a ratifying proposal names, locked (null when the value names none of this organization's). */
export async function loadRatificationTarget(tx: Executor, orgId: string, ratifies: unknown) {
  return typeof ratifies === 'string' && uuidShape.test(ratifies) ? await loadProposalForChange(tx, orgId, ratifies) : null;
}

/**
 * A ratifying proposal names a passed, unlapsed, unratified emergency decision of the same
 * organization, and is itself a normal proposal. Checked at draft, at publication and again when
 * it passes (the emergency decision may have lapsed meanwhile). Returns the target's number.
 */
export async function checkRatification(
  tx: Executor,
  orgId: string,
  type: ProposalTypeSpec,
  emergencyRequested: boolean,
  ratifies: unknown,
  at: Date,
): Promise<number> {
  const normal = canRatifyWith(type, emergencyRequested);
  if (!normal.ok) refuseRule(normal, 'ratifiesProposalId');
  const target = await loadRatificationTarget(tx, orgId, ratifies);
  if (!target?.charter) refuse('ratification.target_required', undefined, 'ratifiesProposalId');
  const rule = canBeRatified(target!.record, target!.charter!, at);
  if (!rule.ok) refuseRule(rule, 'ratifiesProposalId');
  return target!.row.number;
}

/** How long before the ratification deadline the reminders go out: a week ahead, then a day ahead. */
export const ratificationReminderHours = [7 * 24, 24] as const;

/**
 * Who is told that an emergency decision must be ratified, or has lapsed: every seat holder of
 * the bodies that decided it, and the members when the type consults them. All mandatory: the
 * charter makes the decision lapse, so nobody may say they were never told.
 */
export async function emergencyAudience(tx: Executor, orgId: string, charter: Charter, typeKey: string): Promise<string[]> {
  const type = findType(charter, typeKey);
  return proposalAudience(type, await listSeats(tx, orgId), consultsMembers(type) ? await memberUserIds(tx, orgId) : []).recipients;
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
  const candidates = await listUnratifiedEmergencyDecisions(db, { passedOnly: true });
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
