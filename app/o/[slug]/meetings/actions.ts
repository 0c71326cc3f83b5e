'use server';

import { orgAction } from '@/lib/actions/action';
import {
  answerAttendanceOperation,
  cancelMeetingOperation,
  performAsMember,
  recordAttendanceOperation,
  scheduleMeetingOperation,
  updateMeetingOperation,
} from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

// The success lines in the request's language (English outside a request: tests and scripts).

/** Any member may try; the rules say who may (a secretary or an admin) and refuse with a clear message. */
export const scheduleMeetingAction = orgAction(scheduleMeetingOperation.schema, scheduleMeetingOperation.minimumRole, async ({ input, user, membership }) => {
  const { number } = await performAsMember(scheduleMeetingOperation, { userId: user.id, role: membership.role }, input);
  const t = await requestTranslator();
  return {
    ok: true,
    message: t('meetings.flash.scheduled', { number }),
    redirectTo: `/o/${membership.orgSlug}/meetings/${number}`,
  };
});

// The API changes a meeting through the same operation.
export const updateMeetingAction = orgOperationAction(updateMeetingOperation, async (_input, r) =>
  (await requestTranslator())('meetings.flash.changed', { number: r.number, short: String(r.shortNotice) }),
);

export const cancelMeetingAction = orgOperationAction(cancelMeetingOperation, async (_input, r) =>
  (await requestTranslator())('meetings.flash.cancelled', { number: r.number }),
);

// The API records and answers attendance through the same operations (app/api/v1).
export const recordAttendanceAction = orgOperationAction(recordAttendanceOperation, async (input, r) =>
  (await requestTranslator())('meetings.flash.attendance', { name: r.name, status: input.status, number: r.number }),
);

export const answerAttendanceAction = orgOperationAction(answerAttendanceOperation, async (_input, r) =>
  (await requestTranslator())(r.answer === 'confirmed' ? 'meetings.flash.attendanceConfirmed' : 'meetings.flash.attendanceDisputed'),
);
