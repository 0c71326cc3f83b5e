/**
 * Parameters inside translated refusals, through the production path: the rules pass a date, a duration, a phase and
 * a rate limit's policy as facts beside their English words (lib/governance/refusal-facts.ts), and the wording layer
 * (lib/i18n/refusals.ts) says them in the reader's language — for the forms (real server actions, the action wrapper,
 * the request's language as next-intl resolves it) and for the API's problem details (real /api/v1 route handlers and
 * `Accept-Language`). English stays word for word the rules' English. Only the session, the request's headers,
 * next-intl's `getLocale` and the clock are replaced.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { proposals } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { formatMessage } from '@/lib/governance/messages';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import type * as ClockModule from '@/lib/clock';
import { apiV1Fetch } from './api-routes';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { publishedProposal } from './fixtures/scenario';
import { form, session, signInAs, withTestDatabase } from './helpers';

const T0 = new Date('2026-03-02T09:00:00Z');
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(T0) }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
/** The browser's Accept-Language of the request being made (`request.acceptLanguage`), and next-intl's `getLocale`. */
const request = await vi.hoisted(async () => (await import('./support/request-locale-mock')).requestLocaleMock());
vi.mock('next/headers', () => request.nextHeaders);
vi.mock('next-intl/server', () => request.nextIntlServer);

const { castBallotAction, postCommentAction, publishProposalAction } = await import('@/app/o/[slug]/proposals/actions');
const { scheduleMeetingAction } = await import('@/app/o/[slug]/meetings/actions');
const { delegateVoteAction } = await import('@/app/o/[slug]/delegations/actions');

let db: Database;
let org: FoundedOrganization;
let proposalId: string;
let proposalNumber: number;
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  org = await foundOrganization(db, { slug: 'i18n-params', seated: 3, at: new Date(T0.getTime() - 86_400_000) });
  // Published now: in its comment window, so voting opens later, on a date the refusals name.
  proposalId = await publishedProposal(db, org.people[1]!, org.orgId, { title: 'A garden rota', body: 'Who waters the garden, and when.' }, T0);
  proposalNumber = (await db.select({ n: proposals.number }).from(proposals).where(eq(proposals.id, proposalId)))[0]!.n;
});

beforeEach(() => {
  signInAs(null);
  request.acceptLanguage = null;
});

/**
 * English words a parameter would leave in a French or German refusal: a month as `formatUtc` abbreviates it, a unit
 * of time, a phase's or a rate limit's English words.
 */
const englishParam = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|days?|hours?|minutes?|seconds?|draft|awaiting|comments)\b/;

/** Regular notice too short: the board's regular meeting a day ahead (the charter asks 7 days; a special one 48 hours, “2 days”). */
const shortNotice = {
  bodyKey: 'board',
  kind: 'regular',
  title: 'Budget',
  startsAt: '2026-03-03T09:00',
  durationMinutes: '90',
  location: 'Hall',
  agenda: 'The budget',
};

