import { useTranslations } from 'next-intl';
import { choiceMethodName } from '@/lib/governance/choice';
import { seatClassWords } from '@/lib/governance/charter';
import { ruleWords, words } from '@/lib/governance/charter-diff';
import type { CharterDiffPart, DiffDecision, DiffNewStage, DiffParam } from '@/lib/governance/charter-diff';
import type { Ratio } from '@/lib/governance/types';

type T = ReturnType<typeof useTranslations<'charterDiff'>>;

const known =
  <K extends string>(keys: readonly K[]) =>
  (v: string): v is K =>
    (keys as readonly string[]).includes(v);
const isEffect = known(['resolution', 'charter_amendment', 'seat_appointment', 'seat_election', 'seat_removal', 'sanction', 'membership_weight'] as const);
const isAudience = known(['seat_holders', 'members', 'public'] as const);
const isElectionRule = known(['scottish_stv', 'meek_stv'] as const);
const isMethod = known(['plurality', 'approval', 'irv', 'scottish_stv', 'meek_stv'] as const);
const isSeatClass = known(['general', 'independent', 'employee_representative', 'member_elected'] as const);

/**
 * What a charter amendment changes (lib/governance/charter-diff.ts's parts) in the reader's language, from the
 * `charterDiff` messages alone (the charter editor is a client component: this namespace is all it needs). Names from
 * the charter (bodies, types, a charter's own seat classes, an unknown code) pass as given.
 */
export function charterDiffWords(t: T): (part: CharterDiffPart) => string {
  const ratio = (r: Ratio) => t('ratio', { inclusive: String(r.inclusive), num: r.num, den: r.den });
  const hours = (h: number) => (h >= 24 && h % 24 === 0 ? t('duration', { unit: 'day', n: h / 24 }) : t('duration', { unit: 'hour', n: h }));
  const electionRule = (rule: string) => (isElectionRule(rule) ? t(`electionRules.${rule}`) : ruleWords(rule));
  const method = (key: string) => (isMethod(key) ? t(`methods.${key}`) : String(choiceMethodName(key as never)));
  const decision = (d: DiffDecision): string => {
    switch (d.kind) {
      case 'election':
        return t('decision.election', { rule: electionRule(d.rule) });
      case 'consent':
        return t('decision.consent');
      case 'yes_no':
        return t('decision.yes_no');
      case 'choice':
        return d.maxApprovals === null
          ? t('decision.choice', { winners: d.winners, method: method(d.method) })
          : t('decision.choiceApprovals', { winners: d.winners, method: method(d.method), max: d.maxApprovals });
    }
  };
  const stage = (s: DiffNewStage) =>
    t('newStage', { body: s.body, duration: hours(s.votingHours), quorum: ratio(s.quorum), threshold: ratio(s.threshold), base: s.base });
  const joined = (items: string[], join: 'stagesThen' | 'bodiesThen', none: 'noStage' | 'noBodies') =>
    items.length === 0 ? t(none) : items.reduce((list, next) => t(join, { list, next }));
  const value = (v: DiffParam): string | number => {
    if (typeof v !== 'object') return v;
    if ('hours' in v) return hours(v.hours);
    if ('days' in v) return t('duration', { unit: 'day', n: v.days });
    if ('ratio' in v) return ratio(v.ratio);
    if ('effect' in v) return isEffect(v.effect) ? t(`effects.${v.effect}`) : words(v.effect);
    if ('audience' in v) return isAudience(v.audience) ? t(`audiences.${v.audience}`) : words(v.audience);
    if ('electionRule' in v) return electionRule(v.electionRule);
    if ('seatClass' in v) return isSeatClass(v.seatClass) ? t(`seatClasses.${v.seatClass}`) : seatClassWords(v.seatClass);
    if ('decision' in v) return decision(v.decision);
    if ('bodies' in v) return joined(v.bodies, 'bodiesThen', 'noBodies');
    if ('newStages' in v) return joined(v.newStages.map(stage), 'stagesThen', 'noStage');
    return v.where.stage === null ? v.where.type : t('where', { type: v.where.type, stage: v.where.stage });
  };
  return (part) => t(part.key, Object.fromEntries(Object.entries(part.params).map(([k, v]) => [k, value(v)])) as never);
}

/** The same in a component (server or client). */
export function useCharterDiffWords(): (part: CharterDiffPart) => string {
  return charterDiffWords(useTranslations('charterDiff'));
}
