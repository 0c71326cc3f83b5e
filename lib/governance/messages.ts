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
  // use cases
  'charter.invalid': 'The charter is not valid: {errors}',
  'charter.missing': 'This organization has no charter yet.',
  'seat.not_found': 'That seat does not exist in this organization.',
  'seat.not_holder': 'You can only resign a seat you hold.',
  'seat.holder_not_member': '{name} is not a member of this organization, so they cannot hold a seat.',
  'seat.holder_observer': '{name} is an observer; observers cannot vote, so they cannot hold a seat.',
  'seat.holder_observer_change_role': '{name} is an observer; observers cannot vote, so they cannot hold a seat. Change their role first.',
  'proposal.not_found': 'That proposal does not exist in this organization.',
  'proposal.type_unknown': 'Choose a proposal type from the charter.',
  'proposal.subject_required': 'A {type} must name its subject.',
  'proposal.subject_not_allowed': 'A {type} has no subject.',
  'proposal.subject_not_member': 'The subject must be a member of this organization.',
  'proposal.emergency_not_allowed': 'The charter allows no emergency procedure for a {type}.',
  'proposal.revise_not_allowed': 'Only the author can revise, and only before voting (the proposal is {phase}).',
  'proposal.publish_not_allowed': 'Only the author can publish a draft (the proposal is {phase}).',
  'proposal.withdraw_not_allowed': 'Only the author can withdraw, and only before voting opens (the proposal is {phase}).',
  'amendment.charter_required': 'A charter amendment must include the proposed charter.',
  'amendment.charter_invalid': 'The proposed charter is not valid: {errors}',
  'appointment.seat_required': 'Choose the seat this proposal is about.',
  'appointment.appointee_required': 'Choose a member to appoint.',
  'appointment.seat_gone': 'The seat this appointment fills no longer exists.',
  'appointment.seat_taken': 'Seat {position} is no longer vacant: someone was appointed to it meanwhile.',
  'appointment.body_unknown': 'This seat belongs to a body the charter does not define.',
  'appointment.appointee_missing': 'An appointment must name the person appointed.',
  'appointment.nothing_to_declare': 'This proposal fills no seat with a class requirement; there is nothing to declare.',
  'appointment.declarer_not_appointee': 'Only the person this proposal appoints can make the declaration.',
  'appointment.declaration_before_publication': 'The declaration is made once the proposal is published.',
  'appointment.declaration_after_voting': 'The declaration is made before voting opens.',
  'appointment.already_declared': 'You have already made this declaration.',
  'ratification.target_required': 'Choose the emergency decision this proposal ratifies from the list.',
  'emergency.not_requested': 'This proposal did not ask for the emergency procedure.',
  'emergency.not_in_discussion': 'An emergency motion can be backed only while the proposal is in discussion.',
  'emergency.already_approved': 'The emergency motion has already passed.',
  'emergency.not_seat_holder': 'Only holders of a {body} seat can back the emergency motion.',
  'emergency.already_backed': 'You have already backed this emergency motion.',
  'comment.parent_not_on_proposal': 'The comment you are replying to is not on this proposal.',
  'comment.not_on_proposal': 'That comment is not on this proposal.',
  'voting.open_not_allowed': 'Only a secretary or admin can open voting (the proposal is {phase}).',
  'voting.cannot_open': 'Voting cannot be opened: the proposal is {phase}.',
  'voting.not_open': 'Voting is not open: the proposal is {phase}.',
  'voting.not_open_yet': 'Voting is not open. {reason}',
  'voting.result_recorded': 'Voting has closed: the result has already been recorded.',
  'voting.not_seat_holder': 'Only holders of a {body} seat vote at this stage.',
  'recusal.not_seat_holder': 'Only holders of a deciding seat can recuse themselves.',
  'recusal.already_recused': 'You have already recused yourself from this proposal.',
} as const satisfies Record<string, string>;

export type RefusalCode = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

/** The catalogue's wording for `code` with its `{placeholders}` filled from `params`. */
export function formatMessage(code: RefusalCode, params: MessageParams = {}): string {
  const template: string = messages[code];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
