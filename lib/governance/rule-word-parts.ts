/**
 * More text the rules compose, as data for the `ruleWords` messages (as rule-parts.ts is for `meetingRules`): the
 * declaration a class seat's appointee or candidate makes and the statement of an election decided unopposed. The
 * English functions beside each rule (`defaultDeclaration`, `unopposedSentence`) keep their words: they are what the
 * log records. Pure: no I/O, no framework.
 *
 * A parameter is a plain value, or a list of names (`{ list }`) that the page joins in the reader's language
 * (components/governance/rule-word-text.ts).
 */
export type RuleWordParam = string | number | { list: readonly string[] };

/** The keys of the `ruleWords` messages a part may name. */
export type RuleWordKey =
  | 'declaration.independent'
  | 'declaration.employee_representative'
  | 'declaration.member_elected'
  | 'declaration.other'
  | 'unopposed.nobody'
  | 'unopposed.elected'
  | 'unopposed.vacant';

export type RuleWordPart = { key: RuleWordKey; params: Record<string, RuleWordParam> };

export function wordPart(key: RuleWordKey, params: Record<string, RuleWordParam> = {}): RuleWordPart {
  return { key, params };
}
