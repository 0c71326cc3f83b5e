'use server';

import { orgUseCaseAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';
import { answerMinutes, draftMinutes } from '@/lib/use-cases/meeting-minutes';
import { answerMinutesSchema, draftMinutesSchema } from '@/lib/validation/meeting-minutes';

/** Any member may try; the rules say who may (a secretary or an admin drafts, a seat holder answers) and refuse with a clear message. */
export const draftMinutesAction = orgUseCaseAction(draftMinutesSchema, 'observer', draftMinutes, async (_input, r) =>
  (await requestTranslator())('meetings.flash.minutesDrafted', { revision: r.revision, number: r.number }),
);

export const answerMinutesAction = orgUseCaseAction(answerMinutesSchema, 'observer', answerMinutes, async (input, r) =>
  r.sealed
    ? (await requestTranslator())('meetings.flash.minutesSealed', { number: r.number })
    : (await requestTranslator())('meetings.flash.minutesAnswered', {
        number: r.number,
        approve: String(input.approve),
        approvals: r.approvals,
        needed: r.needed,
      }),
);
