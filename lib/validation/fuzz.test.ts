/**
 * Property-based fuzzing of every zod schema in lib/validation: whatever arrives (forged form
 * data is arbitrary), `safeParse` never throws, and anything it accepts is within the schema's
 * documented bounds and safe to store. A schema added here without bounds fails the first test.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { membershipRoles } from '@/lib/governance/roles';
import { notificationModes } from '@/lib/notify/kinds';
import * as delegation from './delegation';
import * as email from './email';
import * as meeting from './meeting';
import * as notify from './notify';
import * as organization from './organization';
import * as petition from './petition';
import * as proposal from './proposal';
import * as writtenConsent from './written-consent';
import { LONE_SURROGATE, NUL } from './text';

const schemas: Record<string, z.ZodType> = {};
for (const mod of [delegation, email, meeting, notify, organization, petition, proposal, writtenConsent]) {
  for (const [name, value] of Object.entries(mod)) if (value instanceof z.ZodType) schemas[name] = value;
}

type Out = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: unknown) => typeof v === 'string' && UUID.test(v);
const optUuid = (v: unknown) => v === null || uuid(v);
const len = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
const unsafe = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/;
const titleControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const collapsed = (s: string) => s === s.normalize('NFC').trim().replace(/\s+/g, ' ');

const isEmail = (v: unknown) => typeof v === 'string' && v.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(v) && v === v.toLowerCase();
const isSlug = (v: unknown) =>
  typeof v === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) && v.length >= 3 && v.length <= 48 && !organization.reservedSlugs.has(v);
const isOrgName = (v: unknown) => len(v, 2, 120) && !unsafe.test(v as string) && collapsed(v as string);
const isPersonName = (v: unknown) => len(v, 2, 80) && !unsafe.test(v as string) && !(v as string).includes('@') && collapsed(v as string);
const isTitle = (v: unknown) => len(v, 5, 160) && !titleControl.test(v as string) && collapsed(v as string);
const isBody = (v: unknown) => len(v, 20, 50_000);
const ref = (o: Out) => uuid(o.orgId) && uuid(o.proposalId);
/** A delegation's scope: every member-wide vote (both null), one type (a key of 1 to 64 characters) or one proposal (a uuid), never both. */
const delegationScope = (v: unknown) => {
  const s = v as Out;
  if (typeof s !== 'object' || s === null) return false;
  if (s.typeKey === null) return optUuid(s.proposalId);
  return s.proposalId === null && len(s.typeKey, 1, 64) && !/[\u0000-\u001f\u007f]/.test(s.typeKey as string);
};
/** A meeting's one-line fields: trimmed, spaces collapsed, within bounds. */
const isLine = (v: unknown, min: number, max: number) => len(v, min, max) && collapsed(v as string);
/** At most 50 items: a proposal by number, or a line of text of at most 500 characters. */
const isAgenda = (v: unknown) =>
  Array.isArray(v) &&
  v.length <= 50 &&
  v.every((i: Out) => (i.kind === 'proposal' && Number.isSafeInteger(i.number) && (i.number as number) > 0) || (i.kind === 'item' && len(i.text, 1, 500)));
/** Title, place, agenda, a real start, 15 minutes to 24 hours, and the end that follows. */
const isMeetingDetails = (o: Out) =>
  isLine(o.title, 1, 200) &&
  isLine(o.location, 1, 500) &&
  isAgenda(o.agenda) &&
  o.startsAt instanceof Date &&
  !Number.isNaN(o.startsAt.getTime()) &&
  Number.isSafeInteger(o.durationMinutes) &&
  (o.durationMinutes as number) >= 15 &&
  (o.durationMinutes as number) <= 1440 &&
  o.endsAt instanceof Date &&
  o.endsAt.getTime() === o.startsAt.getTime() + (o.durationMinutes as number) * 60_000;
const mode = (v: unknown) => (notificationModes as readonly unknown[]).includes(v);

