import 'server-only';
import { and, eq, gt, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { memberships, proposalStages, proposals, recusals, seats, votes } from '@/db/schema';
import { getCharterVersion, getActiveCharter } from '@/db/queries/charters';
import { existingEventKeys, insertNotifyEvent, insertOutboxRows } from '@/db/queries/notify';
import type { Recipient } from '@/db/queries/notify';
import { findBody, findType } from '@/lib/governance/charter';
import type { Charter, TallyResult } from '@/lib/governance/types';
import type { NotificationKind } from './kinds';
import type { NotificationPayload } from './templates';

/**
 * The outbox writer. Every function takes the caller's transaction: notices are written in the
 * same transaction as the governance event (and its log entry) that causes them, so an event
 * never happens without its notices and no notice goes out for an event that rolled back.
 */

const HOUR = 3_600_000;

/** Seat holders win over plain members: their copy is the mandatory one. */
export function mergeRecipients(mandatory: string[], optional: string[]): Recipient[] {
  const seen = new Set(mandatory);
  return [...seen].map((userId) => ({ userId, mandatory: true })).concat([...new Set(optional)].filter((u) => !seen.has(u)).map((userId) => ({ userId, mandatory: false })));
}

export async function enqueueNotice(tx: Executor, n: { orgId: string; key: string; kind: NotificationKind; payload: NotificationPayload; recipients: Recipient[]; at: Date }): Promise<number> {
  const eventId = await insertNotifyEvent(tx, { orgId: n.orgId, key: n.key, kind: n.kind, payload: n.payload, at: n.at });
  if (!eventId) return 0;
  return insertOutboxRows(tx, { eventId, eventKey: n.key, orgId: n.orgId, kind: n.kind, at: n.at, recipients: n.recipients });
}

async function memberIds(tx: Executor, orgId: string): Promise<string[]> {
  return (await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, orgId))).map((m) => m.userId);
}

async function holdersOf(tx: Executor, orgId: string, bodyKeys: string[]): Promise<string[]> {
  if (bodyKeys.length === 0) return [];
  const rows = await tx
    .select({ userId: seats.holderUserId })
    .from(seats)
    .where(and(eq(seats.orgId, orgId), inArray(seats.bodyKey, bodyKeys), isNull(seats.retiredAt), isNotNull(seats.holderUserId)));
  return [...new Set(rows.map((r) => r.userId!))];
}

/** Who hears about a proposal: deciding seat holders (mandatory for publication) and, per the type's consultation audience, members. */
async function proposalAudience(tx: Executor, orgId: string, charter: Charter, typeKey: string): Promise<{ seatHolders: string[]; members: string[] }> {
  const type = findType(charter, typeKey);
  const seatHolders = await holdersOf(tx, orgId, type.stages.map((s) => s.bodyKey));
  const members = type.consultationAudience === 'seat_holders' ? [] : await memberIds(tx, orgId);
  return { seatHolders, members };
}

type ProposalRef = { id: string; orgId: string; number: number; title: string; typeKey: string; subjectUserId: string | null; discussionClosesAt: Date };

/**
 * Publication (DESIGN §3.2): every seat holder of every deciding body — mandatory — plus the
 * consultation audience; and the subject of a removal or sanction gets a right-of-reply notice
 * (§3.8), also mandatory. `seatHolders` and `members` are the lists the log entry hashed.
 */
export async function enqueuePublished(tx: Executor, p: ProposalRef & { charter: Charter; seatHolders: string[]; members: string[]; at: Date }): Promise<number> {
  const type = findType(p.charter, p.typeKey);
  const base: NotificationPayload = { number: p.number, title: p.title, typeName: type.name, discussionClosesAt: p.discussionClosesAt.toISOString() };
  let n = await enqueueNotice(tx, { orgId: p.orgId, key: `published:${p.id}`, kind: 'proposal_published', payload: base, recipients: mergeRecipients(p.seatHolders, p.members), at: p.at });
  if (p.subjectUserId && type.requiresSubject) {
    const replyClosesAt = new Date(p.discussionClosesAt.getTime() + type.replyWindowHours * HOUR).toISOString();
    n += await enqueueNotice(tx, { orgId: p.orgId, key: `reply:${p.id}`, kind: 'right_of_reply', payload: { ...base, replyClosesAt }, recipients: [{ userId: p.subjectUserId, mandatory: true }], at: p.at });
  }
  return n;
}

