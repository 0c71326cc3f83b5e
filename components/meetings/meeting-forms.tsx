import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const input =
  'mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const labelCls = 'block text-sm font-medium text-zinc-900';
const durations = [30, 60, 90, 120, 180, 240, 480];

type Details = { title: string; startsAt: string; durationMinutes: number; location: string; agenda: string };

/** Title, start (UTC), length, place and agenda: shared by scheduling and changing a meeting. */
function DetailFields({ prefix, d }: { prefix: string; d?: Details }) {
  const duration = d?.durationMinutes ?? 90;
  return (
    <>
      <div>
        <label htmlFor={`${prefix}-title`} className={labelCls}>
          Title
        </label>
        <input id={`${prefix}-title`} name="title" required maxLength={200} defaultValue={d?.title} className={input} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-start`} className={labelCls}>
            Starts (UTC)
          </label>
          <input id={`${prefix}-start`} name="startsAt" type="datetime-local" required defaultValue={d?.startsAt} className={input} />
        </div>
        <div>
          <label htmlFor={`${prefix}-duration`} className={labelCls}>
            Length
          </label>
          <select id={`${prefix}-duration`} name="durationMinutes" defaultValue={String(durations.includes(duration) ? duration : 90)} className={input}>
            {durations.map((m) => (
              <option key={m} value={m}>
                {m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor={`${prefix}-location`} className={labelCls}>
          Location or link
        </label>
        <input id={`${prefix}-location`} name="location" required maxLength={500} defaultValue={d?.location} className={input} />
      </div>
      <div>
        <label htmlFor={`${prefix}-agenda`} className={labelCls}>
          Agenda
        </label>
        <p id={`${prefix}-agenda-hint`} className="text-xs text-zinc-600">
          One item per line. A line with only a proposal number, such as #12, puts that proposal on the agenda.
        </p>
        <textarea id={`${prefix}-agenda`} name="agenda" rows={5} defaultValue={d?.agenda} aria-describedby={`${prefix}-agenda-hint`} className={input} />
      </div>
    </>
  );
}

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
    <ActionForm action={action} hidden={{ orgId }} submitLabel="Schedule and send the notice" pendingLabel="Scheduling…" label="Schedule a meeting">
      <div>
        <label htmlFor="meeting-body" className={labelCls}>
          Body that meets
        </label>
        <select id="meeting-body" name="bodyKey" className={input}>
          {bodies.map((b) => (
            <option key={b.key} value={b.key}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-900">Kind</legend>
        <label className="mt-2 flex min-h-11 items-center gap-3 text-sm">
          <input type="radio" name="kind" value="regular" defaultChecked className="size-5" /> Regular meeting ({notice.regular} of notice)
        </label>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="radio" name="kind" value="special" className="size-5" /> Special meeting ({notice.special} of notice)
        </label>
      </fieldset>
      <DetailFields prefix="meeting" />
    </ActionForm>
  );
}

/** Change a meeting before it starts: every seat holder is told again. */
export function UpdateMeetingForm({ action, orgId, meetingId, details }: { action: Action; orgId: string; meetingId: string; details: Details }) {
  return (
    <ActionForm action={action} hidden={{ orgId, meetingId }} submitLabel="Save and notify the seat holders" pendingLabel="Saving…" label="Change the meeting">
      <p className="text-sm text-zinc-600">
        Moving the meeting closer than the charter’s notice allows is recorded as short notice: the meeting becomes irregular.
      </p>
      <DetailFields prefix="edit" d={details} />
    </ActionForm>
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
