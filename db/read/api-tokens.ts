import 'server-only';
import { getDb } from '@/db/client';
import { listApiTokens } from '@/db/queries/api-tokens';
import type { ApiTokenListing } from '@/db/queries/api-tokens';
import { listCalendarOrganizations } from '@/db/queries/calendar';

export type { ApiTokenListing };

/** The account page's API token section: the person's tokens (never their hashes) and the organizations a token may be limited to. */
export async function loadApiTokenSection(userId: string): Promise<{ tokens: ApiTokenListing[]; organizations: { id: string; slug: string; name: string }[] }> {
  const db = getDb();
  const [tokens, organizations] = await Promise.all([listApiTokens(db, userId), listCalendarOrganizations(db, userId)]);
  return { tokens, organizations };
}
