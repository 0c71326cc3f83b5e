/**
 * Property-based fuzzing of every server action: random form data — the action's real keys
 * with real or random values, plus random keys — posted by a signed-in admin of the
 * organization. An action may refuse or succeed, never throw anything but a redirect, and a
 * refusal writes nothing. The authentication flows (magic link, demo sign-in, sign-out) need
 * request headers and are covered by the sign-in tests and e2e journeys.
 */
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { comments, meetingRollCalls, memberships, petitions, proposals, seats, users, writtenConsentSigners, writtenConsents } from '@/db/schema';
import { openPetition } from '@/lib/use-cases/petitions';
import { scheduleMeeting } from '@/lib/use-cases/meetings';
import { recordRollCall } from '@/lib/use-cases/meeting-roll-calls';
import { seedDemo } from '@/db/seed';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import { hostileCorpus } from '../fixtures/hostile-corpus';
import { witnessVerifierKey } from '@/lib/log/cosignature';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import { exportedServerActions, session, signInAs, withTestDatabase, writableRowCounts } from './helpers';
import type { TestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// Reach the deep paths on every run instead of the burst limit after the tenth.
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const modules = {
  proposals: await import('@/app/o/[slug]/proposals/actions'),
  seats: await import('@/app/o/[slug]/seats/actions'),
  members: await import('@/app/o/[slug]/members/actions'),
  invitation: await import('@/app/o/[slug]/invitation/actions'),
  delivery: await import('@/app/o/[slug]/delivery/actions'),
  prefs: await import('@/app/o/[slug]/settings/notifications/actions'),
  witnesses: await import('@/app/o/[slug]/settings/witnesses/actions'),
  profile: await import('@/app/o/[slug]/settings/profile/actions'),
  archive: await import('@/app/o/[slug]/settings/archive/actions'),
  orgs: await import('@/app/orgs/new/actions'),
  account: await import('@/app/account/actions'),
  delegations: await import('@/app/o/[slug]/delegations/actions'),
  petitions: await import('@/app/o/[slug]/petitions/actions'),
  webhooks: await import('@/app/o/[slug]/settings/webhooks/actions'),
  meetings: await import('@/app/o/[slug]/meetings/actions'),
  rollCalls: await import('@/app/o/[slug]/meetings/roll-calls/actions'),
  minutes: await import('@/app/o/[slug]/meetings/minutes/actions'),
  writtenConsents: await import('@/app/o/[slug]/written-consents/actions'),
};
const actions: Record<string, Action> = {};
for (const mod of Object.values(modules)) for (const [name, fn] of Object.entries(mod)) actions[name] = fn as Action;
const authFlows = new Set(['requestMagicLinkAction', 'signInDemoUserAction', 'signInWithSsoAction', 'signOutAction']);

let handle: TestDatabase;
let orgId: string;
const ids: Record<'proposal' | 'seat' | 'membership' | 'user' | 'comment' | 'petition' | 'meeting' | 'consent' | 'rollCall', string[]> = {
  proposal: [],
  seat: [],
  membership: [],
  user: [],
  comment: [],
  petition: [],
  meeting: [],
  consent: [],
  rollCall: [],
};
/** The seeded proposal in its comment window: most proposal actions can act on it. */
let discussionId: string;
/** A token of the signed-in admin's, for the revoke form. */
let fuzzTokenId = '00000000-0000-4000-8000-000000000000';

const counts = () => writableRowCounts(handle.db);
const FUZZ_WITNESS_KEY = witnessVerifierKey('witness.fuzz.example', new Uint8Array(32).fill(7));

/** Strings that break things: the hostile corpus, unicode of every plane, control characters, markup, huge. */
const hostile = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...hostileCorpus.map((h) => h.value)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom('\u0000', '\u202e', '\u200b', '\r', '\n', '\t', '<', '>', '"', "'", '&', '=', '@', '\ud800', 'a', ' '),
      minLength: 5,
      maxLength: 40,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'x'.repeat(60_000),
      '{"x":"\\u0000"}',
      '../../etc/passwd',
      "'; DROP TABLE users; --",
      'A long enough text with a NUL \u0000 in it.',
    ),
  },
);

