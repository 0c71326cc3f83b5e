import 'server-only';
import { getDb } from '@/db/client';
import { getOrganizationBySlug } from '@/db/queries/organizations';
import type { PublicOrganization } from '@/db/queries/organizations';

/**
 * The organization behind a public export (CSV, Atom), or null — unknown and non-public alike,
 * so a 404 does not reveal that a private organization exists. Exports never read the session:
 * they are cached publicly and must be the same for everyone.
 */
export async function loadPublicOrg(slug: string): Promise<PublicOrganization | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) return null;
  const org = await getOrganizationBySlug(getDb(), slug);
  return org?.isPublic ? org : null;
}

/** Shared by the public exports: short, so new entries show up quickly, and cheap to serve. */
export const publicExportCacheControl = 'public, max-age=15, stale-while-revalidate=60';
