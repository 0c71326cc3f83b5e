/**
 * The /api/v1 organization settings added in 1.8.0: an admin saves the profile (name, mission, visibility), sets the
 * default language, archives and unarchives the organization, and lists, registers and removes the log's witnesses, through the settings pages' own operations
 * (lib/actions/operations.ts): the same rules and refusal codes as the forms. A read-only token, a non-admin's token,
 * another organization's token, a body failing the schema and a rule's "no" answer a problem and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, organizations, witnesses } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { witnessVerifierKey } from '@/lib/log/cosignature';
import { foundWithOtherOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let org: FoundedOrganization;
let otherOrgId = '';
let outsiderId = '';
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () =>
    ({ org, otherOrgId, outsiderId } = await foundWithOtherOrganization(db, { slug: 'settings-api', seated: 1, at: new Date(Date.now() - 86_400_000) })),
);
const profileActions = await import('@/app/o/[slug]/settings/profile/actions');
const archiveActions = await import('@/app/o/[slug]/settings/archive/actions');
const witnessActions = await import('@/app/o/[slug]/settings/witnesses/actions');

/** The organization's row as stored: a refusal must leave it exactly as it was. */
const stored = async () => (await db.select().from(organizations).where(eq(organizations.id, org.orgId)))[0]!;
const logged = (kind: string) => db.$count(decisionLog, and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, kind)));
const person = (i: number) => org.people[i]!.userId;

