// Summaries of the written-consent entries of the decision log (see summary.ts). Pure; payloads read defensively.
// Its own shapes of summary.ts's SummaryEntry and SummaryContext (summary.ts imports this file).
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

/** A written-consent entry in words, or null when `e` is not one. */
export function summarizeWrittenConsentEntry(e: SummaryEntry, ctx: SummaryContext): string | null {
  const p = e.payload;
  const ref = `written consent #${int(p.number) ?? '?'}`;
  const Ref = `W${ref.slice(1)}`;
  const who = (id: string | null) => (id && ctx.personName(id)) ?? 'A member';
  const tally = `${int(p.signatures) ?? '?'} of ${int(p.of) ?? '?'} signatures`;
  switch (e.kind) {
    case 'written_consent.opened': {
      const body = str(p.bodyKey) ? (ctx.bodyName(str(p.bodyKey)!) ?? str(p.bodyKey)!) : 'the body';
      const n = Array.isArray(p.signers) ? p.signers.length : '?';
      return `${who(e.actorId)} opened ${ref}${str(p.title) ? ` “${str(p.title)}”` : ''} of the ${body}: ${n} seat holder${n === 1 ? '' : 's'} must sign`;
    }
    case 'written_consent.signed':
      return `${who(e.actorId)} signed ${ref} (${tally})`;
    case 'written_consent.signature_revoked':
      return `${who(e.actorId)} revoked their signature on ${ref} (${tally})`;
    case 'written_consent.adopted':
      return `${Ref} was adopted: every seat holder signed`;
    case 'written_consent.withdrawn':
      return `${who(e.actorId)} withdrew ${ref} (${tally})`;
    case 'written_consent.expired':
      return `${Ref} expired without every signature (${tally})`;
    case 'written_consent.lapsed':
      return `${Ref} lapsed: a signer left the body before every signature was given`;
    default:
      return null;
  }
}
