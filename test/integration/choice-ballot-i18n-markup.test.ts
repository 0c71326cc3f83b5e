import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ApprovalBallot } from '@/components/proposals/approval-ballot';
import { ChoiceBallot } from '@/components/proposals/choice-ballot';
import { ChoiceBallotForm } from '@/components/proposals/choice-ballot-form';
import { CountRounds } from '@/components/proposals/count-rounds';
import { ElectionSection } from '@/components/proposals/election-section';
import { RankedBallot } from '@/components/proposals/ranked-ballot';
import { ReceiptLookup } from '@/components/proposals/receipt-lookup';
import type { ReceiptAnswer } from '@/components/proposals/receipt-lookup';
import { RevisionDiff } from '@/components/proposals/revision-diff';
import { scottishStv } from '@/lib/governance/methods/scottish-stv';
import type { Locale } from '@/lib/i18n/locales';
import { inLocale } from '../support/intl';

// The ballot form and the election section import their server actions: no session or cache is needed to render them.
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => null, requireUser: async () => null }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

// The choice and election ballots of the proposal page, and the receipt lookup, in French and German:
// none of the English sentences of these components is left (the names are the organization's own).

const names = ['Ada', 'Bo', 'Cy', 'Di'];
const b = (count: number, ...preferences: number[]) => ({ count, preferences });
// The Scottish STV example of ballot-markup.test.ts: a surplus passed on, then an exclusion, and a tie broken by lot below.
const result = scottishStv.tally([b(12, 0, 1), b(4, 0, 2), b(2, 0), b(5, 1), b(6, 2), b(7, 3, 2)], { candidates: names, seats: 2, lotSeed: 'seed' });
const withTie = { ...result, ties: [{ round: 3, among: [1, 3], chosen: 3, by: 'lot' as const, purpose: 'exclude' as const }] };

const ids = { orgId: 'org', proposalId: 'proposal' };
const election = (over: Partial<Parameters<typeof ElectionSection>[0]> = {}) =>
  createElement(ElectionSection, {
    ids,
    seats: { count: 2, frozen: false, seatClass: 'independent', body: 'Board' },
    rule: 'scottish_stv',
    openUntil: new Date('2026-03-09T12:00:00Z'),
    nominations: [
      { id: '1', nomineeName: 'Ada', nominatorName: 'Bo', self: false, status: 'nominated' },
      { id: '2', nomineeName: null, nominatorName: null, self: true, status: 'accepted' },
      { id: '3', nomineeName: 'Cy', nominatorName: 'Cy', self: true, status: 'declined' },
      { id: '4', nomineeName: 'Di', nominatorName: 'Ada', self: false, status: 'withdrawn' },
    ],
    nominees: [
      { value: 'u1', name: 'Eve', self: true },
      { value: 'u2', name: null, self: false },
    ],
    mine: 'nominated',
    declaration: { text: 'I am independent of management.' },
    candidates: ['Ada', 'Bo'],
    unopposed: null,
    seated: [
      { position: 1, held: true, holder: 'Ada' },
      { position: 2, held: true, holder: null },
      { position: 3, held: false, holder: null },
    ],
    ...over,
  });
const receipt = (answer: ReceiptAnswer) => createElement(ReceiptLookup, { action: '/receipt', answer, typed: '' });
const found = { kind: 'found', receipt: 'K7Q2-9MZD-3TXA-E8WB-PN4R', options: names, preferences: [2, 0, 1], weight: 3, csv: '/b.csv' } as const;

/** Every screen of these components: the ballots in each form, a count with its rounds, transfers and a tie, an election, every receipt answer. */
const screens: ReactElement[] = [
  createElement(RankedBallot, { name: 'v', candidates: names, allowPartial: true, initial: [2, 0] }),
  createElement(RankedBallot, { name: 'v', candidates: names, allowPartial: false }),
  createElement(RankedBallot, { name: 'v', candidates: names, allowPartial: true, initial: [0, 1, 2, 3] }),
  createElement(ApprovalBallot, { name: 'a', candidates: names, maxApprovals: 2 }),
  createElement(ApprovalBallot, { name: 'a', candidates: names }),
  createElement(ChoiceBallot, { name: 'c', candidates: names }),
  createElement(ChoiceBallotForm, {
    ids,
    bodyName: 'Board',
    ballot: { kind: 'ranked', options: names, winners: 1 },
    mine: [2, 0, 1],
    receipt: 'K7Q2',
    notOpenNote: null,
  }),
  createElement(ChoiceBallotForm, {
    ids,
    bodyName: 'Board',
    ballot: { kind: 'approval', options: names, winners: 1 },
    mine: [2, 0, 1],
    receipt: null,
    notOpenNote: null,
  }),
  createElement(ChoiceBallotForm, {
    ids,
    bodyName: 'Board',
    ballot: { kind: 'single', options: names, winners: 1 },
    mine: [3],
    receipt: null,
    notOpenNote: null,
  }),
  createElement(CountRounds, { candidates: names, result: withTie }),
  createElement(CountRounds, { candidates: names, result: { ...result, elected: [] } }),
  election(),
  election({
    mine: 'accepted',
    openUntil: null,
    nominations: [],
    seats: { count: 1, frozen: true, seatClass: 'general', body: 'Board' },
    rule: null,
    declaration: null,
  }),
  receipt({ kind: 'malformed', typed: 'x' }),
  receipt({ kind: 'not_closed' }),
  receipt({ kind: 'no_receipts' }),
  receipt({ kind: 'not_found', receipt: 'K7Q2-9MZD-3TXA-E8WB-PN4R', memberWide: true }),
  receipt({ ...found, method: 'scottish_stv' }),
  receipt({ ...found, method: 'approval' }),
  receipt({ ...found, method: 'plurality', preferences: [1] }),
  createElement(RevisionDiff, { before: 'one two', after: 'one three' }),
];

