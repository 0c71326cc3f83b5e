/**
 * The e-mail delivery page's dead letters, their last error in the reader's language: the real delivery worker
 * (`deliverBatch`) fails each notice with a transport error of a known kind and stores its English sentence; the real
 * page reads the code and the SMTP status back from it and words them from the catalogue. English is the worker's
 * sentence word for word; French and German keep none of it, only the status as given; a text an older version stored
 * is shown as stored, in every language.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { outbox, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import type { Locale } from '@/lib/i18n/locales';
import { deliverBatch, deliveryOptions, describeDeliveryError } from '@/lib/notify/delivery';
import type { MailTransport } from '@/lib/notify/delivery';
import { pageText } from '../support/server-intl';
import { session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/navigation', async (original) => ({ ...(await original<object>()), useRouter: () => ({ refresh: () => {} }) }));
vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);
vi.mock('@/components/i18n/page-messages', () => ({ PageMessages: ({ children }: { children: React.ReactNode }) => children }));

const DeliveryPage = (await import('@/app/o/[slug]/delivery/page')).default;

const slug = 'riverbend-commons';
/** The errors the transport throws, one kind after another: what a mail server, the network, the disk or the worker says. */
const errors = [
  Object.assign(new Error('550 5.1.1 <rosa@mail.internal>: user unknown'), { responseCode: 550 }),
  Object.assign(new Error('451 4.7.1 try later'), { responseCode: 451 }),
  Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:587'), { code: 'ECONNREFUSED' }),
  Object.assign(new Error("EACCES: permission denied, open '/srv/quorate/mail/x.eml'"), { code: 'EACCES' }),
  Object.assign(new Error('no checkpoint for organization x'), { code: 'ECHECKPOINT' }),
];
const english = errors.map((e) => describeDeliveryError(e));
const olderText = 'SMTP said no (stored by an older version).';
let db: Database;
let admin: { id: string; email: string; name: string | null };

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  const { orgId } = await seedDemo(db);
  admin = (await db.select({ id: users.id, email: users.email, name: users.name }).from(users)).find((u) => u.email.startsWith('ada@'))!;
  const pending = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.orgId, orgId));
  expect(pending.length).toBeGreaterThan(errors.length);
  // The worker logs each raw error for the operator: not this test's output.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  let n = 0;
  const failing: MailTransport = {
    kind: 'smtp',
    send: async () => {
      throw errors[n++ % errors.length];
    },
    close: async () => {},
  };
  const r = await deliverBatch(db, failing, new Date(), deliveryOptions({ maxAttempts: 1, batchSize: 1000, concurrency: 1 }));
  quiet.mockRestore();
  expect(r.dead).toBe(r.claimed);
  // One dead letter whose text an older version stored, in words the code no longer writes.
  const [one] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, 'dead')).limit(1);
  await db.update(outbox).set({ lastError: olderText }).where(eq(outbox.id, one!.id));
});

const page = (locale: Locale) => {
  signInAs(admin);
  return pageText(locale, () => DeliveryPage({ params: Promise.resolve({ slug }) }));
};

/** English words a last error would leave in a French or German page. */
const englishWords = /\b(mail server|refused|deferred|permanently|tried again|Could not|folder|checkpoint|notice|the server log)\b/i;

describe('a dead letter’s last error on the delivery page', () => {
  it('English: the worker’s sentence word for word, and the older text as stored', async () => {
    const text = await page('en');
    expect(english).toEqual([
      'The mail server refused the message permanently (SMTP 550).',
      'The mail server deferred the message (SMTP 451); it will be tried again.',
      'Could not reach the mail server.',
      'Could not write the message to the mail folder.',
      'The decision log’s checkpoint, which every notice carries, could not be read: the notice was not sent without it.',
    ]);
    for (const s of english) expect(text).toContain(s);
    expect(text).toContain(olderText);
    // Never the raw error: hosts, paths and addresses stay in the operator's log.
    expect(text).not.toMatch(/mail\.internal|10\.0\.0\.7|\/srv\/quorate/);
  });

  it('French: each kind in French, the SMTP status as given, no English left but the older text', async () => {
    const text = (await page('fr')).replace(olderText, '');
    expect(text).toContain('Le serveur de messagerie a refusé le message définitivement (SMTP 550).');
    expect(text).toContain('Le serveur de messagerie a différé le message (SMTP 451) ; un nouvel essai sera fait.');
    expect(text).toContain('Impossible de joindre le serveur de messagerie.');
    expect(text).toContain('Impossible d’écrire le message dans le dossier de courrier.');
    expect(text).toContain('Le point de contrôle du journal des décisions, que porte chaque avis, n’a pas pu être lu');
    for (const s of english) expect(text).not.toContain(s);
    expect(text).not.toMatch(englishWords);
    expect(await page('fr')).toContain(olderText);
  });

  it('German: the same in German', async () => {
    const text = (await page('de')).replace(olderText, '');
    expect(text).toContain('Der Mailserver hat die Nachricht endgültig abgelehnt (SMTP 550).');
    expect(text).toContain('Der Mailserver hat die Nachricht zurückgestellt (SMTP 451); sie wird erneut zugestellt.');
    expect(text).toContain('Der Mailserver war nicht erreichbar.');
    expect(text).toContain('Die Nachricht konnte nicht in den Mail-Ordner geschrieben werden.');
    expect(text).toContain('Der Prüfpunkt des Entscheidungsprotokolls, den jede Mitteilung enthält, konnte nicht gelesen werden');
    for (const s of english) expect(text).not.toContain(s);
    expect(text).not.toMatch(englishWords);
    expect(await page('de')).toContain(olderText);
  });
});
