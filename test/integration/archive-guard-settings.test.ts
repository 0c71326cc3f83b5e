/**
 * The archive guard on the organization's settings: on an archived organization the default language and the log's
 * witnesses (registering one, removing one) are refused with `organization.archived`, through the settings forms' server
 * actions and through /api/v1, and nothing is written (no row, no log entry, no outbox row). Unarchiving still works
 * on the archived organization, and then the same calls go through: the archive was the only obstacle.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { organizations, witnesses } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { witnessVerifierKey } from '@/lib/log/cosignature';
import { apiCalls } from './api-calls';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { archiveRefusals } from './fixtures/archive-refusals';
import { form, session, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let org: FoundedOrganization;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
const { call, token } = apiCalls(() => db);
const profileActions = await import('@/app/o/[slug]/settings/profile/actions');
const archiveActions = await import('@/app/o/[slug]/settings/archive/actions');
const witnessActions = await import('@/app/o/[slug]/settings/witnesses/actions');

const key = (name: string, fill: number) => witnessVerifierKey(name, new Uint8Array(32).fill(fill));
let registered = '';

beforeAll(async () => {
  org = await foundOrganization(db, { slug: 'archived-settings', seated: 1, at: new Date(Date.now() - 86_400_000) });
  signInAsPerson(org, 0);
  const added = await witnessActions.addWitnessAction(initialActionState, form({ orgId: org.orgId, verifierKey: key('kept.example', 1) }));
  expect(added, added.message).toMatchObject({ ok: true });
  registered = (await db.select({ id: witnesses.id }).from(witnesses).where(eq(witnesses.orgId, org.orgId)))[0]!.id;
  const name = (await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, org.orgId)))[0]!.name;
  const archived = await archiveActions.archiveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirmation: name }));
  expect(archived, archived.message).toMatchObject({ ok: true });
}, 60_000);

const { refusedUnchanged } = archiveRefusals(() => db);

describe('settings on an archived organization', () => {
  it('refuses the default language and the witnesses through the forms and the API, writing nothing; unarchived, they go through', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    signInAsPerson(org, 0);

    await refusedUnchanged('the language form', () => profileActions.setOrganizationLocaleAction(initialActionState, form({ orgId: org.orgId, locale: 'fr' })));
    await refusedUnchanged('PUT locale', () => call('PUT', `/${org.slug}/locale`, admin, { locale: 'de' }));
    await refusedUnchanged('the add-witness form', () =>
      witnessActions.addWitnessAction(initialActionState, form({ orgId: org.orgId, verifierKey: key('new.example', 2) })),
    );
    await refusedUnchanged('POST witnesses', () => call('POST', `/${org.slug}/witnesses`, admin, { verifierKey: key('api.example', 3) }));
    await refusedUnchanged('the remove-witness form', () =>
      witnessActions.removeWitnessAction(initialActionState, form({ orgId: org.orgId, witnessId: registered })),
    );
    await refusedUnchanged('DELETE witness', () => call('DELETE', `/${org.slug}/witnesses/${registered}`, admin));

    // Unarchiving is not one of the refused writes: it is how the organization becomes writable again.
    expect(await archiveActions.unarchiveOrganizationAction(initialActionState, form({ orgId: org.orgId }))).toMatchObject({ ok: true });
    expect(await profileActions.setOrganizationLocaleAction(initialActionState, form({ orgId: org.orgId, locale: 'fr' }))).toMatchObject({ ok: true });
    expect(await call('PUT', `/${org.slug}/locale`, admin, { locale: 'de' })).toMatchObject({ status: 200, body: { changed: true } });
    expect((await db.select().from(organizations).where(eq(organizations.id, org.orgId)))[0]!.defaultLocale).toBe('de');
    expect(await witnessActions.addWitnessAction(initialActionState, form({ orgId: org.orgId, verifierKey: key('new.example', 2) }))).toMatchObject({
      ok: true,
    });
    expect(await call('POST', `/${org.slug}/witnesses`, admin, { verifierKey: key('api.example', 3) })).toMatchObject({ status: 201 });
    expect(await witnessActions.removeWitnessAction(initialActionState, form({ orgId: org.orgId, witnessId: registered }))).toMatchObject({ ok: true });
    const after = await db.select().from(witnesses).where(eq(witnesses.orgId, org.orgId));
    expect(
      after
        .filter((w) => w.removedAt === null)
        .map((w) => w.name)
        .sort(),
    ).toEqual(['api.example', 'new.example']);
  });
});
