import 'server-only';
import { loadMinutesView } from '@/db/read/meeting-minutes';
import { loadMeetingRollCalls } from '@/db/read/meeting-roll-calls';
import type { RollCallView } from '@/db/read/meeting-roll-calls';
import { loadMeetingPage } from '@/db/read/meetings';

/**
 * The /api/v1 reads of a meeting's record, from what its page already reads (db/read/meetings.ts,
 * meeting-roll-calls.ts, meeting-minutes.ts): the roll calls, and the minutes as the page shows
 * them to the caller (a closed session's text only to those mayReadMinutes lets read it).
 */

function rollCall(r: RollCallView) {
  return {
    id: r.id,
    number: r.number,
    motion: r.motion,
    agendaItem: r.agendaItem,
    proposalNumber: r.proposalNumber,
    recordedAt: r.recordedAt,
    answerBy: r.answerBy,
    carried: r.outcome.carried,
    outcomeText: r.outcomeText,
    majorityText: r.majorityText,
    standing: r.standing,
    standingText: r.standingText,
    ratifiedAt: r.ratifiedAt,
    ratifiedByProposalNumber: r.ratifiedByProposalNumber,
    disputes: r.disputes,
    votes: r.votes,
  };
}

/** A meeting's roll calls, in the order recorded, as its page lists them; null when there is no such meeting. */
export async function loadApiRollCalls(orgId: string, number: number, at: Date) {
  const page = await loadMeetingPage(orgId, number, null, at);
  if (!page) return null;
  return { rollCalls: (await loadMeetingRollCalls(page.meeting.id, page.meeting.irregular)).map(rollCall) };
}

/** A meeting's minutes as its page shows them to `viewerId` (null: anonymous), and what they may do; null when there is no such meeting. */
export async function loadApiMinutes(orgId: string, number: number, viewerId: string | null, at: Date) {
  const page = await loadMeetingPage(orgId, number, viewerId, at);
  if (!page) return null;
  const m = page.meeting;
  const view = await loadMinutesView(
    { ...m, orgId, agenda: page.agenda, attendance: page.attendance, quorum: page.quorum, started: page.started, cancelled: m.cancelled },
    viewerId,
  );
  const { holdsSeat, keepsRecord, mayDraft } = view.viewer;
  const own = 'ownAnswer' in view.viewer ? view.viewer : { ownAnswer: null, mayAnswer: false };
  return {
    minutes: view.minutes,
    disclosureDays: view.disclosureDays,
    viewer: { holdsSeat, keepsRecord, mayDraft, ownAnswer: own.ownAnswer, mayAnswer: own.mayAnswer },
  };
}
