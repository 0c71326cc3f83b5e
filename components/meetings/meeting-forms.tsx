import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/state';
import { MeetingDetailsForm } from './meeting-details-form';
import type { MeetingDetails } from './meeting-details-form';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const input =
  'mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const labelCls = 'block text-sm font-medium text-zinc-900';

/** Schedule a meeting of a body (secretaries and admins see it; the action checks again). */
export function ScheduleMeetingForm({
  action,
  orgId,
  bodies,
  notice,
}: {
  action: Action;
  orgId: string;
  bodies: { key: string; name: string }[];
  notice: { regular: string; special: string };
}) {
  return (
    <MeetingDetailsForm
      action={action}
      hidden={{ orgId }}
      label="Schedule a meeting"
      submitLabel="Schedule and send the notice"
      prefix="meeting"
      schedule={{ bodies, notice }}
    />
  );
}

/** Change a meeting before it starts: every seat holder is told again. */
export function UpdateMeetingForm({ action, orgId, meetingId, details }: { action: Action; orgId: string; meetingId: string; details: MeetingDetails }) {
  return (
    <>
      <p className="mb-3 text-sm text-zinc-600">
        Moving the meeting closer than the charter’s notice allows is recorded as short notice: the meeting becomes irregular.
      </p>
      <MeetingDetailsForm
        action={action}
        hidden={{ orgId, meetingId }}
        label="Change the meeting"
        submitLabel="Save and notify the seat holders"
        prefix="edit"
        initial={details}
      />
    </>
  );
}

export function CancelMeetingForm({ action, orgId, meetingId }: { action: Action; orgId: string; meetingId: string }) {
  return (
    <ActionForm
      action={action}
      hidden={{ orgId, meetingId }}
      submitLabel="Cancel the meeting"
      pendingLabel="Cancelling…"
      variant="secondary"
      label="Cancel the meeting"
    >
      <label htmlFor="cancel-reason" className={labelCls}>
        Reason (public)
      </label>
      <input id="cancel-reason" name="reason" required minLength={3} maxLength={1000} className={input} />
    </ActionForm>
  );
}

/** The secretary records one seat holder's attendance. */
export function RecordAttendanceForm({
  action,
  orgId,
  meetingId,
  seatHolders,
}: {
  action: Action;
  orgId: string;
  meetingId: string;
  seatHolders: { id: string; name: string }[];
}) {
  return (
    <ActionForm action={action} hidden={{ orgId, meetingId }} submitLabel="Record attendance" pendingLabel="Recording…" label="Record attendance">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="attendance-person" className={labelCls}>
            Seat holder
          </label>
          <select id="attendance-person" name="userId" className={input}>
            {seatHolders.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="attendance-status" className={labelCls}>
            Attendance
          </label>
          <select id="attendance-status" name="status" className={input}>
            <option value="present">Present</option>
            <option value="remote">Remote</option>
            <option value="absent">Absent</option>
          </select>
        </div>
      </div>
    </ActionForm>
  );
}

/** The attendee confirms their record, or disputes it with a note. */
export function AnswerAttendanceForms({ action, orgId, meetingId }: { action: Action; orgId: string; meetingId: string }) {
  return (
    <div className="space-y-4">
      <ActionForm
        action={action}
        hidden={{ orgId, meetingId, answer: 'confirmed' }}
        submitLabel="Confirm my attendance record"
        pendingLabel="Confirming…"
        label="Confirm my attendance"
      >
        {null}
      </ActionForm>
      <details className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">Dispute my record…</summary>
        <ActionForm
          action={action}
          hidden={{ orgId, meetingId, answer: 'disputed' }}
          submitLabel="Dispute my record"
          pendingLabel="Sending…"
          variant="secondary"
          label="Dispute my attendance"
          className="mt-2"
        >
          <label htmlFor="dispute-note" className={labelCls}>
            What is wrong (public)
          </label>
          <input id="dispute-note" name="note" maxLength={1000} className={input} />
        </ActionForm>
      </details>
    </div>
  );
}
