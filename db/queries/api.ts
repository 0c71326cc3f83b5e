import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiTokens, meetings, memberships, organizations, petitions, proposals, seats, writtenConsents } from '@/db/schema';
import type { ApiTokenGrant } from '@/db/queries/api-tokens';
import { isAccepted } from '@/db/queries/memberships';
import type { MembershipContext } from '@/db/queries/memberships';
import { isWellFormedSlug } from '@/lib/validation/organization';

export type ProposalRef = { id: string; status: string; authorId: string };

/** A proposal by its number in the organization, with what decides who may see it; null when there is none (or the number cannot be one). */
export async function findProposalRef(db: Executor, orgId: string, number: number): Promise<ProposalRef | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const [row] = await db
    .select({ id: proposals.id, status: proposals.status, authorId: proposals.authorId })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.number, number)));
  return row ?? null;
}

export type ApiWriteGrant = {
  token: ApiTokenGrant;
  org: { id: string; slug: string; isPublic: boolean } | null;
  /** The token owner's accepted membership in the organization (as `getActingMembership` reads it), or null. */
  membership: (MembershipContext & { orgSlug: string }) | null;
  /** The proposal `proposalNumber` names in the organization, or null (none asked, or none). */
  proposal: ProposalRef | null;
};

const nullable = <T>(row: T | null, key: keyof NonNullable<T>): T | null => (row && (row as Record<string, unknown>)[key as string] !== null ? row : null);

/**
 * Everything an API write checks before its body, in one statement (one round trip instead of
 * four): the token by its hash, the organization by its slug, the token owner's accepted
 * membership in it (the `isAccepted` rule every org-scoped check reads) and the proposal by its
 * number. Null when no token has this hash; the caller checks revocation, expiry, scope and the rest.
 */
export async function findApiWriteGrant(db: Executor, tokenHash: string, slug: string, proposalNumber: number | null): Promise<ApiWriteGrant | null> {
  const wellFormed = isWellFormedSlug(slug);
  const number =
    proposalNumber !== null && Number.isSafeInteger(proposalNumber) && proposalNumber >= 1 && proposalNumber <= 2_147_483_647 ? proposalNumber : null;
  const [row] = await db
    .select({
      token: {
        id: apiTokens.id,
        userId: apiTokens.userId,
        scope: apiTokens.scope,
        orgId: apiTokens.orgId,
        expiresAt: apiTokens.expiresAt,
        revokedAt: apiTokens.revokedAt,
        lastUsedAt: apiTokens.lastUsedAt,
      },
      org: { id: organizations.id, slug: organizations.slug, isPublic: organizations.isPublic },
      membership: { membershipId: memberships.id, orgId: memberships.orgId, userId: memberships.userId, role: memberships.role },
      proposal: { id: proposals.id, status: proposals.status, authorId: proposals.authorId },
    })
    .from(apiTokens)
    .leftJoin(organizations, wellFormed ? eq(organizations.slug, slug) : sql`false`)
    .leftJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, apiTokens.userId), isAccepted))
    .leftJoin(proposals, number === null ? sql`false` : and(eq(proposals.orgId, organizations.id), eq(proposals.number, number)))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const org = nullable(row.org, 'id');
  const membership = org ? nullable(row.membership, 'membershipId') : null;
  return {
    token: row.token,
    org,
    membership: membership && org ? { ...membership, orgSlug: org.slug } : null,
    proposal: nullable(row.proposal, 'id'),
  };
}

/** A meeting's id by its number in the organization, or null. */
export async function findMeetingId(db: Executor, orgId: string, number: number): Promise<string | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.number, number)))
    .limit(1);
  return row?.id ?? null;
}

/** A petition's id by its number in the organization; null when there is none (or the number cannot be one). */
export async function findPetitionId(db: Executor, orgId: string, number: number): Promise<string | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const [row] = await db
    .select({ id: petitions.id })
    .from(petitions)
    .where(and(eq(petitions.orgId, orgId), eq(petitions.number, number)))
    .limit(1);
  return row?.id ?? null;
}

/** A written consent's id by its number in the organization (the API's path names consents by number). */
export async function findWrittenConsentId(db: Executor, orgId: string, number: number): Promise<string | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const [row] = await db
    .select({ id: writtenConsents.id })
    .from(writtenConsents)
    .where(and(eq(writtenConsents.orgId, orgId), eq(writtenConsents.number, number)))
    .limit(1);
  return row?.id ?? null;
}

/** A seat's id by its body's key and its position in the body (as the API's bodies list them); null for none, or a retired one. */
export async function findSeatId(db: Executor, orgId: string, bodyKey: string, position: number): Promise<string | null> {
  if (!Number.isSafeInteger(position) || position < 1 || position > 2_147_483_647 || bodyKey.length > 100) return null;
  const [row] = await db
    .select({ id: seats.id })
    .from(seats)
    .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, bodyKey), eq(seats.position, position), isNull(seats.retiredAt)))
    .limit(1);
  return row?.id ?? null;
}
