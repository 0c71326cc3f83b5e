/**
 * Form field errors in the reader's language through the production path: a real server action, the action wrapper
 * (lib/actions/action.ts: the per-parse error map for zod's own words, `localizedFieldErrors` for a schema's words) and
 * the request's language as next-intl resolves it. English word for word as the schemas and zod give it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initialActionState } from '@/lib/actions/state';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
// Auth.js is not loaded outside Next: the sign-in form's action never reaches it when its input is refused.
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('@/lib/auth/config', () => ({ signIn: async () => {}, signOut: async () => {}, sessionCookieName: 'session', usesSecureCookies: false }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
/** The browser's Accept-Language of the request being made (`request.acceptLanguage`), and next-intl's `getLocale`. */
const request = await vi.hoisted(async () => (await import('./support/request-locale-mock')).requestLocaleMock());
vi.mock('next/headers', () => request.nextHeaders);
vi.mock('next-intl/server', () => request.nextIntlServer);

const { requestMagicLinkAction } = await import('@/app/signin/actions');
const { updateNameAction } = await import('@/app/account/actions');
const { changeMemberRoleAction, inviteMemberAction } = await import('@/app/o/[slug]/members/actions');
const { scheduleMeetingAction } = await import('@/app/o/[slug]/meetings/actions');
const { draftMinutesAction } = await import('@/app/o/[slug]/meetings/minutes/actions');

let org: FoundedOrganization;
withTestDatabase({ app: true }, async (ready) => {
  org = await foundOrganization(ready.db, { slug: 'i18n-field-errors', name: 'Field Garden', seated: 1, at: new Date('2026-03-02T09:00:00Z') });
});

beforeEach(() => {
  signInAs(null);
  request.acceptLanguage = null;
});

const inLanguage = async <T>(language: string | null, run: () => Promise<T>) => {
  request.acceptLanguage = language;
  return run();
};
const admin = () => signInAs({ id: org.admin.userId, email: 'admin@example.org', name: 'Admin' });

const signIn = (email: string, callbackUrl = '/') => requestMagicLinkAction(initialActionState, form({ email, callbackUrl }));
const role = () => changeMemberRoleAction(initialActionState, form({ orgId: org.orgId, membershipId: org.orgId, role: 'owner' }));
const invite = () => inviteMemberAction(initialActionState, form({ orgId: org.orgId, email: '', role: 'member' }));
const name = (value: string) => updateNameAction(initialActionState, form({ name: value }));

describe('field errors in the reader’s language', () => {
  it('English: the schemas’ and zod’s words, word for word', async () => {
    expect((await signIn('not-an-address')).fieldErrors).toEqual({ email: ['Enter a valid e-mail address, like name@example.org.'] });
    expect((await signIn('a@b.org', '/'.repeat(2001))).fieldErrors).toEqual({ callbackUrl: ['Too big: expected string to have <=2000 characters'] });
    admin();
    expect((await role()).fieldErrors).toEqual({ role: ['Choose a role.'] });
    expect((await invite()).fieldErrors?.email).toEqual(['Enter an e-mail address.']);
    expect((await name('x'.repeat(81))).fieldErrors).toEqual({ name: ['A name is at most 80 characters.'] });
    expect((await name('ada@example.org')).fieldErrors).toEqual({ name: ['Use a name, not an e-mail address: names are public.'] });
  });

  it('French: the same errors in French, none in English', async () => {
    const fr = (run: () => Promise<{ fieldErrors?: Record<string, string[]> }>) => inLanguage('fr-FR,fr;q=0.9', async () => (await run()).fieldErrors);
    expect(await fr(() => signIn('not-an-address'))).toEqual({ email: ['Saisissez une adresse e-mail valide, comme nom@example.org.'] });
    expect(await fr(() => signIn('a@b.org', '/'.repeat(2001)))).toEqual({ callbackUrl: ['Au plus 2\u202f000 caractères.'] });
    admin();
    expect(await fr(role)).toEqual({ role: ['Choisissez un rôle.'] });
    expect((await fr(invite))?.email).toEqual(['Saisissez une adresse e-mail.']);
    expect(await fr(() => name('x'.repeat(81)))).toEqual({ name: ['Un nom comporte au plus 80 caractères.'] });
  });

  it('German: the same errors in German, none in English', async () => {
    const de = (run: () => Promise<{ fieldErrors?: Record<string, string[]> }>) => inLanguage('de-DE', async () => (await run()).fieldErrors);
    expect(await de(() => signIn('not-an-address'))).toEqual({ email: ['Geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.org.'] });
    expect(await de(() => signIn('a@b.org', '/'.repeat(2001)))).toEqual({ callbackUrl: ['Höchstens 2.000 Zeichen.'] });
    admin();
    expect(await de(role)).toEqual({ role: ['Wählen Sie eine Rolle.'] });
    expect(await de(() => name('ada@example.org'))).toEqual({ name: ['Verwenden Sie einen Namen, keine E-Mail-Adresse: Namen sind öffentlich.'] });
  });
});

