import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { organizations, proposals, users } from '@/db/schema';
import { getOrganizationBySlug, listHomePageOrganizations } from '@/db/queries/organizations';
import { demoOrganization, seedDemo } from '@/db/seed';
import { initialActionState } from '@/lib/actions/state';
import { expectRedirect, form, session, signInAs, withTestDatabase } from './helpers';

// The home page lists a public organization only once it has published a proposal, or when the
// operator names it (QUORATE_HOME_LIST_SLUGS) or lists everything (QUORATE_HOME_LIST_ALL): creating
// an organization is not a way to advertise on the front page. Its own pages stay public.

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { createOrganizationAction } = await import('@/app/orgs/new/actions');
const { createProposalAction, publishProposalAction, withdrawProposalAction } = await import('@/app/o/[slug]/proposals/actions');
const { loadHomePage } = await import('@/db/read/public-pages');

let handle: DatabaseHandle & { drop: () => Promise<void> };
let founder: { id: string; email: string; name: string };
const defaults = { all: false, slugs: [] as string[] };

async function listedSlugs(listing = defaults): Promise<string[]> {
  return (await listHomePageOrganizations(handle.db, listing)).map((o) => o.slug);
}

async function found(name: string, slug: string): Promise<string> {
  signInAs(founder);
  expect(await expectRedirect(() => createOrganizationAction(initialActionState, form({ name, slug, mission: 'Spam, spam, spam.' })))).toBe(`/o/${slug}`);
  const [org] = await handle.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  return org!.id;
}

withTestDatabase({ app: true }, async (ready) => {
  handle = ready;
  await seedDemo(handle.db);
  const [row] = await handle.db.insert(users).values({ email: 'founder@example.org', name: 'Fay Founder' }).returning();
  founder = { id: row!.id, email: row!.email, name: 'Fay Founder' };
});

beforeEach(() => signInAs(null));

describe('the home page listing', () => {
  it('lists the seeded demo organization, which has published proposals', async () => {
    expect(await listedSlugs()).toContain(demoOrganization.slug);
    const home = await loadHomePage(null);
    expect(home.publicOrgs.map((o) => o.slug)).toContain(demoOrganization.slug);
    expect(home.mine).toEqual([]);
  });

  it('does not list a new organization until it publishes; a draft is not enough; a withdrawn publication still counts', async () => {
    const orgId = await found('Free Crypto Giveaway', 'free-crypto-giveaway');
    expect(await listedSlugs()).not.toContain('free-crypto-giveaway');
    expect((await loadHomePage(null)).publicOrgs.map((o) => o.slug)).not.toContain('free-crypto-giveaway');
    // Its own page is as public as before, and its founder still sees it under "Your organizations".
    expect(await getOrganizationBySlug(handle.db, 'free-crypto-giveaway')).toMatchObject({ isPublic: true });
    expect((await loadHomePage(founder.id)).mine.map((o) => o.slug)).toContain('free-crypto-giveaway');

    signInAs(founder);
    const to = await expectRedirect(() =>
      createProposalAction(
        initialActionState,
        form({ orgId, typeKey: 'resolution', title: 'Our first resolution', body: 'A body long enough for the rules to accept it.' }),
      ),
    );
    expect(to).toBe('/o/free-crypto-giveaway/proposals/1');
    expect(await listedSlugs(), 'a draft is not a publication').not.toContain('free-crypto-giveaway');

    const [draft] = await handle.db
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), eq(proposals.number, 1)));
    expect(await publishProposalAction(initialActionState, form({ orgId, proposalId: draft!.id, confirmFoundingClose: 'yes' }))).toMatchObject({ ok: true });
    expect(await listedSlugs()).toContain('free-crypto-giveaway');

    expect(await withdrawProposalAction(initialActionState, form({ orgId, proposalId: draft!.id, reason: 'Changed our minds.' }))).toMatchObject({ ok: true });
    expect(await listedSlugs(), 'the publication stays in the log').toContain('free-crypto-giveaway');
  });

  it('lists an unpublished organization the operator names, and every public one with the "all" setting', async () => {
    await found('Quiet Garden Group', 'quiet-garden-group');
    expect(await listedSlugs()).not.toContain('quiet-garden-group');
    expect(await listedSlugs({ all: false, slugs: ['quiet-garden-group'] })).toContain('quiet-garden-group');
    expect(await listedSlugs({ all: false, slugs: ['no-such-org', 'Not A Slug\u0000'] })).not.toContain('quiet-garden-group');
    const all = await listedSlugs({ all: true, slugs: [] });
    expect(all).toEqual(expect.arrayContaining(['quiet-garden-group', demoOrganization.slug]));
  });

  it('never lists a private organization, whatever the setting', async () => {
    const orgId = await found('Private Circle', 'private-circle');
    await handle.db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, orgId));
    expect(await listedSlugs({ all: true, slugs: ['private-circle'] })).not.toContain('private-circle');
  });
});
