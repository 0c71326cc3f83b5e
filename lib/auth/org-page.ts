import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { MembershipContext } from '@/db/queries/memberships';
import { getOrgPageRow } from '@/db/queries/org-page-context';
import type { PublicOrganization } from '@/db/queries/organizations';
import { getSessionUser } from './session';
import type { SessionUser } from './session';

export type OrgPageContext = {
  org: PublicOrganization & { isPublic: boolean };
  user: SessionUser | null;
  membership: MembershipContext | null;
  /** Whether the viewer has drafts here (their own, never shared: a page listing them reads them for this viewer). */
  viewerHasDrafts: boolean;
  /** The organization's data version when the page started reading (getOrgPageRow): the key of its shared, cached parts. */
  version: string;
};

/**
 * The organization behind /o/[slug] and the viewer's place in it; 404 unless public or a member.
 * Two queries: the session, then the organization, the membership and the version in one.
 */
export const loadOrgPage = cache(async (slug: string): Promise<OrgPageContext> => {
  const user = await getSessionUser();
  const row = await getOrgPageRow(getDb(), slug, user?.id ?? null);
  if (!row) notFound();
  const { org, membership, viewerHasDrafts, version } = row;
  if (!org.isPublic && !membership) notFound();
  return { org, user, membership, viewerHasDrafts, version };
});
