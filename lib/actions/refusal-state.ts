import type { ActionState } from './state';
import { RuleRefusal } from './refusal';

/** Runs a governance step; a rule's refusal becomes a clear message, anything else is thrown. */
export async function refusalToState(values: Record<string, string>, run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RuleRefusal) {
      return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined, values };
    }
    throw error;
  }
}
