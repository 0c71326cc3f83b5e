import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { notifyEvents, organizations, outbox, users } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { signInMailLocale } from '@/lib/auth/mail-locale';
import { env } from '@/lib/env';
import { deliverDue } from '@/lib/notify/delivery';
import type { MailTransport } from '@/lib/notify/delivery';
import { listStoredMail } from '@/lib/notify/mailer';
import type { OutgoingMail } from '@/lib/notify/mailer';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft } from '@/lib/use-cases/drafts';
import { recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { recordRollCall } from '@/lib/use-cases/meeting-roll-calls';
import { scheduleMeeting } from '@/lib/use-cases/meetings';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { clockFrom } from './fixtures/scenario';
import { form, session, signInAs, withTestDatabase } from './helpers';
import { parseICalendar } from '../support/icalendar-parse';

// E-mails in the recipient's language through the production paths: the outbox and its worker
// (the decision notice, a meeting's notice with its calendar invitation, a roll call's notice), the
// members page's invitation action, and the sign-in mail's language.

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

describe('a meeting’s notice and a roll call delivered by the worker', () => {
  it('the notice, its calendar invitation and the roll call’s count and standing in each reader’s language; English as before', async () => {
    await setLocale(org.people[1]!.userId, 'fr');
    await setLocale(org.people[2]!.userId, 'de');
    await setLocale(org.people[3]!.userId, null);
    const admin = org.admin;
    const start = at(21);
    const meeting = await scheduleMeeting(
      db,
      admin,
      {
        orgId: org.orgId,
        bodyKey: 'board',
        kind: 'regular',
        title: 'Spring meeting; budget, roof',
        startsAt: start,
        endsAt: at(21, 2),
        location: 'Salle 2',
        agenda: [{ kind: 'item', text: 'Accounts' }],
      },
      at(12),
    );
    const mails = recordingTransport();
    await deliverDue(db, mails, at(12, 1));
    const to = async (i: number, kind: string) => {
      const address = await emailOf(org.people[i]!.userId);
      return mails.sent.filter((m) => m.to === address && m.headers?.['X-Quorate-Kind'] === kind).at(-1)!;
    };
    const invite = async (i: number) => {
      const raw = (await to(i, 'meeting_notice')).attachments![0]!.content;
      // Valid iCalendar: CRLF lines of at most 75 octets, folded lines unfolding to the escaped values.
      for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(raw.replace(/\r\n /g, '')).toContain('Spring meeting\\; budget\\, roof');
      return parseICalendar(raw).events[0]!;
    };
    expect((await to(1, 'meeting_notice')).text).toContain('Convocation à une réunion ordinaire de l’organe « Board »');
    expect(await invite(1)).toMatchObject({
      SUMMARY: 'Quai des Langues : Spring meeting; budget, roof (Board)',
      DESCRIPTION: expect.stringMatching(
        /^Réunion ordinaire nº \d+ de l’organe « Board »\.\n1\. Accounts\nhttp:\/\/quorate\.test\/o\/i18n-mail\/meetings\/\d+$/,
      ),
    });
    expect(await invite(2)).toMatchObject({
      SUMMARY: 'Quai des Langues: Spring meeting; budget, roof („Board“)',
      DESCRIPTION: expect.stringMatching(/^Ordentliche Sitzung Nr\. \d+ des Gremiums „Board“\.\n1\. Accounts\n/),
    });
    expect(await invite(3)).toMatchObject({
      SUMMARY: 'Quai des Langues: Spring meeting; budget, roof (Board)',
      DESCRIPTION: expect.stringMatching(new RegExp(`^Regular meeting #${meeting.number} of the Board\\.\\n1\\. Accounts\\n`)),
    });

    // All seven seat holders attend; six vote yes, one no: carried, in effect.
    for (let i = 0; i < 7; i++)
      await recordAttendance(db, admin, { orgId: org.orgId, meetingId: meeting.id, userId: org.people[i]!.userId, status: 'present' }, at(21, 0.1));
    const votes = (no: number) => org.people.slice(0, 7).map((p, i) => ({ userId: p.userId, vote: i === no ? ('no' as const) : ('yes' as const) }));
    await recordRollCall(db, admin, { orgId: org.orgId, meetingId: meeting.id, agendaItem: null, motion: 'Repaint the hall', votes: votes(6) }, at(21, 1));
    // A second roll call whose event is rewritten as rows were queued before notices carried facts: English lines only.
    await recordRollCall(db, admin, { orgId: org.orgId, meetingId: meeting.id, agendaItem: null, motion: 'Fix the gate', votes: votes(5) }, at(21, 1));
    const events = await db
      .select()
      .from(notifyEvents)
      .where(and(eq(notifyEvents.orgId, org.orgId), eq(notifyEvents.kind, 'meeting_roll_call')));
    const rollCallOf = (motion: string) => events.find((e) => (e.payload.rollCall as { motion: string }).motion === motion)!;
    // The event carries the facts, not the rules' English lines.
    expect(rollCallOf('Repaint the hall').payload.rollCall).toMatchObject({ standingCode: 'in_effect', counts: { yes: 6, no: 1, carried: true } });
    expect(events.every((e) => !('standing' in (e.payload.rollCall as object)) && !('outcome' in (e.payload.rollCall as object)))).toBe(true);
    const old = rollCallOf('Fix the gate');
    const rest = { ...(old.payload.rollCall as Record<string, unknown>) };
    delete rest.standingCode;
    delete rest.counts;
    await db
      .update(notifyEvents)
      .set({ payload: { ...old.payload, rollCall: { ...rest, standing: 'Carried: in effect', outcome: 'Yes 6, no 1 (as the rules wrote it).' } } })
      .where(eq(notifyEvents.id, old.id));

    await deliverDue(db, mails, at(21, 2));
    const rollCalls = async (i: number) => {
      const address = await emailOf(org.people[i]!.userId);
      const sent = mails.sent.filter((m) => m.to === address && m.headers?.['X-Quorate-Kind'] === 'meeting_roll_call');
      return { facts: sent.find((m) => m.text.includes('Repaint the hall'))!, old: sent.find((m) => m.text.includes('Fix the gate'))! };
    };
    const fr = await rollCalls(1);
    expect(fr.facts.subject).toMatch(
      /^\[Quai des Langues\] Vote nominal : le vote nominal nº 1 de la réunion nº \d+ de l’organe « Board » — Adoptée : en vigueur$/,
    );
    expect(fr.facts.text).toContain(
      'Pour 6, contre 1, abstentions 0, absents 0. Quorum atteint : 7 sièges statutaires votants sur 9, 5 requis. Adoption : 5 voix pour requises sur 9 sièges statutaires.\nAdoptée : en vigueur\n',
    );
    expect(fr.facts.html).toContain('<html lang="fr">');
    expect(fr.facts.text).not.toMatch(/Carried|charter seats|Quorum met/);
    expect(fr.old.text).toContain('Yes 6, no 1 (as the rules wrote it).\nCarried: in effect\n');
    const de = await rollCalls(2);
    expect(de.facts.text).toContain('Ja 6, Nein 1, Enthaltung 0, abwesend 0. Beschlussfähigkeit erreicht: 7 von 9 satzungsmäßigen Sitzen stimmen ab');
    expect(de.facts.subject).toMatch(/ — Angenommen: wirksam$/);
    expect(de.old.subject).toMatch(/ — Carried: in effect$/);
    const en = await rollCalls(3);
    expect(en.facts.subject).toMatch(/^\[Quai des Langues\] Roll call: roll call 1 of meeting #\d+ of the Board — Carried: in effect$/);
    expect(en.facts.text).toContain(
      'Motion: Repaint the hall\nYes 6, no 1, abstain 0, absent 0. Quorum met: 7 of 9 charter seats voting, 5 needed. 5 yes votes of 9 charter seats needed to carry.\nCarried: in effect\n',
    );
    expect(en.facts.html).toContain('<html lang="en">');
    expect(en.old.text).toContain('Motion: Fix the gate\nYes 6, no 1 (as the rules wrote it).\nCarried: in effect\n');
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
