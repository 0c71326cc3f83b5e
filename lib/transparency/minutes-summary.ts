// Summaries of the minutes entries of the decision log (see summary.ts). Pure; payloads read
// defensively. A summary never quotes the minutes' text: the log page shows it in the entry.
import { summaryText, word } from './summary-text';
import type { SummaryParam, SummaryText } from './summary-text';

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
/** The kinds of confidential matter the rules know (lib/governance/minutes.ts); another is shown as given. */
const matters = new Set(['personnel', 'legal', 'security', 'other']);
const k = (name: string, params?: Record<string, SummaryParam>): SummaryText => summaryText(`logSummary.minutes.${name}`, params);

/** The day minutes are disclosed: a date when the payload's string is one (written as its first ten characters). */
function disclosureDay(s: string): SummaryParam {
  const d = new Date(s);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10) ? { at: d, style: 'isoDay' } : s.slice(0, 10);
}

/** A minutes entry as data (summary.ts), or null when `e` is not one. */
export function minutesSummaryParts(e: SummaryEntry, ctx: SummaryContext): SummaryText | null {
  const p = e.payload;
  const n = String(int(p.number) ?? '?');
  const revision = String(int(p.revision) ?? '?');
  const who: SummaryParam = (str(e.actorId) && ctx.personName(str(e.actorId)!)) || word('aSeatHolderStart');
  const matter = str(p.matter);
  const session = !matter
    ? word('closedSessionConfidential')
    : matters.has(matter)
      ? word('closedSession', { matter })
      : word('closedSessionMatter', { matter });
  const closed: SummaryParam = p.closedSession === true ? session : '';
  switch (e.kind) {
    case 'minutes.drafted':
      return k('drafted', { n, revision, closed });
    case 'minutes.approved':
    case 'minutes.rejected':
      return k(e.kind === 'minutes.approved' ? 'approved' : 'rejected', {
        person: who,
        n,
        revision,
        approvals: String(int(p.approvals) ?? '?'),
        needed: String(int(p.needed) ?? '?'),
      });
    case 'minutes.sealed':
      return k('sealed', {
        n,
        revision,
        closed,
        disclosed: p.closedSession === true && str(p.disclosesAt) ? word('disclosedOn', { day: disclosureDay(str(p.disclosesAt)!) }) : '',
      });
    case 'minutes.disclosed':
      return k('disclosed', { n, closed: session });
    default:
      return null;
  }
}
