'use server';

import { answerMinutesOperation, draftMinutesOperation } from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';

/** Any member may try; the rules say who may (a secretary or an admin drafts, a seat holder answers) and refuse with a clear message. The API drafts and answers through the same operations (app/api/v1). */
export const draftMinutesAction = orgOperationAction(
  draftMinutesOperation,
  (_input, r) => `Revision ${r.revision} of the minutes of meeting #${r.number} is saved; the body's seat holders are asked to approve it.`,
);

export const answerMinutesAction = orgOperationAction(answerMinutesOperation, (input, r) =>
  r.sealed
    ? `The minutes of meeting #${r.number} are approved by a majority of the body's charter seats and sealed.`
    : `You ${input.approve ? 'approved' : 'rejected'} the minutes of meeting #${r.number} (${r.approvals} of ${r.needed} approvals needed).`,
);