/** For each action's real keys, the values that get it past parsing (from the seeded org). */
function realValues(): Record<string, fc.Arbitrary<string>> {
  const pick = (xs: string[]) => fc.constantFrom(...xs);
  return {
    orgId: fc.constant(orgId),
    proposalId: fc.oneof({ weight: 2, arbitrary: fc.constant(discussionId) }, { weight: 1, arbitrary: pick(ids.proposal) }),
    seatId: pick(ids.seat),
    membershipId: pick(ids.membership),
    userId: pick(ids.user),
    subjectUserId: pick(ids.user),
    appointeeUserId: pick(ids.user),
    outboxId: fc.constant(''),
    commentId: pick(ids.comment),
    confirm: fc.constantFrom('leave', ''),
    confirmRotate: fc.constantFrom('yes', ''),
    visibility: fc.constantFrom('public', 'private'),
    parentId: fc.constant(''),
    ratifiesProposalId: pick(ids.proposal),
    role: fc.constantFrom('admin', 'secretary', 'member', 'observer'),
    group: fc.constantFrom('residents', 'employees', 'Zone 3', ''),
    newWeight: fc.constantFrom('0', '2', '40', ''),
    choice: fc.constantFrom('yes', 'no', 'abstain'),
    stance: fc.constantFrom('support', 'concern', 'object', 'none'),
    typeKey: fc.constantFrom('resolution', 'budget', 'officer_removal', 'charter_amendment', 'emergency_resolution'),
    template: fc.constantFrom('nonprofit_board', 'cooperative', 'open_source_foundation'),
    emergency: fc.constantFrom('on', 'true', ''),
    asReply: fc.constantFrom('true', 'false'),
    substantive: fc.constantFrom('true', 'false'),
    email: fc.integer({ min: 0, max: 1e9 }).map((n) => `fuzz-${n}@fuzz.example.org`),
    title: fc.constant('A fuzzed proposal title'),
    body: fc.constant('A fuzzed body that is long enough for the rules.'),
    name: fc.constant('Fuzzed Name'),
    slug: fc.integer({ min: 0, max: 1e9 }).map((n) => `fuzz-${n}`),
    reason: fc.constant('A fuzzed reason.'),
    primarySeats: fc.constantFrom('3', '5', '99', '100'),
    vacancyDeadlineDays: fc.constantFrom('7', '30', '400'),
    proposal_published: fc.constantFrom('immediate', 'digest', 'off'),
    comment_window_closing: fc.constantFrom('immediate', 'digest', 'off'),
    voting_open: fc.constantFrom('immediate', 'digest', 'off'),
    vote_reminder: fc.constantFrom('immediate', 'digest', 'off'),
    decision: fc.constantFrom('immediate', 'digest', 'off'),
    vacancy_overdue: fc.constantFrom('immediate', 'digest', 'off'),
    verifierKey: fc.constant(FUZZ_WITNESS_KEY),
    witnessId: fc.constant('00000000-0000-4000-8000-000000000000'),
    delegateUserId: pick(ids.user),
    scope: fc.oneof(
      fc.constant('general'),
      fc.constantFrom('read', 'write'),
      fc.constantFrom('type:resolution', 'type:budget', 'type:'),
      pick(ids.proposal).map((id) => `proposal:${id}`),
    ),
    delegationId: fc.constant('00000000-0000-4000-8000-000000000000'),
    petitionId: pick(ids.petition),
    consentId: pick(ids.consent),
    bodyKey: fc.constantFrom('board', 'members', 'nonesuch', 'nope', ''),
    constituency: fc.constantFrom('all', 'group', ''),
    answer: fc.oneof(fc.constant('A fuzzed answer from the board, long enough.'), fc.constantFrom('confirmed', 'disputed', 'approve', 'reject')),
    ...{ text: fc.constant('# Minutes\n\nA fuzzed account of the meeting.'), revision: fc.constantFrom('1', '2', '0', '-1', 'x') },
    closedMatter: fc.constantFrom('', 'personnel', 'legal', 'security', 'other', 'gossip'),
    meetingId: pick(ids.meeting),
    kind: fc.constantFrom('regular', 'special', ''),
    startsAt: fc.integer({ min: -48, max: 24 * 20 }).map((h) => new Date(Date.now() + h * 3_600_000).toISOString().slice(0, 16)),
    durationMinutes: fc.constantFrom('15', '90', '1440', '1441', '0'),
    location: fc.constant('Room 4 and https://meet.example.org/x'),
    agenda: fc.constantFrom('Budget\n#1', '#9999', '', 'One item'),
    status: fc.constantFrom('present', 'remote', 'absent', 'asleep'),
    note: fc.constant('I arrived late.'),
    rollCallId: pick(ids.rollCall),
    agendaItem: fc.constantFrom('', '1', '2', '999', 'x'),
    motion: fc.constantFrom('Adopt the budget', ''),
    'vote:fuzz-voter': fc.constantFrom('yes', 'no', 'abstain', 'absent', 'maybe'),
    expiresInDays: fc.constantFrom('7', '30', '90', '365', '0', ''),
    confirmRevoke: fc.constantFrom('yes', ''),
    tokenId: fc.oneof(fc.constant('00000000-0000-4000-8000-000000000000'), fc.constant(fuzzTokenId)),
    // IP literals only: no DNS lookups while fuzzing (the loopback one is refused, the public one registered).
    url: fc.constantFrom('https://93.184.216.34/hook', 'http://127.0.0.1:9/hook', 'http://[::ffff:10.0.0.1]/', 'ftp://93.184.216.34/'),
    events: fc.constantFrom('all', 'chosen', ''),
    'kind:witness.added': fc.constantFrom('on', ''),
    endpointId: fc.constant('00000000-0000-4000-8000-000000000000'),
    enabled: fc.constantFrom('true', 'false'),
    confirmDelete: fc.constantFrom('yes', ''),
    deliveryId: fc.constant('00000000-0000-4000-8000-000000000000'),
  };
}

