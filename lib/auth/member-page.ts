import 'server-only';
import { notFound } from 'next/navigation';
import { findOrgForMember } from '@/db/read/member-pages';
import { requireUser } from './session';

/**
 * For the pages only members see under /o/[slug] (`path` is the rest of the page's address): sends a
 * signed-out visitor to sign in, and answers 404 unless the organization exists and they are a member,
 * or, with `adminOnly`, an admin.
 */
export async function loadMemberPage(params: Promise<{ slug: string }>, path: string, { adminOnly = false } = {}) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}${path}`);
  const found = await findOrgForMember(slug, user.id);
  if (!found) notFound();
  const { org, membership } = found;
  if (!membership || (adminOnly && membership.role !== 'admin')) notFound();
  return { user, org, membership };
}
