import { z } from 'zod';

/**
 * The single normalization for e-mail addresses, used when storing users, when sending a
 * magic link and when checking one, so "Ada@Example.org " and "ada@example.org" are one person.
 * NFKC first: a full-width "＠" must become "@" before we validate, not after.
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: 'Enter an e-mail address.' })
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .min(1, 'Enter an e-mail address.')
      .max(254, 'An e-mail address is at most 254 characters.')
      .pipe(z.email('Enter a valid e-mail address, like name@example.org.')),
  );

/** Normalizes and validates; throws on anything that is not exactly one valid address. */
export function parseEmail(raw: unknown): string {
  const result = emailSchema.safeParse(raw);
  if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Invalid e-mail address.');
  return result.data;
}
