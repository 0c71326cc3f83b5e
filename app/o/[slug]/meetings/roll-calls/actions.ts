'use server';

import { orgUseCaseAction } from '@/lib/actions/use-case-action';
import { answerRollCallVote, recordRollCall } from '@/lib/use-cases/meeting-roll-calls';
import { answerRollCallVoteSchema, recordRollCallSchema } from '@/lib/validation/meeting';

/** Any member may try; the rules say who may (a secretary or an admin) and refuse with a clear message. */
export const recordRollCallAction = orgUseCaseAction(recordRollCallSchema, 'observer', recordRollCall, (_input, r) =>
  r.held
    ? `Roll call ${r.number} of meeting #${r.meetingNumber} is recorded: carried, but held — not in effect until ratified, because the meeting is irregular.`
    : `Roll call ${r.number} of meeting #${r.meetingNumber} is recorded: ${r.carried ? 'carried' : 'not carried'}. Every seat holder is being told.`,
);

/** Only the voter answers for their own recorded vote. */
export const answerRollCallVoteAction = orgUseCaseAction(answerRollCallVoteSchema, 'observer', answerRollCallVote, (_input, r) =>
  r.answer === 'confirmed'
    ? `You confirmed your vote in roll call ${r.number}.`
    : `Your dispute of your vote in roll call ${r.number} is on the record, and public.`,
);
