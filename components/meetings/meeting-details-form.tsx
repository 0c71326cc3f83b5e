'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const input =
  'mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500';
const labelCls = 'block text-sm font-medium text-zinc-900';

export type MeetingDetails = { title: string; startsAt: string; durationMinutes: number; location: string; agenda: string };

/** The form's words in the reader's language, from the server parent (`meetingDetailsWords`): no messages reach the browser. */
export type MeetingDetailsWords = {
  bodyThatMeets: string;
  kindLegend: string;
  regularOption: string;
  specialOption: string;
  titleLabel: string;
  starts: string;
  length: string;
  /** Each offered length (30 minutes to 8 hours) in minutes, with its words. */
  durations: { minutes: number; words: string }[];
  location: string;
  agenda: string;
  agendaHint: string;
  saving: string;
};

/** A field's errors, linked to it by id, shown beside it. */
function Errors({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800">
      {errors.join(' ')}
    </p>
  );
}

/**
 * Scheduling (with the body and the kind) or changing a meeting: title, start (UTC), length,
 * place and agenda. A refused form keeps what was typed, with the reason beside its field.
 */
export function MeetingDetailsForm({
  action,
  hidden,
  label,
  submitLabel,
  prefix,
  initial,
  schedule,
  words,
}: {
  action: Action;
  hidden: Record<string, string>;
  label: string;
  submitLabel: string;
  prefix: string;
  initial?: MeetingDetails;
  /** Scheduling only: the bodies that may meet and each kind's notice in words. */
  schedule?: { bodies: { key: string; name: string }[] };
  words: MeetingDetailsWords;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  const v = (name: string, fallback?: string) => state.values?.[name] ?? fallback;
  const field = (name: string) => {
    const errors = state.fieldErrors?.[name];
    return { name, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': errors?.length ? `${prefix}-${name}-error` : undefined };
  };
  const duration = v('durationMinutes', String(initial?.durationMinutes ?? 90));
  const durations = words.durations.map((d) => d.minutes);
  return (
    <form action={formAction} aria-label={label} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {schedule ? (
        <>
          <div>
            <label htmlFor={`${prefix}-body`} className={labelCls}>
              {words.bodyThatMeets}
            </label>
            <select id={`${prefix}-body`} {...field('bodyKey')} defaultValue={v('bodyKey')} className={input}>
              {schedule.bodies.map((b) => (
                <option key={b.key} value={b.key}>
                  {b.name}
                </option>
              ))}
            </select>
            <Errors id={`${prefix}-bodyKey-error`} errors={state.fieldErrors?.bodyKey} />
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-zinc-900">{words.kindLegend}</legend>
            <label className="mt-2 flex min-h-11 items-center gap-3 text-sm">
              <input type="radio" name="kind" value="regular" defaultChecked={v('kind') !== 'special'} className="size-5" /> {words.regularOption}
            </label>
            <label className="flex min-h-11 items-center gap-3 text-sm">
              <input type="radio" name="kind" value="special" defaultChecked={v('kind') === 'special'} className="size-5" /> {words.specialOption}
            </label>
          </fieldset>
        </>
      ) : null}
      <div>
        <label htmlFor={`${prefix}-title`} className={labelCls}>
          {words.titleLabel}
        </label>
        <input id={`${prefix}-title`} {...field('title')} required maxLength={200} defaultValue={v('title', initial?.title)} className={input} />
        <Errors id={`${prefix}-title-error`} errors={state.fieldErrors?.title} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-start`} className={labelCls}>
            {words.starts}
          </label>
          <input
            id={`${prefix}-start`}
            {...field('startsAt')}
            type="datetime-local"
            required
            defaultValue={v('startsAt', initial?.startsAt)}
            className={input}
          />
          <Errors id={`${prefix}-startsAt-error`} errors={state.fieldErrors?.startsAt} />
        </div>
        <div>
          <label htmlFor={`${prefix}-duration`} className={labelCls}>
            {words.length}
          </label>
          <select
            id={`${prefix}-duration`}
            {...field('durationMinutes')}
            defaultValue={durations.map(String).includes(duration ?? '') ? duration : '90'}
            className={input}
          >
            {words.durations.map((d) => (
              <option key={d.minutes} value={d.minutes}>
                {d.words}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor={`${prefix}-location`} className={labelCls}>
          {words.location}
        </label>
        <input id={`${prefix}-location`} {...field('location')} required maxLength={500} defaultValue={v('location', initial?.location)} className={input} />
        <Errors id={`${prefix}-location-error`} errors={state.fieldErrors?.location} />
      </div>
      <div>
        <label htmlFor={`${prefix}-agenda`} className={labelCls}>
          {words.agenda}
        </label>
        <p id={`${prefix}-agenda-hint`} className="text-xs text-zinc-600">
          {words.agendaHint}
        </p>
        <textarea
          id={`${prefix}-agenda`}
          name="agenda"
          rows={5}
          defaultValue={v('agenda', initial?.agenda)}
          aria-invalid={state.fieldErrors?.agenda?.length ? true : undefined}
          aria-describedby={`${prefix}-agenda-hint${state.fieldErrors?.agenda?.length ? ` ${prefix}-agenda-error` : ''}`}
          className={input}
        />
        <Errors id={`${prefix}-agenda-error`} errors={state.fieldErrors?.agenda} />
      </div>
      <FormMessage state={state} focusOnMessage />
      <SubmitButton pendingLabel={words.saving}>{submitLabel}</SubmitButton>
    </form>
  );
}