const keysOf: Record<string, string[]> = {
  createProposalAction: [
    'orgId',
    'typeKey',
    'title',
    'body',
    'subjectUserId',
    'seatId',
    'appointeeUserId',
    'proposedCharter',
    'ratifiesProposalId',
    'emergency',
    'options',
    'newWeight',
  ],
  reviseProposalAction: ['orgId', 'proposalId', 'title', 'body', 'changeNote', 'substantive'],
  publishProposalAction: ['orgId', 'proposalId', 'confirmFoundingClose'],
  withdrawProposalAction: ['orgId', 'proposalId', 'reason'],
  postCommentAction: ['orgId', 'proposalId', 'parentId', 'body', 'stance', 'asReply'],
  followProposalAction: ['orgId', 'proposalId', 'follow'],
  openVotingAction: ['orgId', 'proposalId'],
  castBallotAction: ['orgId', 'proposalId', 'choice', 'rationale'],
  castChoiceBallotAction: ['orgId', 'proposalId', 'preferences', 'preferences.rank.0', 'preferences.rank.1', 'preferences.approve.0'],
  declareRecusalAction: ['orgId', 'proposalId', 'reason'],
  raiseObjectionAction: ['orgId', 'proposalId', 'reason'],
  withdrawObjectionAction: ['orgId', 'proposalId'],
  nominateCandidateAction: ['orgId', 'proposalId', 'nomineeUserId'],
  answerNominationAction: ['orgId', 'proposalId', 'answer', 'declarationConfirmed'],
  backEmergencyMotionAction: ['orgId', 'proposalId'],
  declareEligibilityAction: ['orgId', 'proposalId'],
  appointFoundingHolderAction: ['orgId', 'seatId', 'userId'],
  resignSeatAction: ['orgId', 'seatId'],
  inviteMemberAction: ['orgId', 'email', 'name', 'role'],
  changeMemberRoleAction: ['orgId', 'membershipId', 'role'],
  removeMemberAction: ['orgId', 'membershipId'],
  setStakeholderGroupAction: ['orgId', 'membershipId', 'group'],
  leaveOrganizationAction: ['orgId', 'confirm'],
  revokeInvitationAction: ['orgId', 'membershipId'],
  resendInvitationAction: ['orgId', 'membershipId'],
  acceptInvitationAction: ['orgId'],
  declineInvitationAction: ['orgId'],
  saveOrganizationProfileAction: ['orgId', 'name', 'mission', 'visibility'],
  archiveOrganizationAction: ['orgId', 'confirmation'],
  unarchiveOrganizationAction: ['orgId'],
  setOrganizationLogoAction: ['orgId', 'logo'],
  removeOrganizationLogoAction: ['orgId'],
  editCommentAction: ['orgId', 'proposalId', 'commentId', 'body'],
  deleteCommentAction: ['orgId', 'proposalId', 'commentId'],
  retryDeadLetterAction: ['orgId', 'outboxId'],
  saveNotificationPreferencesAction: ['orgId', 'proposal_published', 'comment_window_closing', 'voting_open', 'vote_reminder', 'decision', 'vacancy_overdue'],
  createOrganizationAction: ['name', 'slug', 'mission', 'template', 'primarySeats', 'vacancyDeadlineDays'],
  updateNameAction: ['name'],
  setMyLocaleAction: ['locale'],
  setOrganizationLocaleAction: ['orgId', 'locale'],
  // The prompt's form posts the typed name along with "Skip for now"; the action ignores it.
  skipNamePromptAction: ['name'],
  deleteAccountAction: ['confirm'],
  // The calendar section's create form posts no field: it is fuzzed with the replace form's, which it ignores.
  createCalendarFeedAction: ['confirmRotate'],
  rotateCalendarFeedAction: ['confirmRotate'],
  createApiTokenAction: ['name', 'scope', 'orgId', 'expiresInDays'],
  revokeApiTokenAction: ['tokenId', 'confirmRevoke'],
  addWitnessAction: ['orgId', 'verifierKey'],
  removeWitnessAction: ['orgId', 'witnessId'],
  delegateVoteAction: ['orgId', 'delegateUserId', 'scope'],
  revokeDelegationAction: ['orgId', 'delegationId'],
  openPetitionAction: ['orgId', 'title', 'body', 'constituency'],
  signPetitionAction: ['orgId', 'petitionId', 'confirm'],
  revokePetitionSignatureAction: ['orgId', 'petitionId', 'confirm'],
  answerPetitionAction: ['orgId', 'petitionId', 'answer'],
  registerWebhookAction: ['orgId', 'url', 'events', 'kind:witness.added'],
  setWebhookEnabledAction: ['orgId', 'endpointId', 'enabled'],
  deleteWebhookAction: ['orgId', 'endpointId', 'confirmDelete'],
  replayWebhookDeliveryAction: ['orgId', 'deliveryId'],
  scheduleMeetingAction: ['orgId', 'bodyKey', 'kind', 'title', 'startsAt', 'durationMinutes', 'location', 'agenda'],
  updateMeetingAction: ['orgId', 'meetingId', 'title', 'startsAt', 'durationMinutes', 'location', 'agenda'],
  cancelMeetingAction: ['orgId', 'meetingId', 'reason'],
  recordAttendanceAction: ['orgId', 'meetingId', 'userId', 'status'],
  answerAttendanceAction: ['orgId', 'meetingId', 'answer', 'note'],
  recordRollCallAction: ['orgId', 'meetingId', 'agendaItem', 'motion', 'vote:fuzz-voter'],
  answerRollCallVoteAction: ['orgId', 'meetingId', 'rollCallId', 'answer', 'note'],
  draftMinutesAction: ['orgId', 'meetingId', 'text', 'closedMatter'],
  answerMinutesAction: ['orgId', 'meetingId', 'revision', 'answer'],
  openWrittenConsentAction: ['orgId', 'bodyKey', 'title', 'body'],
  signWrittenConsentAction: ['orgId', 'consentId', 'confirm'],
  revokeWrittenConsentSignatureAction: ['orgId', 'consentId', 'confirm'],
  withdrawWrittenConsentAction: ['orgId', 'consentId', 'confirm'],
};