/** Voting opened for a stage: that body's seat holders. */
export async function enqueueVotingOpen(tx: Executor, p: { id: string; orgId: string; number: number; title: string; charter: Charter; bodyKey: string; stageIndex: number; closesAt: Date; at: Date }): Promise<number> {
  const recipients = (await holdersOf(tx, p.orgId, [p.bodyKey])).map((userId) => ({ userId, mandatory: false }));
  const payload: NotificationPayload = { number: p.number, title: p.title, bodyName: findBody(p.charter, p.bodyKey).name, closesAt: p.closesAt.toISOString() };
  return enqueueNotice(tx, { orgId: p.orgId, key: `voting:${p.id}:${p.stageIndex}`, kind: 'voting_open', payload, recipients, at: p.at });
}

/** The outcome, with the tally of the last stage that closed: the publication's audience. */
export async function enqueueDecision(tx: Executor, p: { id: string; orgId: string; number: number; title: string; typeKey: string; charter: Charter; outcome: string; tally: TallyResult | null; at: Date }): Promise<number> {
  const { seatHolders, members } = await proposalAudience(tx, p.orgId, p.charter, p.typeKey);
  const tally = p.tally ? { yes: p.tally.yes, no: p.tally.no, abstain: p.tally.abstain, cast: p.tally.cast, charterSeats: p.tally.charterSeats, quorumRequired: p.tally.quorumRequired, quorumMet: p.tally.quorumMet, yesRequired: p.tally.yesRequired } : null;
  const recipients = mergeRecipients([], [...seatHolders, ...members]);
  return enqueueNotice(tx, { orgId: p.orgId, key: `decided:${p.id}`, kind: 'decision', payload: { number: p.number, title: p.title, outcome: p.outcome, tally }, recipients, at: p.at });
}

/**
 * The time-based notices, for the transition worker's pass. Each has an event key naming the
 * moment it is about (the close time), so it is enqueued exactly once — and once more only if
 * that moment moves (a late revision extends the window). Cheap when there is nothing to do:
 * candidates are found by index ranges and already-enqueued keys skipped before any audience
 * is read.
 */
