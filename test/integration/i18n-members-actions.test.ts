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
/** The browser's Accept-Language of the request being made (`request.acceptLanguage`), and next-intl's `getLocale`. */
const request = await vi.hoisted(async () => (await import('./support/request-locale-mock')).requestLocaleMock());
vi.mock('next/headers', () => request.nextHeaders);
vi.mock('next-intl/server', () => request.nextIntlServer);

const { inviteMemberAction, resendInvitationAction, changeMemberRoleAction, setStakeholderGroupAction, removeMemberAction } =
  await import('@/app/o/[slug]/members/actions');

const languages = { en: null, fr: 'fr-FR,fr;q=0.9', de: 'de-DE' } as const;
type Language = keyof typeof languages;

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
async function inLanguage<T>(language: Language, run: () => Promise<T>): Promise<T> {
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

/** Each case in turn, in its language: the action's answer is `{ ok: true, message }`. */
async function expectLines<A>(run: (arg: A) => Promise<unknown>, cases: [Language, A, string][]): Promise<void> {
  for (const [language, arg, message] of cases) expect(await inLanguage(language, () => run(arg)), `${language} ${String(arg)}`).toEqual({ ok: true, message });
}

describe('the members page’s success lines in the reader’s language', () => {
  it('an invitation and a new link: English word for word, French, German', async () => {
    const invite = (email: string) => inviteMemberAction(initialActionState, form({ orgId, email, role: 'member' }));
    await expectLines(invite, [
      ['en', 'en.person@example.org', 'Invitation sent to en.person@example.org. They become a member when they accept it.'],
      ['fr', 'fr.person@example.org', 'Invitation envoyée à fr.person@example.org. Cette personne devient membre lorsqu’elle l’accepte.'],
      ['de', 'de.person@example.org', 'Einladung an de.person@example.org gesendet. Die Person wird Mitglied, sobald sie die Einladung annimmt.'],
    ]);
    const resend = async (email: string) => resendInvitationAction(initialActionState, form({ orgId, membershipId: await membershipOf(email) }));
    await expectLines(resend, [
      ['en', 'en.person@example.org', 'A new invitation link was sent to en.person@example.org.'],
      ['fr', 'fr.person@example.org', 'Un nouveau lien d’invitation a été envoyé à fr.person@example.org.'],
      ['de', 'de.person@example.org', 'Ein neuer Einladungslink wurde an de.person@example.org gesendet.'],
    ]);
  });

  it('a role changed, each role named in the language; English as before', async () => {
    const change = (role: string) => changeMemberRoleAction(initialActionState, form({ orgId, membershipId: timMembership, role }));
    await expectLines(change, [
      ['en', 'member', 'Role changed to member.'],
      ['en', 'secretary', 'Role changed to secretary.'],
      ['en', 'admin', 'Role changed to admin.'],
      ['en', 'observer', 'Role changed to observer.'],
      ['fr', 'secretary', 'Rôle modifié : secrétaire.'],
      ['fr', 'admin', 'Rôle modifié : administrateur.'],
      ['de', 'member', 'Rolle geändert in: Mitglied.'],
      ['de', 'observer', 'Rolle geändert in: Beobachter.'],
    ]);
  });

  it('a stakeholder group set and cleared, and a member removed', async () => {
    const group = (value: string) => setStakeholderGroupAction(initialActionState, form({ orgId, membershipId: timMembership, group: value }));
    await expectLines(group, [
      ['en', 'tenants', 'Stakeholder group set to “tenants”.'],
      ['en', '', 'Stakeholder group cleared.'],
      ['fr', 'locataires', 'Groupe de parties prenantes défini : « locataires ».'],
      ['fr', '', 'Groupe de parties prenantes retiré.'],
      ['de', 'Mieter', 'Interessengruppe auf „Mieter“ gesetzt.'],
      ['de', '', 'Interessengruppe entfernt.'],
    ]);
    // Three members who hold no seat (invited above, here as having accepted).
    const remove = async (email: string) => {
      const membershipId = await membershipOf(email);
      await db.update(memberships).set({ acceptedAt: new Date() }).where(eq(memberships.id, membershipId));
      return removeMemberAction(initialActionState, form({ orgId, membershipId }));
    };
    await expectLines(remove, [
      ['en', 'en.person@example.org', 'Member removed.'],
      ['fr', 'fr.person@example.org', 'Membre retiré.'],
      ['de', 'de.person@example.org', 'Mitglied entfernt.'],
    ]);
  });
});
