import 'server-only';
import { getDb } from '@/db/client';
import type { Database } from '@/db/client';
import { findApiWriteGrant } from '@/db/queries/api';
import type { ProposalRef } from '@/db/queries/api';
import { apiTokenTouchQuietMs, findApiTokenByHash, touchApiToken } from '@/db/queries/api-tokens';
import type { ApiTokenGrant } from '@/db/queries/api-tokens';
import { getMembership } from '@/db/queries/memberships';
import type { MembershipContext } from '@/db/queries/memberships';
import { getOrganizationBySlug } from '@/db/queries/organizations';
import type { PublicOrganization } from '@/db/queries/organizations';
import type { ActingMembership } from '@/lib/actions/authorize';
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
  if (!token) return problem(request, 'api.unauthenticated');
  const db = getDb();
  const grant = await findApiTokenByHash(db, hashApiToken(token));
  if (!grant || !isLive(grant, at)) return problem(request, 'api.unauthenticated');
  await touchIfDue(db, grant, at);
  return { kind: 'token', tokenId: grant.id, userId: grant.userId, scope: grant.scope, tokenOrgId: grant.orgId };
}

/** Not revoked and not expired at `at`. */
function isLive(grant: ApiTokenGrant, at: Date): boolean {
  return grant.revokedAt === null && grant.expiresAt.getTime() > at.getTime();
}

/** Notes the token's use unless it is known to have been noted within the quiet period (then no UPDATE is sent: it would match no row). */
async function touchIfDue(db: Database, grant: ApiTokenGrant, at: Date): Promise<void> {
  if (grant.lastUsedAt === null || grant.lastUsedAt.getTime() < at.getTime() - apiTokenTouchQuietMs) await touchApiToken(db, grant.id, at);
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
  if (!org) return problem(request, 'api.not_found', { what: 'organization' });
  const membership = caller.kind === 'token' ? await getMembership(db, org.id, caller.userId) : null;
  if (!org.isPublic && !membership) return problem(request, 'api.not_found', { what: 'organization' });
  if (caller.kind === 'token' && caller.tokenOrgId !== null && caller.tokenOrgId !== org.id) return problem(request, 'api.other_organization');
  return { org, caller, membership, viewerId: caller.kind === 'token' ? caller.userId : null };
}

export type ApiWriteContext = {
  org: { id: string; slug: string; isPublic: boolean };
  caller: ApiCaller & { kind: 'token' };
  /** The caller's accepted membership, read with the token; `actingWith` (lib/actions/authorize.ts) decides the role. */
  membership: ActingMembership | null;
  proposal: ProposalRef | null;
  /** The token's last-use note when it is due, sent beside the write (await it before answering). */
  touched: Promise<void>;
};

/**
 * The organization a write is about, by the same rules as `readableOrganization` (a private one
 * is a 404 to anyone but its members, another organization's token a 403), for a caller who must
 * hold a live token (401 without, the same 401 for a wrong, revoked or expired one). One statement
 * reads the token, the organization, the caller's membership and the path's proposal
 * (db/queries/api.ts `findApiWriteGrant`). The token's last use is noted at most once a minute
 * (`apiTokenTouchQuietMs`), beside the write rather than before it; a failed note is logged,
 * not the request's failure.
 */
export async function writableOrganization(request: Request, slug: string, proposalNumber: number | null, at: Date): Promise<ApiWriteContext | Response> {
  const token = bearerToken(request.headers.get('authorization'));
  if (!token) return problem(request, 'api.unauthenticated');
  const db = getDb();
  const grant = await findApiWriteGrant(db, hashApiToken(token), slug, proposalNumber);
  if (!grant || !isLive(grant.token, at)) return problem(request, 'api.unauthenticated');
  const touched = touchIfDue(db, grant.token, at).catch((error: unknown) => console.error('API token last-use note failed', error));
  const { org, membership } = grant;
  // Only a private organization hides from non-members; whether the caller may act is the
  // operation's check (actingWith), made afterwards for every organization.
  if (!org || (!org.isPublic && !membership)) return settled(touched, problem(request, 'api.not_found', { what: 'organization' }));
  if (grant.token.orgId !== null && grant.token.orgId !== org.id) return settled(touched, problem(request, 'api.other_organization'));
  const caller = { kind: 'token' as const, tokenId: grant.token.id, userId: grant.token.userId, scope: grant.token.scope, tokenOrgId: grant.token.orgId };
  return { org, caller, membership, proposal: grant.proposal, touched };
}

/** `response`, once the token's last-use note has been sent. */
export async function settled(touched: Promise<void>, response: Response): Promise<Response> {
  await touched;
  return response;
}
