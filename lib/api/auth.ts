import 'server-only';
import { getDb } from '@/db/client';
import { apiTokenTouchQuietMs, findApiTokenByHash, touchApiToken } from '@/db/queries/api-tokens';
import { getMembership } from '@/db/queries/memberships';
import type { MembershipContext } from '@/db/queries/memberships';
import { getOrganizationAccessBySlug, getOrganizationBySlug } from '@/db/queries/organizations';
import type { PublicOrganization } from '@/db/queries/organizations';
import { bearerToken, hashApiToken } from '@/lib/auth/api-token';
import { problem } from './problem';

/** Who calls: nobody in particular (no Authorization header), or a person by one of their tokens. */
export type ApiCaller = { kind: 'anonymous' } | { kind: 'token'; tokenId: string; userId: string; scope: 'read' | 'write'; tokenOrgId: string | null };

/**
 * The caller of a request. No Authorization header: anonymous (public reads only). Anything
 * else must be `Bearer qrt_…` naming a token that exists, is not revoked and has not expired —
 * otherwise a 401 problem, the same for all three, so a guess learns nothing. Session cookies are
 * not read: the API is not open to cross-site requests a browser would send with them.
 */
export async function authenticate(request: Request, at: Date): Promise<ApiCaller | Response> {
  const header = request.headers.get('authorization');
  if (header === null) return { kind: 'anonymous' };
  const token = bearerToken(header);
  if (!token) return problem('api.unauthenticated');
  const db = getDb();
  const grant = await findApiTokenByHash(db, hashApiToken(token));
  if (!grant || grant.revokedAt !== null || grant.expiresAt.getTime() <= at.getTime()) return problem('api.unauthenticated');
  // Known to have been noted within the quiet period: no UPDATE to send (touchApiToken would match no row).
  if (grant.lastUsedAt === null || grant.lastUsedAt.getTime() < at.getTime() - apiTokenTouchQuietMs) await touchApiToken(db, grant.id, at);
  return { kind: 'token', tokenId: grant.id, userId: grant.userId, scope: grant.scope, tokenOrgId: grant.orgId };
}

export type ApiOrg = PublicOrganization & { isPublic: boolean };
export type ApiReadContext = { org: ApiOrg; caller: ApiCaller; membership: MembershipContext | null; viewerId: string | null };

/**
 * The organization a request reads, as the public pages allow it (lib/auth/org-page.ts): a public
 * one for anyone, a private one for its members (here: by a token of theirs). An unknown
 * organization and one the caller may not read get the same 404. A token limited to another
 * organization is refused (403) once the organization is known to be readable.
 */
export async function readableOrganization(request: Request, slug: string, at: Date): Promise<ApiReadContext | Response> {
  const caller = await authenticate(request, at);
  if (caller instanceof Response) return caller;
  const db = getDb();
  const org = await getOrganizationBySlug(db, slug);
  if (!org) return problem('api.not_found', { what: 'organization' });
  const membership = caller.kind === 'token' ? await getMembership(db, org.id, caller.userId) : null;
  if (!org.isPublic && !membership) return problem('api.not_found', { what: 'organization' });
  if (caller.kind === 'token' && caller.tokenOrgId !== null && caller.tokenOrgId !== org.id) return problem('api.other_organization');
  return { org, caller, membership, viewerId: caller.kind === 'token' ? caller.userId : null };
}

export type ApiWriteContext = { org: { id: string; slug: string; isPublic: boolean }; caller: ApiCaller & { kind: 'token' } };

/**
 * The organization a write is about, by the same rules as `readableOrganization` (a private one
 * is a 404 to anyone but its members, another organization's token a 403), for a caller who must
 * hold a token (401 without). It reads only what a write needs: not the member count the
 * organization's read answers with, which grows with the organization.
 */
export async function writableOrganization(request: Request, slug: string, at: Date): Promise<ApiWriteContext | Response> {
  const caller = await authenticate(request, at);
  if (caller instanceof Response) return caller;
  if (caller.kind === 'anonymous') return problem('api.unauthenticated');
  const db = getDb();
  const org = await getOrganizationAccessBySlug(db, slug);
  if (!org) return problem('api.not_found', { what: 'organization' });
  // Only a private organization hides from non-members; whether the caller may act is the
  // operation's check (authorizeMember), made afterwards for every organization.
  if (!org.isPublic && !(await getMembership(db, org.id, caller.userId))) return problem('api.not_found', { what: 'organization' });
  if (caller.tokenOrgId !== null && caller.tokenOrgId !== org.id) return problem('api.other_organization');
  return { org, caller };
}
