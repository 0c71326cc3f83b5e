import 'server-only';
import type { Database } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { answerAttendance, lockAttendance, lockMeeting, upsertAttendance } from '@/db/queries/meetings';
import { seatHoldersOfBody } from '@/db/queries/petitions';
import { checkRecordAttendance } from '@/lib/governance/meeting';
import type { AttendanceStatus } from '@/lib/governance/meeting';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import type { Actor } from './actor';
import { personName } from './actor';
import { requireOrganizationWritable } from './writable';

/**
 * The secretary (or an admin) records one seat holder present, remote or absent, once the meeting
 * has started; a new record replaces the old and clears the attendee's answer. Logs
 * `meeting.attendance_recorded` naming the attendee.
 */
export async function recordAttendance(
  db: Database,
  actor: Actor,
  input: { orgId: string; meetingId: string; userId: string; status: AttendanceStatus },
  at: Date,
): Promise<{ number: number; name: string }> {
  return db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const m = await lockMeeting(tx, input.orgId, input.meetingId);
    if (!m) refuse('meeting.not_found');
    const charter = await getActiveCharter(tx, input.orgId);
    const bodyName = charter?.document.bodies.find((b) => b.key === m!.bodyKey)?.name ?? m!.bodyKey;
    const holders = await seatHoldersOfBody(tx, input.orgId, m!.bodyKey);
    const name = await personName(tx, input.userId);
    const rule = checkRecordAttendance(m!, { role: actor.role, attendeeHoldsSeat: holders.includes(input.userId), attendeeName: name, bodyName, at });
    if (!rule.ok) refuseRule(rule, rule.code === 'meeting.attendee_not_seat_holder' ? 'userId' : undefined);
    await upsertAttendance(tx, { meetingId: m!.id, userId: input.userId, status: input.status, recordedBy: actor.userId, at });
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'meeting.attendance_recorded',
      subject: `meeting:${m!.id}`,
      payload: { number: m!.number, userId: input.userId, status: input.status },
      at,
    });
    return { number: m!.number, name };
  });
}

/** The attendee confirms or disputes their own record (with a note when disputing); logged under their name. */
export async function answerOwnAttendance(
  db: Database,
  actor: Actor,
  input: { orgId: string; meetingId: string; answer: 'confirmed' | 'disputed'; note: string | null },
  at: Date,
): Promise<{ number: number; answer: 'confirmed' | 'disputed' }> {
  return db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const m = await lockMeeting(tx, input.orgId, input.meetingId);
    if (!m) refuse('meeting.not_found');
    const record = await lockAttendance(tx, m!.id, actor.userId);
    if (!record) refuse('meeting.no_attendance_record');
    await answerAttendance(tx, record!.id, input.answer, input.answer === 'disputed' ? input.note : null, at);
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: input.answer === 'confirmed' ? 'meeting.attendance_confirmed' : 'meeting.attendance_disputed',
      subject: `meeting:${m!.id}`,
      payload: { number: m!.number, status: record!.status, ...(input.answer === 'disputed' && input.note ? { note: input.note } : {}) },
      at,
    });
    return { number: m!.number, answer: input.answer };
  });
}
