import 'server-only';
import type { Database } from '@/db/client';
import { countLiveApiTokens, insertApiToken, lockApiTokenIssuing, revokeApiTokenRow } from '@/db/queries/api-tokens';
import { getMembership } from '@/db/queries/memberships';
import { hashApiToken, newApiToken } from '@/lib/auth/api-token';
import { refuse } from '@/lib/governance/refusal';

/** At most this many tokens in use (neither revoked nor expired) per person. */
export const maxLiveApiTokens = 20;

export type IssueApiToken = { name: string; scope: 'read' | 'write'; orgId: string | null; expiresInDays: number };

/**
 * Makes a personal API token for `userId`. Returns the token, stored only as its hash: the caller
 * shows it once. A token limited to one organization needs the person's membership there now
 * (each request checks it again). Not a governance event: nothing is logged.
 */
export async function issueApiToken(db: Database, userId: string, input: IssueApiToken, at: Date): Promise<{ id: string; token: string }> {
  if (input.orgId && !(await getMembership(db, input.orgId, userId))) refuse('api_token.org_not_member', undefined, 'orgId');
  const token = newApiToken();
  // The count and the insert in one transaction, serialized per person: concurrent creations cannot all see room.
  const id = await db.transaction(async (tx) => {
    await lockApiTokenIssuing(tx, userId);
    const live = await countLiveApiTokens(tx, userId, at);
    if (live >= maxLiveApiTokens) refuse('api_token.too_many', { count: live });
    return insertApiToken(tx, {
      userId,
      name: input.name,
      tokenHash: hashApiToken(token),
      scope: input.scope,
      orgId: input.orgId,
      expiresAt: new Date(at.getTime() + input.expiresInDays * 86_400_000),
      at,
    });
  });
  return { id, token };
}

/** Revokes one of the person's own tokens at once; another person's token id is refused like an unknown one. */
export async function revokeApiToken(db: Database, userId: string, tokenId: string, at: Date): Promise<void> {
  if (!(await revokeApiTokenRow(db, userId, tokenId, at))) refuse('api_token.not_found');
}
