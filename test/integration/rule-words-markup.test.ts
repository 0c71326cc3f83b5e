/**
 * The rules' words the pages pass on (issue 16), in French: a built-in counting method's name (a type's summary and the
 * options' hint on the new-proposal page, the stage's rules on an election's page), a class seat's declaration (beside
 * the new-proposal page's field, and in the election section), the statement of an election decided unopposed, and
 * why a viewer may not sign a petition. The declaration stays recorded in the rules' English: the field's default and
 * the log keep it; the French page shows its translation as guidance, and the English it records marked `lang="en"`.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships } from '@/db/schema';
import { choiceMethodName } from '@/lib/governance/choice';
import { unopposedSentence } from '@/lib/governance/election';
import { defaultDeclaration } from '@/lib/governance/seat-class';
import { charterFromTemplate } from '@/lib/governance/templates';
import type { Charter } from '@/lib/governance/types';
import type { Locale } from '@/lib/i18n/locales';
import { createDraft } from '@/lib/use-cases/drafts';
import { answerNomination, nominateCandidate } from '@/lib/use-cases/elections';
import { openPetition } from '@/lib/use-cases/petitions';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { renderToStaticMarkup } from 'react-dom/server';
import { inLocale } from '../support/intl';
import { pageText, serverIntl, textOf } from '../support/server-intl';
import { session, withTestDatabase } from './helpers';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));
vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);
// The flash region reads the request's cookies: nothing to show here.
vi.mock('@/components/ui/flash', () => ({ FlashRegion: () => null }));
// Async server components, which static markup cannot await: the page's messages are all in the test's provider, and
// the discussion and held motions are not what this test reads.
vi.mock('@/components/organizations/held-motions-notice', () => ({ HeldMotionsNotice: () => null }));
vi.mock('@/components/i18n/page-messages', () => ({ PageMessages: ({ children }: { children: React.ReactNode }) => children }));
vi.mock('@/components/proposals/discussion-section', () => ({ DiscussionSection: () => null }));

const { default: NewProposalPage } = await import('@/app/o/[slug]/proposals/new/page');
const { default: ProposalPage } = await import('@/app/o/[slug]/proposals/[number]/page');
const { default: PetitionPage } = await import('@/app/o/[slug]/petitions/[number]/page');

const DAY = 86_400_000;
const T0 = new Date('2026-03-02T09:00:00Z');

let db: Database;
/** The new-proposal page's first type (the one its form shows) is, in turn, a choice, an appointment, an election. */
let choiceFirst: FoundedOrganization;
let appointmentFirst: FoundedOrganization;
let electionFirst: FoundedOrganization;
let election: { number: number };
let petition: { number: number };

/** The nonprofit charter with `key`'s type first. */
function firstType(key: string): Charter {
  const charter = charterFromTemplate('nonprofit_board');
  charter.proposalTypes.sort((a, b) => Number(b.key === key) - Number(a.key === key));
  return charter;
}

withTestDatabase({ app: true }, async (handle) => {
  db = handle.db;
  // Six of nine board seats filled: the three independent seats, first in the charter's order, stay vacant.
  choiceFirst = await foundOrganization(db, { slug: 'rw-choice', seated: 0, at: T0, charter: firstType('board_choice') });
  appointmentFirst = await foundOrganization(db, { slug: 'rw-appoint', seated: 0, at: T0, charter: firstType('seat_appointment') });
  const org = (electionFirst = await foundOrganization(db, { slug: 'rw-elect', seated: 0, at: T0, charter: firstType('board_election') }));
  // An election to the independent seats: one candidate, who accepts with the declaration; decided unopposed.
  const at = new Date(T0.getTime() + DAY);
  const author = org.people[1]!;
  const draft = await createDraft(
    db,
    author,
    {
      orgId: org.orgId,
      typeKey: 'board_election',
      title: 'Independent directors',
      body: 'The members elect independent directors.',
      subjectUserId: null,
      effect: { bodyKey: 'board', seatClass: 'independent' },
      emergency: false,
    },
    at,
  );
  await publishProposal(db, author, { orgId: org.orgId, proposalId: draft.id }, at);
  const candidate = org.people[4]!;
  await nominateCandidate(db, author, { orgId: org.orgId, proposalId: draft.id, nomineeUserId: candidate.userId }, at);
  await answerNomination(db, candidate, { orgId: org.orgId, proposalId: draft.id, answer: 'accept', declarationConfirmed: true }, at);
  await recordTransitions(db, draft.id, org.orgId, new Date(at.getTime() + 30 * DAY));
  election = draft;
  // A petition; person 9 is made an observer, who may not sign it.
  petition = await openPetition(db, org.people[2]!, { orgId: org.orgId, title: 'Open the books', body: 'Publish the accounts.', forGroup: false }, at);
  await db
    .update(memberships)
    .set({ role: 'observer' })
    .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, org.people[9]!.userId)));
});

