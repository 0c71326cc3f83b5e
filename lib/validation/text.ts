import type { z } from 'zod';

/**
 * What every piece of member-written text must be before it is stored. PostgreSQL `text`
 * cannot hold U+0000: a NUL reached the database and failed the whole request with a 500.
 */
export const NUL = /\u0000/;

/** Adds the check to a string schema, naming the field in the message. */
export function storableText<T extends z.ZodType<string>>(schema: T, what: string) {
  return schema.refine((s) => !NUL.test(s), `${what} contains a NUL character; remove it.`);
}
