import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/state';
import { MeetingDetailsForm } from './meeting-details-form';
import type { MeetingDetails, MeetingDetailsWords } from './meeting-details-form';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const input =
  'mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const labelCls = 'block text-sm font-medium text-zinc-900';

/** The lengths a meeting may be given, in minutes. */
const durations = [30, 60, 90, 120, 180, 240, 480];

type TForms = ReturnType<typeof useTranslations<'meetings.forms'>>;

/** The details form's words, translated here on the server and handed to the client form. */
function meetingDetailsWords(t: TForms, agenda: string, notice?: { regular: string; special: string }): MeetingDetailsWords {
  return {
    bodyThatMeets: t('bodyThatMeets'),
    kindLegend: t('kindLegend'),
    regularOption: notice ? t('regularOption', { notice: notice.regular }) : '',
    specialOption: notice ? t('specialOption', { notice: notice.special }) : '',
    titleLabel: t('titleLabel'),
    starts: t('starts'),
    length: t('length'),
    durations: durations.map((m) => ({ minutes: m, words: m < 60 ? t('duration', { unit: 'minute', n: m }) : t('duration', { unit: 'hour', n: m / 60 }) })),
    location: t('location'),
    agenda,
    agendaHint: t('agendaHint'),
    saving: t('saving'),
  };
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
  const t = useTranslations('meetings');
  const tf = useTranslations('meetings.forms');
  return (
    <MeetingDetailsForm
      action={action}
      hidden={{ orgId }}
      label={t('schedule')}
      submitLabel={tf('scheduleSubmit')}
      prefix="meeting"
      schedule={{ bodies }}
      words={meetingDetailsWords(tf, t('agenda'), notice)}
    />
  );
}

/** Change a meeting before it starts: every seat holder is told again. */
export function UpdateMeetingForm({ action, orgId, meetingId, details }: { action: Action; orgId: string; meetingId: string; details: MeetingDetails }) {
  const t = useTranslations('meetings');
  const tf = useTranslations('meetings.forms');
  return (
    <>
      <p className="mb-3 text-sm text-zinc-600">{tf('changeNote')}</p>
      <MeetingDetailsForm
        action={action}
        hidden={{ orgId, meetingId }}
        label={t('change')}
        submitLabel={tf('changeSubmit')}
        prefix="edit"
        initial={details}
        words={meetingDetailsWords(tf, t('agenda'))}
      />
    </>
  );
}

export function CancelMeetingForm({ action, orgId, meetingId }: { action: Action; orgId: string; meetingId: string }) {
  const t = useTranslations('meetings');
  const tf = useTranslations('meetings.forms');
  return (
    <ActionForm action={action} hidden={{ orgId, meetingId }} submitLabel={t('cancel')} pendingLabel={tf('cancelling')} variant="secondary" label={t('cancel')}>
      <label htmlFor="cancel-reason" className={labelCls}>
        {tf('reason')}
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
  const t = useTranslations('meetings');
  const tf = useTranslations('meetings.forms');
  return (
    <ActionForm
      action={action}
      hidden={{ orgId, meetingId }}
      submitLabel={tf('recordAttendance')}
      pendingLabel={tf('recording')}
      label={tf('recordAttendance')}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="attendance-person" className={labelCls}>
            {tf('seatHolder')}
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
            {t('attendance')}
          </label>
          <select id="attendance-status" name="status" className={input}>
            {(['present', 'remote', 'absent'] as const).map((status) => (
              <option key={status} value={status}>
                {t('status', { status })}
              </option>
            ))}
          </select>
        </div>
      </div>
    </ActionForm>
  );
}

/** The attendee confirms their record, or disputes it with a note. */
export function AnswerAttendanceForms({ action, orgId, meetingId }: { action: Action; orgId: string; meetingId: string }) {
  const tf = useTranslations('meetings.forms');
  return (
    <div className="space-y-4">
      <ActionForm
        action={action}
        hidden={{ orgId, meetingId, answer: 'confirmed' }}
        submitLabel={tf('confirmRecord')}
        pendingLabel={tf('confirming')}
        label={tf('confirmAttendance')}
      >
        {null}
      </ActionForm>
      <details className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">{tf('disputeRecordMore')}</summary>
        <ActionForm
          action={action}
          hidden={{ orgId, meetingId, answer: 'disputed' }}
          submitLabel={tf('disputeRecord')}
          pendingLabel={tf('sending')}
          variant="secondary"
          label={tf('disputeAttendance')}
          className="mt-2"
        >
          <label htmlFor="dispute-note" className={labelCls}>
            {tf('whatIsWrong')}
          </label>
          <input id="dispute-note" name="note" maxLength={1000} className={input} />
        </ActionForm>
      </details>
    </div>
  );
}
