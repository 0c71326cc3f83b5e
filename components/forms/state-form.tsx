'use client';

import { useActionState } from 'react';
import type { ReactNode } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  className: string;
  /** Leave checking to the server, whose answer is shown beside each field. */
  noValidate?: boolean;
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  submitClassName?: string;
  /** The fields, given the action's last answer (what was typed, and the errors beside each field). */
  children: (state: ActionState) => ReactNode;
};

/** A form bound to one server action: hidden ids, the fields, the action's message (which takes focus when it comes) and a pending-aware submit button. */
export function StateForm({ action, className, noValidate, hidden = {}, submitLabel, pendingLabel, submitClassName, children }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className={className} noValidate={noValidate}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(state)}
      <FormMessage state={state} focusOnMessage />
      <SubmitButton pendingLabel={pendingLabel} className={submitClassName}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/** A field's name with what was typed into it (else `initial`) and its errors, from the action's last answer. */
export function fieldState(
  state: ActionState,
  name: string,
  initial?: string,
): { name: string; defaultValue: string | undefined; errors: string[] | undefined } {
  return { name, defaultValue: state.values?.[name] ?? initial, errors: state.fieldErrors?.[name] };
}
