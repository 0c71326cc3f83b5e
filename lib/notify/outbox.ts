import 'server-only';
import { and, eq, gt, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { proposalStages, proposals, recusals, seats, votes } from '@/db/schema';
import { getCharterVersion, getActiveCharter } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { uncountedMembers } from '@/db/queries/rolls';
import { memberUserIds } from '@/db/queries/member-lookups';
import { enqueueFanout } from './fanout';
import { existingEventKeys, insertNotifyEvent, insertOutboxRows } from '@/db/queries/notify';
import type { Recipient } from '@/db/queries/notify';
import { consultsMembers, proposalAudience as audienceOf } from '@/lib/governance/audience';
import { isMemberBody } from '@/lib/governance/electorate';
import { findBody, findType } from '@/lib/governance/charter';
import type { Charter, TallyResult } from '@/lib/governance/types';
import { alarmDay, overdueVacancies, vacancyAlarms } from '@/lib/governance/vacancy-alarms';
import type { OverdueVacancy, VacantSeat } from '@/lib/governance/vacancy-alarms';
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
  return [...seen]
    .map((userId) => ({ userId, mandatory: true }))
    .concat([...new Set(optional)].filter((u) => !seen.has(u)).map((userId) => ({ userId, mandatory: false })));
}

export async function enqueueNotice(
  tx: Executor,
  n: { orgId: string; key: string; kind: NotificationKind; payload: NotificationPayload; recipients: Recipient[]; at: Date },
): Promise<number> {
  const eventId = await insertNotifyEvent(tx, { orgId: n.orgId, key: n.key, kind: n.kind, payload: n.payload, at: n.at });
  if (!eventId) return 0;
  return insertOutboxRows(tx, { eventId, eventKey: n.key, orgId: n.orgId, kind: n.kind, at: n.at, recipients: n.recipients });
}

/** The filled, current seats of the given bodies. */
async function heldSeatsOf(tx: Executor, orgId: string, bodyKeys: string[]): Promise<{ bodyKey: string; holderUserId: string | null }[]> {
  if (bodyKeys.length === 0) return [];
  return tx
    .select({ bodyKey: seats.bodyKey, holderUserId: seats.holderUserId })
    .from(seats)
    .where(and(eq(seats.orgId, orgId), inArray(seats.bodyKey, bodyKeys), isNull(seats.retiredAt), isNotNull(seats.holderUserId)));
}

async function holdersOf(tx: Executor, orgId: string, bodyKeys: string[]): Promise<string[]> {
  return [...new Set((await heldSeatsOf(tx, orgId, bodyKeys)).map((r) => r.holderUserId!))];
}

/** Who hears about a proposal: deciding seat holders (mandatory for publication) and, per the type's consultation audience, members. */
async function proposalAudience(tx: Executor, orgId: string, charter: Charter, typeKey: string): Promise<{ seatHolders: string[]; members: string[] }> {
  const type = findType(charter, typeKey);
  const held = await heldSeatsOf(
    tx,
    orgId,
    type.stages.map((s) => s.bodyKey),
  );
  const { seatHolders, members } = audienceOf(type, held, consultsMembers(type) ? await memberUserIds(tx, orgId) : []);
  return { seatHolders, members };
}

type ProposalRef = { id: string; orgId: string; number: number; title: string; typeKey: string; subjectUserId: string | null; discussionClosesAt: Date };

/**
 * Publication (docs/design.md §3.2): every seat holder of every deciding body — mandatory — plus the
 * consultation audience; and the subject of a removal or sanction gets a right-of-reply notice
 * (§3.8), also mandatory. `seatHolders` and `members` are the lists the log entry hashed.
 */
export async function enqueuePublished(
  tx: Executor,
  p: ProposalRef & { charter: Charter; seatHolders: string[]; members: string[]; at: Date },
): Promise<number> {
  const type = findType(p.charter, p.typeKey);
  const base: NotificationPayload = { number: p.number, title: p.title, typeName: type.name, discussionClosesAt: p.discussionClosesAt.toISOString() };
  let n = await enqueueNotice(tx, {
    orgId: p.orgId,
    key: `published:${p.id}`,
    kind: 'proposal_published',
    payload: base,
    recipients: mergeRecipients(p.seatHolders, p.members),
    at: p.at,
  });
  if (p.subjectUserId && type.requiresSubject) {
    const replyClosesAt = new Date(p.discussionClosesAt.getTime() + type.replyWindowHours * HOUR).toISOString();
    n += await enqueueNotice(tx, {
      orgId: p.orgId,
      key: `reply:${p.id}`,
      kind: 'right_of_reply',
      payload: { ...base, replyClosesAt },
      recipients: [{ userId: p.subjectUserId, mandatory: true }],
      at: p.at,
    });
  }
  return n;
}

