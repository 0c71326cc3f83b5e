import type { z } from 'zod';

/**
 * What every piece of member-written text must be before it is stored. PostgreSQL `text`
 * cannot hold U+0000: a NUL reached the database and failed the whole request with a 500.
 * A lone surrogate is not text at all: the driver's UTF-8 encoder silently stores it as
 * U+FFFD, so what was saved differed from what was typed.
 */
export const NUL = /\u0000/;
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Adds the checks to a string schema, naming the field in the message. */
export function storableText<T extends z.ZodType<string>>(schema: T, what: string) {
  return schema
    .refine((s) => !NUL.test(s), `${what} contains a NUL character; remove it.`)
    .refine((s) => !LONE_SURROGATE.test(s), `${what} contains a broken character (a lone surrogate); retype or remove it.`);
}

/** Every string in a parsed JSON value, keys included, is storable. */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return !NUL.test(value) && !LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => isStorableJson(k) && isStorableJson(v));
  return true;
}