/** Member-written text: where hostile values matter most, so mutated most often. */
const textKeys = new Set([
  'title',
  'body',
  'name',
  'reason',
  'rationale',
  'changeNote',
  'mission',
  'proposedCharter',
  'slug',
  'email',
  'group',
  'answer',
  'location',
  'agenda',
  'note',
  'motion',
  'text',
]);

/**
 * A form that is valid but for a few fields: each run starts from the action's real values,
 * replaces one to three fields (text fields thrice as often) by hostile strings, may drop one,
 * and adds random keys. One run in four is wholly random instead.
 */
function formFor(name: string): fc.Arbitrary<[string, string][]> {
  const real = realValues();
  const keys = keysOf[name]!;
  const base = fc.tuple(...keys.map((key) => (real[key] ?? hostile).map((v) => [key, v] as [string, string])));
  const mutationKeys = keys.flatMap((k) => (textKeys.has(k) ? [k, k, k] : [k]));
  const mutations = fc.array(fc.tuple(fc.constantFrom(...mutationKeys), hostile), { minLength: 1, maxLength: 3 });
  const drop = fc.option(fc.constantFrom(...keys), { freq: 4 });
  const extra = fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('$ACTION_ID_x', '__proto__', 'constructor')), hostile), {
    maxLength: 2,
  });
  const nearValid = fc.tuple(base, mutations, drop, extra).map(([b, m, d, e]) => {
    const values = new Map(b);
    for (const [k, v] of m) values.set(k, v);
    if (d) values.delete(d);
    return [...values.entries(), ...e];
  });
  const random = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 })), hostile), { maxLength: 8 });
  return fc.oneof({ weight: 3, arbitrary: nearValid }, { weight: 1, arbitrary: random });
}