/**
 * The first publication closed founding appointments: every member is told, whatever their
 * preferences (kinds.ts says why), with the seats still vacant. Once per organization.
 */
export async function enqueueFoundingClosed(tx: Executor, p: { orgId: string; number: number; title: string; vacantSeats: number; at: Date }): Promise<number> {
  return enqueueNotice(tx, {
    orgId: p.orgId,
    key: `founding-closed:${p.orgId}`,
    kind: 'founding_closed',
    payload: { number: p.number, title: p.title, vacantSeats: p.vacantSeats },
    recipients: mergeRecipients(await memberUserIds(tx, p.orgId), []),
    at: p.at,
  });
}

/** Voting opened for a stage: that body's seat holders. */
export async function enqueueVotingOpen(
  tx: Executor,
  p: {
    id: string;
    orgId: string;
    number: number;
    title: string;
    charter: Charter;
    bodyKey: string;
    stageIndex: number;
    closesAt: Date;
    consent?: boolean;
    at: Date;
  },
): Promise<number> {
  const payload: NotificationPayload = {
    number: p.number,
    title: p.title,
    bodyName: findBody(p.charter, p.bodyKey).name,
    closesAt: p.closesAt.toISOString(),
    // A decision by consent: the notice asks for objections, not votes.
    ...(p.consent ? { consent: true } : {}),
  };
  const key = `voting:${p.id}:${p.stageIndex}`;
  // A member-wide body's voters are its roll, snapshotted just before (it may be 100,000 members): the worker writes their rows (fanout.ts).
  if (isMemberBody(findBody(p.charter, p.bodyKey))) {
    await enqueueFanout(tx, {
      orgId: p.orgId,
      key,
      kind: 'voting_open',
      payload,
      audience: { kind: 'roll', proposalId: p.id, stageIndex: p.stageIndex },
      at: p.at,
    });
    return 0;
  }
  // A seat body's voters are its seat holders.
  const recipients = (await holdersOf(tx, p.orgId, [p.bodyKey])).map((userId) => ({ userId, mandatory: false }));
  return enqueueNotice(tx, { orgId: p.orgId, key, kind: 'voting_open', payload, recipients, at: p.at });
}

