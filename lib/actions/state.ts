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
};

export const initialActionState: ActionState = { ok: false };
