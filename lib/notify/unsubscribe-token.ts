import { createHmac, timingSafeEqual } from 'node:crypto';
import { isOptionalKind } from './kinds';
import type { OptionalKind } from './kinds';

/**
 * One-click unsubscribe tokens (RFC 8058): `payload.signature`, both base64url, the signature
 * an HMAC-SHA256 under AUTH_SECRET with its own domain prefix, so no other token we sign can be
 * replayed as one. No expiry: an unsubscribe link in an old mail must keep working.
 * `kind: 'all'` (from a digest) turns off every optional kind in that organization.
 */
export type UnsubscribeClaim = { userId: string; orgId: string; kind: OptionalKind | 'all' };

const DOMAIN = 'quorate.unsubscribe.v1\n';

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret)
    .update(DOMAIN + payload)
    .digest();
}

export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify([claim.userId, claim.orgId, claim.kind])).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

export function verifyUnsubscribeToken(secret: string, token: string | null | undefined): UnsubscribeClaim | null {
  if (!token || token.length > 1000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((x) => typeof x === 'string')) return null;
    const [userId, orgId, kind] = parsed as [string, string, string];
    if (kind !== 'all' && !isOptionalKind(kind)) return null;
    return { userId, orgId, kind };
  } catch {
    return null;
  }
}
