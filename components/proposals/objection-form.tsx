'use client';

import { useActionState, useEffect, useMemo, useRef } from 'react';
import { raiseObjectionAction, withdrawObjectionAction } from '@/app/o/[slug]/proposals/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, refusalLine } from '@/lib/actions/state';

/** The form's words in the reader's language, from the server component that shows it (ConsentPanel). */
export type ObjectionFormWords = {
  recorded: string;
  stands: string;
  withdrawn: string;
  none: string;
  formLabel: string;
  reasonLabel: string;
  hint: string;
  replace: string;
  raise: string;
  withdrawLabel: string;
  withdraw: string;
};

type Props = {
  ids: { orgId: string; proposalId: string };
  words: ObjectionFormWords;
  /** The reason of the viewer's standing objection, as the server has it; null when they have none. */
  mine: string | null;
  /** Shown above the form when the window is not open (the server refuses early objections either way). */
  notOpenNote: string | null;
};

const inputClass = 'block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm';

/**
 * A seat holder's objection to a decision by consent: raise it with its reason (public at once),
 * replace its reason, or withdraw it. After an answer, focus moves to the line saying what the
 * server recorded; a refusal takes focus instead.
 */
export function ObjectionForm({ ids, words, mine, notOpenNote }: Props) {
  const [raised, raiseAction] = useActionState(raiseObjectionAction, initialActionState);
  const [withdrawn, withdrawAction] = useActionState(withdrawObjectionAction, initialActionState);
  const recordedRef = useRef<HTMLParagraphElement>(null);
  const kept = !raised.ok ? raised.values : undefined;
  const raiseRefusal = useMemo(() => refusalLine(raised), [raised]);
  const withdrawRefusal = useMemo(() => refusalLine(withdrawn), [withdrawn]);
  useEffect(() => {
    if (raised.ok || withdrawn.ok) recordedRef.current?.focus();
  }, [raised, withdrawn]);
  const hidden = Object.entries(ids).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <div className="mt-4 space-y-3 border-t border-zinc-100 pt-4">
      {notOpenNote ? <p className="text-xs text-zinc-600">{notOpenNote}</p> : null}
      <div role="status" aria-live="polite">
        <p ref={recordedRef} tabIndex={-1} className="rounded px-1 py-0.5 text-xs text-zinc-700">
          {mine ? (raised.ok ? words.recorded : words.stands) : withdrawn.ok ? words.withdrawn : words.none}
        </p>
      </div>
      <form action={raiseAction} aria-label={words.formLabel} className="space-y-3">
        {hidden}
        <label htmlFor={`objection-${ids.proposalId}`} className="block text-sm font-medium">
          {words.reasonLabel}
        </label>
        <p id={`objection-hint-${ids.proposalId}`} className="text-xs text-zinc-600">
          {words.hint}
        </p>
        <textarea
          key={kept?.reason ?? mine ?? ''}
          id={`objection-${ids.proposalId}`}
          name="reason"
          rows={3}
          maxLength={2000}
          aria-describedby={`objection-hint-${ids.proposalId}`}
          defaultValue={kept?.reason ?? mine ?? ''}
          className={inputClass}
        />
        <FormMessage state={raiseRefusal} focusOnMessage />
        <SubmitButton>{mine ? words.replace : words.raise}</SubmitButton>
      </form>
      {mine ? (
        <form action={withdrawAction} aria-label={words.withdrawLabel}>
          {hidden}
          <FormMessage state={withdrawRefusal} focusOnMessage />
          <SubmitButton variant="secondary">{words.withdraw}</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
