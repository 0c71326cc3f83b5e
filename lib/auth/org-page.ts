import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getMembership } from '@/db/queries/memberships';
import type { MembershipContext } from '@/db/queries/memberships';
import { getOrganizationBySlug } from '@/db/queries/organizations';
import type { PublicOrganization } from '@/db/queries/organizations';
import { getSessionUser } from './session';
import type { SessionUser } from './session';

export type OrgPageContext = { org: PublicOrganization & { isPublic: boolean }; user: SessionUser | null; membership: MembershipContext | null };

/** The organization behind /o/[slug] and the viewer's place in it; 404 unless public or a member. */
export const loadOrgPage = cache(async (slug: string): Promise<OrgPageContext> => {
  const db = getDb();
  const org = await getOrganizationBySlug(db, slug);
  if (!org) notFound();
  const user = await getSessionUser();
  const membership = user ? await getMembership(db, org.id, user.id) : null;
  if (!org.isPublic && !membership) notFound();
  return { org, user, membership };
});
