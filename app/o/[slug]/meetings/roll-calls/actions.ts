'use server';

import { answerRollCallVoteOperation, recordRollCallOperation } from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';

/** Any member may try; the rules say who may (a secretary or an admin) and refuse with a clear message. The API records and answers through the same operations (app/api/v1). */
export const recordRollCallAction = orgOperationAction(recordRollCallOperation, (_input, r) =>
  r.held
    ? `Roll call ${r.number} of meeting #${r.meetingNumber} is recorded: carried, but held — not in effect until ratified, because the meeting is irregular.`
    : `Roll call ${r.number} of meeting #${r.meetingNumber} is recorded: ${r.carried ? 'carried' : 'not carried'}. Every seat holder is being told.`,
);

/** Only the voter answers for their own recorded vote. */
export const answerRollCallVoteAction = orgOperationAction(answerRollCallVoteOperation, (_input, r) =>
  r.answer === 'confirmed'
    ? `You confirmed your vote in roll call ${r.number}.`
    : `Your dispute of your vote in roll call ${r.number} is on the record, and public.`,
);
