import { describe, expect, it } from 'vitest';
import { ratioText } from '@/lib/governance/charter';
import { coveragePart, coverageText, irregularReasonPart, irregularReasonText, meetingRulesPart, meetingRulesText } from '@/lib/governance/meeting';
import type { IrregularReason } from '@/lib/governance/meeting';
import { draftMinutesText } from '@/lib/governance/minutes';
import type { MinutesDraftInput } from '@/lib/governance/minutes';
import { outcomePart, outcomeText, rollCallOutcome, standingPart, standingText } from '@/lib/governance/roll-call';
import type { RollCallStanding, RollCallVote } from '@/lib/governance/roll-call';
import type { RulePart } from '@/lib/governance/rule-parts';
import type { MeetingSpec, Ratio } from '@/lib/governance/types';
import { translatorFor } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { meetingRuleWords } from './meeting-rule-words';

// The meetings' rule texts from their parts, in each language: the English catalogue says word for word what the
// English functions (the log's, the e-mails', the API's) say; French and German keep none of it.

const sayIn = (locale: Locale) => {
  const t = translatorFor(locale);
  return meetingRuleWords(
    ((key: string, params: never) => t(`meetingRules.${key}` as never, params)) as never,
    ((key: string, params: never) => t(`common.${key}` as never, params)) as never,
    locale,
  );
};

const ratios: Ratio[] = [
  { num: 1, den: 2, inclusive: false },
  { num: 2, den: 3, inclusive: true },
];
const specs: MeetingSpec[] = [
  { regularNoticeHours: 168, specialNoticeHours: 48, quorum: ratios[0]! },
  { regularNoticeHours: 24, specialNoticeHours: 1, quorum: ratios[1]! },
  { regularNoticeHours: 36, specialNoticeHours: 25, quorum: ratios[0]! },
];
const reasons: IrregularReason[] = [
  { kind: 'short_notice', givenHours: 0, requiredHours: 168 },
  { kind: 'short_notice', givenHours: 1, requiredHours: 24 },
  { kind: 'short_notice', givenHours: 47, requiredHours: 48 },
  { kind: 'not_noticed', missing: 1, seatHolders: 5 },
  { kind: 'not_noticed', missing: 2, seatHolders: 2 },
  { kind: 'notice_failed', failed: 1, seatHolders: 1 },
  { kind: 'notice_failed', failed: 3, seatHolders: 9 },
];
const coverages = [
  { seatHolders: 0, reached: 0 },
  { seatHolders: 5, reached: 4 },
  { seatHolders: 3, reached: 1 },
  { seatHolders: 1, reached: 1 },
  { seatHolders: 6, reached: 0 },
];
const votes: RollCallVote[][] = [[], ['yes'], ['yes', 'yes', 'no', 'abstain', 'absent'], ['no', 'absent', 'absent']];
const standings: RollCallStanding[] = ['not_carried', 'in_effect', 'held', 'ratified'];

const T = new Date('2026-12-03T14:00:00Z');
const meeting: MinutesDraftInput = {
  number: 4,
  title: 'Budget *review* [draft]',
  bodyName: 'Board',
  startsAt: T,
  endsAt: new Date(T.getTime() + 5_400_000),
  location: 'Town hall, room #2',
  agenda: [
    { kind: 'item', text: 'Open the meeting' },
    { kind: 'proposal', number: 12, title: 'Adopt the budget' },
  ],
  attendance: [
    { name: 'Ada', status: 'present' },
    { name: 'Bob', status: 'absent' },
    { name: 'Cy', status: 'present' },
  ],
  quorum: { met: true, attending: 2, charterSeats: 3 },
};
const drafts: MinutesDraftInput[] = [
  meeting,
  { ...meeting, closedMatter: 'personnel', agenda: [], attendance: [], quorum: { met: false, attending: 0, charterSeats: 3 } },
  { ...meeting, closedMatter: 'other' },
];
const rollCalls = [
  {
    motion: 'Adopt the budget',
    outcome: 'OUTCOME 2-0 (STANDING)',
    votes: [
      { name: 'Ada', vote: 'yes' },
      { name: 'Bob', vote: 'absent' },
      { name: 'Cy', vote: 'abstain' },
      { name: 'Di', vote: 'no' },
    ],
  },
];

/** Every text, as the English functions say it and as its part. */
function cases(): [string, RulePart][] {
  const rules = { charterSeats: 5, quorum: ratios[0]!, majority: ratios[1]! };
  return [
    ...specs.map((s): [string, RulePart] => [meetingRulesText(s, ratioText), meetingRulesPart(s)]),
    ...reasons.map((r): [string, RulePart] => [irregularReasonText(r), irregularReasonPart(r)]),
    ...coverages.map((c): [string, RulePart] => [coverageText(c), coveragePart(c)]),
    ...votes.map((v): [string, RulePart] => [outcomeText(rollCallOutcome(v, rules)), outcomePart(rollCallOutcome(v, rules))]),
    ...standings.map((s): [string, RulePart] => [standingText(s), standingPart(s)]),
  ];
}

describe('the meetings’ rule texts from their parts', () => {
  it('in English, word for word what the English functions say', () => {
    const say = sayIn('en');
    for (const [english, part] of cases()) expect(say(part)).toBe(english);
  });

  it('in English, the first draft of the minutes is the draft as it always was', () => {
    const say = sayIn('en');
    for (const d of drafts) {
      expect(draftMinutesText(d, rollCalls, say)).toBe(draftMinutesText(d, rollCalls));
      expect(draftMinutesText(d, [], say)).toBe(draftMinutesText(d));
    }
  });

  it.each(['fr', 'de'] as Locale[])('%s: none of the English sentences is left, and no part is missing from the catalogue', (locale) => {
    const say = sayIn(locale);
    for (const [english, part] of cases()) {
      const said = say(part);
      expect(said).not.toBe('');
      expect(said).not.toContain(`meetingRules.`);
      expect(said).not.toBe(english);
    }
    const all = cases()
      .map(([, p]) => say(p))
      .join(' ');
    expect(all).not.toMatch(
      /Regular meetings|Short notice|seat holders|charter seats|charter requires|Yes \d|Quorum (met|not met)|needed to carry|Carried|in effect|more than|or more|\d+ (days?|hours?)\b/,
    );
    for (const d of drafts) {
      const draft = draftMinutesText(d, rollCalls, say);
      expect(draft).not.toMatch(
        /Minutes of meeting|Place:|Held in closed session|personnel matter|confidential matter|Attendance|Present:|Remote:|Absent:|none|Quorum (met|not met)|charter seats|Agenda|Proposal #|Discussion and outcome|No agenda items|Roll-call votes|: (yes|no|abstain)$|Dec 2026/m,
      );
      // The names, titles and motions the organization wrote, Markdown-inert as in English.
      expect(draft).toContain('Budget \\*review\\* \\[draft\\]');
      expect(draft).toContain(locale === 'fr' ? '3 déc. 2026, 14:00 UTC' : '3. Dez. 2026, 14:00 UTC');
    }
  });
});
