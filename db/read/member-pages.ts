import 'server-only';
import { getDb } from '@/db/client';
import { getMembership, invitationForUser, listPendingInvitations, listStakeholderGroups } from '@/db/queries/memberships';
import { listMemberPage, MEMBER_PAGE_SIZE } from '@/db/queries/member-list';
import type { MembershipContext } from '@/db/queries/memberships';
import { deliveryOverview } from '@/db/queries/notify';
import { getOrganizationBySlug } from '@/db/queries/organizations';
import { latestWitnessings, listActiveWitnesses } from '@/db/queries/witnesses';
import { env } from '@/lib/env';
import { preferencesFor } from '@/lib/notify/preferences';
import { signMemberCursor, verifyMemberCursor } from '@/lib/pagination/member-cursor';
import type { MemberTier } from '@/lib/pagination/member-cursor';

/** The pages only members see (members, settings, delivery): the organization by slug and the signed-in person's membership. Null: no such organization. */
export async function findOrgForMember(slug: string, userId: string) {
  const db = getDb();
  const org = await getOrganizationBySlug(db, slug);
  if (!org) return null;
  const membership: MembershipContext | null = await getMembership(db, org.id, userId);
  return { org, membership };
}

/**
 * One page of the member list (MEMBER_PAGE_SIZE), optionally searched by name or e-mail, with e-mail addresses: for members only.
 * `cursor` (from the Previous / Next links): the page by keyset, as cheap deep in the list as at its start; a cursor that does not
 * verify (edited, or for another page, search or organization) is ignored and the page is read by its number. The answer carries
 * the cursors of the pages either side, for the links.
 */
export async function loadMemberList(orgId: string, q: string, page: number, cursor = '') {
  const secret = env().authSecret;
  const from = cursor ? verifyMemberCursor(secret, cursor, { orgId, q, page }) : null;
  const list = await listMemberPage(getDb(), orgId, { q, page, ...(from ? { from } : {}) });
  const size = MEMBER_PAGE_SIZE;
  const first = list.rows[0];
  const last = list.rows.at(-1);
  const pages = Math.max(1, Math.ceil(list.matching / size));
  const link = (to: number, direction: 'after' | 'before', row: { role: MemberTier; email: string } | undefined) =>
    row && to > 1 && to <= pages ? signMemberCursor(secret, { orgId, q, page: to, direction, role: row.role, email: row.email }) : null;
  return { ...list, page, size, pages, cursors: { previous: link(page - 1, 'before', first), next: link(page + 1, 'after', last) } };
}

/** The stakeholder groups in use: the suggestions for an admin setting a member's group. */
export async function loadStakeholderGroups(orgId: string) {
  return listStakeholderGroups(getDb(), orgId);
}

/** Invitations not accepted yet, with addresses: for admins only (the members page reads them for no one else). */
export async function loadPendingInvitations(orgId: string) {
  return listPendingInvitations(getDb(), orgId);
}

/**
 * What /o/[slug]/invitation shows the signed-in person: the organization and their own invitation
 * or membership there. Null: no such organization, or (private organization) nothing for them to see.
 */
export async function loadInvitationPage(slug: string, userId: string) {
  const db = getDb();
  const org = await getOrganizationBySlug(db, slug);
  if (!org) return null;
  const invitation = await invitationForUser(db, org.id, userId);
  if (!invitation && !org.isPublic) return null;
  return { org, invitation };
}

/** The outbox's state and its dead letters: for admins only. */
export async function loadDeliveryOverview(orgId: string) {
  return deliveryOverview(getDb(), orgId);
}

/** The person's notification modes in this organization. */
export async function loadNotificationPreferences(userId: string, orgId: string) {
  return preferencesFor(getDb(), userId, orgId);
}

/** The registered witnesses and what each last cosigned: for admins only. */
export async function loadWitnesses(orgId: string) {
  const db = getDb();
  const [active, witnessings] = await Promise.all([listActiveWitnesses(db, orgId), latestWitnessings(db, orgId)]);
  return { active, witnessings };
}
