import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MeetingMinutes } from '@/components/meetings/meeting-minutes';
import type { MinutesView } from '@/components/meetings/meeting-minutes';
import { MeetingList } from '@/components/meetings/meeting-list';
import { RecordRollCallForm, RollCallList } from '@/components/meetings/roll-calls';
import type { MeetingSummary } from '@/db/read/meetings';
import type { RollCallView } from '@/db/read/meeting-roll-calls';
import { initialActionState } from '@/lib/actions/state';
import { irregularReasonPart } from '@/lib/governance/meeting';
import { outcomePart, rollCallOutcome, standingPart } from '@/lib/governance/roll-call';
import type { Locale } from '@/lib/i18n/locales';
import { inLocale } from '../support/intl';

// The meetings screens' own sentences in French and German: the list, the minutes and the roll calls.

const action = async () => initialActionState;
const T = new Date('2026-12-03T14:00:00Z');

const meetings: MeetingSummary[] = [
  {
    id: 'm1',
    number: 3,
    title: 'Budget',
    kind: 'special',
    bodyKey: 'board',
    bodyName: 'Board',
    startsAt: T,
    endsAt: new Date(T.getTime() + 5_400_000),
    location: 'Town hall',
    cancelled: false,
    irregular: true,
    irregularReasons: [],
    irregularParts: [
      irregularReasonPart({ kind: 'short_notice', givenHours: 3, requiredHours: 168 }),
      irregularReasonPart({ kind: 'not_noticed', missing: 1, seatHolders: 5 }),
      irregularReasonPart({ kind: 'notice_failed', failed: 2, seatHolders: 5 }),
    ],
  },
  {
    ...({} as MeetingSummary),
    id: 'm2',
    number: 4,
    title: 'Review',
    kind: 'regular',
    bodyKey: 'board',
    bodyName: 'Board',
    startsAt: T,
    endsAt: T,
    location: 'x',
    cancelled: true,
    irregular: false,
    irregularReasons: [],
    irregularParts: [],
  },
];

const minutes = (sealed: boolean): MinutesView => ({
  minutes: {
    revision: 2,
    sha256: 'ab'.repeat(32),
    text: sealed ? null : 'The board met.',
    closedMatter: sealed ? 'personnel' : null,
    matterWords: null,
    draftedAt: T,
    draftedBy: 'Grace',
    sealedAt: sealed ? T : null,
    disclosesAt: sealed ? T : null,
    disclosedAt: null,
    approval: { state: 'rejected', approvals: 1, rejections: 2, needed: 3 },
  },
  viewer: { holdsSeat: true, keepsRecord: true, mayDraft: true, ownAnswer: 'rejected', mayAnswer: true },
  disclosureDays: 30,
  prefill: null,
});

const outcome = rollCallOutcome(['yes', 'abstain', 'no'], {
  charterSeats: 5,
  quorum: { num: 1, den: 2, inclusive: false },
  majority: { num: 1, den: 2, inclusive: false },
});

const rollCalls: RollCallView[] = [
  {
    id: 'r1',
    number: 1,
    motion: 'Adopt the budget',
    agendaItem: 2,
    proposalNumber: 7,
    recordedAt: T,
    answerBy: new Date(T.getTime() + 86_400_000),
    outcome: {} as RollCallView['outcome'],
    outcomeText: '',
    outcomePart: outcomePart(outcome),
    majorityText: '',
    majority: { num: 1, den: 2, inclusive: false },
    standing: 'ratified',
    standingText: '',
    standingPart: standingPart('ratified'),
    ratifiedAt: T,
    ratifiedByProposalNumber: 9,
    disputes: 2,
    votes: [
      { userId: 'u1', name: 'Ada', vote: 'yes', answer: null, disputeNote: null },
      { userId: 'u2', name: 'Bob', vote: 'abstain', answer: 'disputed', disputeNote: 'No' },
      { userId: 'u3', name: 'Cy', vote: 'no', answer: 'confirmed', disputeNote: null },
    ],
  },
  {
    ...({} as RollCallView),
    id: 'r2',
    number: 2,
    motion: 'Hold',
    agendaItem: null,
    proposalNumber: null,
    recordedAt: T,
    answerBy: T,
    outcomeText: '',
    outcomePart: outcomePart(
      rollCallOutcome(['no', 'absent'], { charterSeats: 3, quorum: { num: 1, den: 2, inclusive: true }, majority: { num: 2, den: 3, inclusive: true } }),
    ),
    majorityText: '',
    majority: { num: 2, den: 3, inclusive: true },
    standing: 'held',
    standingText: '',
    standingPart: standingPart('held'),
    ratifiedByProposalNumber: null,
    disputes: 1,
    votes: [],
  },
];