/** The documented bounds of each schema's output. */
const bounds: Record<string, (o: unknown) => boolean> = {
  emailSchema: isEmail,
  notificationPrefsSchema: (o) => uuid((o as Out).orgId) && Object.entries(o as Out).every(([k, v]) => k === 'orgId' || mode(v)),
  retryDeadLetterSchema: (o) => uuid((o as Out).orgId) && ((o as Out).outboxId === '' || uuid((o as Out).outboxId)),
  slugSchema: isSlug,
  organizationNameSchema: isOrgName,
  personNameSchema: isPersonName,
  createOrganizationSchema: (o) => {
    const v = o as Out;
    const int = (n: unknown, lo: number, hi: number) => n === undefined || (Number.isInteger(n) && (n as number) >= lo && (n as number) <= hi);
    return isOrgName(v.name) && isSlug(v.slug) && len(v.mission, 0, 2000) && int(v.primarySeats, 3, 99) && int(v.vacancyDeadlineDays, 7, 365);
  },
  inviteMemberSchema: (o) =>
    uuid((o as Out).orgId) &&
    isEmail((o as Out).email) &&
    ((o as Out).name === undefined || isPersonName((o as Out).name)) &&
    (membershipRoles as readonly unknown[]).includes((o as Out).role),
  changeRoleSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).membershipId) && (membershipRoles as readonly unknown[]).includes((o as Out).role),
  organizationProfileSchema: (o) =>
    uuid((o as Out).orgId) && isOrgName((o as Out).name) && len((o as Out).mission, 0, 2000) && ['public', 'private'].includes((o as Out).visibility as string),
  removeMemberSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).membershipId),
  stakeholderGroupSchema: (o) =>
    uuid((o as Out).orgId) &&
    uuid((o as Out).membershipId) &&
    ((o as Out).group === null || (len((o as Out).group, 1, 40) && /^[\p{L}\p{N}]+(?:[ -][\p{L}\p{N}]+)*$/u.test((o as Out).group as string))),
  invitationSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).membershipId),
  answerInvitationSchema: (o) => uuid((o as Out).orgId),
  archiveOrganizationSchema: (o) => uuid((o as Out).orgId) && len((o as Out).confirmation, 0, 200),
  unarchiveOrganizationSchema: (o) => uuid((o as Out).orgId),
  organizationLogoSchema: (o) => uuid((o as Out).orgId),
  leaveOrganizationSchema: (o) => uuid((o as Out).orgId) && (o as Out).confirm === 'leave',
  proposalTitleSchema: isTitle,
  proposalBodySchema: isBody,
  createProposalSchema: (o) => {
    const v = o as Out;
    return (
      uuid(v.orgId) &&
      len(v.typeKey, 1, 64) &&
      isTitle(v.title) &&
      isBody(v.body) &&
      optUuid(v.seatId) &&
      optUuid(v.ratifiesProposalId) &&
      typeof v.electionSeats === 'string' &&
      /^$|^[a-z0-9_-]{1,64}:[a-z0-9_-]{1,64}$/.test(v.electionSeats) &&
      typeof v.emergency === 'boolean' &&
      (v.newWeight === undefined || Number.isSafeInteger(v.newWeight))
    );
  },
  proposalRefSchema: (o) => ref(o as Out),
  reviseProposalSchema: (o) => ref(o as Out) && isTitle((o as Out).title) && isBody((o as Out).body) && len((o as Out).changeNote, 0, 500),
  publishProposalSchema: (o) => ref(o as Out) && typeof (o as Out).confirmFoundingClose === 'boolean',
  followProposalSchema: (o) => ref(o as Out) && typeof (o as Out).follow === 'boolean',
  withdrawProposalSchema: (o) => ref(o as Out) && len((o as Out).reason, 5, 1000),
  commentSchema: (o) =>
    ref(o as Out) &&
    len((o as Out).body, 1, 10_000) &&
    optUuid((o as Out).parentId) &&
    ['support', 'concern', 'object', 'none'].includes((o as Out).stance as string),
  editCommentSchema: (o) => ref(o as Out) && uuid((o as Out).commentId) && len((o as Out).body, 1, 10_000),
  deleteCommentSchema: (o) => ref(o as Out) && uuid((o as Out).commentId),
  ballotSchema: (o) =>
    ref(o as Out) && ['yes', 'no', 'abstain'].includes((o as Out).choice as string) && ((o as Out).rationale === null || len((o as Out).rationale, 1, 2000)),
  objectionSchema: (o) => ref(o as Out) && len((o as Out).reason, 10, 2000),
  nominationSchema: (o) => ref(o as Out) && len((o as Out).nomineeUserId, 1, 100),
  nominationAnswerSchema: (o) =>
    ref(o as Out) && ['accept', 'decline', 'withdraw'].includes((o as Out).answer as string) && typeof (o as Out).declarationConfirmed === 'boolean',
  choiceBallotSchema: (o) =>
    ref(o as Out) &&
    Array.isArray((o as Out).preferences) &&
    ((o as Out).preferences as unknown[]).length >= 1 &&
    ((o as Out).preferences as unknown[]).every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 999),
  recusalSchema: (o) => ref(o as Out) && len((o as Out).reason, 5, 1000),
  seatAppointSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).seatId) && len((o as Out).userId, 1, 100),
  seatResignSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).seatId),
  delegationScopeSchema: (o) => delegationScope(o),
  delegateSchema: (o) => uuid((o as Out).orgId) && len((o as Out).delegateUserId, 1, 100) && delegationScope((o as Out).scope),
  revokeDelegationSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).delegationId),
  openPetitionSchema: (o) => uuid((o as Out).orgId) && isTitle((o as Out).title) && isBody((o as Out).body) && typeof (o as Out).constituency === 'boolean',
  petitionRefSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).petitionId),
  signPetitionSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).petitionId) && (o as Out).confirm === 'yes',
  revokePetitionSignatureSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).petitionId) && (o as Out).confirm === 'yes',
  answerPetitionSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).petitionId) && len((o as Out).answer, 20, 10_000),
  openWrittenConsentSchema: (o) => uuid((o as Out).orgId) && len((o as Out).bodyKey, 1, 64) && isTitle((o as Out).title) && isBody((o as Out).body),
  writtenConsentRefSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).consentId),
  signWrittenConsentSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).consentId) && (o as Out).confirm === 'yes',
  revokeWrittenConsentSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).consentId) && (o as Out).confirm === 'yes',
  withdrawWrittenConsentSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).consentId) && (o as Out).confirm === 'yes',
  agendaSchema: (o) => isAgenda(o),
  scheduleMeetingSchema: (o) =>
    uuid((o as Out).orgId) && len((o as Out).bodyKey, 1, 100) && ['regular', 'special'].includes((o as Out).kind as string) && isMeetingDetails(o as Out),
  updateMeetingSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).meetingId) && isMeetingDetails(o as Out),
  cancelMeetingSchema: (o) => uuid((o as Out).orgId) && uuid((o as Out).meetingId) && isLine((o as Out).reason, 3, 1000),
  recordAttendanceSchema: (o) =>
    uuid((o as Out).orgId) &&
    uuid((o as Out).meetingId) &&
    len((o as Out).userId, 1, 100) &&
    ['present', 'remote', 'absent'].includes((o as Out).status as string),
  answerAttendanceSchema: (o) =>
    uuid((o as Out).orgId) &&
    uuid((o as Out).meetingId) &&
    ['confirmed', 'disputed'].includes((o as Out).answer as string) &&
    ((o as Out).note === null || len((o as Out).note, 1, 1000)),
};

