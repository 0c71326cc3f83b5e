// Summaries of the meeting entries of the decision log (see summary.ts). Pure; payloads read defensively.
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
const hours = (v: unknown) => (int(v) === null ? '? hours' : `${int(v)} hour${int(v) === 1 ? '' : 's'}`);
const day = (v: unknown): string => {
  const d = str(v) ? new Date(str(v)!) : null;
  return d && !Number.isNaN(d.getTime()) ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'a date';
};

/** A meeting entry in words, or null when `e` is not one. */
export function summarizeMeetingEntry(e: SummaryEntry, ctx: SummaryContext): string | null {
  const p = e.payload;
  const ref = `meeting #${int(p.number) ?? '?'}`;
  const body = (v: unknown) => (str(v) ? (ctx.bodyName(str(v)!) ?? str(v)!) : 'the body');
  const who = (v: unknown) => (str(v) && ctx.personName(str(v)!)) || 'a seat holder';
  const coverage = `notice to ${int(p.noticed) ?? '?'} of ${int(p.seatHolders) ?? '?'} seat holders`;
  switch (e.kind) {
    case 'meeting.scheduled':
      return `${str(p.meetingKind) === 'special' ? 'Special' : 'Regular'} ${ref} of the ${body(p.bodyKey)} scheduled for ${day(p.startsAt)}: ${hours(p.noticeHours)} of notice (${hours(p.requiredNoticeHours)} required), ${coverage}`;
    case 'meeting.updated':
      return `${ref[0]!.toUpperCase()}${ref.slice(1)} changed${p.timeChanged === true ? `, now ${day(p.startsAt)}` : ''}${p.shortNotice === true ? ` with short notice (${hours(p.noticeHours)})` : ''}: ${coverage}`;
    case 'meeting.cancelled':
      return `${ref[0]!.toUpperCase()}${ref.slice(1)} cancelled${str(p.reason) ? `: ${str(p.reason)}` : ''}`;
    case 'meeting.attendance_recorded':
      return `Attendance at ${ref}: ${who(p.userId)} recorded as ${str(p.status) ?? '?'}`;
    case 'meeting.attendance_confirmed':
      return `${who(e.actorId)} confirmed their attendance at ${ref} (${str(p.status) ?? '?'})`;
    case 'meeting.attendance_disputed':
      return `${who(e.actorId)} disputed their attendance at ${ref} (recorded ${str(p.status) ?? '?'})`;
    default:
      return null;
  }
}