const text = (locale: Locale, element: ReactElement) =>
  renderToStaticMarkup(inLocale(locale, element))
    .replace(/<script\b.*?<\/script>/gs, ' ')
    .replace(/<[^>]+?(aria-label|title)="([^"]*)"[^>]*>/g, ' $2 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

/** Words and phrases of the English these components say (not the names, which are the organization's). */
const english =
  /\b(Your|your|ranking|Rank|ranked|Move|Remove|Add\b|Up\b|Down\b|Nobody|Every candidate|Choose|choose|Approve|approves|chooses|ranks|first|then|receipt|Receipt|secret ballot|Cast|Elected|Excluded|elected|excluded|round|Round|votes|Votes|Non-transferable|Residue|Quota \(votes|Total \d|Candidate|Ties?|by lot|passed on|Election|Elects|counted by|Nominations|nominated|accepted|declined|withdrew|stood|Accept|Decline|Withdraw|Nominate|A member|yourself|On the ballot|The seats now|Seat \d|stay vacant|\d vacant|Reserved|Find|ballot|Ballots|counted|weight|added:|removed:|open until|closed)\b/;

describe('the choice and election ballots in French and German', () => {
  it.each(['fr', 'de'] as Locale[])('%s: no English sentence of theirs is left', (locale) => {
    for (const screen of screens) {
      const said = text(locale, screen);
      expect(said, said).not.toMatch(english);
    }
  });

  it('says them in English word for word, as before', () => {
    const all = screens.map((screen) => text('en', screen)).join(' | ');
    for (const sentence of [
      'Your secret ballot ranks Cy first, then Ada, then Bo. You can change it until voting closes; only you see it here.',
      'Your secret ballot approves Cy, Ada and Bo.',
      'Your secret ballot chooses Di.',
      'Move Cy up',
      'Every candidate must be ranked: put all 4 in order, from your first choice to your last. Use the buttons, or drag candidates into place.',
      'Round 2 Ada’s extra votes passed on',
      'Round 3 Di excluded; their votes passed on',
      'Tie between Bo and Di for exclusion in round 3, broken by lot: Di was excluded.',
      'Elects to 2 vacant independent seats of the Board (counted again when voting opens), counted by ranked, single transferable vote (Scottish rules).',
      'Elects to 1 general seat of the Board, counted by single transferable vote.',
      '(4 made, 1 accepted; open until',
      'A member — candidate (accepted) · stood themselves',
      'Eve (yourself)',
      'On the ballot (frozen when voting opened, in alphabetical order): Ada, Bo.',
      'Seat 2: A member',
      'Seat 3: vacant',
      'Ranks Cy first, then Ada, then Bo.',
      'Approves Cy, Ada and Bo.',
      'Chooses Bo.',
      'It counted with a weight of 3:',
      '[added: three ]',
    ]) {
      expect(all).toContain(sentence);
    }
  });

  it('says them in French and German with the names in place', () => {
    const fr = screens.map((screen) => text('fr', screen)).join(' | ');
    expect(fr).toContain('Votre bulletin secret classe Cy en premier, puis Ada, puis Bo.');
    expect(fr).toContain('approuve Cy, Ada et Bo');
    expect(fr).toContain('Élit à 2 sièges vacants (indépendant) de l’organe Board (recomptés à l’ouverture du vote)');
    expect(fr).toContain('Égalité entre Bo et Di pour l’élimination au tour 3, départagée par tirage au sort : Di a été éliminé.');
    const de = screens.map((screen) => text('de', screen)).join(' | ');
    expect(de).toContain('Runde 3 Di ausgeschieden; die Stimmen übertragen');
    expect(de).toContain('Stimmt Cy, Ada und Bo zu.');
    expect(de).toContain('Sitz 3: frei');
  });
});