/** Every string anywhere in an accepted value must be storable: no NUL, no lone surrogate. */
function storable(v: unknown): boolean {
  if (typeof v === 'string') return !NUL.test(v) && !LONE_SURROGATE.test(v);
  if (Array.isArray(v)) return v.every(storable);
  if (v && typeof v === 'object') return Object.entries(v).every(([k, x]) => storable(k) && storable(x));
  return true;
}

// The keys the forms really send, so random objects often reach the deeper checks.
const realKeys = [
  'orgId',
  'proposalId',
  'membershipId',
  'seatId',
  'userId',
  'outboxId',
  'name',
  'slug',
  'mission',
  'template',
  'primarySeats',
  'vacancyDeadlineDays',
  'email',
  'role',
  'typeKey',
  'title',
  'body',
  'subjectUserId',
  'appointeeUserId',
  'proposedCharter',
  'ratifiesProposalId',
  'emergency',
  'changeNote',
  'substantive',
  'reason',
  'parentId',
  'stance',
  'asReply',
  'commentId',
  'confirm',
  'visibility',
  'choice',
  'rationale',
  'delegateUserId',
  'delegationId',
  'scope',
  'petitionId',
  'consentId',
  'bodyKey',
  'constituency',
  'meetingId',
  'kind',
  'startsAt',
  'durationMinutes',
  'location',
  'agenda',
  'status',
  'note',
  'answer',
  ...notificationModes,
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '00000000-0000-4000-8000-000000000001',
    'yes',
    'on',
    'true',
    'false',
    'member',
    'admin',
    'immediate',
    'off',
    'resolution',
    'ada@example.org',
    'river-co-op',
    '12',
    'A title long enough',
    'A body long enough to pass any check.',
    '{"bodies":[]}',
    '{"x":"\\u0000"}',
    '{"x":"\\ud800"}',
    // NUL and a lone surrogate on their own: PostgreSQL refuses both in text, so no schema may let them through.
    'a\u0000b',
    '\ud800',
  ),
);
const formLike = fc.dictionary(fc.oneof(fc.constantFrom(...realKeys), fc.string({ maxLength: 10 })), text, { maxKeys: 12 });
const input = fc.oneof(fc.anything(), formLike, text);

