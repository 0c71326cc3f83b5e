'use server';

import { orgUseCaseAction } from '@/lib/actions/use-case-action';
import { answerMinutes, draftMinutes } from '@/lib/use-cases/meeting-minutes';
import { answerMinutesSchema, draftMinutesSchema } from '@/lib/validation/meeting-minutes';

/** Any member may try; the rules say who may (a secretary or an admin drafts, a seat holder answers) and refuse with a clear message. */
export const draftMinutesAction = orgUseCaseAction(
  draftMinutesSchema,
  'observer',
  draftMinutes,
  (_input, r) => `Revision ${r.revision} of the minutes of meeting #${r.number} is saved; the body's seat holders are asked to approve it.`,
);

export const answerMinutesAction = orgUseCaseAction(answerMinutesSchema, 'observer', answerMinutes, (input, r) =>
  r.sealed
    ? `The minutes of meeting #${r.number} are approved by a majority of the body's charter seats and sealed.`
    : `You ${input.approve ? 'approved' : 'rejected'} the minutes of meeting #${r.number} (${r.approvals} of ${r.needed} approvals needed).`,
);
