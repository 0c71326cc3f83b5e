import 'server-only';
import type { Executor } from '@/db/client';
import type { MeetingRow } from '@/db/queries/meetings';
import { meetingNoticeKey } from '@/db/queries/meetings';
import { proposalItemText } from '@/lib/governance/proposal-item';
import { enqueueNotice, mergeRecipients } from './outbox';
import type { MeetingNotice } from './payload';

/** An agenda item as the notice lists it. */
export function agendaLine(a: MeetingRow['agenda'][number]): string {
  return a.kind === 'proposal' ? proposalItemText(a.number, a.title) : a.text;
}

/**
 * A meeting's notice to every seat holder of its body — mandatory (kinds.ts says why) — with the
 * calendar invitation rendered at delivery (meeting-invite.ts). One event per version of the
 * meeting (its SEQUENCE) and one for the cancellation. Returns the number of seat holders addressed.
 */
export async function enqueueMeetingNotice(
  tx: Executor,
  m: MeetingRow,
  p: { change: MeetingNotice['change']; bodyName: string; seatHolders: string[]; noticeHours: number; at: Date },
): Promise<number> {
  const meeting: MeetingNotice = {
    id: m.id,
    number: m.number,
    change: p.change,
    meetingKind: m.kind,
    bodyName: p.bodyName,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    location: m.location,
    agenda: m.agenda.map(agendaLine),
    agendaProposals: m.agenda.map((a) => (a.kind === 'proposal' ? a.number : null)),
    noticeHours: p.noticeHours,
    requiredNoticeHours: m.requiredNoticeHours,
    sequence: m.sequence,
    cancelReason: m.cancelReason,
  };
  return enqueueNotice(tx, {
    orgId: m.orgId,
    key: meetingNoticeKey(m.id, p.change === 'cancelled' ? 'cancel' : m.sequence),
    kind: 'meeting_notice',
    payload: { title: m.title, bodyName: p.bodyName, meeting },
    recipients: mergeRecipients(p.seatHolders, []),
    at: p.at,
  });
}
