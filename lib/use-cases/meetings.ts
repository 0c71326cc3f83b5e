import 'server-only';
import type { Database, Executor } from '@/db/client';
import type { AgendaItem } from '@/db/schema';
import { getActiveCharter } from '@/db/queries/charters';
import { appendAfterLockedHead, lockLogHead } from '@/db/queries/log';
import { insertMeeting, lockMeeting, nextMeetingNumber, publishedProposalTitles, updateMeetingRow } from '@/db/queries/meetings';
import type { MeetingRow } from '@/db/queries/meetings';
import { seatHoldersOfBody } from '@/db/queries/petitions';
import { checkChange, checkSchedule, checkUpdate, meetingSpecOf, noticeHoursGiven, requiredNoticeHours, shortestNotice } from '@/lib/governance/meeting';
import type { MeetingKind } from '@/lib/governance/meeting';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import type { BodySpec } from '@/lib/governance/types';
import { enqueueMeetingNotice } from '@/lib/notify/meeting-notices';
import type { Actor } from './actor';
import { textHash } from './actor';
import { requireOrganizationWritable } from './writable';

/** What the form gives for the agenda: free-text items and proposal numbers, in order. */
export type AgendaInput = ({ kind: 'item'; text: string } | { kind: 'proposal'; number: number })[];

export type MeetingDetails = { title: string; startsAt: Date; endsAt: Date; location: string; agenda: AgendaInput };

const subject = (id: string) => `meeting:${id}`;

/** The body of seats that meets, from the active charter; refuses a member-wide body or an unknown one. */
async function bodyOrRefuse(
  tx: Executor,
  orgId: string,
  bodyKey: string,
): Promise<{ body: BodySpec; charter: NonNullable<Awaited<ReturnType<typeof getActiveCharter>>> }> {
  const charter = await getActiveCharter(tx, orgId);
  const body = charter?.document.bodies.find((b) => b.key === bodyKey && !b.electorate);
  if (!charter || !body) refuse('meeting.body_not_found', undefined, 'bodyKey');
  return { body: body!, charter: charter! };
}

/** The agenda with each proposal's title; a number that is not a published proposal of this organization is refused. */
async function resolveAgenda(tx: Executor, orgId: string, agenda: AgendaInput): Promise<AgendaItem[]> {
  const titles = await publishedProposalTitles(
    tx,
    orgId,
    agenda.flatMap((a) => (a.kind === 'proposal' ? [a.number] : [])),
  );
  return agenda.map((a) => {
    if (a.kind === 'item') return a;
    const title = titles.get(a.number);
    if (title === undefined) refuse('meeting.unknown_proposal', { number: a.number }, 'agenda');
    return { kind: 'proposal', number: a.number, title: title! };
  });
}

/** What the log records of a meeting's details: times, place, kind and the agenda's hash (its text is on the public page). */
function loggedDetails(m: MeetingRow) {
  return {
    number: m.number,
    bodyKey: m.bodyKey,
    meetingKind: m.kind,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    location: m.location,
    agendaSha256: textHash(JSON.stringify(m.agenda)),
    sequence: m.sequence,
  };
}

/**
 * A secretary or admin schedules a meeting of a body of seats, with the charter's notice for its
 * kind (refused inside it). Every current seat holder of the body gets the mandatory notice with
 * the agenda and a calendar invitation, in the same transaction as the meeting row and the
 * `meeting.scheduled` entry, which records the notice in hours and its coverage.
 */
export async function scheduleMeeting(
  db: Database,
  actor: Actor,
  input: MeetingDetails & { orgId: string; bodyKey: string; kind: MeetingKind },
  at: Date,
): Promise<{ id: string; number: number }> {
  return db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const { body, charter } = await bodyOrRefuse(tx, input.orgId, input.bodyKey);
    const spec = meetingSpecOf(charter.document);
    const rule = checkSchedule({ role: actor.role, kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt, at, spec });
    if (!rule.ok) refuseRule(rule, rule.code === 'meeting.not_authorized' ? undefined : 'startsAt');
    const agenda = await resolveAgenda(tx, input.orgId, input.agenda);
    // The log head first: it serializes numbering within the organization.
    const head = await lockLogHead(tx, input.orgId);
    const holders = await seatHoldersOfBody(tx, input.orgId, body.key);
    const notice = noticeHoursGiven(at, input.startsAt);
    let row = await insertMeeting(tx, {
      orgId: input.orgId,
      number: await nextMeetingNumber(tx, input.orgId),
      bodyKey: body.key,
      kind: input.kind,
      title: input.title,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      location: input.location,
      agenda,
      charterVersion: charter.version,
      requiredNoticeHours: requiredNoticeHours(spec, input.kind),
      shortestNoticeHours: notice,
      seatHolders: holders.length,
      noticed: 0,
      scheduledBy: actor.userId,
      scheduledAt: at,
      updatedAt: at,
    });
    const noticed = await enqueueMeetingNotice(tx, row, { change: 'scheduled', bodyName: body.name, seatHolders: holders, noticeHours: notice, at });
    row = await updateMeetingRow(tx, row.id, { noticed });
    await appendAfterLockedHead(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'meeting.scheduled',
      subject: subject(row.id),
      payload: {
        ...loggedDetails(row),
        noticeHours: notice,
        requiredNoticeHours: row.requiredNoticeHours,
        seatHolders: holders.length,
        noticed,
        charterVersion: charter.version,
      },
      at,
    });
    return { id: row.id, number: row.number };
  });
}

