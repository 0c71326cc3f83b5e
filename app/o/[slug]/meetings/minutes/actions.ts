'use server';

import { answerMinutesOperation, draftMinutesOperation } from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

/** Any member may try; the rules say who may (a secretary or an admin drafts, a seat holder answers) and refuse with a clear message. The API drafts and answers through the same operations (app/api/v1). */
export const draftMinutesAction = orgOperationAction(draftMinutesOperation, async (_input, r) =>
  (await requestTranslator())('meetings.flash.minutesDrafted', { revision: r.revision, number: r.number }),
);

export const answerMinutesAction = orgOperationAction(answerMinutesOperation, async (input, r) =>
  r.sealed
    ? (await requestTranslator())('meetings.flash.minutesSealed', { number: r.number })
    : (await requestTranslator())('meetings.flash.minutesAnswered', {
        number: r.number,
        approve: String(input.approve),
        approvals: r.approvals,
        needed: r.needed,
      }),
);
