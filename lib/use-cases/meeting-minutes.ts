import 'server-only';
import type { Database, Executor } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { insertMinutes, insertMinutesVote, minutesOfMeeting, reviseMinutesRow, sealMinutesRow, votesOfRevision } from '@/db/queries/meeting-minutes';
import type { MinutesRow } from '@/db/queries/meeting-minutes';
import { attendanceOf, lockMeeting } from '@/db/queries/meetings';
import type { MeetingRow } from '@/db/queries/meetings';
import { seatHoldersOfBody } from '@/db/queries/petitions';
import { checkDraftMinutes, checkMinutesVote, disclosureDate, minutesApproval, minutesSpecOf } from '@/lib/governance/minutes';
import type { ClosedMatterKind } from '@/lib/governance/minutes';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import type { Actor } from './actor';
import { textHash } from './actor';
import { requireOrganizationWritable } from './writable';

export const minutesSubject = (meetingId: string) => `meeting:${meetingId}`;

async function lockMeetingOrRefuse(tx: Executor, orgId: string, meetingId: string): Promise<MeetingRow> {
  await requireOrganizationWritable(tx, orgId);
  const m = await lockMeeting(tx, orgId, meetingId);
  if (!m) refuse('meeting.not_found');
  return m!;
}

/** The body's name and charter seats, from the active charter (a body since removed keeps its key and no seats). */
export async function bodyOfMeeting(tx: Executor, orgId: string, bodyKey: string) {
  const charter = await getActiveCharter(tx, orgId);
  const body = charter?.document.bodies.find((b) => b.key === bodyKey);
  return { name: body?.name ?? bodyKey, charterSeats: body?.charterSeats ?? 0, spec: minutesSpecOf(charter?.document ?? {}) };
}

/**
 * The secretary (or an admin) writes the minutes of a meeting that has started: the first call
 * creates revision 1, each later one a new revision, which asks every seat holder again (answers
 * are per revision). Marks the minutes as a closed session's, with the kind of matter, or not.
 * Logs `minutes.drafted` with the revision's SHA-256 only: a draft's text is never public.
 */
export async function draftMinutes(
  db: Database,
  actor: Actor,
  input: { orgId: string; meetingId: string; text: string; closedMatter: ClosedMatterKind | null },
  at: Date,
): Promise<{ number: number; revision: number }> {
  return db.transaction(async (tx) => {
    const m = await lockMeetingOrRefuse(tx, input.orgId, input.meetingId);
    const current = await minutesOfMeeting(tx, m.id, { lock: true });
    const rule = checkDraftMinutes(m, { role: actor.role, sealed: current?.sealedAt != null, at });
    if (!rule.ok) refuseRule(rule);
    const sha = textHash(input.text);
    if (current && current.textSha256 === sha && current.closedMatter === input.closedMatter) refuse('minutes.same_text', undefined, 'text');
    const values = { text: input.text, textSha256: sha, closedMatter: input.closedMatter, draftedBy: actor.userId, draftedAt: at };
    const row = current
      ? await reviseMinutesRow(tx, current.id, { ...values, revision: current.revision + 1 })
      : await insertMinutes(tx, { ...values, meetingId: m.id, revision: 1 });
    if (!row) refuse('minutes.sealed');
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'minutes.drafted',
      subject: minutesSubject(m.id),
      payload: { number: m.number, revision: row!.revision, textSha256: sha, closedSession: input.closedMatter !== null, matter: input.closedMatter },
      at,
    });
    return { number: m.number, revision: row!.revision };
  });
}

/**
 * A seat holder of the body approves or rejects the current revision (named by the form, so an
 * answer to a text since revised is refused), once. The approval that reaches a majority of the
 * body's CHARTER seats seals the minutes in the same transaction: `minutes.sealed` records the
 * facts and the text's SHA-256 — and the text itself, unless it is a closed session's, whose text
 * the worker discloses at the charter's date.
 */
export async function answerMinutes(
  db: Database,
  actor: Actor,
  input: { orgId: string; meetingId: string; revision: number; approve: boolean },
  at: Date,
): Promise<{ number: number; sealed: boolean; approvals: number; needed: number }> {
  return db.transaction(async (tx) => {
    const m = await lockMeetingOrRefuse(tx, input.orgId, input.meetingId);
    const minutes = await minutesOfMeeting(tx, m.id, { lock: true });
    if (!minutes) refuse('minutes.no_draft');
    const body = await bodyOfMeeting(tx, input.orgId, m.bodyKey);
    const holders = await seatHoldersOfBody(tx, input.orgId, m.bodyKey);
    const votes = await votesOfRevision(tx, minutes!.id, minutes!.revision);
    const rule = checkMinutesVote({
      sealed: minutes!.sealedAt !== null,
      // A seat votes only in the hands of a member who is not an observer (as for written consent).
      holdsSeat: holders.includes(actor.userId) && actor.role !== null && actor.role !== 'observer',
      alreadyVoted: votes.some((v) => v.userId === actor.userId && v.revision === input.revision),
      bodyName: body.name,
    });
    if (!rule.ok) refuseRule(rule);
    if (input.revision !== minutes!.revision) refuse('minutes.stale_revision', { revision: minutes!.revision });
    await insertMinutesVote(tx, { minutesId: minutes!.id, userId: actor.userId, revision: minutes!.revision, approve: input.approve, at });
    // Answers of people who no longer hold a seat do not count.
    const counted = [...votes.filter((v) => v.userId !== null && holders.includes(v.userId)), { approve: input.approve }];
    const approval = minutesApproval(counted.filter((v) => v.approve).length, counted.filter((v) => !v.approve).length, body.charterSeats);
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: input.approve ? 'minutes.approved' : 'minutes.rejected',
      subject: minutesSubject(m.id),
      payload: { number: m.number, revision: minutes!.revision, textSha256: minutes!.textSha256, ...approval },
      at,
    });
    if (approval.state === 'approved') await seal(tx, m, minutes!, body, at);
    return { number: m.number, sealed: approval.state === 'approved', approvals: approval.approvals, needed: approval.needed };
  });
}

async function seal(tx: Executor, m: MeetingRow, minutes: MinutesRow, body: Awaited<ReturnType<typeof bodyOfMeeting>>, at: Date): Promise<void> {
  const closed = minutes.closedMatter !== null;
  const disclosesAt = closed ? disclosureDate(at, body.spec) : null;
  await sealMinutesRow(tx, minutes.id, at, disclosesAt);
  const attendance = await attendanceOf(tx, m.id);
  await appendLogEntry(tx, {
    orgId: m.orgId,
    actorId: null,
    kind: 'minutes.sealed',
    subject: minutesSubject(m.id),
    payload: {
      number: m.number,
      bodyKey: m.bodyKey,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      attendance: attendance.map((a) => ({ userId: a.userId, status: a.status })),
      revision: minutes.revision,
      textSha256: minutes.textSha256,
      closedSession: closed,
      ...(closed ? { matter: minutes.closedMatter, disclosesAt: disclosesAt!.toISOString() } : { text: minutes.text }),
    },
    at,
  });
}
