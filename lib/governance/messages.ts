/**
 * The message catalogue: every refusal a person can meet, keyed by a stable code. Code and
 * tests speak in codes; the words live only here, so a translation is one more catalogue of
 * the same keys. Placeholders are `{name}`, filled by `formatMessage`.
 *
 * Codes are `area.what` in snake case and never change once released (API clients and tests
 * rely on them); the wording may.
 */
export const messages = {
  'rule.refused': '{reason}',
  'organization.not_found': 'This organization no longer exists.',
  'membership.already_member': '{email} is already a member of {organization}.',
  'membership.not_member': 'That person is not a member of this organization.',
  'membership.self_not_member': 'You are not a member of this organization.',
  'witness.name_taken': 'A witness named {name} is already registered. Remove it first to replace its key.',
  'witness.not_registered': 'That witness is not registered with this organization (any more).',
} as const satisfies Record<string, string>;

export type RefusalCode = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

/** The catalogue's wording for `code` with its `{placeholders}` filled from `params`. */
export function formatMessage(code: RefusalCode, params: MessageParams = {}): string {
  const template: string = messages[code];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
