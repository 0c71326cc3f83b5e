/**
 * A proposal taken as a meeting's agenda item, and the motion of a roll call on it, stored as English ("Proposal #4:
 * <title>"), in the reader's language: on the meeting page (the roll call's heading) and in the e-mails the outbox
 * worker sends (the meeting's notice, its calendar invitation, the roll call's notice). The use cases schedule the
 * meeting and record the roll calls; the real page renders; the real worker delivers. An item the organization typed
 * itself, even one worded like a proposal's, stays as given; English is word for word as before.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { proposals, users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { deliverDue } from '@/lib/notify/delivery';
import type { MailTransport } from '@/lib/notify/delivery';
import type { OutgoingMail } from '@/lib/notify/mailer';
import { recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { recordRollCall } from '@/lib/use-cases/meeting-roll-calls';
import { scheduleMeeting } from '@/lib/use-cases/meetings';
import { pageText } from '../support/server-intl';
import { parseICalendar } from '../support/icalendar-parse';
import { session, withTestDatabase } from './helpers';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { clockFrom, publishedProposal } from './fixtures/scenario';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);
vi.mock('@/components/ui/flash', () => ({ FlashRegion: () => null }));
vi.mock('@/components/organizations/held-motions-notice', () => ({ HeldMotionsNotice: () => null }));

const { default: MeetingPage } = await import('@/app/o/[slug]/meetings/[number]/page');

const T0 = new Date('2026-05-04T09:00:00Z');
const at = clockFrom(T0);
const slug = 'items-i18n';
/** Typed by the organization as a free-text item, worded like a proposal's: its own words, in every language. */
const typed = 'Proposal #77: the neighbours’ fence';
let db: Database;
let org: FoundedOrganization;
let meeting: { id: string; number: number };
let n: number;
const sent: OutgoingMail[] = [];

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  org = await foundOrganization(db, { slug, seated: 6, at: T0 });
  for (const [i, locale] of [
    [1, 'fr'],
    [2, 'de'],
    [3, 'en'],
  ] as const)
    await db.update(users).set({ locale }).where(eq(users.id, org.people[i]!.userId));
  const id = await publishedProposal(db, org.people[1]!, org.orgId, { title: 'A garden rota', body: 'Who waters the garden, and when.' }, at(1));
  n = (
    await db
      .select({ n: proposals.number })
      .from(proposals)
      .where(and(eq(proposals.id, id)))
  )[0]!.n;
  meeting = await scheduleMeeting(
    db,
    org.admin,
    {
      orgId: org.orgId,
      bodyKey: 'board',
      kind: 'regular',
      title: 'Board meeting',
      startsAt: at(20),
      endsAt: at(20, 2),
      location: 'Room 2',
      agenda: [
        { kind: 'proposal', number: n },
        { kind: 'item', text: typed },
      ],
    },
    at(2),
  );
  for (let i = 0; i < 6; i++)
    await recordAttendance(db, org.admin, { orgId: org.orgId, meetingId: meeting.id, userId: org.people[i]!.userId, status: 'present' }, at(20, 0.1));
  const votes = [0, 1, 2, 3, 4, 5].map((i) => ({ userId: org.people[i]!.userId, vote: 'yes' as const }));
  // The motions as the form leaves them when an agenda item is chosen and no motion typed: the item's words.
  await recordRollCall(db, org.admin, { orgId: org.orgId, meetingId: meeting.id, agendaItem: 1, motion: '', votes }, at(20, 0.2));
  await recordRollCall(db, org.admin, { orgId: org.orgId, meetingId: meeting.id, agendaItem: 2, motion: '', votes }, at(20, 0.3));
  const recording: MailTransport = { kind: 'file', send: async (m) => void sent.push(m), close: async () => {} };
  await deliverDue(db, recording, at(20, 1));
});

/** The page as the admin sees it: with the secretary's form and the minutes' first draft (its roll calls' motions). */
const page = (locale: Locale) => {
  signInAsPerson(org, 0);
  return pageText(locale, () => MeetingPage({ params: Promise.resolve({ slug, number: String(meeting.number) }) }));
};

async function mailsOf(i: number) {
  const address = (await db.select({ email: users.email }).from(users).where(eq(users.id, org.people[i]!.userId)))[0]!.email;
  const of = (kind: string) => sent.filter((m) => m.to === address && m.headers?.['X-Quorate-Kind'] === kind);
  const notice = of('meeting_notice').at(-1)!;
  return {
    notice: notice.text,
    invite: String(parseICalendar(notice.attachments![0]!.content).events[0]!.DESCRIPTION),
    rollCalls: of('meeting_roll_call')
      .map((m) => m.text)
      .join('\n'),
  };
}

const english = () => `Proposal #${n}: A garden rota`;

describe('a proposal taken as an agenda item or a motion', () => {
  it('English: as stored, word for word, on the page and in the e-mails', async () => {
    const text = await page('en');
    expect(text).toContain(`Roll call 1: ${english()}`);
    expect(text).toContain(`Roll call 2: ${typed}`);
    // The minutes' first draft (Markdown, its # escaped) lists each roll call under its motion.
    expect(text).toContain(`### Proposal \\#${n}: A garden rota: Yes 6`);
    expect(text).toContain('### Proposal \\#77: the neighbours’ fence: Yes 6');
    const mails = await mailsOf(3);
    expect(mails.notice).toContain(`Agenda:\n1. ${english()}\n2. ${typed}\n`);
    expect(mails.invite).toContain(`\n1. ${english()}\n2. ${typed}\n`);
    expect(mails.rollCalls).toContain(`Motion: ${english()}\n`);
    expect(mails.rollCalls).toContain(`Motion: ${typed}\n`);
  });

  it('French: “Proposition n° …”, the typed item as given', async () => {
    const text = await page('fr');
    expect(text).toContain(`Proposition n° ${n} : A garden rota`);
    expect(text).toContain(`### Proposition n° ${n} : A garden rota : `);
    expect(text).toContain('### Proposal \\#77: the neighbours’ fence : ');
    expect(text).not.toContain(`Proposal \\#${n}`);
    expect(text).toContain(typed);
    expect(text).not.toContain(english());
    const mails = await mailsOf(1);
    expect(mails.notice).toContain(`1. Proposition n° ${n} : A garden rota\n2. ${typed}\n`);
    expect(mails.invite).toContain(`\n1. Proposition n° ${n} : A garden rota\n2. ${typed}\n`);
    expect(mails.rollCalls).toContain(`Proposition n° ${n} : A garden rota`);
    expect(mails.rollCalls).toContain(typed);
    for (const s of [mails.notice, mails.invite, mails.rollCalls]) expect(s).not.toContain(english());
  });

  it('German: “Antrag Nr. …”, the typed item as given', async () => {
    const text = await page('de');
    expect(text).toContain(`Antrag Nr. ${n}: A garden rota`);
    expect(text).toContain(`### Antrag Nr\\. ${n}: A garden rota: `);
    expect(text).not.toContain(`Proposal \\#${n}`);
    expect(text).toContain(typed);
    expect(text).not.toContain(english());
    const mails = await mailsOf(2);
    expect(mails.notice).toContain(`1. Antrag Nr. ${n}: A garden rota\n2. ${typed}\n`);
    expect(mails.invite).toContain(`\n1. Antrag Nr. ${n}: A garden rota\n2. ${typed}\n`);
    expect(mails.rollCalls).toContain(`Antrag Nr. ${n}: A garden rota`);
    for (const s of [mails.notice, mails.invite, mails.rollCalls]) expect(s).not.toContain(english());
  });
});
