import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { MemberStageView } from '@/db/read/member-stage';
import { charterFromTemplate } from '@/lib/governance/charter';
import type { ProposalStatus } from '@/lib/governance/status';
import { consentTally } from '@/lib/governance/test-fixtures';
import type { TallyResult } from '@/lib/governance/types';
import type { Locale } from '@/lib/i18n/locales';
import { inLocale } from '../support/intl';
import { session } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { ConsentPanel } = await import('@/components/proposals/consent-panel');
const { MemberStagePanel } = await import('@/components/proposals/member-stage-panel');
const { AppointmentSection } = await import('@/components/proposals/appointment-section');
const { ProposalHeader } = await import('@/components/proposals/proposal-header');

// A proposal in voting, in the reader's language: the consent panel and its objection form, the member-wide vote panel,
// a seat appointment, and the status line of a consent window and of an emergency pass.

const at = new Date('2026-12-01T10:00:00Z');
const ids = { orgId: '00000000-0000-4000-8000-000000000001', proposalId: '00000000-0000-4000-8000-000000000002' };
/** The words a person reads or hears: the text, and the names given by aria-label. */
const text = (locale: Locale, element: ReactElement) => {
  const html = renderToStaticMarkup(inLocale(locale, element)).replace(/<script>.*?<\/script>/g, '');
  const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
  return [html.replace(/<[^>]+>/g, ' '), ...labels]
    .join(' ')
    .replace(/&#x27;|&#39;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
};

const informal = charterFromTemplate('informal_group');
const consentType = informal.proposalTypes.find((t) => t.key === 'group_consent')!;
const objection = (id: string, name: string | null, reason: string, withdrawnAt: Date | null = null) => ({
  id,
  seatId: `seat-${id}`,
  objectorName: name,
  reason,
  raisedAt: at,
  withdrawnAt,
});
const consent = (closed: boolean) =>
  createElement(ConsentPanel, {
    stage: consentType.stages[0]!,
    body: informal.bodies[0]!,
    lateRevision: consentType,
    opened: true,
    closed,
    objections: [objection('a', 'Ada', 'It leaves the night shift out.'), objection('b', null, 'Withdrawn reason.', at)],
    stood: closed ? [objection('a', 'Ada', 'It leaves the night shift out.')] : [],
    tally: closed ? consentTally(1) : null,
    recused: [{ seatId: 'seat-c', userName: null }],
    offer: { show: true, open: false },
    mine: 'My own reason here.',
    blocked: null,
    ids,
  });

const coop = charterFromTemplate('cooperative');
const sharesType = coop.proposalTypes.find((t) => t.key === 'capital_decision')!;
const view: MemberStageView = {
  electorate: 'all members, each with their membership weight',
  weighted: true,
  delegation: { maxDepth: 3 },
  roll: { size: 1200, weight: 3400, hash: 'ab'.repeat(32) },
  voters: 40,
  me: { onRoll: true, weight: 2, delegateName: 'Bo', carries: { people: 2, weight: 5 } },
  graph: { delegates: [{ userId: 'u1', name: 'Cy', delegators: ['Di', 'Ed'], unnamed: 1, weight: 5 }], more: 2 },
  participation: [
    { group: 'workers', members: 10, voted: 4, counted: 6 },
    { group: null, members: 5, voted: 1, counted: 1 },
  ],
  rollCall: { lines: [{ voterName: null, choice: 'yes' }], page: 2, pages: 3, total: 250 },
};
const memberTally: TallyResult = {
  yes: 30,
  no: 10,
  abstain: 2,
  cast: 42,
  charterSeats: 3400,
  recused: 0,
  quorumRequired: 1134,
  quorumMet: false,
  thresholdBase: 42,
  yesRequired: 22,
  passed: false,
  outcome: 'failed_quorum',
  members: { voters: 40, represented: 3 },
} as TallyResult;
const member = (closed: boolean, v: MemberStageView = view) =>
  createElement(MemberStagePanel, {
    index: 0,
    stageCount: 1,
    stage: sharesType.stages[0]!,
    body: coop.bodies.find((b) => b.key === 'shares')!,
    view: v,
    opened: true,
    closed,
    tally: closed ? memberTally : null,
    proposalHref: '/o/coop/proposals/4',
    logHref: '/o/coop/log',
    offer: { show: false },
    myChoice: null,
    blocked: null,
    ids,
    delegationsHref: '/o/coop/delegations',
  });
const beforeRoll = member(false, { ...view, roll: null, me: null, graph: null, participation: [], rollCall: null });

const appointment = (declared: boolean, classSeat: { seatClass: string; declaration: string } | null) =>
  createElement(AppointmentSection, {
    ids,
    appointeeLabel: 'Dana Reyes',
    seatLabel: classSeat ? 'Board seat 3' : null,
    classSeat,
    declared,
    mayDeclare: !declared,
  });
const independent = { seatClass: 'independent', declaration: 'I am independent of management.' };

// The status line of a consent window and of an emergency pass, as the rules give it (lib/governance/status.ts).
const closes = new Date('2026-12-03T10:00:00Z');
const statusBase = { blocked: null, blockedRefusal: null, ratifyBy: null };
const consentStatus: ProposalStatus = {
  ...statusBase,
  phase: { kind: 'voting', stageIndex: 0, closesAt: closes },
  label: 'Open for objections',
  explanation: 'Open for objections until 2026-12-03 10:00 UTC: any group seat holder may object, with a reason; it passes if no objection stands then.',
  parts: [{ kind: 'consent_window', closes, body: 'Group' }],
  tone: 'active',
};
const emergencyStatus = (ratified: boolean): ProposalStatus => ({
  ...statusBase,
  phase: { kind: 'passed', at },
  ratifyBy: ratified ? null : closes,
  label: ratified ? 'Passed and ratified' : 'Passed: awaiting ratification',
  explanation: ratified
    ? 'Passed on 2026-12-01 10:00 UTC under the emergency procedure, and ratified.'
    : 'Passed on 2026-12-01 10:00 UTC under the emergency procedure. Must be ratified by 2026-12-03 10:00 UTC or it lapses.',
  parts: [{ kind: 'passed_emergency', at, ratifyBy: ratified ? null : closes }],
  tone: ratified ? 'passed' : 'waiting',
});
const header = (status: ProposalStatus) =>
  createElement(ProposalHeader, {
    slug: 'x',
    proposal: { id: 'p', number: 5, title: 'A title', publishedAt: at, noticeSeatHolders: null, noticeRecipients: null },
    type: consentType,
    emergency: false,
    status,
    phase: status.phase,
    at,
    authorName: 'Ana',
    subject: null,
    integrityProblem: null,
    mayStartRatification: false,
    ratifies: null,
    decidedUnder: null,
    coverage: { publication: { queued: 0, delivered: 0, pending: 0, failed: 0 }, reply: null },
  });

const views = () => [consent(false), consent(true), member(false), member(true), beforeRoll, appointment(false, independent), appointment(true, null)];
const headers = () => [header(consentStatus), header(emergencyStatus(false)), header(emergencyStatus(true))];

/** Sentences English readers see on these panels today, word for word: none of them may reach a French or German reader. */
const english = [
  'decision by consent',
  'Decided by consent: while the window is open',
  'after the comment window',
  'The author may revise the text',
  'objection stands',
  'earlier objection was withdrawn or replaced (see the record).',
  'Recused: a member.',
  'objected Dec 1, 2026, 10:00 UTC',
  'Rejected: 1 objection stood',
  'The objections that stood',
  'The consent window is not open yet; the server refuses early objections and says why.',
  'Your objection stands and everyone can read it.',
  'Your objection and its reason',
  'Public at once, with your name, so it can be addressed.',
  'Replace my objection',
  'Withdraw my objection',
  'Voted by all members, each with their membership weight.',
  'Quorum 1/3 or more of the roll’s weight',
  'Members may delegate their vote (chains of at most 3)',
  'Roll: 1,200 members, 3,400 votes, fixed when voting opened',
  'in the log).',
  'You are on the roll with 2 votes.',
  'Unless you vote, your vote goes to Bo.',
  'Your ballot carries 5 votes delegated to you (unless they vote themselves).',
  'My delegations',
  'Delegations in this vote (3 delegates)',
  'and 1 more',
  '…and 2 more delegates: the whole roll is published when voting closes.',
  'Failed quorum: 30 yes · 10 no · 2 abstain',
  '42 of 3400 votes took part (40 voted themselves; 3 members were counted through a delegate); 1134 needed for quorum; 22 yes needed.',
  'Roll call (direct votes) · page 2 of 3',
  'Members 101–101 of 250 who voted themselves.',
  'Previous 100',
  'Next 100',
  'Participation by group',
  'On the roll',
  'No group',
  '“Counted”: voted themselves or through a delegate.',
  'The roll — every member of the electorate',
  'Appointment',
  'Dana Reyes to Board seat 3, reserved for: independent.',
  'Dana Reyes to a seat that is no longer vacant or no longer exists (a general seat).',
  'The appointee’s declaration',
  'Not yet made. Voting cannot open until the appointee makes it on this page.',
  'I make this declaration',
  'Your declaration',
];
const englishStatus = [consentStatus.explanation, emergencyStatus(false).explanation, emergencyStatus(true).explanation];

describe('a proposal in voting, as served', () => {
  it('in English says every sentence word for word as before', () => {
    const all = views()
      .map((v) => text('en', v))
      .join(' | ');
    for (const sentence of english) expect(all).toContain(sentence);
    const status = headers()
      .map((v) => text('en', v))
      .join(' | ');
    for (const sentence of englishStatus) expect(status).toContain(sentence);
  });

  it.each(['fr', 'de'] as const)('in %s leaves none of the English sentences', (locale) => {
    const all = views()
      .map((v) => text(locale, v))
      .join(' | ');
    for (const sentence of english) expect(all, sentence).not.toContain(sentence);
    const status = headers()
      .map((v) => text(locale, v))
      .join(' | ');
    for (const sentence of englishStatus) expect(status).not.toContain(sentence);
    for (const words of ['Open for objections', 'under the emergency procedure', 'Must be ratified']) expect(status).not.toContain(words);
    // The charter's own words (a body's name, a member's reason) stay as written.
    expect(all).toContain('It leaves the night shift out.');
  });

  it('in French and German words the panels in that language', () => {
    const fr = views()
      .map((v) => text('fr', v))
      .join(' | ');
    expect(fr).toContain('Décidé par consentement');
    expect(fr).toContain('Rejetée : 1 objection subsistait');
    expect(fr).toContain('Vous êtes sur la liste avec 2 voix.');
    expect(fr).toContain('Dana Reyes à Board seat 3, réservé à : indépendant');
    const de = views()
      .map((v) => text('de', v))
      .join(' | ');
    expect(de).toContain('Im Konsent entschieden');
    expect(de).toContain('Sie stehen auf der Liste mit 2 Stimmen.');
    expect(de).toContain('Beteiligung nach Gruppe');
    expect(text('fr', header(consentStatus))).toContain('Ouverte aux objections jusqu’au');
    // When an objection was raised: through Intl in the page's language, never the ISO form.
    expect(fr).toContain('a fait objection le 1 déc. 2026, 10:00 UTC');
    expect(de).toContain('Einwand am 1. Dez. 2026, 10:00 UTC');
    for (const all of [fr, de]) expect(all).not.toMatch(/2026-12-0\d \d\d:\d\d/);
    expect(text('de', header(emergencyStatus(false)))).toContain('im Dringlichkeitsverfahren angenommen. Muss bis');
  });
});