const o = '00000000-0000-4000-8000-000000000001';
const p2 = '00000000-0000-4000-8000-000000000002';
const body = 'A body long enough to pass any check.';
/** One valid input per schema: the fuzzer changes a few of its fields, so it reaches the deep checks. */
const valid: Record<string, unknown> = {
  emailSchema: 'ada@example.org',
  notificationPrefsSchema: {
    orgId: o,
    proposal_published: 'off',
    comment_window_closing: 'off',
    voting_open: 'digest',
    vote_reminder: 'immediate',
    decision: 'immediate',
    vacancy_overdue: 'off',
    followed_activity: 'digest',
  },
  retryDeadLetterSchema: { orgId: o, outboxId: '' },
  slugSchema: 'river-co-op',
  organizationNameSchema: 'River Co-op',
  personNameSchema: 'Ada Okafor',
  createOrganizationSchema: {
    name: 'River Co-op',
    slug: 'river-co-op',
    mission: 'Homes.',
    template: 'cooperative',
    primarySeats: '5',
    vacancyDeadlineDays: '30',
  },
  inviteMemberSchema: { orgId: o, email: 'ada@example.org', name: 'Ada Okafor', role: 'member' },
  changeRoleSchema: { orgId: o, membershipId: p2, role: 'admin' },
  removeMemberSchema: { orgId: o, membershipId: p2 },
  stakeholderGroupSchema: { orgId: o, membershipId: p2, group: ' local  residents ' },
  invitationSchema: { orgId: o, membershipId: p2 },
  answerInvitationSchema: { orgId: o },
  archiveOrganizationSchema: { orgId: o, confirmation: 'River Co-op' },
  unarchiveOrganizationSchema: { orgId: o },
  organizationLogoSchema: { orgId: o },
  organizationProfileSchema: { orgId: o, name: 'River Co-op', mission: 'Boats.', visibility: 'public' },
  leaveOrganizationSchema: { orgId: o, confirm: 'leave' },
  proposalTitleSchema: 'A fine title',
  proposalBodySchema: body,
  createProposalSchema: {
    orgId: o,
    typeKey: 'resolution',
    title: 'A fine title',
    body,
    proposedCharter: '{"bodies":[]}',
    electionSeats: 'board:general',
    emergency: 'on',
    newWeight: '40',
  },
  proposalRefSchema: { orgId: o, proposalId: p2 },
  reviseProposalSchema: { orgId: o, proposalId: p2, title: 'A fine title', body, changeNote: 'Typos.' },
  publishProposalSchema: { orgId: o, proposalId: p2 },
  followProposalSchema: { orgId: o, proposalId: p2, follow: 'true' },
  withdrawProposalSchema: { orgId: o, proposalId: p2, reason: 'Changed my mind.' },
  commentSchema: { orgId: o, proposalId: p2, body: 'A comment.', stance: 'support' },
  editCommentSchema: { orgId: o, proposalId: p2, commentId: p2, body: 'An edited comment.' },
  deleteCommentSchema: { orgId: o, proposalId: p2, commentId: p2 },
  ballotSchema: { orgId: o, proposalId: p2, choice: 'yes', rationale: 'Because.' },
  choiceBallotSchema: { orgId: o, proposalId: p2, preferences: '2,0,1', 'preferences.rank.0': '1', 'preferences.approve.1': 'on' },
  recusalSchema: { orgId: o, proposalId: p2, reason: 'A conflict.' },
  objectionSchema: { orgId: o, proposalId: p2, reason: 'It would exclude the night shift.' },
  nominationSchema: { orgId: o, proposalId: p2, nomineeUserId: 'user-1' },
  nominationAnswerSchema: { orgId: o, proposalId: p2, answer: 'accept', declarationConfirmed: 'yes' },
  seatAppointSchema: { orgId: o, seatId: p2, userId: 'user-1' },
  seatResignSchema: { orgId: o, seatId: p2 },
  delegationScopeSchema: 'type:budget',
  delegateSchema: { orgId: o, delegateUserId: 'user-1', scope: `proposal:${p2}` },
  revokeDelegationSchema: { orgId: o, delegationId: p2 },
  openPetitionSchema: { orgId: o, title: 'A fine petition title', body, constituency: 'group' },
  petitionRefSchema: { orgId: o, petitionId: p2 },
  signPetitionSchema: { orgId: o, petitionId: p2, confirm: 'yes' },
  revokePetitionSignatureSchema: { orgId: o, petitionId: p2, confirm: 'yes' },
  answerPetitionSchema: { orgId: o, petitionId: p2, answer: 'The board answers the petition in full.' },
  openWrittenConsentSchema: { orgId: o, bodyKey: 'board', title: 'A fine resolution title', body },
  writtenConsentRefSchema: { orgId: o, consentId: p2 },
  agendaSchema: 'Budget\n#12',
  scheduleMeetingSchema: {
    orgId: o,
    bodyKey: 'board',
    kind: 'regular',
    title: 'Board meeting',
    startsAt: '2027-05-04T18:30',
    durationMinutes: '90',
    location: 'Room 1',
    agenda: 'Budget\n#12',
  },
  updateMeetingSchema: { orgId: o, meetingId: p2, title: 'Board meeting', startsAt: '2027-05-04T18:30', durationMinutes: '90', location: 'Room 1', agenda: '' },
  cancelMeetingSchema: { orgId: o, meetingId: p2, reason: 'The chair is ill.' },
  recordAttendanceSchema: { orgId: o, meetingId: p2, userId: 'user-1', status: 'present' },
  answerAttendanceSchema: { orgId: o, meetingId: p2, answer: 'disputed', note: 'I arrived late.' },
  signWrittenConsentSchema: { orgId: o, consentId: p2, confirm: 'yes' },
  revokeWrittenConsentSchema: { orgId: o, consentId: p2, confirm: 'yes' },
  withdrawWrittenConsentSchema: { orgId: o, consentId: p2, confirm: 'yes' },
};
// The new-proposal form's fields before the charter editor's are assembled (the API's create-a-draft body): the same bounds and input.
bounds.createProposalFields = bounds.createProposalSchema!;
valid.createProposalFields = valid.createProposalSchema;
function nearValid(name: string) {
  const base = valid[name];
  if (typeof base === 'string')
    return fc.oneof(
      text,
      text.map((t) => base + t),
      text.map((t) => t + base),
    );
  const keys = Object.keys(base as object);
  return fc.dictionary(fc.constantFrom(...keys, ...realKeys), text, { maxKeys: 3 }).map((changes) => ({ ...(base as object), ...changes }));
}

describe('zod schema fuzzing', () => {
  it('knows the bounds and a valid input of every schema', () => {
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(bounds).sort());
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(valid).sort());
  });

  it.each(Object.keys(schemas))('%s: never throws, and what it accepts is in bounds and storable', (name) => {
    const schema = schemas[name]!;
    expect(schema.safeParse(valid[name]).success).toBe(true);
    fc.assert(
      fc.property(fc.oneof(input, nearValid(name), nearValid(name)), (value) => {
        const result = schema.safeParse(value);
        if (result.success) {
          expect(bounds[name]!(result.data), JSON.stringify(result.data)).toBe(true);
          expect(storable(result.data), JSON.stringify(result.data)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