function text(locale: Locale): string {
  const html = renderToStaticMarkup(
    inLocale(
      locale,
      createElement(
        Fragment,
        null,
        createElement(MeetingList, { slug: 'acme', meetings }),
        createElement(MeetingMinutes, { view: minutes(false), orgId: 'o', meetingId: 'm', draftAction: action, answerAction: action, writable: true }),
        createElement(MeetingMinutes, { view: minutes(true), orgId: 'o', meetingId: 'm', draftAction: action, answerAction: action, writable: true }),
        createElement(RollCallList, { rollCalls, slug: 'acme', orgId: 'o', meetingId: 'm', viewerId: 'u1', answerAction: action, writable: true, at: T }),
        createElement(RecordRollCallForm, {
          action,
          orgId: 'o',
          meetingId: 'm',
          agenda: ['Budget'],
          seatHolders: [{ id: 'u1', name: 'Ada', attending: true }],
        }),
      ),
    ),
  );
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('the meetings screens', () => {
  it('read in English as they always have', () => {
    const en = text('en');
    for (const sentence of [
      'Meeting #3 Budget',
      'Special meeting',
      'Irregular',
      'Cancelled',
      'Draft, revision 2: 1 of 3 approvals needed (a majority of the body’s charter seats), 2 rejected — rejected: the secretary revises it.',
      'Closed session (a personnel matter).',
      'You rejected this revision.',
      'Revise the minutes (revision 3 asks every seat holder again)',
      'Roll call 1: Adopt the budget',
      ' · agenda item 2 · proposal #7 (a resolution of the body: the proposal follows its own procedure)',
      '(by proposal #9 )',
      '2 votes are disputed by the voter: see below.',
      '1 vote is disputed by the voter: see below.',
      'Majority: more than 1/2 of the charter seats.',
      'Majority: 2/3 or more of the charter seats.',
      // The rules' texts, as the English functions say them (lib/governance/meeting.ts, roll-call.ts).
      'Short notice: 3 hours given, the charter requires 7 days. 1 of 5 seat holders was not sent the notice. The notice to 2 of 5 seat holders could not be delivered.',
      'Yes 1, no 1, abstain 1, absent 0. Quorum met: 3 of 5 charter seats voting, 3 needed. 3 yes votes of 5 charter seats needed to carry.',
      'Yes 0, no 1, abstain 0, absent 1. Quorum not met: 1 of 3 charter seats voting, 2 needed. 2 yes votes of 3 charter seats needed to carry.',
      'Carried and ratified: in effect (by proposal #9 )',
      'Carried at an irregular meeting: held — not in effect until ratified · Propose its ratification',
      'Bob : Abstain · disputed: No',
      'Cy : No · confirmed',
      'Ada : Yes · not yet confirmed',
      'Your vote is recorded as Yes . Confirm or dispute it by',
      'Propose its ratification',
      'None: a motion not on the agenda',
    ])
      expect(en).toContain(sentence);
  });

  // The screens' own English words (not the names, motions and texts the organization wrote).
  const english =
    /\b(Meeting #|Special meeting|Regular meeting|Irregular|Cancelled|Draft, revision|approvals needed|Closed session|personnel matter|You rejected|Revise the minutes|Roll call|agenda item|disputed|Majority|Abstain|confirmed|Your vote|Propose its|Confirm my|Dispute my|Record the|Agenda item|Motion \(blank|Votes \(only|SHA-256 of|Approve revision|Reject revision|Save the draft|days|Recorded|Short notice|seat holders|charter seats|charter requires|Yes \d|Quorum (met|not met)|needed to carry|Carried|in effect|more than|or more)\b/;

  it.each(['fr', 'de'] as Locale[])('%s: no English sentence of the screens is left, and dates read in that language', (locale) => {
    const said = text(locale);
    expect(said).not.toMatch(english);
    expect(said).toContain(locale === 'fr' ? '3 déc. 2026, 14:00 UTC' : '3. Dez. 2026, 14:00 UTC');
    expect(said).toContain(locale === 'fr' ? 'Réunion n° 3 Budget' : 'Sitzung Nr. 3 Budget');
  });
});
