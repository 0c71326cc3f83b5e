import type { ActionState } from '@/lib/actions/state';

/** The action's overall message, announced to screen readers as it appears. */
export function FormMessage({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite" role="status" className="min-h-0">
      {state.message ? (
        <p
          className={`rounded-lg border px-3 py-2 text-sm ${state.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
