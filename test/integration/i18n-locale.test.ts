import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { publicPageVersion } from '@/db/queries/organizations';
import { organizations, users } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { refusalIn } from '@/lib/i18n/refusals';
import { notificationMail } from '@/lib/notify/templates';
import type { NotificationContext } from '@/lib/notify/templates';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { setMyLocaleAction } = await import('@/app/account/actions');
const { setOrganizationLocaleAction } = await import('@/app/o/[slug]/settings/profile/actions');

const T0 = new Date('2026-03-02T09:00:00Z');
let db: Database;
let org: FoundedOrganization;
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  org = await foundOrganization(db, { slug: 'i18n-garden', name: 'Garden Group', seated: 2, at: T0 });
});

beforeEach(() => signInAs(null));

async function as(userId: string) {
  const [u] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  signInAs(u!);
  return u!;
}
const localeOf = async (userId: string) => (await db.select({ l: users.locale }).from(users).where(eq(users.id, userId)))[0]!.l;

describe('choosing a language', () => {
  it('the person’s choice is saved, and answered in the language chosen', async () => {
    const person = org.people[1]!;
    await as(person.userId);
    const state = await setMyLocaleAction(initialActionState, form({ locale: 'de' }));
    expect(state).toMatchObject({ ok: true, message: 'Gespeichert. Seiten und E-Mails erscheinen jetzt auf Deutsch.' });
    expect(await localeOf(person.userId)).toBe('de');
  });

  it.each(['xx', 'EN', 'fr-FR', '', 'de\u0000'])('an unknown language (%j) is refused and changes nothing', async (locale) => {
    const person = org.people[2]!;
    await as(person.userId);
    await setMyLocaleAction(initialActionState, form({ locale: 'fr' }));
    const state = await setMyLocaleAction(initialActionState, form({ locale }));
    expect(state).toMatchObject({ ok: false, code: 'action.invalid_input' });
    expect(state.fieldErrors?.locale?.[0]).toMatch(/Choose one of the languages offered/);
    expect(await localeOf(person.userId)).toBe('fr');
  });

  it('signed out: refused, nothing written', async () => {
    const state = await setMyLocaleAction(initialActionState, form({ locale: 'fr' }));
    expect(state).toMatchObject({ ok: false, code: 'action.signed_out' });
  });

  it('the organization’s default: admins only, and it moves the public page cache’s version', async () => {
    const before = await publicPageVersion(db, org.slug);
    await as(org.people[1]!.userId);
    expect(await setOrganizationLocaleAction(initialActionState, form({ orgId: org.orgId, locale: 'fr' }))).toMatchObject({
      ok: false,
      code: 'action.forbidden',
    });
    await as(org.admin.userId);
    expect(await setOrganizationLocaleAction(initialActionState, form({ orgId: org.orgId, locale: 'zz' }))).toMatchObject({
      ok: false,
      code: 'action.invalid_input',
    });
    expect((await db.select({ l: organizations.defaultLocale }).from(organizations).where(eq(organizations.id, org.orgId)))[0]!.l).toBeNull();
    expect(await setOrganizationLocaleAction(initialActionState, form({ orgId: org.orgId, locale: 'fr' }))).toMatchObject({ ok: true });
    const after = await publicPageVersion(db, org.slug);
    expect(after).not.toBe(before);
    expect(await setOrganizationLocaleAction(initialActionState, form({ orgId: org.orgId, locale: 'fr' }))).toMatchObject({
      ok: true,
      message: 'Nothing changed.',
    });
    expect(await publicPageVersion(db, org.slug)).toBe(after);
  });
});

describe('refusals and notices in the reader’s language', () => {
  it('a refusal code reads in French and German; a pass-through code (not in the catalogues) falls back (null)', () => {
    expect(refusalIn('fr', 'ballot.stage_closed')).toBe('Le vote de cette étape est clos.');
    expect(refusalIn('de', 'ballot.comment_window', { at: '3 Dec 2026, 14:00 UTC' })).toBe(
      'Die Abstimmung ist nicht eröffnet: Die Kommentarfrist läuft bis 3 Dec 2026, 14:00 UTC.',
    );
    expect(refusalIn('fr', 'seat.not_found')).toBe('Ce siège n’existe pas dans cette organisation.');
    expect(refusalIn('fr', 'rule.refused', { reason: 'Some rule said no.' })).toBeNull();
    // The sign-in form's one refusal reads in the reader's language too.
    expect(refusalIn('de', 'signin.send_failed')).toBe('Wir konnten gerade keinen Anmeldelink senden. Versuchen Sie es in einer Minute erneut.');
    // A reason given by its code reads in the same language, not in the English it carries.
    const early = { reason: 'Voting opens on 3 Dec 2026, 14:00 UTC — …', reasonCode: 'voting.comment_window', at: '3 Dec 2026, 14:00 UTC', hours: '7 days' };
    expect(refusalIn('fr', 'voting.not_open_yet', early)).toMatch(/^Le vote n’est pas ouvert\. Le vote s’ouvre le 3 Dec 2026, 14:00 UTC — la période/);
    expect(refusalIn('fr', 'voting.not_open_yet', early)).not.toContain('Voting opens');
    // A parameter missing: no key or half-formatted text, the caller keeps the English.
    expect(refusalIn('fr', 'ballot.comment_window')).toBeNull();
  });

  const ctx = (locale: NotificationContext['locale'], kind: NotificationContext['kind'] = 'proposal_published'): NotificationContext => ({
    kind,
    payload: {
      number: 4,
      title: 'Repaint the stairwell',
      typeName: 'Board resolution',
      discussionClosesAt: '2026-03-09T09:00:00.000Z',
      bodyName: 'Board',
      closesAt: '2026-03-12T09:00:00.000Z',
    },
    organizationName: 'Garden Group',
    appUrl: 'https://quorate.test',
    orgSlug: 'garden',
    recipientName: 'Ana',
    mandatory: true,
    unsubscribeUrl: null,
    preferencesUrl: 'https://quorate.test/o/garden/settings/notifications',
    checkpoint: { size: 12, rootHash: 'ab'.repeat(32), note: 'quorate.test/o/garden\n12\nq83=\n\n— sig' },
    locale,
  });

  it('the notice of publication in French: subject, lead, dates through Intl, footer, html lang', () => {
    const mail = notificationMail(ctx('fr'));
    expect(mail.subject).toBe('[Garden Group] Nouvelle proposition #4 Repaint the stairwell');
    expect(mail.text).toContain('Bonjour Ana,');
    expect(mail.text).toContain('Board resolution #4 Repaint the stairwell : publiée et ouverte aux commentaires.');
    expect(mail.text).toContain('Les commentaires sont ouverts jusqu’au 9 mars 2026');
    expect(mail.text).toContain('cet avis ne peut donc pas être désactivé');
    expect(mail.text).toContain('Point de contrôle du journal des décisions : 12 entrées');
    expect(mail.text).toContain('--checkpoint <file> https://quorate.test/o/garden');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain('>Lire et commenter</a>');
  });

  it('voting open in German, a nomination in French; English is the English notice, unchanged', () => {
    const de = notificationMail(ctx('de', 'voting_open'));
    expect(de.subject).toBe('[Garden Group] Die Abstimmung über #4 Repaint the stairwell ist eröffnet');
    expect(de.text).toContain('Die Abstimmung endet am 12. März 2026');
    expect(notificationMail(ctx('en')).text).toBe(notificationMail(ctx(undefined)).text);
    expect(notificationMail(ctx('fr', 'nomination')).subject).toBe('[Garden Group] Candidature proposée : #4 Repaint the stairwell');
  });
});
