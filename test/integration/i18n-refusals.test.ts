/**
 * Refusals reach a reader in their language through the production path: a real server action,
 * the action wrapper (lib/actions/action.ts), and the request's language as next-intl resolves it
 * (lib/i18n/request.ts: the person's choice, else the browser's Accept-Language). Only what a test
 * cannot have is replaced: the session, the request's headers, and next-intl's `getLocale`, which
 * here calls the same `requestLocale` the request config uses.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
/** The browser's Accept-Language of the request being made (`request.acceptLanguage`), and next-intl's `getLocale`. */
const request = await vi.hoisted(async () => (await import('./support/request-locale-mock')).requestLocaleMock());
vi.mock('next/headers', () => request.nextHeaders);
vi.mock('next-intl/server', () => request.nextIntlServer);

const { setMyLocaleAction } = await import('@/app/account/actions');
const { changeMemberRoleAction, leaveOrganizationAction, setStakeholderGroupAction } = await import('@/app/o/[slug]/members/actions');
const { createOrganizationAction } = await import('@/app/orgs/new/actions');

const T0 = new Date('2026-03-02T09:00:00Z');
let db: Database;
let org: FoundedOrganization;
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  org = await foundOrganization(db, { slug: 'i18n-refusals', name: 'Refusal Garden', seated: 2, at: T0 });
});

beforeEach(() => {
  signInAs(null);
  request.acceptLanguage = null;
});

async function as(userId: string) {
  const [u] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  signInAs(u!);
  return u!;
}

async function membershipOf(userId: string): Promise<string> {
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, userId)));
  return m!.id;
}

/** The admin makes a member a member again: refused, role.unchanged. */
async function sameRole() {
  await as(org.admin.userId);
  return changeMemberRoleAction(initialActionState, form({ orgId: org.orgId, membershipId: await membershipOf(org.people[5]!.userId), role: 'member' }));
}

describe('members page refusals in the reader’s language', () => {
  it('an English reader (no choice, no browser language) gets the rules’ English', async () => {
    expect(await sameRole()).toMatchObject({ ok: false, code: 'role.unchanged', message: 'This member is already a member.' });
  });

  it('a person who chose French gets the refusal in French, its role word too; the code does not change', async () => {
    await as(org.admin.userId);
    expect(await setMyLocaleAction(initialActionState, form({ locale: 'fr' }))).toMatchObject({ ok: true });
    expect(await sameRole()).toMatchObject({ ok: false, code: 'role.unchanged', message: 'Ce membre est déjà membre.' });
    // A field error a schema words from the catalogue (the stakeholder group's name), beside the wrapper's own message.
    const state = await setStakeholderGroupAction(
      initialActionState,
      form({ orgId: org.orgId, membershipId: await membershipOf(org.people[5]!.userId), group: 'no!good' }),
    );
    expect(state).toMatchObject({ ok: false, code: 'action.invalid_input', message: 'Veuillez corriger les champs signalés.' });
    expect(state.fieldErrors?.group).toEqual([
      'Un groupe de parties prenantes compte de 1 à 40 caractères : lettres, chiffres, et espaces simples ou traits d’union entre eux (par ex. « residents »). Laissez vide pour aucun groupe.',
    ]);
    await setMyLocaleAction(initialActionState, form({ locale: 'en' }));
  });

  it('a German browser, no choice of their own: a seat holder who tries to leave is told in German', async () => {
    request.acceptLanguage = 'de-CH,de;q=0.9,en;q=0.5';
    await as(org.people[1]!.userId);
    expect(await leaveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirm: 'leave' }))).toMatchObject({
      ok: false,
      code: 'membership.leave_seat_holder',
      message:
        'Sie haben einen Sitz inne. Treten Sie zuerst auf der Seite „Sitze“ davon zurück, damit die Vakanz im Protokoll steht, und verlassen Sie dann die Organisation.',
    });
  });

  it('a refusal the founding form answers itself (a slug taken) reads in French beside its field', async () => {
    request.acceptLanguage = 'fr-FR';
    await as(org.people[7]!.userId);
    const state = await createOrganizationAction(initialActionState, form({ name: 'Another', slug: org.slug, template: 'informal_group' }));
    expect(state).toMatchObject({ ok: false, code: 'organization.slug_taken', message: 'Veuillez corriger les champs signalés.' });
    expect(state.fieldErrors?.slug).toEqual([`L’identifiant « ${org.slug} » est déjà pris. Choisissez-en un autre.`]);
  });
});
