import type { RefusalCode } from '@/lib/governance/messages';

/** The one shape every server action returns, consumed by `useActionState`. */
export type ActionState = {
  ok: boolean;
  message?: string;
  /** A refusal's stable code (lib/governance/messages.ts); `message` is its wording. */
  code?: RefusalCode;
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, echoed back so a failed submit loses nothing. Never secrets. */
  values?: Record<string, string>;
  /** What a success recorded, for a form that shows it without the page being re-rendered (the ballot form: its choice). */
  recorded?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };

/**
 * A refusal as one line, for a form that highlights no field: its field errors (what to fix), or
 * its message; the initial state for a success or no answer yet.
 */
export function refusalLine(state: ActionState): ActionState {
  if (state.ok || !state.message) return initialActionState;
  const fieldErrors = [...new Set(Object.values(state.fieldErrors ?? {}).flat())];
  return { ok: false, message: fieldErrors.length > 0 ? fieldErrors.join(' ') : state.message };
}
