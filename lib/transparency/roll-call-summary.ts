// Summaries of the roll-call entries of the decision log (see summary.ts). Pure; payloads read defensively.
type SummaryEntry = { kind: string; actorId: string | null; payload: Record<string, unknown> };
type SummaryContext = { personName: (userId: string) => string | null };

export const rollCallLogKindLabels: Record<string, string> = {
  'meeting.roll_call_recorded': 'Roll call recorded',
  'meeting.roll_call_vote_confirmed': 'Roll-call vote confirmed',
  'meeting.roll_call_vote_disputed': 'Roll-call vote disputed',
  'meeting.roll_call_ratified': 'Held motion ratified',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

/** A roll-call entry in words, or null when `e` is not one. */
export function summarizeRollCallEntry(e: SummaryEntry, ctx: SummaryContext): string | null {
  const p = e.payload;
  const ref = `roll call ${int(p.rollCall) ?? '?'} of meeting #${int(p.number) ?? '?'}`;
  const who = (v: unknown) => (str(v) && ctx.personName(str(v)!)) || 'a seat holder';
  switch (e.kind) {
    case 'meeting.roll_call_recorded':
      return `${ref[0]!.toUpperCase()}${ref.slice(1)} on “${str(p.motion) ?? '?'}”: ${p.carried === true ? (p.held === true ? 'carried, held until ratified (irregular meeting)' : 'carried') : 'not carried'} (yes ${int(p.yes) ?? '?'}, no ${int(p.no) ?? '?'}, abstain ${int(p.abstain) ?? '?'}, absent ${int(p.absent) ?? '?'} of ${int(p.charterSeats) ?? '?'} charter seats)`;
    case 'meeting.roll_call_vote_confirmed':
      return `${who(e.actorId)} confirmed their vote (${str(p.vote) ?? '?'}) in ${ref}`;
    case 'meeting.roll_call_vote_disputed':
      return `${who(e.actorId)} disputed their recorded vote (${str(p.vote) ?? '?'}) in ${ref}${str(p.note) ? `: ${str(p.note)}` : ''}`;
    case 'meeting.roll_call_ratified':
      return `Proposal #${int(p.byProposalNumber) ?? '?'} ratified the motion held from ${ref}: now in effect`;
    default:
      return null;
  }
}
