import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Keyset cursors for the member list's Previous / Next links. A cursor names the row a page starts after
 * (`after`: the last row of the page before) or ends before (`before`: the first row of the page after),
 * by the list's order (role tier, then e-mail), and the page number it leads to, for "Page 501 of 1,000"
 * and "50,001–50,100 of 100,000". Signed (HMAC-SHA256 under AUTH_SECRET, with its own domain prefix, so
 * no other token we sign passes as one) over the organization and the search too: a cursor cannot be
 * edited to show a wrong page number, nor carried to another organization or search. A cursor that does
 * not verify is ignored, and the page falls back to its number (OFFSET).
 */
export const memberTiers = ['admin', 'secretary', 'member', 'observer'] as const;
export type MemberTier = (typeof memberTiers)[number];

export type MemberCursor = {
  orgId: string;
  q: string;
  /** The page this cursor leads to (1-based). */
  page: number;
  direction: 'after' | 'before';
  role: MemberTier;
  email: string;
};

const DOMAIN = 'quorate.member-cursor.v1\n';

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret)
    .update(DOMAIN + payload)
    .digest();
}

export function signMemberCursor(secret: string, c: MemberCursor): string {
  const payload = Buffer.from(JSON.stringify([c.orgId, c.q, c.page, c.direction, c.role, c.email])).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The cursor if it is ours, unaltered, and for this organization, search and page; else null. */
export function verifyMemberCursor(secret: string, token: string, expected: { orgId: string; q: string; page: number }): MemberCursor | null {
  if (!token || token.length > 2000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const want = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 6) return null;
  const [orgId, q, page, direction, role, email] = parsed as unknown[];
  if (orgId !== expected.orgId || q !== expected.q || page !== expected.page) return null;
  if (direction !== 'after' && direction !== 'before') return null;
  if (!memberTiers.includes(role as MemberTier) || typeof email !== 'string') return null;
  return { orgId, q, page, direction, role: role as MemberTier, email };
}