const newProposal = (org: FoundedOrganization, locale: Locale) => {
  signInAsPerson(org, 1);
  return pageText(locale, () => NewProposalPage({ params: Promise.resolve({ slug: org.slug }), searchParams: Promise.resolve({}) }));
};
const proposalPage = (locale: Locale) => {
  signInAsPerson(electionFirst, 1);
  return pageText(locale, () =>
    ProposalPage({ params: Promise.resolve({ slug: electionFirst.slug, number: String(election.number) }), searchParams: Promise.resolve({}) }),
  );
};
const petitionPage = (locale: Locale) => {
  signInAsPerson(electionFirst, 9);
  return pageText(locale, () => PetitionPage({ params: Promise.resolve({ slug: electionFirst.slug, number: String(petition.number) }) }));
};

const irv = choiceMethodName('irv');
const stv = choiceMethodName('scottish_stv');
const declaration = defaultDeclaration('independent');
const observerReason = 'Observers cannot sign or open petitions.';

async function statement(): Promise<string> {
  const entry = await db.query.decisionLog.findFirst({ where: and(eq(decisionLog.orgId, electionFirst.orgId), eq(decisionLog.kind, 'election.unopposed')) });
  return String((entry!.payload as { statement: string }).statement);
}

/** The election's page as markup, in `locale`. */
async function proposalHtml(locale: Locale): Promise<string> {
  signInAsPerson(electionFirst, 1);
  serverIntl.locale = locale;
  try {
    return renderToStaticMarkup(
      inLocale(
        locale,
        await ProposalPage({ params: Promise.resolve({ slug: electionFirst.slug, number: String(election.number) }), searchParams: Promise.resolve({}) }),
      ),
    );
  } finally {
    serverIntl.locale = 'en';
  }
}

/** The text of markup without the elements marked English (the recorded declaration, shown as it is). */
const withoutEnglish = (html: string) => textOf(html.replace(/<(\w+) lang="en"[^>]*>[\s\S]*?<\/\1>/g, ''));

describe('in English, the rules’ words as before', () => {
  it('the new-proposal page names the method and offers the recorded declaration', async () => {
    const choice = await newProposal(choiceFirst, 'en');
    // In the type's summary and in the options' hint.
    expect(choice.split(irv)).toHaveLength(3);
    expect(await newProposal(electionFirst, 'en')).toContain(stv);
    const appointment = await newProposal(appointmentFirst, 'en');
    expect(appointment).toContain(declaration);
    expect(appointment).not.toContain('for reference only');
  });
  it('the election’s page says the method, the declaration and the log’s statement', async () => {
    const said = await statement();
    expect(said).toBe(unopposedSentence([`${electionFirst.slug} person 4`], 2));
    const page = await proposalPage('en');
    for (const text of [stv, declaration, said]) expect(page).toContain(text);
    expect(page).not.toContain('in its English words');
  });
  it('the petition says why the observer may not sign', async () => {
    expect(await petitionPage('en')).toContain(observerReason);
  });
});

describe('in French, none of the rules’ English but what is recorded', () => {
  it('the new-proposal page: the methods’ names in the summaries and the options’ hint; the declaration’s translation beside its field', async () => {
    const choice = await newProposal(choiceFirst, 'fr');
    expect(choice.split('préférentiel, second tour instantané')).toHaveLength(3);
    expect(choice).not.toContain(irv);
    const electionPage = await newProposal(electionFirst, 'fr');
    expect(electionPage).toContain('préférentiel, vote unique transférable (règles écossaises)');
    expect(electionPage).not.toContain(stv);
    const appointment = await newProposal(appointmentFirst, 'fr');
    expect(appointment).toContain('Je suis indépendant(e) de la direction');
    // The field still holds the words the appointee declares and the log records.
    expect(appointment).toContain(declaration);
    expect(appointment.split(declaration)).toHaveLength(2);
  });
  it('the election’s page: the method, the declaration and the statement in French; the recorded English marked as English', async () => {
    const page = await proposalPage('fr');
    expect(page).toContain('préférentiel, vote unique transférable (règles écossaises)');
    expect(page).toContain('Je suis indépendant(e) de la direction');
    expect(page).toContain(
      `${electionFirst.slug} person 4 était la seule candidature et est donc élu(e) sans concurrence, sans scrutin. 2 sièges restent vacants.`,
    );
    expect(page).not.toContain(stv);
    expect(page).not.toContain(await statement());
    expect(page).not.toContain('elected unopposed');
    // The English declaration appears once, marked as English: what accepting records.
    expect(page.split(declaration)).toHaveLength(2);
    const html = await proposalHtml('fr');
    expect(html).toMatch(/<blockquote lang="en"[^>]*>I am independent of management/);
    const french = withoutEnglish(html);
    for (const text of [declaration, stv, 'was the only candidate', 'seats stay vacant']) expect(french).not.toContain(text);
  });
  it('the petition: why the observer may not sign', async () => {
    const page = await petitionPage('fr');
    expect(page).toContain('Les observateurs ne peuvent ni signer ni ouvrir de pétitions.');
    expect(page).not.toContain(observerReason);
  });
});
