/**
 * The meetings pages' rule texts in the reader's language (issue 16): the charter's meeting rules line, why a meeting is
 * irregular, the notice's coverage, the quorum's ratio, a roll call's outcome, standing and majority, and the first
 * draft of the minutes. In English, word for word what the English functions (the log's, the API's) say; in French and
 * German, none of those sentences is left.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { loadMinutesView } from '@/db/read/meeting-minutes';
import { loadMeetingRollCalls } from '@/db/read/meeting-roll-calls';
import { listMeetingSummaries, loadMeetingPage, loadMeetingsPage } from '@/db/read/meetings';
import { recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { recordRollCall } from '@/lib/use-cases/meeting-roll-calls';
import { scheduleMeeting, updateMeeting } from '@/lib/use-cases/meetings';
import type { Locale } from '@/lib/i18n/locales';
import { pageText } from '../support/server-intl';
import { session, withTestDatabase } from './helpers';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { clockFrom } from './fixtures/scenario';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));
vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);
// The flash region reads the request's cookies: nothing to show here.
vi.mock('@/components/ui/flash', () => ({ FlashRegion: () => null }));
// An async server component (it loads the held motions itself), which static markup cannot await: its own test covers it.
vi.mock('@/components/organizations/held-motions-notice', () => ({ HeldMotionsNotice: () => null }));

const { default: ListPage } = await import('@/app/o/[slug]/meetings/page');
const { default: MeetingPage } = await import('@/app/o/[slug]/meetings/[number]/page');

const T0 = new Date('2026-05-04T09:00:00Z');
const at = clockFrom(T0);
const MIN = 60_000;
const slug = 'meetwords';

let db: Database;
let org: FoundedOrganization;
let meeting: { id: string; number: number };

/** A board of 9 charter seats, 6 filled; a meeting moved to three hours' notice (irregular), with a carried roll call (held). */
withTestDatabase({ app: true }, async (handle) => {
  db = handle.db;
  org = await foundOrganization(db, { slug, seated: 6, at: T0 });
  const details = (start: Date) => ({ title: 'Board meeting', startsAt: start, endsAt: new Date(start.getTime() + 90 * MIN), location: 'Room 2' });
  meeting = await scheduleMeeting(
    db,
    org.admin,
    { orgId: org.orgId, bodyKey: 'board', kind: 'regular', ...details(at(20)), agenda: [{ kind: 'item', text: 'The budget' }] },
    at(1),
  );
  await updateMeeting(
    db,
    org.admin,
    { orgId: org.orgId, meetingId: meeting.id, ...details(at(12, 3)), agenda: [{ kind: 'item', text: 'The budget' }] },
    at(12),
  );
  for (let i = 0; i < 6; i++) {
    const status = i === 5 ? 'absent' : i === 4 ? 'remote' : 'present';
    await recordAttendance(db, org.admin, { orgId: org.orgId, meetingId: meeting.id, userId: org.people[i]!.userId, status }, at(12, 3.1));
  }
  const votes = [0, 1, 2, 3, 4].map((i) => ({ userId: org.people[i]!.userId, vote: 'yes' as const }));
  await recordRollCall(db, org.admin, { orgId: org.orgId, meetingId: meeting.id, agendaItem: 1, motion: 'Adopt the budget', votes }, at(12, 3.2));
});

const list = (locale: Locale) => pageText(locale, () => ListPage({ params: Promise.resolve({ slug }) }));
const one = (locale: Locale) => pageText(locale, () => MeetingPage({ params: Promise.resolve({ slug, number: String(meeting.number) }) }));
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What the English functions say (the API's fields and the draft as it was always prefilled): the pages' English must match. */
async function englishSentences() {
  const [listPage, summaries, page] = await Promise.all([
    loadMeetingsPage(org.orgId, org.admin.userId),
    listMeetingSummaries(org.orgId),
    loadMeetingPage(org.orgId, meeting.number, org.admin.userId, new Date()),
  ]);
  const rollCalls = await loadMeetingRollCalls(meeting.id, true);
  const m = page!.meeting;
  const minutes = await loadMinutesView(
    { ...m, orgId: org.orgId, agenda: page!.agenda, attendance: page!.attendance, quorum: page!.quorum, started: page!.started, cancelled: m.cancelled },
    org.admin.userId,
    rollCalls.map((r) => ({ motion: r.motion, outcome: `${r.outcomeText} (${r.standingText})`, votes: r.votes.map((v) => ({ name: v.name, vote: v.vote })) })),
  );
  return {
    rules: listPage.rules!,
    reasons: summaries[0]!.irregularReasons,
    coverage: page!.notice.coverage,
    delivered: page!.notice.delivered,
    quorumRatio: `${page!.quorum.ratio} needed`,
    outcome: rollCalls[0]!.outcomeText,
    standing: rollCalls[0]!.standingText,
    majority: `Majority: ${rollCalls[0]!.majorityText} of the charter seats.`,
    prefill: minutes.prefill!,
  };
}

describe('the meetings pages’ rule texts', () => {
  it('read in English word for word as the English functions say them, the minutes’ first draft included', async () => {
    signInAsPerson(org, 0);
    const en = await englishSentences();
    // The figures the fixture should give, so the comparison below is about something.
    expect(en.reasons).toEqual(['Short notice: 3 hours given, the charter requires 7 days.']);
    expect(en.coverage).toBe('6 of 6 seat holders (100%)');
    expect(en.outcome).toContain('Yes 5, no 0, abstain 0, absent 1. Quorum met: 5 of 9 charter seats voting');
    expect(en.standing).toBe('Carried at an irregular meeting: held — not in effect until ratified');
    expect(en.prefill).toContain('# Minutes of meeting #1: Board meeting');
    const listed = await list('en');
    expect(listed).toContain(en.rules);
    expect(listed).toContain(en.reasons[0]);
    const page = await one('en');
    for (const sentence of [en.reasons[0]!, en.coverage, en.delivered, en.quorumRatio, en.outcome, en.standing, en.majority]) expect(page).toContain(sentence);
    expect(page).toContain(flat(en.prefill));
  });

  // The English words of these texts (not the names, titles and motions the organization wrote).
  const english =
    /Regular meetings need|nothing else shortens|Short notice|seat holders|charter seats|charter requires|Yes \d|abstain \d|Quorum (met|not met)|needed to carry|Carried|Not carried|in effect|Minutes of meeting|Place:|Attendance|Present:|Remote:|Absent:|Discussion and outcome|Roll-call votes|more than \d|or more|\d+ (days?|hours?)\b/;

  it.each(['fr', 'de'] as Locale[])('%s: none of the English sentences is left, the minutes’ first draft included', async (locale) => {
    signInAsPerson(org, 0);
    const en = await englishSentences();
    const said = `${await list(locale)} ${await one(locale)}`;
    for (const sentence of [en.rules, ...en.reasons, en.coverage, en.delivered, en.quorumRatio, en.outcome, en.standing, en.majority]) {
      expect(said).not.toContain(sentence);
    }
    expect(said).not.toMatch(english);
    // The draft in that language, its dates too.
    expect(said).toContain(locale === 'fr' ? 'Procès-verbal de la réunion n° 1 : Board meeting' : 'Protokoll der Sitzung Nr. 1: Board meeting');
    expect(said).toContain(locale === 'fr' ? 'du 16 mai 2026, 12:00 UTC au' : '16. Mai 2026, 12:00 UTC bis');
    expect(said).toContain(locale === 'fr' ? 'Convocation tardive : 3 heures de délai accordé' : 'Zu kurzfristige Einladung: gewährte Frist 3 Stunden');
  });
});
