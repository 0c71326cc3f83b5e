/**
 * The settings pages of an archived organization offer only what the archive guard takes (lib/use-cases): on the
 * webhooks page, disabling an enabled endpoint (no register form, no enable, delete or replay button); on the
 * witnesses page, nothing (no add form, no remove button); on the profile page, none of the profile, logo and
 * default-language forms. Each page says why, in English, French and German; once unarchived, every form is back.
 */
import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { setOrganizationArchivedAt } from '@/db/queries/organizations';
import { users, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { catalogues } from '@/lib/i18n/catalogue';
import { createTranslator } from 'use-intl/core';
import { ed25519PublicKeyRaw } from '@/lib/log/checkpoint';
import { witnessVerifierKey } from '@/lib/log/cosignature';
import { registerWebhookEndpoint } from '@/lib/use-cases/webhooks';
import { addWitness } from '@/lib/use-cases/witnesses';
import { pageText } from '../support/server-intl';
import { session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/navigation', async (original) => ({ ...(await original<object>()), useRouter: () => ({ refresh: () => {} }) }));
vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);
vi.mock('@/components/i18n/page-messages', () => ({ PageMessages: ({ children }: { children: React.ReactNode }) => children }));

const ON = 'http://127.0.0.1:9/on';
const OFF = 'http://127.0.0.1:9/off';
const WebhooksPage = (await import('@/app/o/[slug]/settings/webhooks/page')).default;
const WitnessesPage = (await import('@/app/o/[slug]/settings/witnesses/page')).default;
const ProfilePage = (await import('@/app/o/[slug]/settings/profile/page')).default;
const WITNESS = 'witness.example/archive';
const slug = 'riverbend-commons';
let db: Database;
let orgId: string;
/** The dead letter's entry. */
let deadSeq = 0;

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  const admin = (await db.select().from(users)).find((u) => u.email.startsWith('ada@'))!;
  signInAs(admin);
  const at = new Date();
  const { publicKey } = generateKeyPairSync('ed25519');
  await addWitness(db, { orgId, actorId: admin.id, verifierKey: witnessVerifierKey(WITNESS, ed25519PublicKeyRaw(publicKey)), at });
  await registerWebhookEndpoint(db, { orgId, actorId: admin.id, url: ON, kinds: null, at }, { allowPrivate: true });
  const off = await registerWebhookEndpoint(db, { orgId, actorId: admin.id, url: OFF, kinds: null, at }, { allowPrivate: true });
  await db.update(webhookEndpoints).set({ enabled: false }).where(eq(webhookEndpoints.id, off.id));
  // A dead letter on the page: the deliveries of a profile change, marked dead.
  const { saveOrganizationProfileAction } = await import('@/app/o/[slug]/settings/profile/actions');
  const { form } = await import('./helpers');
  const { initialActionState } = await import('@/lib/actions/state');
  const saved = await saveOrganizationProfileAction(
    initialActionState,
    form({ orgId, name: 'Riverbend Commons', mission: 'A changed mission, for a delivery.', visibility: 'public' }),
  );
  expect(saved.ok, saved.message).toBe(true);
  const [dead] = await db.update(webhookDeliveries).set({ status: 'dead' }).where(eq(webhookDeliveries.orgId, orgId)).returning({ seq: webhookDeliveries.seq });
  deadSeq = dead!.seq;
});

const render = (locale: 'en' | 'fr' | 'de') => pageText(locale, () => WebhooksPage({ params: Promise.resolve({ slug }) }));
/** The forms' names (each form's aria-label) and the page's note and register heading, in `locale`. */
function words(locale: 'en' | 'fr' | 'de') {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'settings' });
  return {
    note: t('webhooksArchived'),
    register: t('registerTitle'),
    disableOn: t('disableLabel', { url: ON }),
    deleteOn: t('deleteLabel', { url: ON }),
    enableOff: t('enableLabel', { url: OFF }),
    deleteOff: t('deleteLabel', { url: OFF }),
    replay: t('replayLabel', { seq: deadSeq }),
  };
}

describe('the webhooks page of an archived organization', () => {
  it.each(['en', 'fr', 'de'] as const)('%s: only disabling is offered, with a note saying why', async (locale) => {
    const w = words(locale);
    await setOrganizationArchivedAt(db, orgId, new Date());
    const archived = await render(locale);
    expect(archived).toContain(w.note);
    expect(archived).toContain(w.disableOn);
    for (const refused of [w.register, w.deleteOn, w.enableOff, w.deleteOff, w.replay]) expect(archived, refused).not.toContain(refused);

    await setOrganizationArchivedAt(db, orgId, null);
    const active = await render(locale);
    expect(active).not.toContain(w.note);
    for (const offered of [w.register, w.disableOn, w.deleteOn, w.enableOff, w.deleteOff, w.replay]) expect(active, offered).toContain(offered);
  });
});

const pageOf = { witnesses: WitnessesPage, profile: ProfilePage };
const renderPage = (page: keyof typeof pageOf, locale: 'en' | 'fr' | 'de') => pageText(locale, () => pageOf[page]({ params: Promise.resolve({ slug }) }));

describe('the witnesses and profile pages of an archived organization', () => {
  it.each(['en', 'fr', 'de'] as const)('%s: no form is offered, with a note saying why', async (locale) => {
    const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'settings' });
    const forms = {
      witnesses: { note: t('witnessesArchived'), offered: [t('removeWitnessLabel', { name: WITNESS }), t('addWitnessSubmit')] },
      profile: { note: t('profileArchived'), offered: [t('saveProfile'), t('uploadLogo')] },
    };
    for (const page of ['witnesses', 'profile'] as const) {
      await setOrganizationArchivedAt(db, orgId, new Date());
      const archived = await renderPage(page, locale);
      expect(archived, page).toContain(forms[page].note);
      for (const refused of forms[page].offered) expect(archived, `${page}: ${refused}`).not.toContain(refused);

      await setOrganizationArchivedAt(db, orgId, null);
      const active = await renderPage(page, locale);
      expect(active, page).not.toContain(forms[page].note);
      for (const offered of forms[page].offered) expect(active, `${page}: ${offered}`).toContain(offered);
    }
  });
});