describe('the meeting forms’ field errors in the reader’s language', () => {
  const schedule = () =>
    scheduleMeetingAction(
      initialActionState,
      form({ orgId: org.orgId, bodyKey: 'board', kind: 'regular', title: ' ', startsAt: 'soon', durationMinutes: '5', location: 'Hall', agenda: '' }),
    );
  const minutes = () => draftMinutesAction(initialActionState, form({ orgId: org.orgId, meetingId: org.orgId, text: 'Too short.' }));
  const errors = async (language: string | null) => ({
    schedule: (await inLanguage(language, schedule)).fieldErrors,
    minutes: (await inLanguage(language, minutes)).fieldErrors,
  });

  it('English word for word; French and German from the catalogue', async () => {
    admin();
    expect(await errors(null)).toEqual({
      schedule: {
        title: ['Enter the title.'],
        startsAt: ['Enter the start as a date and time (UTC).'],
        durationMinutes: ['A meeting lasts at least 15 minutes.'],
      },
      minutes: { text: ['The minutes are at least 20 characters.'] },
    });
    expect(await errors('fr-FR,fr;q=0.9')).toEqual({
      schedule: {
        title: ['Saisissez le titre.'],
        startsAt: ['Saisissez le début sous forme de date et d’heure (UTC).'],
        durationMinutes: ['Une réunion dure au moins 15 minutes.'],
      },
      minutes: { text: ['Le procès-verbal comporte au moins 20 caractères.'] },
    });
    expect(await errors('de-DE')).toEqual({
      schedule: {
        title: ['Geben Sie den Titel ein.'],
        startsAt: ['Geben Sie den Beginn als Datum und Uhrzeit (UTC) ein.'],
        durationMinutes: ['Eine Sitzung dauert mindestens 15 Minuten.'],
      },
      minutes: { text: ['Das Protokoll hat mindestens 20 Zeichen.'] },
    });
  });
});

describe('storableText’s two errors (lib/validation/text.ts) in the reader’s language, the field named from the catalogue', () => {
  const schedule = (title: string, location: string) =>
    scheduleMeetingAction(
      initialActionState,
      form({ orgId: org.orgId, bodyKey: 'board', kind: 'regular', title, startsAt: '2030-05-04T18:30', durationMinutes: '60', location, agenda: '' }),
    );
  // A form cannot carry a lone surrogate (FormData makes it U+FFFD): the API's test sends one.
  const errors = async (language: string | null) => {
    const { fieldErrors } = await inLanguage(language, () => schedule('Budget \u0000 review', 'Hall \u0000 B'));
    return { title: fieldErrors?.title, location: fieldErrors?.location };
  };

  it('English word for word; French and German with the field’s name in the language', async () => {
    admin();
    expect(await errors(null)).toEqual({
      title: ['The title contains a NUL character; remove it.'],
      location: ['The location or link contains a NUL character; remove it.'],
    });
    expect(await errors('fr-FR,fr;q=0.9')).toEqual({
      title: ['Le champ « Titre » contient un caractère NUL ; supprimez-le.'],
      location: ['Le champ « Lieu ou lien » contient un caractère NUL ; supprimez-le.'],
    });
    expect(await errors('de-DE')).toEqual({
      title: ['Das Feld „Titel“ enthält ein NUL-Zeichen; entfernen Sie es.'],
      location: ['Das Feld „Ort oder Link“ enthält ein NUL-Zeichen; entfernen Sie es.'],
    });
  });
});
