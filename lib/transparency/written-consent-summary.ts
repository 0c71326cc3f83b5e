// Summaries of the written-consent entries of the decision log (see summary.ts). Pure; payloads read defensively.
// Its own shapes of summary.ts's SummaryEntry and SummaryContext (summary.ts imports this file).
import { countOf, summaryText, word } from './summary-text';
import type { SummaryParam, SummaryText } from './summary-text';
type SummaryEntry = { kind: string; actorId: string | null; payload: Record<string, unknown> };
type SummaryContext = { bodyName: (key: string) => string | null; personName: (userId: string) => string | null };

export const writtenConsentLogKindLabels: Record<string, string> = {
  'written_consent.opened': 'Written consent opened',
  'written_consent.signed': 'Written consent signed',
  'written_consent.signature_revoked': 'Written consent signature revoked',
  'written_consent.adopted': 'Written consent adopted',
  'written_consent.withdrawn': 'Written consent withdrawn',
  'written_consent.expired': 'Written consent expired',
  'written_consent.lapsed': 'Written consent lapsed',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const k = (name: string, params?: Record<string, SummaryParam>): SummaryText => summaryText(`logSummary.writtenConsent.${name}`, params);

/** A written-consent entry as data (summary.ts), or null when `e` is not one. */
export function writtenConsentSummaryParts(e: SummaryEntry, ctx: SummaryContext): SummaryText | null {
  const p = e.payload;
  const n = String(int(p.number) ?? '?');
  const who = (id: string | null): SummaryParam => (id && ctx.personName(id)) ?? word('aMemberStart');
  const tally = word('tally', { signatures: String(int(p.signatures) ?? '?'), of: String(int(p.of) ?? '?') });
  switch (e.kind) {
    case 'written_consent.opened': {
      const body = str(p.bodyKey) ? (ctx.bodyName(str(p.bodyKey)!) ?? str(p.bodyKey)!) : word('theBody');
      const signers = Array.isArray(p.signers) ? p.signers.length : null;
      return k('opened', {
        person: who(e.actorId),
        n,
        title: str(p.title) ? word('titleQuoted', { title: str(p.title)! }) : '',
        body,
        count: countOf(signers),
        signers: String(signers ?? '?'),
      });
    }
    case 'written_consent.signed':
      return k('signed', { person: who(e.actorId), n, tally });
    case 'written_consent.signature_revoked':
      return k('signatureRevoked', { person: who(e.actorId), n, tally });
    case 'written_consent.adopted':
      return k('adopted', { n });
    case 'written_consent.withdrawn':
      return k('withdrawn', { person: who(e.actorId), n, tally });
    case 'written_consent.expired':
      return k('expired', { n, tally });
    case 'written_consent.lapsed':
      return k('lapsed', { n });
    default:
      return null;
  }
}
