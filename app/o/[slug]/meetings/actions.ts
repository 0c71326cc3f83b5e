'use server';

import { orgAction } from '@/lib/actions/action';
import { cancelMeetingOperation, performAsMember, scheduleMeetingOperation } from '@/lib/actions/operations';
import { orgOperationAction, orgUseCaseAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';
import { answerOwnAttendance, recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { updateMeeting } from '@/lib/use-cases/meetings';
import { answerAttendanceSchema, recordAttendanceSchema, updateMeetingSchema } from '@/lib/validation/meeting';

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

export const updateMeetingAction = orgUseCaseAction(updateMeetingSchema, 'observer', updateMeeting, async (_input, r) =>
  (await requestTranslator())('meetings.flash.changed', { number: r.number, short: String(r.shortNotice) }),
);

export const cancelMeetingAction = orgOperationAction(cancelMeetingOperation, async (_input, r) =>
  (await requestTranslator())('meetings.flash.cancelled', { number: r.number }),
);

export const recordAttendanceAction = orgUseCaseAction(recordAttendanceSchema, 'observer', recordAttendance, async (input, r) =>
  (await requestTranslator())('meetings.flash.attendance', { name: r.name, status: input.status, number: r.number }),
);

export const answerAttendanceAction = orgUseCaseAction(answerAttendanceSchema, 'observer', answerOwnAttendance, async (_input, r) =>
  (await requestTranslator())(r.answer === 'confirmed' ? 'meetings.flash.attendanceConfirmed' : 'meetings.flash.attendanceDisputed'),
);
