import 'server-only';
import { listMeetingSummaries, loadMeetingPage } from '@/db/read/meetings';
import type { MeetingSummary } from '@/db/read/meetings';

/**
 * The /api/v1 reads of meetings, from what the meetings pages already read (db/read/meetings.ts):
 * names, never e-mail addresses; nothing that depends on who asks.
 */

function meetingSummary(m: MeetingSummary) {
  return {
    number: m.number,
    title: m.title,
    kind: m.kind,
    body: { key: m.bodyKey, name: m.bodyName },
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    location: m.location,
    cancelled: m.cancelled,
    irregular: m.irregular,
    irregularReasons: m.irregularReasons,
  };
}

/** Every meeting of the organization, latest first, with its irregular flag. */
export async function loadApiMeetings(orgId: string) {
  return { meetings: (await listMeetingSummaries(orgId)).map(meetingSummary) };
}

/** One meeting by its number: agenda, notice and its coverage, attendance with each holder's answer, and the quorum; null when there is none. */
export async function loadApiMeeting(orgId: string, number: number, at: Date) {
  const page = await loadMeetingPage(orgId, number, null, at);
  if (!page) return null;
  return {
    ...meetingSummary(page.meeting),
    agenda: page.agenda,
    scheduledAt: page.scheduledAt,
    scheduledBy: page.scheduledBy,
    cancelReason: page.cancelReason,
    notice: page.notice,
    attendance: page.attendance.map((a) => ({ userId: a.userId, name: a.name, status: a.status, answer: a.answer, disputeNote: a.disputeNote })),
    quorum: page.quorum,
    started: page.started,
  };
}
