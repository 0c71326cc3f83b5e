/**
 * Text the rules compose, as data: a message key and its parameters, so a page can say it in the
 * reader's language (the `meetingRules` messages) while the English functions beside each rule keep
 * their words for the log and the e-mails. Pure: no I/O, no framework.
 *
 * A parameter is a plain value, or a duration (`{ hours }`), a ratio (`{ ratio }`) or an instant
 * (`{ date }`) that the page words in the reader's language (components/meetings/meeting-rule-words.ts).
 */
import type { Ratio } from './types';

export type RuleParam = string | number | { hours: number } | { ratio: Ratio } | { date: Date };

/** The keys of the `meetingRules` messages a part may name. */
export type RulePartKey =
  | 'rules'
  | 'coverage'
  | 'irregular.short_notice'
  | 'irregular.not_noticed'
  | 'irregular.notice_failed'
  | 'outcome'
  | 'standing'
  | 'minutes.heading'
  | 'minutes.when'
  | 'minutes.closed'
  | 'minutes.attendance'
  | 'minutes.present'
  | 'minutes.remote'
  | 'minutes.absent'
  | 'minutes.nobody'
  | 'minutes.quorum'
  | 'minutes.agenda'
  | 'minutes.proposal'
  | 'minutes.discussion'
  | 'minutes.noAgenda'
  | 'minutes.rollCalls'
  | 'minutes.rollCallOutcome'
  | 'minutes.vote';

export type RulePart = { key: RulePartKey; params: Record<string, RuleParam> };

export function part(key: RulePartKey, params: Record<string, RuleParam> = {}): RulePart {
  return { key, params };
}
