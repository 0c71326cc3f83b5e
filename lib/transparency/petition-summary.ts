// Summaries of the petition entries of the decision log (see summary.ts). Pure; payloads read defensively.
// Its own shapes of summary.ts's SummaryEntry and SummaryContext (summary.ts imports this file).
import { countOf, summaryText, word } from './summary-text';
import type { SummaryParam, SummaryText } from './summary-text';
type SummaryEntry = { kind: string; actorId: string | null; payload: Record<string, unknown> };
type SummaryContext = { bodyName: (key: string) => string | null; personName: (userId: string) => string | null };

export const petitionLogKindLabels: Record<string, string> = {
  'petition.opened': 'Petition opened',
  'petition.signed': 'Petition signed',
  'petition.signature_revoked': 'Petition signature revoked',
  'petition.signature_lapsed': 'Petition signature lapsed',
  'petition.threshold_reached': 'Petition threshold reached',
  'petition.answered': 'Petition answered',
  'petition.answer_overdue': 'Petition answer overdue',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const day = (v: unknown): SummaryParam => {
  const s = str(v);
  const d = s ? new Date(s) : null;
  return d && !Number.isNaN(d.getTime()) ? { at: d, style: 'isoDay' } : word('itsDeadline');
};
const k = (name: string, params?: Record<string, SummaryParam>): SummaryText => summaryText(`logSummary.petition.${name}`, params);

/** A petition entry as data (summary.ts), or null when `e` is not one. */
export function petitionSummaryParts(e: SummaryEntry, ctx: SummaryContext): SummaryText | null {
  const p = e.payload;
  const n = String(int(p.number) ?? '?');
  const who = (id: string | null): SummaryParam => (id && ctx.personName(id)) ?? word('aMemberStart');
  const body = (v: unknown): SummaryParam => (str(v) ? (ctx.bodyName(str(v)!) ?? str(v)!) : word('theBody'));
  const signatures = (v: unknown) => word('signatures', { count: countOf(int(v)), n: String(int(v) ?? '?') });
  switch (e.kind) {
    case 'petition.opened':
      return k('opened', {
        person: who(e.actorId),
        n,
        title: str(p.title) ? word('titleQuoted', { title: str(p.title)! }) : '',
        body: body(p.answeringBodyKey),
        group: str(p.group) ? word('forGroup', { group: str(p.group)! }) : '',
        signatures: signatures(p.requiredSignatures),
      });
    case 'petition.signed':
      return k('signed', { person: e.actorId ? who(e.actorId) : word('aMemberStart'), n, signatures: signatures(p.count) });
    case 'petition.signature_revoked':
      return k('signatureRevoked', { person: e.actorId ? who(e.actorId) : word('aMemberStart'), n, signatures: signatures(p.count) });
    case 'petition.signature_lapsed': {
      const reason = p.reason === 'removed' || p.reason === 'account_deleted' ? p.reason : 'left';
      return e.actorId
        ? k('signatureLapsedOf', { person: who(e.actorId), n, reason, signatures: signatures(p.count) })
        : k('signatureLapsed', { n, reason, signatures: signatures(p.count) });
    }
    case 'petition.threshold_reached':
      return k('thresholdReached', { n, signatures: signatures(p.count), body: body(p.answeringBodyKey), day: day(p.answerDueAt) });
    case 'petition.answered':
      return k(p.late === true ? 'answeredLate' : 'answered', { body: body(p.answeringBodyKey), n });
    case 'petition.answer_overdue':
      return k('answerOverdue', { body: body(p.answeringBodyKey), day: day(p.answerDueAt), n });
    default:
      return null;
  }
}
