import 'server-only';
import { and, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiTokens, organizations } from '@/db/schema';
import { lockTransactionKey } from '@/db/queries/locks';

/** What the account page lists of a token: never its hash. */
export type ApiTokenListing = {
  id: string;
  name: string;
  scope: 'read' | 'write';
  orgSlug: string | null;
  orgName: string | null;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

/** A person's tokens, newest first (revoked and expired ones too, marked by their dates). */
export async function listApiTokens(db: Executor, userId: string): Promise<ApiTokenListing[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      orgSlug: organizations.slug,
      orgName: organizations.name,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .leftJoin(organizations, eq(organizations.id, apiTokens.orgId))
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(200);
}

/**
 * Serializes token creation for one person until the transaction ends (lockTransactionKey on their id): the live-token
 * count a creation checks cannot change before its insert commits.
 */
export async function lockApiTokenIssuing(tx: Executor, userId: string): Promise<void> {
  await lockTransactionKey(tx, `quorate.api_tokens:${userId}`);
}

/** How many tokens the person has that are neither revoked nor expired at `at`. */
export async function countLiveApiTokens(db: Executor, userId: string, at: Date): Promise<number> {
  const rows = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, at)));
  return rows.length;
}

export type NewApiToken = { userId: string; name: string; tokenHash: string; scope: 'read' | 'write'; orgId: string | null; expiresAt: Date; at: Date };

/** Stores a new token's hash; returns its id. */
export async function insertApiToken(db: Executor, t: NewApiToken): Promise<string> {
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: t.userId, name: t.name, tokenHash: t.tokenHash, scope: t.scope, orgId: t.orgId, expiresAt: t.expiresAt, createdAt: t.at })
    .returning({ id: apiTokens.id });
  return row!.id;
}

/** Revokes one of the person's own tokens; false when they have no such live token (another's id finds nothing). */
export async function revokeApiTokenRow(db: Executor, userId: string, tokenId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length === 1;
}

export type ApiTokenGrant = {
  id: string;
  userId: string;
  scope: 'read' | 'write';
  orgId: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/** The token whose SHA-256 is `tokenHash`, whatever its state (the caller checks expiry and revocation), or null. */
export async function findApiTokenByHash(db: Executor, tokenHash: string): Promise<ApiTokenGrant | null> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scope: apiTokens.scope,
      orgId: apiTokens.orgId,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row ?? null;
}

/** A token's last use is noted at most once per this many milliseconds (a script may call often). */
export const apiTokenTouchQuietMs = 60_000;

/** Notes that the token was used, at most once per `quietMs`. */
export async function touchApiToken(db: Executor, tokenId: string, at: Date, quietMs = apiTokenTouchQuietMs): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(at.getTime() - quietMs)))));
}
