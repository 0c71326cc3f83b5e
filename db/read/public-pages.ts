import 'server-only';
import { getDb } from '@/db/client';
import { getOrganizationLabel } from '@/db/queries/notify';
import { listHomePageOrganizations, listUserOrganizations } from '@/db/queries/organizations';
import { listDemoUsers } from '@/db/queries/signin-page';
import { env } from '@/lib/env';

/**
 * The home page: the public organizations it lists (those that have published a proposal, or the
 * operator's QUORATE_HOME_LIST_ALL / QUORATE_HOME_LIST_SLUGS), and the signed-in person's own.
 */
export async function loadHomePage(userId: string | null) {
  const db = getDb();
  const [publicOrgs, mine] = await Promise.all([
    listHomePageOrganizations(db, env().homeListing),
    userId ? listUserOrganizations(db, userId) : Promise.resolve([]),
  ]);
  return { publicOrgs, mine };
}

/** An organization's public label, for the unsubscribe page (nothing about the person). */
export async function loadOrganizationLabel(orgId: string) {
  return getOrganizationLabel(getDb(), orgId);
}

/** The seeded demo accounts offered on the sign-in page outside production. */
export async function loadDemoUsers() {
  return listDemoUsers(getDb());
}
