import { createHash, randomBytes } from 'node:crypto';

/** Every token starts so: secret scanners and people can tell what leaked. */
export const apiTokenPrefix = 'qrt_';

/**
 * A personal API token: `qrt_` + 32 random bytes, base64url (47 characters). Only its SHA-256 is
 * stored, and a lookup is by that hash (no timing to learn from comparing a secret).
 */
export function newApiToken(): string {
  return apiTokenPrefix + randomBytes(32).toString('base64url');
}

const TOKEN = /^qrt_[A-Za-z0-9_-]{43}$/;

/** The token in an `Authorization: Bearer …` header, or null when none could be one of ours. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match && TOKEN.test(match[1]!) ? match[1]! : null;
}

/** What is stored for a token: its SHA-256, base64url. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
