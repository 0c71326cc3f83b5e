// Summaries of the petition entries of the decision log (see summary.ts). Pure; payloads read defensively.
// Its own shapes of summary.ts's SummaryEntry and SummaryContext (summary.ts imports this file).
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
const day = (v: unknown): string => {
  const s = str(v);
  const d = s ? new Date(s) : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : 'its deadline';
};

/** A petition entry in words, or null when `e` is not one. */
export function summarizePetitionEntry(e: SummaryEntry, ctx: SummaryContext): string | null {
  const p = e.payload;
  const ref = `petition #${int(p.number) ?? '?'}`;
  const who = (id: string | null) => (id && ctx.personName(id)) ?? 'A member';
  const body = (v: unknown) => (str(v) ? (ctx.bodyName(str(v)!) ?? str(v)!) : 'the body');
  const signatures = (n: unknown) => `${int(n) ?? '?'} signature${int(n) === 1 ? '' : 's'}`;
  switch (e.kind) {
    case 'petition.opened':
      return `${who(e.actorId)} opened ${ref}${str(p.title) ? ` “${str(p.title)}”` : ''} to the ${body(p.answeringBodyKey)}${str(p.group) ? ` for the ${str(p.group)} group` : ''}: ${signatures(p.requiredSignatures)} needed`;
    case 'petition.signed':
      return `${e.actorId ? who(e.actorId) : 'A member'} signed ${ref} (${signatures(p.count)})`;
    case 'petition.signature_revoked':
      return `${e.actorId ? who(e.actorId) : 'A member'} revoked their signature on ${ref} (${signatures(p.count)})`;
    case 'petition.signature_lapsed':
      return `${e.actorId ? `${who(e.actorId)}'s` : 'A'} signature on ${ref} lapsed: ${p.reason === 'removed' ? 'removed from the organization' : p.reason === 'account_deleted' ? 'account deleted' : 'left the organization'} (${signatures(p.count)})`;
    case 'petition.threshold_reached':
      return `${ref[0]!.toUpperCase()}${ref.slice(1)} reached its threshold with ${signatures(p.count)}: the ${body(p.answeringBodyKey)} must answer by ${day(p.answerDueAt)}`;
    case 'petition.answered':
      return `The ${body(p.answeringBodyKey)} answered ${ref}${p.late === true ? ', after its deadline' : ''}`;
    case 'petition.answer_overdue':
      return `The ${body(p.answeringBodyKey)} missed the deadline (${day(p.answerDueAt)}) to answer ${ref}`;
    default:
      return null;
  }
}
