/** The pure governance rules (DESIGN §3). No I/O, no clock: `now` is always a parameter. */
export * from './types';
export * from './charter';
export * from './strength';
export * from './tally';
export * from './windows';
export * from './phase';
export * from './voting';
export * from './permissions';
export * from './emergency';
export * from './effects';
export * from './health';
export * from './time';
// roles.ts declares its own (identical) RuleResult; the one from types.ts is exported above.
export { checkInvite, checkRoleChange, hasRole, membershipRoles, roleDescriptions, roleLabels, roleLabelsPlural } from './roles';
export type { Role, RoleChange } from './roles';
