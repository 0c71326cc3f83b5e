/**
 * The settings pages in French and German: profile (with the logo form), notification preferences, webhooks, witnesses,
 * archive and e-mail delivery keep none of their English sentences; an action's success line comes in French; the
 * catalogue's English names of notification and webhook kinds are the code's.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { initialActionState } from '@/lib/actions/state';
import { catalogues } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { kindDescriptions, kindLabels, optionalKinds } from '@/lib/notify/kinds';
import { logKindLabels } from '@/lib/transparency/summary';
import { registerWebhookEndpoint } from '@/lib/use-cases/webhooks';
import { webhookKindLabels } from '@/lib/validation/webhook';
import { pageText, serverIntl } from '../support/server-intl';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// The webhook form refreshes the page once it shows a secret: no router outside Next.
vi.mock('next/navigation', async (original) => ({ ...(await original<object>()), useRouter: () => ({ refresh: () => {} }) }));
vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);
// The page's own messages travel with the provider the test renders in: all of them.
vi.mock('@/components/i18n/page-messages', () => ({ PageMessages: ({ children }: { children: React.ReactNode }) => children }));

const { saveNotificationPreferencesAction } = await import('@/app/o/[slug]/settings/notifications/actions');
const { saveOrganizationProfileAction } = await import('@/app/o/[slug]/settings/profile/actions');
const pages = {
  profile: (await import('@/app/o/[slug]/settings/profile/page')).default,
  notifications: (await import('@/app/o/[slug]/settings/notifications/page')).default,
  webhooks: (await import('@/app/o/[slug]/settings/webhooks/page')).default,
  witnesses: (await import('@/app/o/[slug]/settings/witnesses/page')).default,
  archive: (await import('@/app/o/[slug]/settings/archive/page')).default,
  delivery: (await import('@/app/o/[slug]/delivery/page')).default,
};

const slug = 'riverbend-commons';
let db: Database;
let orgId: string;
let admin: { id: string; email: string; name: string | null };

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  admin = (await db.select().from(users)).find((u) => u.email.startsWith('ada@'))!;
  // An endpoint, and a profile change for it to deliver: the webhooks page lists both.
  await registerWebhookEndpoint(db, { orgId, actorId: admin.id, url: 'http://127.0.0.1:9/hook', kinds: null, at: new Date() }, { allowPrivate: true });
  signInAs(admin);
  const saved = await saveOrganizationProfileAction(
    initialActionState,
    form({ orgId, name: 'Riverbend Commons', mission: 'A changed mission, for the webhook to deliver.', visibility: 'public' }),
  );
  expect(saved.ok, saved.message).toBe(true);
});

const render = (locale: Locale, page: keyof typeof pages) => pageText(locale, () => pages[page]({ params: Promise.resolve({ slug }) }));

// English sentences of each page, each within one element as the English page shows it.
const english: Record<keyof typeof pages, string[]> = {
  profile: [
    'Name, mission, logo and who can read this organization',
    "Shown under the name on the organization's page.",
    'Public: anyone can read the charter, bodies, proposals and the decision log.',
    'Save profile',
    'No logo yet. One would show on the organization’s page and its card.',
    'PNG, JPEG or WebP, at most 256 KB.',
    'Upload the logo',
    'keeps its record readable and stops new proposals',
    'send each new entry of the decision log to another system, signed.',
  ],
  notifications: [
    'Notification preferences',
    'e-mails you about, and when.',
    'Comment window closing',
    'When a comment window closes within 24 hours.',
    'Immediately',
    'Daily digest',
    'Save preferences',
    'Always sent',
    'New proposals your body decides',
    'so this notice cannot be turned off.',
    'E-mail delivery and failed messages',
  ],
  webhooks: [
    'is POSTed as JSON to the endpoints below',
    'Enabled',
    'every kind of entry',
    'registered',
    'Delete it and its delivery history',
    'Register an endpoint',
    'Addresses that lead to a private or internal network are refused.',
    'Which entries of the decision log',
    'Only the kinds I tick',
    'Recent deliveries',
    'Waiting',
    '0 attempts',
    'next attempt',
  ],
  witnesses: [
    'A witness is someone outside this organization',
    'Current witnesses',
    'No witnesses yet.',
    'Add a witness',
    'The witness’s key',
    'is recorded in the decision log.',
  ],
  archive: [
    'An archived organization keeps its charter',
    'Archiving is refused while a proposal is published and not yet decided',
    "Type the organization's name to confirm",
    'Archive the organization',
  ],
  delivery: ['Notices waiting, sent, and those the mail server refused', 'In digests', 'Failed (dead letters)', 'Dead letters', 'No failed deliveries.'],
};

describe('the settings pages in French and German', () => {
  it.each(Object.keys(pages) as (keyof typeof pages)[])('%s: the English sentences are there in English, and none in French or German', async (page) => {
    signInAs(admin);
    const en = await render('en', page);
    for (const s of english[page]) expect(en, page).toContain(s);
    for (const locale of ['fr', 'de'] as const) {
      const text = await render(locale, page);
      for (const s of english[page]) expect(text, `${locale} ${page}`).not.toContain(s);
    }
  });

  it('a French success line: the preferences saved', async () => {
    signInAs(admin);
    serverIntl.locale = 'fr';
    try {
      const state = await saveNotificationPreferencesAction(
        initialActionState,
        form({ orgId, ...Object.fromEntries(optionalKinds.map((k) => [k, k === 'decision' ? 'digest' : 'immediate'])) }),
      );
      expect(state.ok, state.message).toBe(true);
      expect(state.message).toBe('Vos préférences de notification sont enregistrées.');
    } finally {
      serverIntl.locale = 'en';
    }
  });

  it('the English names of notification and webhook kinds are the code’s', () => {
    const s = catalogues.en.settings;
    expect(s.kinds).toEqual(kindLabels);
    expect(s.kindDescriptions).toEqual(kindDescriptions);
    const webhookOnly = Object.keys(webhookKindLabels).filter((k) => !(k in logKindLabels));
    const named = Object.fromEntries(webhookOnly.map((k) => [k, k.split('.').reduce((o: unknown, p) => (o as Record<string, unknown>)[p], s.webhookKinds)]));
    expect(named).toEqual(Object.fromEntries(webhookOnly.map((k) => [k, webhookKindLabels[k]])));
  });
});
