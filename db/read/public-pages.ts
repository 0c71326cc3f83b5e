import 'server-only';
import { getDb } from '@/db/client';
import { getOrganizationLabel } from '@/db/queries/notify';
import { listPublicOrganizations, listUserOrganizations } from '@/db/queries/organizations';
import { listDemoUsers } from '@/db/queries/signin-page';

/** The home page: public organizations, and the signed-in person's own. */
export async function loadHomePage(userId: string | null) {
  const db = getDb();
  const [publicOrgs, mine] = await Promise.all([listPublicOrganizations(db), userId ? listUserOrganizations(db, userId) : Promise.resolve([])]);
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