describe('dates and durations inside refusals, in the reader’s language (server actions)', () => {
  const ballot = () => castBallotAction(initialActionState, form({ orgId: org.orgId, proposalId, choice: 'yes' }));

  it('English: the rules’ English word for word', async () => {
    signInAsPerson(org, 1);
    const state = await ballot();
    expect(state).toMatchObject({ ok: false, code: 'voting.not_open_yet' });
    const reason = formatMessage('voting.comment_window', { at: '9 Mar 2026, 09:00 UTC', hours: '7 days' });
    expect(state.message).toBe(formatMessage('voting.not_open_yet', { reason }));
    expect(state.message).toBe('Voting is not open. Voting opens on 9 Mar 2026, 09:00 UTC — the comment window is 7 days and cannot be shortened.');
    expect((await publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId }))).message).toBe(
      'Only the author can publish a draft (the proposal is discussion).',
    );
    signInAsPerson(org, 0);
    expect(await scheduleMeetingAction(initialActionState, form({ orgId: org.orgId, ...shortNotice }))).toMatchObject({
      ok: false,
      code: 'meeting.short_notice_regular',
      message:
        'A regular meeting needs 7 days of notice and this one would give 1 day. Move it later, or call it as a special meeting, which needs 2 days of notice.',
    });
  });

  it('French: the date through Intl, the window in days, no English left', async () => {
    request.acceptLanguage = 'fr-FR,fr;q=0.9';
    signInAsPerson(org, 1);
    const state = await ballot();
    expect(state).toMatchObject({ ok: false, code: 'voting.not_open_yet' });
    expect(state.message).toBe(
      'Le vote n’est pas ouvert. Le vote s’ouvre le 9 mars 2026, 09:00 UTC — la période de commentaires dure 7 jours et ne peut pas être raccourcie.',
    );
    expect(state.message).not.toMatch(englishParam);
    signInAsPerson(org, 1);
    expect((await publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId }))).message).toBe(
      'Seul l’auteur peut publier un brouillon (la proposition est : en discussion).',
    );
    signInAsPerson(org, 0);
    const meeting = await scheduleMeetingAction(initialActionState, form({ orgId: org.orgId, ...shortNotice }));
    expect(meeting).toMatchObject({ ok: false, code: 'meeting.short_notice_regular' });
    expect(meeting.message).toBe(
      'Une réunion ordinaire exige un préavis de 7 jours, et celle-ci n’en donnerait que 1 jour. Reportez-la, ou convoquez-la en réunion extraordinaire, qui exige un préavis de 2 jours.',
    );
  });

  it('German: the same, and a phase named by its code', async () => {
    request.acceptLanguage = 'de-DE,de;q=0.9';
    signInAsPerson(org, 1);
    const state = await ballot();
    expect(state.message).toBe(
      'Die Abstimmung ist nicht eröffnet. Die Abstimmung beginnt am 9. März 2026, 09:00 UTC — die Kommentarfrist beträgt 7 Tage und kann nicht verkürzt werden.',
    );
    expect(state.message).not.toMatch(englishParam);
    signInAsPerson(org, 0);
    const meeting = await scheduleMeetingAction(initialActionState, form({ orgId: org.orgId, ...shortNotice }));
    expect(meeting.message).toBe(
      'Eine ordentliche Sitzung braucht 7 Tage Ladungsfrist, und diese hätte nur 1 Tag. Verlegen Sie sie nach hinten oder berufen Sie sie als außerordentliche Sitzung ein, die 2 Tage Ladungsfrist braucht.',
    );
    // Publishing again what is already in discussion: the phase in German, not “discussion”.
    signInAsPerson(org, 1);
    expect(await publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId }))).toMatchObject({
      ok: false,
      code: 'proposal.publish_not_allowed',
      message: 'Nur die Verfasserin oder der Verfasser kann einen Entwurf veröffentlichen (der Antrag ist: in Diskussion).',
    });
  });

  it('a delegation’s scope, in English as before and in French and German', async () => {
    signInAsPerson(org, 5);
    const delegate = () =>
      delegateVoteAction(initialActionState, form({ orgId: org.orgId, delegateUserId: org.people[6]!.userId, scope: `proposal:${proposalId}` }));
    expect(await delegate()).toMatchObject({
      ok: false,
      code: 'delegation.not_allowed',
      message: `The charter does not let members delegate their vote for #${proposalNumber}. Nothing was changed.`,
    });
    request.acceptLanguage = 'fr';
    expect((await delegate()).message).toBe(
      `Les statuts ne permettent pas aux membres de déléguer leur vote (pour la proposition #${proposalNumber}). Rien n’a été modifié.`,
    );
    request.acceptLanguage = 'de';
    expect((await delegate()).message).toBe(
      `Die Satzung erlaubt Mitgliedern nicht, ihre Stimme zu übertragen (für Antrag #${proposalNumber}). Es wurde nichts geändert.`,
    );
  });

  it('a rate limit’s “what” and its wait, in French (and in English as before)', async () => {
    signInAsPerson(org, 4);
    const comment = (i: number) => postCommentAction(initialActionState, form({ orgId: org.orgId, proposalId, body: `Comment number ${i} on the rota.` }));
    for (let i = 0; i < 10; i++) expect(await comment(i)).toMatchObject({ ok: true });
    expect((await comment(10)).message).toMatch(/^Too many comments in a short time\. Try again in \d+ seconds\.$/);
    request.acceptLanguage = 'fr';
    const limited = await comment(11);
    expect(limited).toMatchObject({ ok: false, code: 'rate_limit.exceeded' });
    expect(limited.message).toMatch(/^Trop de commentaires en peu de temps\. Réessayez dans \d+ secondes\.$/);
    expect(limited.message).not.toMatch(englishParam);
  });
});

describe('the same in the API’s problem details', () => {
  const fetch = apiV1Fetch();
  const call = async (language: string, token: string, path: string, body: unknown) => {
    const res = await fetch(`http://quorate.test/api/v1/orgs/${org.slug}${path}`, {
      method: 'POST',
      headers: { 'Accept-Language': language, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, language: res.headers.get('content-language'), body: (await res.json()) as { code: string; detail: string } };
  };
  const tokenOf = async (i: number) =>
    (await issueApiToken(db, org.people[i]!.userId, { name: 'params', scope: 'write', orgId: org.orgId, expiresInDays: 30 }, T0)).token;

  it('a ballot before voting opens and a meeting on short notice: French and German words, English as the rules give it', async () => {
    const voter = await tokenOf(2);
    const ballot = (language: string) => call(language, voter, `/proposals/${proposalNumber}/ballots`, { choice: 'yes' });
    expect((await ballot('en')).body.detail).toBe(
      'Voting is not open. Voting opens on 9 Mar 2026, 09:00 UTC — the comment window is 7 days and cannot be shortened.',
    );
    const fr = await ballot('fr');
    expect(fr).toMatchObject({ status: 409, language: 'fr', body: { code: 'voting.not_open_yet' } });
    expect(fr.body.detail).toContain('le 9 mars 2026, 09:00 UTC — la période de commentaires dure 7 jours');
    expect(fr.body.detail).not.toMatch(englishParam);
    const de = await ballot('de');
    expect(de.body.detail).toContain('am 9. März 2026, 09:00 UTC — die Kommentarfrist beträgt 7 Tage');
    expect(de.body.detail).not.toMatch(englishParam);

    const admin = await tokenOf(0);
    const meeting = (language: string) => call(language, admin, '/meetings', { ...shortNotice, durationMinutes: 90 });
    const en = await meeting('en');
    expect(en.body).toMatchObject({ code: 'meeting.short_notice_regular' });
    expect(en.body.detail).toContain('needs 7 days of notice and this one would give 1 day');
    for (const language of ['fr', 'de']) {
      const answer = await meeting(language);
      expect(answer).toMatchObject({ status: 409, language, body: { code: 'meeting.short_notice_regular' } });
      expect(answer.body.detail).toContain(language === 'fr' ? 'un préavis de 7 jours' : '7 Tage Ladungsfrist');
      expect(answer.body.detail, answer.body.detail).not.toMatch(englishParam);
    }
  });
});
