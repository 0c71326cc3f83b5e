// Summaries of the meeting entries of the decision log (see summary.ts). Pure; payloads read defensively.
import { countOf, summaryText, word } from './summary-text';
import type { SummaryParam, SummaryText } from './summary-text';
type SummaryEntry = { kind: string; actorId: string | null; payload: Record<string, unknown> };
type SummaryContext = { bodyName: (key: string) => string | null; personName: (userId: string) => string | null };

export const meetingLogKindLabels: Record<string, string> = {
  'meeting.scheduled': 'Meeting scheduled',
  'meeting.updated': 'Meeting changed',
  'meeting.cancelled': 'Meeting cancelled',
  'meeting.attendance_recorded': 'Attendance recorded',
  'meeting.attendance_confirmed': 'Attendance confirmed',
  'meeting.attendance_disputed': 'Attendance disputed',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const hours = (v: unknown) => word('hours', { count: countOf(int(v)), n: String(int(v) ?? '?') });
const day = (v: unknown): SummaryParam => {
  const d = str(v) ? new Date(str(v)!) : null;
  return d && !Number.isNaN(d.getTime()) ? { at: d, style: 'isoMinute' } : word('aDate');
};
const k = (name: string, params?: Record<string, SummaryParam>): SummaryText => summaryText(`logSummary.meeting.${name}`, params);

/** A meeting entry as data (summary.ts), or null when `e` is not one. */
export function meetingSummaryParts(e: SummaryEntry, ctx: SummaryContext): SummaryText | null {
  const p = e.payload;
  const n = String(int(p.number) ?? '?');
  const body = (v: unknown): SummaryParam => (str(v) ? (ctx.bodyName(str(v)!) ?? str(v)!) : word('theBody'));
  const who = (v: unknown): SummaryParam => (str(v) && ctx.personName(str(v)!)) || word('aSeatHolder');
  const coverage = word('coverage', { noticed: String(int(p.noticed) ?? '?'), seatHolders: String(int(p.seatHolders) ?? '?') });
  const status = str(p.status) ?? '?';
  switch (e.kind) {
    case 'meeting.scheduled':
      return k('scheduled', {
        kind: str(p.meetingKind) === 'special' ? 'special' : 'regular',
        n,
        body: body(p.bodyKey),
        day: day(p.startsAt),
        notice: hours(p.noticeHours),
        required: hours(p.requiredNoticeHours),
        coverage,
      });
    case 'meeting.updated':
      return k('updated', {
        n,
        now: p.timeChanged === true ? word('now', { day: day(p.startsAt) }) : '',
        short: p.shortNotice === true ? word('shortNotice', { hours: hours(p.noticeHours) }) : '',
        coverage,
      });
    case 'meeting.cancelled':
      return k('cancelled', { n, because: str(p.reason) ? word('because', { reason: str(p.reason)! }) : '' });
    case 'meeting.attendance_recorded':
      return k('attendanceRecorded', { n, person: who(p.userId), status });
    case 'meeting.attendance_confirmed':
      return k('attendanceConfirmed', { n, person: who(e.actorId), status });
    case 'meeting.attendance_disputed':
      return k('attendanceDisputed', { n, person: who(e.actorId), status });
    default:
      return null;
  }
}
