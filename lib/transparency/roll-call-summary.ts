// Summaries of the roll-call entries of the decision log (see summary.ts). Pure; payloads read defensively.
import { summaryText, word } from './summary-text';
import type { SummaryParam, SummaryText } from './summary-text';
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
const k = (name: string, params?: Record<string, SummaryParam>): SummaryText => summaryText(`logSummary.rollCall.${name}`, params);

/** A roll-call entry as data (summary.ts), or null when `e` is not one. */
export function rollCallSummaryParts(e: SummaryEntry, ctx: SummaryContext): SummaryText | null {
  const p = e.payload;
  const q = (v: unknown) => String(int(v) ?? '?');
  const ref = { rc: q(p.rollCall), n: q(p.number) };
  const who = (v: unknown): SummaryParam => (str(v) && ctx.personName(str(v)!)) || word('aSeatHolder');
  switch (e.kind) {
    case 'meeting.roll_call_recorded':
      return k('recorded', {
        ...ref,
        motion: str(p.motion) ?? '?',
        result: p.carried === true ? (p.held === true ? 'held' : 'carried') : 'not',
        yes: q(p.yes),
        no: q(p.no),
        abstain: q(p.abstain),
        absent: q(p.absent),
        seats: q(p.charterSeats),
      });
    case 'meeting.roll_call_vote_confirmed':
      return k('voteConfirmed', { ...ref, person: who(e.actorId), vote: str(p.vote) ?? '?' });
    case 'meeting.roll_call_vote_disputed':
      return k('voteDisputed', {
        ...ref,
        person: who(e.actorId),
        vote: str(p.vote) ?? '?',
        note: str(p.note) ? word('because', { reason: str(p.note)! }) : '',
      });
    case 'meeting.roll_call_ratified':
      return k('ratified', { ...ref, by: q(p.byProposalNumber) });
    default:
      return null;
  }
}
