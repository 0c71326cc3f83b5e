/**
 * The members page's success lines in the reader's language (namespace `successLines`), through the production path:
 * the real server actions and the request's language as next-intl resolves it (here the browser's Accept-Language).
 * Only the session, the request's headers and next-intl's `getLocale` are replaced. English is word for word as before.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { initialActionState } from '@/lib/actions/state';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));
/** The browser's Accept-Language of the request being made. */
const request: { acceptLanguage: string | null } = { acceptLanguage: null };
vi.mock('next/headers', () => ({
  headers: async () => new Headers(request.acceptLanguage ? { 'accept-language': request.acceptLanguage } : {}),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock('next-intl/server', () => ({
  getRequestConfig: (config: unknown) => config,
  getLocale: async () => (await import('@/lib/i18n/request')).requestLocale(),
}));

const { inviteMemberAction, resendInvitationAction, changeMemberRoleAction, setStakeholderGroupAction, removeMemberAction } =
  await import('@/app/o/[slug]/members/actions');

const languages = { en: null, fr: 'fr-FR,fr;q=0.9', de: 'de-DE' } as const;

let db: Database;
let orgId: string;
let ada: { id: string; email: string; name: string | null };
let timMembership: string;
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  const all = await db.select().from(users);
  ada = all.find((u) => u.email.startsWith('ada@'))!;
  const tim = all.find((u) => u.email.startsWith('tim@'))!;
  timMembership = (
    await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, tim.id)))
  )[0]!.id;
});
beforeEach(() => signInAs(ada));

/** The action's answer in `language`. */
async function inLanguage<T>(language: keyof typeof languages, run: () => Promise<T>): Promise<T> {
  request.acceptLanguage = languages[language];
  try {
    return await run();
  } finally {
    request.acceptLanguage = null;
  }
}

async function membershipOf(email: string): Promise<string> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(users.email, email)));
  return row!.id;
}

describe('the members page’s success lines in the reader’s language', () => {
  it('an invitation and a new link: English word for word, French, German', async () => {
    const invite = (email: string) => inviteMemberAction(initialActionState, form({ orgId, email, role: 'member' }));
    expect(await inLanguage('en', () => invite('en.person@example.org'))).toEqual({
      ok: true,
      message: 'Invitation sent to en.person@example.org. They become a member when they accept it.',
    });
    expect(await inLanguage('fr', () => invite('fr.person@example.org'))).toEqual({
      ok: true,
      message: 'Invitation envoyée à fr.person@example.org. Cette personne devient membre lorsqu’elle l’accepte.',
    });
    expect(await inLanguage('de', () => invite('de.person@example.org'))).toEqual({
      ok: true,
      message: 'Einladung an de.person@example.org gesendet. Die Person wird Mitglied, sobald sie die Einladung annimmt.',
    });
    const resend = async (email: string) => resendInvitationAction(initialActionState, form({ orgId, membershipId: await membershipOf(email) }));
    expect(await inLanguage('en', () => resend('en.person@example.org'))).toEqual({
      ok: true,
      message: 'A new invitation link was sent to en.person@example.org.',
    });
    expect(await inLanguage('fr', () => resend('fr.person@example.org'))).toEqual({
      ok: true,
      message: 'Un nouveau lien d’invitation a été envoyé à fr.person@example.org.',
    });
    expect(await inLanguage('de', () => resend('de.person@example.org'))).toEqual({
      ok: true,
      message: 'Ein neuer Einladungslink wurde an de.person@example.org gesendet.',
    });
  });

  it('a role changed, each role named in the language; English as before', async () => {
    const change = (role: string) => changeMemberRoleAction(initialActionState, form({ orgId, membershipId: timMembership, role }));
    expect(await inLanguage('en', () => change('member'))).toEqual({ ok: true, message: 'Role changed to member.' });
    expect(await inLanguage('en', () => change('secretary'))).toEqual({ ok: true, message: 'Role changed to secretary.' });
    expect(await inLanguage('en', () => change('admin'))).toEqual({ ok: true, message: 'Role changed to admin.' });
    expect(await inLanguage('en', () => change('observer'))).toEqual({ ok: true, message: 'Role changed to observer.' });
    expect(await inLanguage('fr', () => change('secretary'))).toEqual({ ok: true, message: 'Rôle modifié : secrétaire.' });
    expect(await inLanguage('fr', () => change('admin'))).toEqual({ ok: true, message: 'Rôle modifié : administrateur.' });
    expect(await inLanguage('de', () => change('member'))).toEqual({ ok: true, message: 'Rolle geändert in: Mitglied.' });
    expect(await inLanguage('de', () => change('observer'))).toEqual({ ok: true, message: 'Rolle geändert in: Beobachter.' });
  });

  it('a stakeholder group set and cleared, and a member removed', async () => {
    const group = (value: string) => setStakeholderGroupAction(initialActionState, form({ orgId, membershipId: timMembership, group: value }));
    expect(await inLanguage('en', () => group('tenants'))).toEqual({ ok: true, message: 'Stakeholder group set to “tenants”.' });
    expect(await inLanguage('en', () => group(''))).toEqual({ ok: true, message: 'Stakeholder group cleared.' });
    expect(await inLanguage('fr', () => group('locataires'))).toEqual({ ok: true, message: 'Groupe de parties prenantes défini : « locataires ».' });
    expect(await inLanguage('fr', () => group(''))).toEqual({ ok: true, message: 'Groupe de parties prenantes retiré.' });
    expect(await inLanguage('de', () => group('Mieter'))).toEqual({ ok: true, message: 'Interessengruppe auf „Mieter“ gesetzt.' });
    expect(await inLanguage('de', () => group(''))).toEqual({ ok: true, message: 'Interessengruppe entfernt.' });
    // Three members who hold no seat (invited above, here as having accepted).
    const remove = async (email: string) => {
      const membershipId = await membershipOf(email);
      await db.update(memberships).set({ acceptedAt: new Date() }).where(eq(memberships.id, membershipId));
      return removeMemberAction(initialActionState, form({ orgId, membershipId }));
    };
    expect(await inLanguage('en', () => remove('en.person@example.org'))).toEqual({ ok: true, message: 'Member removed.' });
    expect(await inLanguage('fr', () => remove('fr.person@example.org'))).toEqual({ ok: true, message: 'Membre retiré.' });
    expect(await inLanguage('de', () => remove('de.person@example.org'))).toEqual({ ok: true, message: 'Mitglied entfernt.' });
  });
});
