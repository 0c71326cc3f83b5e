'use server';

import { orgUseCaseAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';
import { answerRollCallVote, recordRollCall } from '@/lib/use-cases/meeting-roll-calls';
import { answerRollCallVoteSchema, recordRollCallSchema } from '@/lib/validation/meeting';

/** Any member may try; the rules say who may (a secretary or an admin) and refuse with a clear message. */
export const recordRollCallAction = orgUseCaseAction(recordRollCallSchema, 'observer', recordRollCall, async (_input, r) =>
  (await requestTranslator())(r.held ? 'meetings.flash.rollCallHeld' : 'meetings.flash.rollCall', {
    number: r.number,
    meeting: r.meetingNumber,
    carried: String(r.carried),
  }),
);

/** Only the voter answers for their own recorded vote. */
export const answerRollCallVoteAction = orgUseCaseAction(answerRollCallVoteSchema, 'observer', answerRollCallVote, async (_input, r) =>
  (await requestTranslator())(r.answer === 'confirmed' ? 'meetings.flash.voteConfirmed' : 'meetings.flash.voteDisputed', { number: r.number }),
);