describe('/api/v1 organization settings', () => {
  it('an admin saves the profile (logged when it changed) and the default language; refusals change nothing', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const url = `/${org.slug}/profile`;
    const profile = { name: 'Settings Garden', mission: '  Grow food together.  ', visibility: 'private' };
    expect(await call('PUT', url, admin, profile)).toMatchObject({
      status: 200,
      body: { ok: true, profile: { name: 'Settings Garden', mission: 'Grow food together.', visibility: 'private' }, changed: true },
    });
    expect(await stored()).toMatchObject({ name: 'Settings Garden', mission: 'Grow food together.', isPublic: false });
    expect(await logged('organization.profile_changed')).toBe(1);
    // The same again: nothing changed, nothing logged. An absent mission is saved empty, as an empty field.
    expect(await call('PUT', url, admin, profile)).toMatchObject({ status: 200, body: { changed: false } });
    expect(await logged('organization.profile_changed')).toBe(1);
    expect(await call('PUT', url, admin, { name: 'Settings Garden', visibility: 'public' })).toMatchObject({ status: 200, body: { changed: true } });
    expect(await stored()).toMatchObject({ mission: '', isPublic: true });
    expect(await logged('organization.profile_changed')).toBe(2);

    expect(await call('PUT', `/${org.slug}/locale`, admin, { locale: 'fr' })).toMatchObject({ status: 200, body: { ok: true, locale: 'fr', changed: true } });
    expect((await stored()).defaultLocale).toBe('fr');
    expect(await call('PUT', `/${org.slug}/locale`, admin, { locale: 'fr' })).toMatchObject({ status: 200, body: { changed: false } });

    const before = await stored();
    const logBefore = await db.$count(decisionLog, eq(decisionLog.orgId, org.orgId));
    const refused = { name: 'Refused Name', mission: '', visibility: 'private' };
    await scopesRefused(org.admin.userId, otherOrgId, 'PUT', url, refused);
    await scopesRefused(org.admin.userId, otherOrgId, 'PUT', `/${org.slug}/locale`, { locale: 'de' });
    // A member who is not an admin: the profile's rule code (as the form answers them); the language form's role check.
    const member = await token(person(2), org.orgId);
    await refusedAndUnchanged(409, 'organization.profile_admin_only', () => call('PUT', url, member, refused));
    signInAsPerson(org, 2);
    expect(await profileActions.saveOrganizationProfileAction(initialActionState, form({ orgId: org.orgId, ...refused }))).toMatchObject({
      ok: false,
      code: 'organization.profile_admin_only',
    });
    await refusedAndUnchanged(403, 'action.forbidden', () => call('PUT', `/${org.slug}/locale`, member, { locale: 'de' }));
    expect(await profileActions.setOrganizationLocaleAction(initialActionState, form({ orgId: org.orgId, locale: 'de' }))).toMatchObject({
      ok: false,
      code: 'action.forbidden',
    });
    const outsider = await token(outsiderId, null);
    await refusedAndUnchanged(403, 'action.forbidden', () => call('PUT', url, outsider, refused));
    // The schema.
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('PUT', url, admin, { name: 'Valid Name', visibility: 'secret' }));
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(['visibility']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('PUT', url, admin, { mission: 'No name', visibility: 'public' }));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('PUT', url, admin, { ...refused, mission: 'x'.repeat(2001) }));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('PUT', `/${org.slug}/locale`, admin, { locale: 'es' }));
    await refusedAndUnchanged(404, 'api.not_found', () => call('PUT', '/no-such-org/profile', admin, refused));
    expect(await stored()).toEqual(before);
    expect(await db.$count(decisionLog, eq(decisionLog.orgId, org.orgId))).toBe(logBefore);
  });

  it('an admin archives (the name typed to confirm) and unarchives; an archived organization takes no profile change; refusals change nothing', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const url = `/${org.slug}/archived`;
    const name = (await stored()).name;
    const before = await stored();
    await scopesRefused(org.admin.userId, otherOrgId, 'PUT', url, { confirmation: name });
    const member = await token(person(2), org.orgId);
    await refusedAndUnchanged(409, 'organization.archive_admin_only', () => call('PUT', url, member, { confirmation: name }));
    signInAsPerson(org, 2);
    expect(await archiveActions.archiveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirmation: name }))).toMatchObject({
      ok: false,
      code: 'organization.archive_admin_only',
    });
    const wrong = await refusedAndUnchanged(409, 'organization.archive_confirmation', () => call('PUT', url, admin, { confirmation: 'Another name' }));
    expect(Object.keys(wrong.errors ?? {})).toEqual(['confirmation']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('PUT', url, admin, {}));
    await refusedAndUnchanged(409, 'organization.not_archived', () => call('DELETE', url, admin));
    expect(await stored()).toEqual(before);

    expect(await call('PUT', url, admin, { confirmation: name })).toMatchObject({ status: 200, body: { ok: true, organization: { archived: true } } });
    expect((await stored()).archivedAt).not.toBeNull();
    expect(await logged('organization.archived')).toBe(1);

    const archived = await stored();
    await refusedAndUnchanged(409, 'organization.archived', () => call('PUT', `/${org.slug}/profile`, admin, { name: 'Renamed', visibility: 'public' }));
    await refusedAndUnchanged(409, 'organization.already_archived', () => call('PUT', url, admin, { confirmation: name }));
    await scopesRefused(org.admin.userId, otherOrgId, 'DELETE', url);
    await refusedAndUnchanged(409, 'organization.archive_admin_only', () => call('DELETE', url, member));
    expect(await stored()).toEqual(archived);

    expect(await call('DELETE', url, admin)).toMatchObject({ status: 200, body: { ok: true, organization: { archived: false } } });
    expect((await stored()).archivedAt).toBeNull();
    expect(await logged('organization.unarchived')).toBe(1);
    // The form runs the same operation.
    signInAsPerson(org, 0);
    expect(await archiveActions.archiveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirmation: name }))).toMatchObject({ ok: true });
    expect((await stored()).archivedAt).not.toBeNull();
    expect(await archiveActions.unarchiveOrganizationAction(initialActionState, form({ orgId: org.orgId }))).toMatchObject({ ok: true });
    expect((await stored()).archivedAt).toBeNull();
  });

  it('an admin lists, registers and removes the log’s witnesses, as the settings page does; refusals change nothing', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const reader = await token(org.admin.userId, org.orgId, 'read');
    const url = `/${org.slug}/witnesses`;
    const key = (name: string, fill: number) => witnessVerifierKey(name, new Uint8Array(32).fill(fill));
    const ids: string[] = [];
    for (const [i, name] of ['alpha.example', 'beta.example', 'gamma.example'].entries()) {
      const added = await call('POST', url, admin, { verifierKey: key(name, i + 1) });
      expect(added).toMatchObject({ status: 201, body: { ok: true, witness: { name } } });
      ids.push((added.body.witness as { id: string }).id);
    }
    const rows = await db.select().from(witnesses).where(eq(witnesses.orgId, org.orgId));
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await logged('witness.added')).toBe(3);

    const first = await call('GET', `${url}?limit=2`, reader);
    expect(first).toMatchObject({ status: 200, body: { next_cursor: '2' } });
    const second = await call('GET', `${url}?limit=2&cursor=2`, reader);
    expect(second.body.next_cursor).toBeNull();
    const listed = [...(first.body.witnesses as object[]), ...(second.body.witnesses as object[])];
    expect(listed).toEqual(
      ['alpha.example', 'beta.example', 'gamma.example'].map((name, i) => ({
        id: ids[i],
        name,
        verifierKey: key(name, i + 1),
        addedAt: rows.find((r) => r.id === ids[i])!.addedAt.toISOString(),
        lastCosigned: null,
      })),
    );

    const before = await db.select().from(witnesses).orderBy(witnesses.id);
    const body = { verifierKey: key('delta.example', 9) };
    await scopesRefused(org.admin.userId, otherOrgId, 'POST', url, body);
    await scopesRefused(org.admin.userId, otherOrgId, 'DELETE', `${url}/${ids[0]}`);
    // A member who is not an admin: refused by the role, as the settings forms answer them.
    const member = await token(person(2), org.orgId);
    await refusedAndUnchanged(403, 'action.forbidden', () => call('POST', url, member, body));
    await refusedAndUnchanged(403, 'action.forbidden', () => call('DELETE', `${url}/${ids[0]}`, member));
    const memberReader = await token(person(2), org.orgId, 'read');
    await refusedAndUnchanged(403, 'action.forbidden', () => call('GET', url, memberReader));
    signInAsPerson(org, 2);
    expect(await witnessActions.addWitnessAction(initialActionState, form({ orgId: org.orgId, ...body }))).toMatchObject({
      ok: false,
      code: 'action.forbidden',
    });
    const elsewhere = await token(org.admin.userId, otherOrgId, 'read');
    await refusedAndUnchanged(403, 'api.other_organization', () => call('GET', url, elsewhere));
    await refusedAndUnchanged(401, 'api.unauthenticated', () => call('GET', url));
    // The schema, the rules' "no", and no such witness.
    expect(
      Object.keys((await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', url, admin, { verifierKey: 'not a key' }))).errors ?? {}),
    ).toEqual(['verifierKey']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('GET', `${url}?limit=101`, reader));
    await refusedAndUnchanged(409, 'witness.name_taken', () => call('POST', url, admin, { verifierKey: key('alpha.example', 7) }));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('DELETE', `${url}/not-an-id`, admin));
    await refusedAndUnchanged(404, 'witness.not_registered', () => call('DELETE', `${url}/${randomUUID()}`, admin));
    expect(await db.select().from(witnesses).orderBy(witnesses.id)).toEqual(before);

    expect(await call('DELETE', `${url}/${ids[1]}`, admin)).toMatchObject({ status: 200, body: { ok: true, witness: { id: ids[1], removed: true } } });
    expect((await db.select().from(witnesses).where(eq(witnesses.id, ids[1]!)))[0]!.removedAt).not.toBeNull();
    expect(await logged('witness.removed')).toBe(1);
    expect(((await call('GET', url, reader)).body.witnesses as { id: string }[]).map((w) => w.id)).toEqual([ids[0], ids[2]]);
    await refusedAndUnchanged(404, 'witness.not_registered', () => call('DELETE', `${url}/${ids[1]}`, admin));
  });
});