/** The outcome, with the tally of the last stage that closed: the publication's audience. */
export async function enqueueDecision(
  tx: Executor,
  p: { id: string; orgId: string; number: number; title: string; typeKey: string; charter: Charter; outcome: string; tally: TallyResult | null; at: Date },
): Promise<number> {
  const type = findType(p.charter, p.typeKey);
  const decidedByMembers = type.stages.some((s) => isMemberBody(findBody(p.charter, s.bodyKey)));
  const { seatHolders, members } = decidedByMembers
    ? {
        seatHolders: await holdersOf(
          tx,
          p.orgId,
          type.stages.map((s) => s.bodyKey),
        ),
        members: [],
      }
    : await proposalAudience(tx, p.orgId, p.charter, p.typeKey);
  const tally = p.tally
    ? {
        yes: p.tally.yes,
        no: p.tally.no,
        abstain: p.tally.abstain,
        cast: p.tally.cast,
        charterSeats: p.tally.charterSeats,
        quorumRequired: p.tally.quorumRequired,
        quorumMet: p.tally.quorumMet,
        yesRequired: p.tally.yesRequired,
      }
    : null;
  const count = p.tally?.choice?.count;
  const chosen = count ? count.result.elected.map((i) => count.options[i] ?? `option ${i + 1}`) : null;
  // A choice among options: the options chosen, by name.
  // A decision by consent: how many objections stood (its tally has no ballots to report).
  const payload: NotificationPayload = {
    number: p.number,
    title: p.title,
    outcome: p.outcome,
    tally,
    ...(chosen ? { chosen } : {}),
    ...(p.tally?.consent ? { objectionsStood: p.tally.consent.objections } : {}),
  };
  const key = `decided:${p.id}`;
  // A member-wide vote's decision goes to every member (and seat holders): the worker writes their rows (fanout.ts).
  if (decidedByMembers) {
    await enqueueFanout(tx, { orgId: p.orgId, key, kind: 'decision', payload, audience: { kind: 'members', mandatory: [], optional: seatHolders }, at: p.at });
    return 0;
  }
  return enqueueNotice(tx, { orgId: p.orgId, key, kind: 'decision', payload, recipients: mergeRecipients([], [...seatHolders, ...members]), at: p.at });
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
    .select({
      id: proposals.id,
      orgId: proposals.orgId,
      number: proposals.number,
      title: proposals.title,
      typeKey: proposals.typeKey,
      charterVersion: proposals.charterVersion,
      closesAt: proposals.discussionClosesAt,
    })
    .from(proposals)
    .where(and(eq(proposals.status, 'published'), isNull(proposals.outcome), gt(proposals.discussionClosesAt, at), lte(proposals.discussionClosesAt, soon)));
  const closingKey = (c: (typeof closing)[number]) => `closing:${c.id}:${c.closesAt!.getTime()}`;
  const closingDone = await existingEventKeys(db, closing.map(closingKey));
  for (const c of closing.filter((x) => !closingDone.has(closingKey(x)))) {
    enqueued += await db.transaction(async (tx) => {
      const charter = (await getCharterVersion(tx, c.orgId, c.charterVersion))!;
      const { seatHolders, members } = await proposalAudience(tx, c.orgId, charter, c.typeKey);
      return enqueueNotice(tx, {
        orgId: c.orgId,
        key: closingKey(c),
        kind: 'comment_window_closing',
        payload: { number: c.number, title: c.title, discussionClosesAt: c.closesAt!.toISOString() },
        recipients: mergeRecipients([], [...seatHolders, ...members]),
        at,
      });
    });
  }

  // Vote reminders: open stages closing within 24 h, to seat holders who have neither voted nor recused.
  const stages = await db
    .select({
      id: proposals.id,
      orgId: proposals.orgId,
      number: proposals.number,
      title: proposals.title,
      charterVersion: proposals.charterVersion,
      typeKey: proposals.typeKey,
      stageIndex: proposalStages.stageIndex,
      bodyKey: proposalStages.bodyKey,
      closesAt: proposalStages.closesAt,
    })
    .from(proposalStages)
    .innerJoin(proposals, eq(proposals.id, proposalStages.proposalId))
    .where(
      and(
        eq(proposals.status, 'published'),
        isNull(proposalStages.closedRecordedAt),
        lte(proposalStages.opensAt, at),
        gt(proposalStages.closesAt, at),
        lte(proposalStages.closesAt, soon),
      ),
    );
  const reminderKey = (s: (typeof stages)[number]) => `reminder:${s.id}:${s.stageIndex}:${s.closesAt!.getTime()}`;
  const remindersDone = await existingEventKeys(db, stages.map(reminderKey));
  for (const s of stages.filter((x) => !remindersDone.has(reminderKey(x)))) {
    enqueued += await db.transaction(async (tx) => {
      const charter = (await getCharterVersion(tx, s.orgId, s.charterVersion))!;
      // A decision by consent needs nothing from those who consent: nobody is reminded to vote.
      if (findType(charter, s.typeKey).consent) return 0;
      const memberBody = isMemberBody(findBody(charter, s.bodyKey));
      const seatRows = await tx
        .select({ seatId: seats.id, userId: seats.holderUserId })
        .from(seats)
        .where(and(eq(seats.orgId, s.orgId), eq(seats.bodyKey, s.bodyKey), isNull(seats.retiredAt), isNotNull(seats.holderUserId)));
      const voted = new Set(
        (
          await tx
            .select({ seatId: votes.seatId })
            .from(votes)
            .where(and(eq(votes.proposalId, s.id), eq(votes.stageIndex, s.stageIndex), eq(votes.isCurrent, true)))
        ).map((v) => v.seatId),
      );
      const recused = new Set((await tx.select({ seatId: recusals.seatId }).from(recusals).where(eq(recusals.proposalId, s.id))).map((r) => r.seatId));
      // A member-wide vote: members not yet counted — neither voted nor represented by a delegate who did (they may still vote).
      const pending = memberBody
        ? await uncountedMembers(tx, s.id, s.stageIndex, findType(charter, s.typeKey))
        : seatRows.filter((r) => !voted.has(r.seatId) && !recused.has(r.seatId)).map((r) => r.userId!);
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

  // Vacancies past the charter's deadline: each logged once, and members alarmed once per body per day.
  enqueued += await recordOverdueVacancies(db, at);
  return enqueued;
}

/**
 * Vacancies past the charter's deadline. Each is logged once (`seat.vacancy_overdue`); members
 * get one alarm per body per day listing every overdue seat of that body — not one mail per
 * seat. A seat becomes overdue, is alarmed once; if the body's alarm for today has already gone
 * out, a seat that became overdue since is alarmed (with the whole list) the next day.
 * Event keys make every step happen once however many workers run: `vacancy-logged:` per
 * vacancy for the log entry, `vacancy:` per vacancy once an alarm carried it, and
 * `vacancy-alarm:` per organization, body and day for the mail (its outbox rows then carry
 * the recipient, so one alarm per org, body, day and recipient).
 */
export async function recordOverdueVacancies(db: Database, at: Date): Promise<number> {
  const vacant = await db
    .select({ seatId: seats.id, orgId: seats.orgId, bodyKey: seats.bodyKey, position: seats.position, vacatedAt: seats.vacatedAt })
    .from(seats)
    .where(and(isNull(seats.holderUserId), isNull(seats.retiredAt), isNotNull(seats.vacatedAt), lte(seats.vacatedAt, at)));
  if (vacant.length === 0) return 0;
  let enqueued = 0;
  const day = alarmDay(at);
  const byOrg = new Map<string, VacantSeat[]>();
  for (const v of vacant)
    byOrg.set(v.orgId, [...(byOrg.get(v.orgId) ?? []), { seatId: v.seatId, bodyKey: v.bodyKey, position: v.position, vacatedAt: v.vacatedAt! }]);
  for (const [orgId, orgVacant] of byOrg) {
    const charter = (await getActiveCharter(db, orgId))?.document;
    if (!charter) continue;
    const bodies = charter.bodies.map((b) => ({ key: b.key, name: b.name, vacancyDeadlineDays: b.vacancyDeadlineDays }));
    const overdue = overdueVacancies(bodies, orgVacant, at);
    if (overdue.length === 0) continue;
    const loggedKey = (v: OverdueVacancy) => `vacancy-logged:${v.seatId}:${v.vacatedAt.getTime()}`;
    const alarmedKey = (v: OverdueVacancy) => `vacancy:${v.seatId}:${v.vacatedAt.getTime()}`;
    const done = await existingEventKeys(db, [...overdue.map(loggedKey), ...overdue.map(alarmedKey)]);
    const alarms = new Map(vacancyAlarms(bodies, overdue, (v) => done.has(alarmedKey(v))).map((x) => [x.bodyKey, x]));
    for (const body of bodies) {
      const unlogged = overdue.filter((v) => v.bodyKey === body.key && !done.has(loggedKey(v)));
      const alarm = alarms.get(body.key);
      if (unlogged.length === 0 && !alarm) continue;
      // One transaction per body: the log entries of its newly overdue seats and its alarm.
      enqueued += await db.transaction(async (tx) => {
        for (const v of unlogged) {
          const payload = {
            bodyKey: v.bodyKey,
            position: v.position,
            vacatedAt: v.vacatedAt.toISOString(),
            deadlineDays: body.vacancyDeadlineDays,
            deadline: v.dueAt.toISOString(),
            daysVacant: v.daysVacant,
          };
          if (await insertNotifyEvent(tx, { orgId, key: loggedKey(v), kind: 'vacancy_overdue', payload, at })) {
            await appendLogEntry(tx, { orgId, actorId: null, kind: 'seat.vacancy_overdue', subject: `seat:${v.seatId}`, payload, at });
          }
        }
        if (!alarm) return 0;
        const key = `vacancy-alarm:${orgId}:${alarm.bodyKey}:${day}`;
        const payload: NotificationPayload = {
          bodyName: alarm.bodyName,
          deadlineDays: alarm.deadlineDays,
          seats: alarm.seats.map((v) => ({ position: v.position, vacatedAt: v.vacatedAt.toISOString() })),
        };
        const eventId = await insertNotifyEvent(tx, { orgId, key, kind: 'vacancy_overdue', payload, at });
        // Today's alarm for this body already went out: these seats wait for tomorrow's.
        if (!eventId) return 0;
        const n = await insertOutboxRows(tx, {
          eventId,
          eventKey: key,
          orgId,
          kind: 'vacancy_overdue',
          at,
          recipients: mergeRecipients([], await memberUserIds(tx, orgId)),
        });
        for (const v of alarm.newlyOverdue)
          await insertNotifyEvent(tx, {
            orgId,
            key: alarmedKey(v),
            kind: 'vacancy_overdue',
            payload: { bodyKey: v.bodyKey, position: v.position, alarm: day },
            at,
          });
        return n;
      });
    }
  }
  return enqueued;
}
