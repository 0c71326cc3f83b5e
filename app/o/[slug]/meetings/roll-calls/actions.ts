'use server';

import { answerRollCallVoteOperation, recordRollCallOperation } from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

/** Any member may try; the rules say who may (a secretary or an admin) and refuse with a clear message. The API records and answers through the same operations (app/api/v1). */
export const recordRollCallAction = orgOperationAction(recordRollCallOperation, async (_input, r) =>
  (await requestTranslator())(r.held ? 'meetings.flash.rollCallHeld' : 'meetings.flash.rollCall', {
    number: r.number,
    meeting: r.meetingNumber,
    carried: String(r.carried),
  }),
);

/** Only the voter answers for their own recorded vote. */
export const answerRollCallVoteAction = orgOperationAction(answerRollCallVoteOperation, async (_input, r) =>
  (await requestTranslator())(r.answer === 'confirmed' ? 'meetings.flash.voteConfirmed' : 'meetings.flash.voteDisputed', { number: r.number }),
);
