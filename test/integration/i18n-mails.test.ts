import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { organizations, outbox, users } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { signInMailLocale } from '@/lib/auth/mail-locale';
import { env } from '@/lib/env';
import { deliverDue } from '@/lib/notify/delivery';
import type { MailTransport } from '@/lib/notify/delivery';
import { listStoredMail } from '@/lib/notify/mailer';
import type { OutgoingMail } from '@/lib/notify/mailer';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { clockFrom } from './fixtures/scenario';
import { form, session, signInAs, withTestDatabase } from './helpers';

// E-mails in the recipient's language through the production paths: the outbox and its worker
// (the decision notice), the members page's invitation action, and the sign-in mail's language.

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { inviteMemberAction } = await import('@/app/o/[slug]/members/actions');

const T0 = new Date('2026-03-02T09:00:00Z');
const at = clockFrom(T0);
let db: Database;
let org: FoundedOrganization;
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  org = await foundOrganization(db, { slug: 'i18n-mail', name: 'Quai des Langues', seated: 7, at: T0 });
});
beforeEach(() => signInAs(null));

const setLocale = (userId: string, locale: string | null) => db.update(users).set({ locale }).where(eq(users.id, userId));
const emailOf = async (userId: string) => (await db.select({ email: users.email }).from(users).where(eq(users.id, userId)))[0]!.email;

function recordingTransport(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { kind: 'file', sent, send: async (m) => void sent.push(m), close: async () => {} };
}

describe('a decision notice delivered by the worker', () => {
  it('reaches a French and a German reader in their language, and an English one unchanged', async () => {
    await setLocale(org.people[1]!.userId, 'fr');
    await setLocale(org.people[2]!.userId, 'de');
    const author = org.people[0]!;
    const { id } = await createDraft(
      db,
      author,
      {
        orgId: org.orgId,
        typeKey: 'resolution',
        title: 'Open board meetings',
        body: 'Board meetings are open.',
        subjectUserId: null,
        effect: {},
        emergency: false,
      },
      at(1),
    );
    await publishProposal(db, author, { orgId: org.orgId, proposalId: id }, at(1));
    await recordTransitions(db, id, org.orgId, at(8, 1));
    for (const i of [0, 1, 2, 3, 4]) await castBallot(db, org.people[i]!, { orgId: org.orgId, proposalId: id, choice: 'yes', rationale: null }, at(9));
    await recordTransitions(db, id, org.orgId, at(11, 2));
    expect(
      (
        await db
          .select()
          .from(outbox)
          .where(and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'decision')))
      ).length,
    ).toBeGreaterThan(3);

    const mails = recordingTransport();
    await deliverDue(db, mails, at(11, 3));
    const decisionTo = async (i: number) => {
      const to = await emailOf(org.people[i]!.userId);
      return mails.sent.find((m) => m.to === to && m.headers?.['X-Quorate-Kind'] === 'decision')!;
    };
    const fr = await decisionTo(1);
    expect(fr.subject).toBe('[Quai des Langues] Décision sur #1 Open board meetings : adoptée');
    expect(fr.text).toContain('La proposition #1 Open board meetings a été adoptée.');
    expect(fr.text).toContain('Résultat : 5 pour, 0 contre, 0 abstention(s)');
    expect(fr.text).toContain('Se désabonner de ces e-mails : http');
    expect(fr.html).toContain('<html lang="fr">');
    const de = await decisionTo(2);
    expect(de.subject).toBe('[Quai des Langues] Entscheidung über #1 Open board meetings: angenommen');
    expect(de.text).toContain('Ergebnis: 5 Ja, 0 Nein');
    expect(de.html).toContain('<html lang="de">');
    const en = await decisionTo(3);
    expect(en.subject).toBe('[Quai des Langues] Decided: #1 Open board meetings passed');
    expect(en.html).toContain('<html lang="en">');
  });
});

describe('the invitation from the members page', () => {
  it('is in the organization’s default language for a new address, and in an account’s own choice over it', async () => {
    await db.update(organizations).set({ defaultLocale: 'de' }).where(eq(organizations.id, org.orgId));
    const admin = org.admin;
    signInAs({ id: admin.userId, email: await emailOf(admin.userId), name: null });
    const fresh = 'nina@quai.example.org';
    expect(await inviteMemberAction(initialActionState, form({ orgId: org.orgId, email: fresh, role: 'member' }))).toMatchObject({ ok: true });
    const toNina = (await listStoredMail(env().mailDir, 5000)).find((m) => m.to === fresh)!;
    expect(toNina.subject).toMatch(/^\[Quai des Langues\] .+ lädt Sie zu Quai des Langues ein$/);
    expect(toNina.text).toContain('auf Quorate als Mitglied beizutreten.');
    expect(toNina.text).toMatch(/http:\/\/quorate\.test\/signin\/confirm\S+/);

    // Someone who already uses Quorate and chose French reads it in French.
    const [known] = await db.insert(users).values({ email: 'odile@quai.example.org', locale: 'fr' }).returning({ id: users.id });
    expect(known).toBeTruthy();
    expect(await inviteMemberAction(initialActionState, form({ orgId: org.orgId, email: 'odile@quai.example.org', role: 'observer' }))).toMatchObject({
      ok: true,
    });
    const toOdile = (await listStoredMail(env().mailDir, 5000)).find((m) => m.to === 'odile@quai.example.org')!;
    expect(toOdile.subject).toMatch(/vous invite à rejoindre Quai des Langues$/);
    expect(toOdile.text).toContain('en tant qu’observateur.');
    expect(toOdile.html).toContain('<html lang="fr">');
    await db.update(organizations).set({ defaultLocale: null }).where(eq(organizations.id, org.orgId));
  });
});

describe('the sign-in e-mail’s language', () => {
  it('the account’s choice, else the browser’s, else English', async () => {
    await db.insert(users).values({ email: 'pia@quai.example.org', locale: 'de' });
    expect(await signInMailLocale(db, 'pia@quai.example.org', 'fr-FR,fr;q=0.9')).toBe('de');
    expect(await signInMailLocale(db, 'nobody@quai.example.org', 'fr-CA,en;q=0.5')).toBe('fr');
    expect(await signInMailLocale(db, 'nobody@quai.example.org', 'es')).toBe('en');
    expect(await signInMailLocale(db, 'nobody@quai.example.org', null)).toBe('en');
  });
});