async function lockOrRefuse(tx: Executor, orgId: string, meetingId: string): Promise<MeetingRow> {
  await requireOrganizationWritable(tx, orgId);
  const row = await lockMeeting(tx, orgId, meetingId);
  if (!row) refuse('meeting.not_found');
  return row!;
}

/**
 * A change to a meeting before it starts: a new notice (SEQUENCE + 1) to every current seat
 * holder. A new time is measured from now: inside the kind's notice period it is short notice,
 * kept on the row (`shortest_notice_hours`) and in the `meeting.updated` entry, and the meeting is
 * irregular from then on.
 */
export async function updateMeeting(
  db: Database,
  actor: Actor,
  input: MeetingDetails & { orgId: string; meetingId: string },
  at: Date,
): Promise<{ number: number; shortNotice: boolean }> {
  return db.transaction(async (tx) => {
    const m = await lockOrRefuse(tx, input.orgId, input.meetingId);
    const rule = checkUpdate(m, input, actor.role, at);
    if (!rule.ok) refuseRule(rule, rule.code === 'meeting.not_authorized' ? undefined : 'startsAt');
    const { body } = await bodyOrRefuse(tx, input.orgId, m.bodyKey);
    const agenda = await resolveAgenda(tx, input.orgId, input.agenda);
    const head = await lockLogHead(tx, input.orgId);
    const timeChanged = input.startsAt.getTime() !== m.startsAt.getTime() || input.endsAt.getTime() !== m.endsAt.getTime();
    const shortest = shortestNotice(m.shortestNoticeHours, m, input, at);
    const row = await updateMeetingRow(tx, m.id, {
      title: input.title,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      location: input.location,
      agenda,
      shortestNoticeHours: shortest,
      sequence: m.sequence + 1,
      updatedAt: at,
    });
    const holders = await seatHoldersOfBody(tx, input.orgId, m.bodyKey);
    const notice = noticeHoursGiven(at, row.startsAt);
    const noticed = await enqueueMeetingNotice(tx, row, { change: 'updated', bodyName: body.name, seatHolders: holders, noticeHours: notice, at });
    await appendAfterLockedHead(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'meeting.updated',
      subject: subject(row.id),
      payload: {
        ...loggedDetails(row),
        timeChanged,
        noticeHours: notice,
        requiredNoticeHours: row.requiredNoticeHours,
        shortNotice: timeChanged && notice < row.requiredNoticeHours,
        shortestNoticeHours: shortest,
        seatHolders: holders.length,
        noticed,
      },
      at,
    });
    return { number: row.number, shortNotice: shortest < row.requiredNoticeHours };
  });
}

/** A cancellation before the start: logged `meeting.cancelled`, and every seat holder gets a METHOD:CANCEL invitation. */
export async function cancelMeeting(
  db: Database,
  actor: Actor,
  input: { orgId: string; meetingId: string; reason: string },
  at: Date,
): Promise<{ number: number }> {
  return db.transaction(async (tx) => {
    const m = await lockOrRefuse(tx, input.orgId, input.meetingId);
    const rule = checkChange(m, actor.role, at);
    if (!rule.ok) refuseRule(rule);
    const { body } = await bodyOrRefuse(tx, input.orgId, m.bodyKey);
    const head = await lockLogHead(tx, input.orgId);
    const row = await updateMeetingRow(tx, m.id, { cancelledAt: at, cancelReason: input.reason, sequence: m.sequence + 1, updatedAt: at });
    const holders = await seatHoldersOfBody(tx, input.orgId, m.bodyKey);
    const noticed = await enqueueMeetingNotice(tx, row, {
      change: 'cancelled',
      bodyName: body.name,
      seatHolders: holders,
      noticeHours: noticeHoursGiven(at, row.startsAt),
      at,
    });
    await appendAfterLockedHead(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'meeting.cancelled',
      subject: subject(row.id),
      payload: { number: row.number, bodyKey: row.bodyKey, reason: input.reason, sequence: row.sequence, seatHolders: holders.length, noticed },
      at,
    });
    return { number: row.number };
  });
}
