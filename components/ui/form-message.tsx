import type { ActionState } from '@/lib/actions/state';

/**
 * The action's overall message, announced to screen readers as it appears. A refusal that is
 * already shown beside its field is not repeated here: the summary points to the field instead.
 */
export function FormMessage({ state }: { state: ActionState }) {
  const besideField = !state.ok && state.message !== undefined && Object.values(state.fieldErrors ?? {}).some((errors) => errors.includes(state.message!));
  const text = besideField ? 'This could not be done: see the highlighted field.' : state.message;
  return (
    <div aria-live="polite" role="status" className="min-h-0">
      {text ? (
        <p
          className={`rounded-lg border px-3 py-2 text-sm ${state.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}
        >
          {text}
        </p>
      ) : null}
    </div>
  );
}