export async function enqueueTimedNotices(db: Database, at: Date): Promise<number> {
  const soon = new Date(at.getTime() + 24 * HOUR);
  let enqueued = 0;

  // Comment windows closing within 24 h.
  const closing = await db
    .select({ id: proposals.id, orgId: proposals.orgId, number: proposals.number, title: proposals.title, typeKey: proposals.typeKey, charterVersion: proposals.charterVersion, closesAt: proposals.discussionClosesAt })
    .from(proposals)
    .where(and(eq(proposals.status, 'published'), isNull(proposals.outcome), gt(proposals.discussionClosesAt, at), lte(proposals.discussionClosesAt, soon)));
  const closingKey = (c: (typeof closing)[number]) => `closing:${c.id}:${c.closesAt!.getTime()}`;
  const closingDone = await existingEventKeys(db, closing.map(closingKey));
  for (const c of closing.filter((x) => !closingDone.has(closingKey(x)))) {
    enqueued += await db.transaction(async (tx) => {
      const charter = (await getCharterVersion(tx, c.orgId, c.charterVersion))!;
      const { seatHolders, members } = await proposalAudience(tx, c.orgId, charter, c.typeKey);
      return enqueueNotice(tx, { orgId: c.orgId, key: closingKey(c), kind: 'comment_window_closing', payload: { number: c.number, title: c.title, discussionClosesAt: c.closesAt!.toISOString() }, recipients: mergeRecipients([], [...seatHolders, ...members]), at });
    });
  }

  // Vote reminders: open stages closing within 24 h, to seat holders who have neither voted nor recused.
  const stages = await db
    .select({ id: proposals.id, orgId: proposals.orgId, number: proposals.number, title: proposals.title, charterVersion: proposals.charterVersion, stageIndex: proposalStages.stageIndex, bodyKey: proposalStages.bodyKey, closesAt: proposalStages.closesAt })
    .from(proposalStages)
    .innerJoin(proposals, eq(proposals.id, proposalStages.proposalId))
    .where(and(eq(proposals.status, 'published'), isNull(proposalStages.closedRecordedAt), lte(proposalStages.opensAt, at), gt(proposalStages.closesAt, at), lte(proposalStages.closesAt, soon)));
  const reminderKey = (s: (typeof stages)[number]) => `reminder:${s.id}:${s.stageIndex}:${s.closesAt!.getTime()}`;
  const remindersDone = await existingEventKeys(db, stages.map(reminderKey));
  for (const s of stages.filter((x) => !remindersDone.has(reminderKey(x)))) {
    enqueued += await db.transaction(async (tx) => {
      const charter = (await getCharterVersion(tx, s.orgId, s.charterVersion))!;
      const seatRows = await tx.select({ seatId: seats.id, userId: seats.holderUserId }).from(seats).where(and(eq(seats.orgId, s.orgId), eq(seats.bodyKey, s.bodyKey), isNull(seats.retiredAt), isNotNull(seats.holderUserId)));
      const voted = new Set((await tx.select({ seatId: votes.seatId }).from(votes).where(and(eq(votes.proposalId, s.id), eq(votes.stageIndex, s.stageIndex), eq(votes.isCurrent, true)))).map((v) => v.seatId));
      const recused = new Set((await tx.select({ seatId: recusals.seatId }).from(recusals).where(eq(recusals.proposalId, s.id))).map((r) => r.seatId));
      const pending = seatRows.filter((r) => !voted.has(r.seatId) && !recused.has(r.seatId)).map((r) => r.userId!);
      return enqueueNotice(tx, {
        orgId: s.orgId,
        key: reminderKey(s),
        kind: 'vote_reminder',
        payload: { number: s.number, title: s.title, bodyName: findBody(charter, s.bodyKey).name, closesAt: s.closesAt!.toISOString() },
        recipients: mergeRecipients([], pending),
        at,
      });
    });
  }

  // Vacancies past the charter's deadline (DESIGN §3.4): to members.
  const vacant = await db
    .select({ seatId: seats.id, orgId: seats.orgId, bodyKey: seats.bodyKey, position: seats.position, vacatedAt: seats.vacatedAt })
    .from(seats)
    .where(and(isNull(seats.holderUserId), isNull(seats.retiredAt), isNotNull(seats.vacatedAt), lte(seats.vacatedAt, at)));
  const vacancyKey = (v: (typeof vacant)[number]) => `vacancy:${v.seatId}:${v.vacatedAt!.getTime()}`;
  const vacancyDone = await existingEventKeys(db, vacant.map(vacancyKey));
  const charters = new Map<string, Charter | null>();
  for (const v of vacant.filter((x) => !vacancyDone.has(vacancyKey(x)))) {
    if (!charters.has(v.orgId)) charters.set(v.orgId, (await getActiveCharter(db, v.orgId))?.document ?? null);
    const body = charters.get(v.orgId)?.bodies.find((b) => b.key === v.bodyKey);
    if (!body || v.vacatedAt!.getTime() + body.vacancyDeadlineDays * 24 * HOUR > at.getTime()) continue;
    enqueued += await db.transaction(async (tx) =>
      enqueueNotice(tx, {
        orgId: v.orgId,
        key: vacancyKey(v),
        kind: 'vacancy_overdue',
        payload: { bodyName: body.name, position: v.position, vacatedAt: v.vacatedAt!.toISOString(), deadlineDays: body.vacancyDeadlineDays },
        recipients: mergeRecipients([], await memberIds(tx, v.orgId)),
        at,
      }),
    );
  }
  return enqueued;
}
