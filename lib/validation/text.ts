import type { z } from 'zod';

/**
 * What every piece of member-written text must be before it is stored. PostgreSQL `text`
 * cannot hold U+0000: a NUL reached the database and failed the whole request with a 500.
 * A lone surrogate is not text at all: the driver's UTF-8 encoder silently stores it as
 * U+FFFD, so what was saved differed from what was typed.
 */
export const NUL = /\u0000/;
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The fields whose text is checked, by key, and the English that names each in its messages. The key is what the
 * messages are made of (`textFieldErrorOf`): the catalogue words the field in each language (`textFieldErrors.fields`,
 * lib/i18n/field-errors.ts), and its English there is this text (checked in lib/i18n/field-errors.test.ts).
 */
export const textFields = {
  agenda: 'The agenda',
  answer: 'The answer',
  body: 'The body',
  changeNote: 'The change note',
  comment: 'The comment',
  confirmation: 'The confirmation',
  declaration: 'The declaration',
  location: 'The location or link',
  member: 'The member',
  minutes: 'The minutes',
  mission: 'The mission',
  motion: 'The motion',
  name: 'The name',
  note: 'The note',
  objection: 'The objection',
  options: 'The options',
  proposalText: 'The proposal text',
  proposalType: 'The proposal type',
  rationale: 'The rationale',
  reason: 'The reason',
  scope: 'The scope',
  seatHolder: 'The seat holder',
  title: 'The title',
} as const satisfies Record<string, string>;
export type TextField = keyof typeof textFields;

/** What is wrong with the text: a NUL, or a lone surrogate. */
export type TextFault = 'nul' | 'loneSurrogate';

/** Each fault's English, the field's English in front (`textFieldErrors.nul` and `.loneSurrogate` in the catalogue). */
export const textFaultEnglish: Record<TextFault, string> = {
  nul: '{field} contains a NUL character; remove it.',
  loneSurrogate: '{field} contains a broken character (a lone surrogate); retype or remove it.',
};

/** The field error's English, as forms and the API have always given it. */
export function textFieldError(fault: TextFault, field: TextField): string {
  return textFaultEnglish[fault].replace('{field}', textFields[field]);
}

const byEnglish = new Map(
  (Object.keys(textFields) as TextField[]).flatMap((field) =>
    (Object.keys(textFaultEnglish) as TextFault[]).map((fault) => [textFieldError(fault, field), { fault, field }] as const),
  ),
);

/** The parts (fault and field key) of a field error `storableText` gave, else null: how the error is worded in another language. */
export function textFieldErrorOf(text: string): { fault: TextFault; field: TextField } | null {
  return byEnglish.get(text) ?? null;
}

/** Adds the checks to a string schema; the messages name the field (`field`, a key of `textFields`). */
export function storableText<T extends z.ZodType<string>>(schema: T, field: TextField) {
  return schema.refine((s) => !NUL.test(s), textFieldError('nul', field)).refine((s) => !LONE_SURROGATE.test(s), textFieldError('loneSurrogate', field));
}

/** Every string in a parsed JSON value, keys included, is storable. */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return !NUL.test(value) && !LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => isStorableJson(k) && isStorableJson(v));
  return true;
}
