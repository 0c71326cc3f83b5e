'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import { useFlashRegionMounted } from './flash-message';
import { SubmitButton } from './submit-button';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary';
  className?: string;
  children?: React.ReactNode;
  /** Accessible name of the form, e.g. "Vote on proposal #3". */
  label: string;
};

/**
 * A form bound to one server action: hidden ids, the caller's fields, a pending-aware submit
 * button, and the action's answer (including any field errors) announced politely.
 */
export function ActionForm({ action, hidden, submitLabel, pendingLabel, variant = 'primary', className = '', children, label }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  // On a page with a FlashRegion, a success is shown there (from the cookie the action set): it
  // stays visible when this form disappears because the action it offered is done.
  const flashRegion = useFlashRegionMounted();
  const showHere = Boolean(state.message) && !(state.ok && flashRegion);
  const fieldErrors = Object.values(state.fieldErrors ?? {}).flat();
  const errors = [...new Set(fieldErrors)].filter((e) => e !== state.message);
  // Each answer shown here takes focus, as the ballot's confirmation does: the submit button was
  // disabled while the form worked, which would leave focus on the page body. A success shown in
  // the flash region is focused there (components/ui/flash-message.tsx).
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (showHere || errors.length > 0) answer.current?.focus();
    // Only a new answer moves focus, not a re-render of the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <form action={formAction} aria-label={label} className={`space-y-3 ${className}`}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div aria-live="polite" role="status" ref={answer} tabIndex={-1} className="outline-offset-2">
        {showHere ? (
          <p
            className={`rounded-lg border px-3 py-2 text-sm ${state.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}
          >
            {state.message}
          </p>
        ) : null}
        {errors.length > 0 ? (
          <ul className="mt-1 list-disc pl-5 text-sm text-red-800">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
