/**
 * Facts beside a refusal's parameters. A refusal's English (messages.ts) is filled from its parameters as the rules
 * word them ('3 Dec 2026, 14:00 UTC', '7 days', 'awaiting reply'); a parameter another language words differently
 * also carries what it stands for, under `name:kind`, a key no `{placeholder}` names, so the English is unchanged and
 * the wording layer (lib/i18n/refusals.ts) can say the fact in the reader's language:
 *
 * - `name:instant`: an instant, ISO 8601 (`2026-12-03T14:00:00.000Z`);
 * - `name:duration`: a number and its unit, ISO 8601 (`P7D`, `PT36H`, `PT14M`, `PT45S`), the unit the English chose;
 * - `name:phase`, `name:petition`, `name:consent`, `name:attendance`: the code of a proposal's phase, a petition's or
 *   a written consent's state, a roll call's attendance (`awaiting_reply`, `overdue`, `not_recorded`);
 * - `name:limit`: the rate limit's policy (`comment`, `magicLinkEmail`);
 * - `name:scope`: a delegation's scope, `general`, `type:<name>` or `proposal:<number>` (delegation-scope.ts `scopeParam`);
 * - `name:delivery`: the code of a webhook delivery's state (`pending`, `delivered`, `dead`);
 * - `name:bodies`: bodies any one of which would do, by the names the charter gives them (as the English words them),
 *   a JSON array (`["board","assembly"]`; empty: no body), worded as a list with the reader's "or" (`bodiesParam`).
 *
 * Pure: no I/O, no framework.
 */
import type { MessageParams } from './messages';
import type { Phase } from './types';
import { formatHours, formatUtc } from './time';

export type FactKind = 'instant' | 'duration' | 'phase' | 'petition' | 'consent' | 'attendance' | 'limit' | 'scope' | 'delivery' | 'bodies';

/** The key of `name`'s fact of `kind`. */
export function factKey(name: string, kind: FactKind): string {
  return `${name}:${kind}`;
}

/** `name` as the rules word an instant ('3 Dec 2026, 14:00 UTC'), and the instant beside it. */
export function instantParam(name: string, at: Date): MessageParams {
  return { [name]: formatUtc(at), [factKey(name, 'instant')]: at.toISOString() };
}

/** A whole number of days when it is one, else hours: the unit `formatHours` words, as an ISO 8601 duration. */
export function hoursDuration(hours: number): string {
  return hours >= 24 && hours % 24 === 0 ? `P${hours / 24}D` : `PT${hours}H`;
}

/** `name` as the rules word a number of hours ('7 days', '36 hours'), and the duration beside it. */
export function hoursParam(name: string, hours: number): MessageParams {
  return { [name]: formatHours(hours), [factKey(name, 'duration')]: hoursDuration(hours) };
}

/** `name` worded as given, and the code it words beside it. */
export function codeParam(name: string, kind: Exclude<FactKind, 'instant' | 'duration' | 'scope' | 'bodies'>, words: string, code: string): MessageParams {
  return { [name]: words, [factKey(name, kind)]: code };
}

/** A proposal's phase as the rules word it in a refusal ('awaiting reply'), and its code. */
export function phaseParam(phase: Pick<Phase, 'kind'>, name = 'phase'): MessageParams {
  return codeParam(name, 'phase', phase.kind.replace(/_/g, ' '), phase.kind);
}

/** `name` as the English words bodies any one of which would do ('the board or the assembly'), and their names beside it. */
export function bodiesParam(name: string, words: string, bodyNames: readonly string[]): MessageParams {
  return { [name]: words, [factKey(name, 'bodies')]: JSON.stringify(bodyNames) };
}

/** The body names of a `bodies` fact, or null for anything that is not a JSON array of strings. */
export function parseBodies(fact: string): string[] | null {
  try {
    const names: unknown = JSON.parse(fact);
    return Array.isArray(names) && names.every((n) => typeof n === 'string') ? names : null;
  } catch {
    return null;
  }
}

export type DurationFact = { n: number; unit: 'day' | 'hour' | 'minute' | 'second' };

const units = { D: 'day', H: 'hour', M: 'minute', S: 'second' } as const;

/** The number and unit of a duration fact (`P7D`, `PT36H`, `PT14M`, `PT45S`), or null for anything else. */
export function parseDuration(fact: string): DurationFact | null {
  const m = /^P(?:(\d+(?:\.\d+)?)D|T(\d+(?:\.\d+)?)([HMS]))$/.exec(fact);
  if (!m) return null;
  if (m[1] !== undefined) return { n: Number(m[1]), unit: 'day' };
  return { n: Number(m[2]), unit: units[m[3] as 'H' | 'M' | 'S'] };
}
