import { formatMessage } from './messages';
import type { MessageParams, RefusalCode } from './messages';

/** A rule's "no": a stable code, the parameters its message needs, and the message in words. */
export type Refused = { ok: false; code: RefusalCode; params?: MessageParams; reason: string };

/** Builds a rule's refusal from the catalogue. */
export function refused(code: RefusalCode, params?: MessageParams): Refused {
  return { ok: false, code, ...(params ? { params } : {}), reason: formatMessage(code, params) };
}

/**
 * Thrown inside a transaction when a rule refuses the change: the transaction rolls back and
 * the action turns it into a clear message. Anything else thrown is unexpected (error.tsx).
 * `code` is stable (tests and API clients match it); `message` is the catalogue's wording.
 */
export class RuleRefusal extends Error {
  readonly code: RefusalCode;
  readonly params: MessageParams | undefined;
  readonly field: string | undefined;
  constructor(code: RefusalCode, params?: MessageParams, field?: string) {
    super(formatMessage(code, params));
    this.name = 'RuleRefusal';
    this.code = code;
    this.params = params;
    this.field = field;
  }
}

/** Refuses with a catalogue code. */
export function refuse(code: RefusalCode, params?: MessageParams, field?: string): never {
  throw new RuleRefusal(code, params, field);
}

/** Refuses with a pure rule's refusal, keeping its code. */
export function refuseRule(result: { ok: false; reason: string; code?: RefusalCode; params?: MessageParams }, field?: string): never {
  if (result.code) throw new RuleRefusal(result.code, result.params, field);
  throw new RuleRefusal('rule.refused', { reason: result.reason }, field);
}
