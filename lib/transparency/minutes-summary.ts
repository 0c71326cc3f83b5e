// Summaries of the minutes entries of the decision log (see summary.ts). Pure; payloads read
// defensively. A summary never quotes the minutes' text: the log page shows it in the entry.

type SummaryEntry = { kind: string; actorId: string | null; payload: Record<string, unknown> };
type SummaryContext = { personName: (userId: string) => string | null };

export const minutesLogKindLabels: Record<string, string> = {
  'minutes.drafted': 'Minutes drafted',
  'minutes.approved': 'Minutes approved by a seat holder',
  'minutes.rejected': 'Minutes rejected by a seat holder',
  'minutes.sealed': 'Minutes sealed',
  'minutes.disclosed': 'Closed-session minutes disclosed',
};

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A minutes entry in words, or null when `e` is not one. */
export function summarizeMinutesEntry(e: SummaryEntry, ctx: SummaryContext): string | null {
  const p = e.payload;
  const ref = `meeting #${int(p.number) ?? '?'}`;
  const rev = `revision ${int(p.revision) ?? '?'}`;
  const who = (str(e.actorId) && ctx.personName(str(e.actorId)!)) || 'A seat holder';
  const closed = p.closedSession === true ? ` (closed session, ${str(p.matter) ?? 'a confidential'} matter)` : '';
  switch (e.kind) {
    case 'minutes.drafted':
      return `Minutes of ${ref} drafted, ${rev}${closed}`;
    case 'minutes.approved':
    case 'minutes.rejected':
      return `${who} ${e.kind === 'minutes.approved' ? 'approved' : 'rejected'} the minutes of ${ref}, ${rev}: ${int(p.approvals) ?? '?'} of ${int(p.needed) ?? '?'} approvals needed`;
    case 'minutes.sealed':
      return `Minutes of ${ref} sealed, ${rev}${closed}${p.closedSession === true && str(p.disclosesAt) ? `; disclosed ${str(p.disclosesAt)!.slice(0, 10)}` : ''}`;
    case 'minutes.disclosed':
      return `Sealed minutes of ${ref} disclosed (closed session, ${str(p.matter) ?? 'a confidential'} matter)`;
    default:
      return null;
  }
}