withTestDatabase({ app: true }, async (ready) => {
  handle = ready;
  ({ orgId } = await seedDemo(handle.db));
  const db = handle.db;
  const rows = await db.select({ id: proposals.id, number: proposals.number }).from(proposals).where(eq(proposals.orgId, orgId));
  ids.proposal = rows.map((r) => r.id);
  discussionId = rows.find((r) => r.number === 8)!.id;
  ids.seat = (await db.select({ id: seats.id }).from(seats).where(eq(seats.orgId, orgId))).map((r) => r.id);
  ids.membership = (await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.orgId, orgId))).map((r) => r.id);
  ids.user = (await db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.orgId, orgId))).map((r) => r.id);
  ids.comment = (await db.select({ id: comments.id }).from(comments).where(eq(comments.orgId, orgId))).map((r) => r.id);
  // Two petitions to act on: one open, one past its threshold (for the answer).
  const [ada] = await db.select().from(users).where(eq(users.email, 'ada@demo.quorate.localhost'));
  const at = new Date(Date.now() - 3_600_000);
  for (const title of ['A fuzzed petition', 'A fuzzed petition at its threshold']) {
    const { id } = await openPetition(
      db,
      { userId: ada!.id, role: 'admin' },
      { orgId, title, body: 'A petition body long enough for the rules.', forGroup: false },
      at,
    );
    ids.petition.push(id);
  }
  await db
    .update(petitions)
    .set({ thresholdReachedAt: at, answerDueAt: new Date(at.getTime() + 30 * 86_400_000) })
    .where(eq(petitions.id, ids.petition[1]!));
  // Two meetings to act on: one ahead (to change or cancel), one started (for attendance).
  for (const [scheduledAgo, startsIn] of [
    [0, 10 * 24],
    [9 * 24, -1],
  ] as const) {
    const startsAt = new Date(Date.now() + startsIn * 3_600_000);
    const { id } = await scheduleMeeting(
      db,
      { userId: ada!.id, role: 'admin' },
      {
        orgId,
        bodyKey: 'board',
        kind: 'regular',
        title: 'A fuzzed meeting',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7_200_000),
        location: 'Room 1',
        agenda: [],
      },
      new Date(Date.now() - scheduledAgo * 3_600_000),
    );
    ids.meeting.push(id);
  }
  // A roll call at the started meeting, for the answer action.
  await recordRollCall(
    db,
    { userId: ada!.id, role: 'admin' },
    { orgId, meetingId: ids.meeting[1]!, agendaItem: null, motion: 'A fuzzed motion', votes: [] },
    new Date(),
  );
  ids.rollCall.push((await db.select({ id: meetingRollCalls.id }).from(meetingRollCalls))[0]!.id);
  // A written consent of the board to act on, inserted as it would be opened (the demo board is below its minimum strength to open one).
  const [consent] = await db
    .insert(writtenConsents)
    .values({
      orgId,
      number: 1,
      bodyKey: 'board',
      title: 'A fuzzed written consent',
      body: 'Resolved, that the board acts without a meeting.',
      charterVersion: 1,
      openedBy: ada!.id,
      openedAt: at,
      expiresAfterDays: 14,
      expiresAt: new Date(at.getTime() + 14 * 86_400_000),
      charterSeats: 9,
    })
    .returning();
  const holders = await db.select().from(seats).where(eq(seats.orgId, orgId));
  await db
    .insert(writtenConsentSigners)
    .values(
      holders.filter((h) => h.bodyKey === 'board' && h.holderUserId).map((h) => ({ consentId: consent!.id, userId: h.holderUserId, seatPosition: h.position })),
    );
  ids.consent.push(consent!.id);
  fuzzTokenId = (await issueApiToken(db, ada!.id, { name: 'fuzz', scope: 'read', orgId: null, expiresInDays: 30 }, new Date())).id;
});

