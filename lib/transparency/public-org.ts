import 'server-only';
import { getDb } from '@/db/client';
import { getMembership } from '@/db/queries/memberships';
import { getOrganizationBySlug } from '@/db/queries/organizations';
import type { PublicOrganization } from '@/db/queries/organizations';

export type ReadableOrganization = PublicOrganization & { isPublic: boolean };

/**
 * The organization behind an export, feed, proof or logo, when the requester may read it: a public
 * one for anyone — without reading the session, so the answer is the same for everyone and may be
 * cached publicly — and a private one only for its accepted members, by their session. Null
 * otherwise (unknown, private to an outsider or a pending invitee, no valid session), so the
 * caller's 404 never reveals that a private organization exists.
 */
export async function loadReadableOrg(slug: string): Promise<ReadableOrganization | null> {
  const db = getDb();
  const org = await getOrganizationBySlug(db, slug);
  if (!org) return null;
  if (org.isPublic) return org;
  // Loaded only here: a public organization's reads never touch the session (or next-auth) at all.
  const { getSessionUser } = await import('@/lib/auth/session');
  const user = await getSessionUser();
  return user && (await getMembership(db, org.id, user.id)) ? org : null;
}

/** Shared by the public exports: short, so new entries show up quickly, and cheap to serve. */
export const publicExportCacheControl = 'public, max-age=15, stale-while-revalidate=60';

/**
 * The caching headers of a read: `publicHeaders` for a public organization; for a private one, a
 * member's answer that no shared cache may keep (and no other site may read).
 */
export function readerCacheHeaders(org: { isPublic: boolean }, publicHeaders: Record<string, string>): Record<string, string> {
  return org.isPublic ? publicHeaders : { 'Cache-Control': 'private, no-store', Vary: 'Cookie' };
}

/** The plain-text 404 of a route serving an organization's files: the same for an unknown organization and one the requester may not read. */
export function plainNotFound(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
