'use server';

import { orgAction } from '@/lib/actions/action';
import {
  answerAttendanceOperation,
  cancelMeetingOperation,
  performAsMember,
  recordAttendanceOperation,
  scheduleMeetingOperation,
} from '@/lib/actions/operations';
import { orgOperationAction, orgUseCaseAction } from '@/lib/actions/use-case-action';
import { updateMeeting } from '@/lib/use-cases/meetings';
import { updateMeetingSchema } from '@/lib/validation/meeting';

/** Any member may try; the rules say who may (a secretary or an admin) and refuse with a clear message. */
export const scheduleMeetingAction = orgAction(scheduleMeetingOperation.schema, scheduleMeetingOperation.minimumRole, async ({ input, user, membership }) => {
  const { number } = await performAsMember(scheduleMeetingOperation, { userId: user.id, role: membership.role }, input);
  return {
    ok: true,
    message: `Meeting #${number} is scheduled; every seat holder is being sent its notice.`,
    redirectTo: `/o/${membership.orgSlug}/meetings/${number}`,
  };
});

export const updateMeetingAction = orgUseCaseAction(updateMeetingSchema, 'observer', updateMeeting, (_input, r) =>
  r.shortNotice
    ? `Meeting #${r.number} is changed and every seat holder is being told. Its notice is now shorter than the charter requires: it is marked irregular.`
    : `Meeting #${r.number} is changed; every seat holder is being told.`,
);

export const cancelMeetingAction = orgOperationAction(
  cancelMeetingOperation,
  (_input, r) => `Meeting #${r.number} is cancelled; every seat holder is being told.`,
);

// The API records and answers attendance through the same operations (app/api/v1).
export const recordAttendanceAction = orgOperationAction(
  recordAttendanceOperation,
  (input, r) => `${r.name} is recorded as ${input.status} at meeting #${r.number}.`,
);

export const answerAttendanceAction = orgOperationAction(answerAttendanceOperation, (_input, r) =>
  r.answer === 'confirmed' ? 'You confirmed your attendance record.' : 'Your dispute of the attendance record is on the record.',
);