describe('server action fuzzing', () => {
  it('has keys for every exported server action', () => {
    const found = exportedServerActions();
    expect(found.filter((a) => !authFlows.has(a)).sort()).toEqual(Object.keys(keysOf).sort());
    expect(Object.keys(actions).sort()).toEqual(Object.keys(keysOf).sort());
  });

  it.each(Object.keys(keysOf))(
    '%s: random forms never throw, and a refusal writes nothing',
    async (name) => {
      const [ada] = await handle.db.select().from(users).where(eq(users.email, 'ada@demo.quorate.localhost'));
      await fc.assert(
        fc.asyncProperty(formFor(name), async (entries) => {
          signInAs({ id: ada!.id, email: ada!.email, name: ada!.name });
          const fd = new FormData();
          for (const [k, v] of entries) fd.append(k, v);
          const before = await counts();
          let state: ActionState;
          try {
            state = await actions[name]!(initialActionState, fd);
          } catch (error) {
            const digest = (error as { digest?: string }).digest;
            if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return;
            throw error;
          }
          expect(typeof state.ok).toBe('boolean');
          if (!state.ok) {
            expect(state.message, 'a refusal says why').toBeTruthy();
            expect(await counts()).toEqual(before);
          }
          for (const v of Object.values(state.values ?? {})) expect(v.length).toBeLessThanOrEqual(5000);
        }),
        { numRuns: 40 },
      );
    },
    60_000,
  );
});
