/**
 * The authorization matrix: every server action, called as every kind of actor with forged form
 * data aimed at organization A, against the exact set of actors allowed to succeed. Actions are
 * public POST endpoints, so this — not what a page shows — is what keeps them closed.
 * A new action fails the completeness check below until it is added here.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import {
  calendarFeeds,
  delegations,
  memberships,
  nominations,
  objections,
  organizationLogos,
  organizations,
  outbox,
  petitionSignatures,
  petitions,
  proposals,
  seats,
  users,
  webhookDeliveries,
  writtenConsentSignatures,
} from '@/db/schema';
import { listSeats } from '@/db/queries/charters';
import { insertOrganization } from '@/db/queries/organizations';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import { charterFromTemplate } from '@/lib/governance/charter';
import type { Role } from '@/lib/governance/roles';
import { witnessVerifierKey } from '@/lib/log/cosignature';
import { optionalKinds } from '@/lib/notify/kinds';
import { enqueueNotice } from '@/lib/notify/outbox';
import { adoptFoundingCharter, foundingAppoint } from '@/lib/use-cases/founding';
import { createDraft } from '@/lib/use-cases/drafts';
import { declareRecusal } from '@/lib/use-cases/recusal';
import { openPetition } from '@/lib/use-cases/petitions';
import { scheduleMeeting } from '@/lib/use-cases/meetings';
import { recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { openWrittenConsent } from '@/lib/use-cases/written-consents';
import { postComment } from '@/lib/use-cases/comments';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { addWitness } from '@/lib/transparency/witnesses';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import { insertWebhookEndpoint } from '@/db/queries/webhooks';
import { exportedServerActions, form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// redirect() after a successful create throws NEXT_REDIRECT; treat it as success.
const proposalActions = await import('@/app/o/[slug]/proposals/actions');
const seatActions = await import('@/app/o/[slug]/seats/actions');
const memberActions = await import('@/app/o/[slug]/members/actions');
const deliveryActions = await import('@/app/o/[slug]/delivery/actions');
const prefActions = await import('@/app/o/[slug]/settings/notifications/actions');
const witnessActions = await import('@/app/o/[slug]/settings/witnesses/actions');
const profileActions = await import('@/app/o/[slug]/settings/profile/actions');
const archiveActions = await import('@/app/o/[slug]/settings/archive/actions');
const orgActions = await import('@/app/orgs/new/actions');
const accountActions = await import('@/app/account/actions');
const delegationActions = await import('@/app/o/[slug]/delegations/actions');
const petitionActions = await import('@/app/o/[slug]/petitions/actions');
const webhookActions = await import('@/app/o/[slug]/settings/webhooks/actions');
const meetingActions = await import('@/app/o/[slug]/meetings/actions');
const writtenConsentActions = await import('@/app/o/[slug]/written-consents/actions');

// seatedObserver: an observer who holds a board seat (appointed while a member, then made an
// observer). The seat must not lift the role's limits: no vote, recusal, motion or comment.
const actors = ['signedOut', 'outsider', 'observer', 'seatedObserver', 'member', 'seatHolder', 'recusedSeatHolder', 'secretary', 'admin'] as const;
type ActorKey = (typeof actors)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let db: Database;
let counter = 0;

type Scenario = {
  orgId: string;
  ids: Record<Exclude<ActorKey, 'signedOut'>, string>;
  /** A seat the seat holder holds; a vacant seat; the org's proposals by phase. */
  heldSeatId: string;
  vacantSeatId: string;
  discussion: string;
  voting: string;
  choiceVoting: string;
  /** A decision by consent with its window open (the recused seat holder declared a conflict). */
  consentVoting: string;
  ready: string;
  memberDraft: string;
  emergency: string;
  /** A published appointment of the member to a class seat, awaiting the member's declaration. */
  classAppointment: string;
  /** A comment by the member on the proposal in discussion. */
  memberComment: string;
  /** A board election (the vacant general seat 7) in its comment window: nominations open. */
  election: string;
};

/** A fresh organization A (5-seat board) with one actor of each kind and proposals in the phases the actions need. */
async function scenario(): Promise<Scenario> {
  const n = ++counter;
  const now = Date.now();
  const person = async (key: string) =>
    (
      await db
        .insert(users)
        .values({ email: `${key}-${n}@matrix.example.org`, name: `${key} ${n}` })
        .returning()
    )[0]!.id;
  const ids = {
    outsider: await person('outsider'),
    observer: await person('observer'),
    seatedObserver: await person('seated-observer'),
    member: await person('member'),
    seatHolder: await person('seat'),
    recusedSeatHolder: await person('recused'),
    secretary: await person('secretary'),
    admin: await person('admin'),
  };
  const extra = [await person('board-a'), await person('board-b')];
  const t0 = new Date(now - 20 * DAY);
  const charter = charterFromTemplate('nonprofit_board');
  charter.bodies[0]!.charterSeats = 7;
  charter.bodies[0]!.minSeatsForCriticalDecisions = 5;
  const boardResolution = charter.proposalTypes.find((t) => t.key === 'resolution')!;
  charter.proposalTypes.push({ ...boardResolution, key: 'board_consent', name: 'Board decision by consent', consent: true });
  // A member-wide body whose votes members may delegate.
  charter.bodies.push({
    key: 'assembly',
    name: 'Member assembly',
    charterSeats: 0,
    minSeatsForCriticalDecisions: 0,
    vacancyDeadlineDays: 30,
    seatClassMinimums: {},
    recusedSeatsCountTowardQuorumBase: true,
    electorate: { kind: 'all_members', weighted: false },
  });
  charter.proposalTypes.push({
    ...boardResolution,
    key: 'member_vote',
    name: 'Member vote',
    stages: [{ ...boardResolution.stages[0]!, bodyKey: 'assembly' }],
    delegation: { allowed: true, maxDepth: null },
  });
  const org = await db.transaction(async (tx) => {
    const created = await insertOrganization(tx, { slug: `matrix-${n}`, name: `Matrix ${n}`, mission: '', createdBy: ids.admin, at: t0 });
    await adoptFoundingCharter(tx, { orgId: created.id, actorId: ids.admin, templateKey: 'nonprofit_board', charter, at: t0 });
    return created;
  });
  const roles: [string, Role][] = [
    [ids.observer, 'observer'],
    // Seated as a member, made an observer below (a state left from before observers could not be seated).
    [ids.seatedObserver, 'member'],
    [ids.member, 'member'],
    [ids.seatHolder, 'member'],
    [ids.recusedSeatHolder, 'member'],
    [ids.secretary, 'secretary'],
    [extra[0]!, 'member'],
    [extra[1]!, 'member'],
  ];
  for (const [userId, role] of roles) await db.insert(memberships).values({ orgId: org.id, userId, role });
  const [other] = await db.transaction((tx) =>
    Promise.all([insertOrganization(tx, { slug: `matrix-other-${n}`, name: 'Other', mission: '', createdBy: ids.outsider, at: t0 })]),
  );
  expect(other).toBeTruthy();
  const board = (await listSeats(db, org.id)).filter((s) => s.bodyKey === 'board');
  const admin = { userId: ids.admin, role: 'admin' as Role };
  const seated = [ids.seatHolder, ids.recusedSeatHolder, extra[0]!, extra[1]!, ids.admin, ids.seatedObserver];
  for (const [i, userId] of seated.entries())
    await foundingAppoint(db, admin, { orgId: org.id, seatId: board[i]!.seatId, userId }, new Date(t0.getTime() + HOUR));
  await db
    .update(memberships)
    .set({ role: 'observer' })
    .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, ids.seatedObserver)));
  const author = { userId: ids.admin, role: 'admin' as Role };
  const draft = async (by: { userId: string; role: Role }, title: string, at: Date, emergency = false, typeKey = 'resolution', options: string[] = []) =>
    (
      await createDraft(
        db,
        by,
        { orgId: org.id, typeKey, title, body: 'A body long enough for the rules to accept it.', subjectUserId: null, effect: {}, emergency, options },
        at,
      )
    ).id;
  const publishedAt = (days: number) => new Date(now - days * DAY);
  const discussion = await draft(author, 'In discussion', publishedAt(1));
  await publishProposal(db, author, { orgId: org.id, proposalId: discussion }, publishedAt(1));
  /** A proposal published 8 days ago, the recused seat holder's conflict declared, its vote opened by the worker. */
  const inVoting = async (title: string, typeKey = 'resolution', options: string[] = []) => {
    const id = await draft(author, title, publishedAt(8), false, typeKey, options);
    await publishProposal(db, author, { orgId: org.id, proposalId: id }, publishedAt(8));
    await declareRecusal(
      db,
      { userId: ids.recusedSeatHolder, role: 'member' },
      { orgId: org.id, proposalId: id, reason: 'A declared conflict.' },
      publishedAt(7),
    );
    await recordTransitions(db, id, org.id, new Date(now - 12 * HOUR));
    return id;
  };
  const voting = await inVoting('In voting');
  await declareRecusal(
    db,
    { userId: ids.recusedSeatHolder, role: 'member' },
    { orgId: org.id, proposalId: discussion, reason: 'A declared conflict.' },
    publishedAt(0.5),
  );
  // A choice among options in voting, for the secret ballot; a decision by consent in its window, for objections.
  const choiceVoting = await inVoting('A choice in voting', 'board_choice', ['Hall', 'Park']);
  const consentVoting = await inVoting('A decision by consent', 'board_consent');
  const ready = await draft(author, 'Ready for voting', publishedAt(9));
  await publishProposal(db, author, { orgId: org.id, proposalId: ready }, publishedAt(9));
  const memberDraft = await draft({ userId: ids.member, role: 'member' }, 'A member draft', publishedAt(0.1));
  const emergency = await draft(author, 'Emergency', publishedAt(0.2), true, 'emergency_resolution');
  await publishProposal(db, author, { orgId: org.id, proposalId: emergency }, publishedAt(0.2));
  // A board election for the vacant general seat 7, drafted and published before the seat is reclassified.
  const election = (
    await createDraft(
      db,
      author,
      {
        orgId: org.id,
        typeKey: 'board_election',
        title: 'Board election',
        body: 'A body long enough for the rules to accept it.',
        subjectUserId: null,
        effect: { bodyKey: 'board', seatClass: 'general' },
        emergency: false,
      },
      publishedAt(1),
    )
  ).id;
  await publishProposal(db, author, { orgId: org.id, proposalId: election }, publishedAt(1));
  // Seat 7 made an independent-director seat: an appointment to it waits for the appointee's declaration.
  await db.update(seats).set({ seatClass: 'independent' }).where(eq(seats.id, board[6]!.seatId));
  const classAppointment = (
    await createDraft(
      db,
      author,
      {
        orgId: org.id,
        typeKey: 'seat_appointment',
        title: 'Appoint the member',
        body: 'A body long enough for the rules to accept it.',
        subjectUserId: null,
        effect: { seatId: board[6]!.seatId, appointeeUserId: ids.member },
        emergency: false,
      },
      publishedAt(1),
    )
  ).id;
  await publishProposal(db, author, { orgId: org.id, proposalId: classAppointment }, publishedAt(1));
  // A dead letter for the retry action.
  await db.transaction((tx) =>
    enqueueNotice(tx, {
      orgId: org.id,
      key: `matrix-dead-${n}`,
      kind: 'vacancy_overdue',
      payload: { bodyName: 'Board' },
      recipients: [{ userId: ids.member, mandatory: false }],
      at: new Date(now),
    }),
  );
  await db.update(outbox).set({ status: 'dead' }).where(eq(outbox.orgId, org.id));
  const { id: memberComment } = await postComment(
    db,
    { userId: ids.member, role: 'member' },
    { orgId: org.id, proposalId: discussion, parentId: null, body: 'The member’s own comment.', stance: 'none', asReply: false },
    publishedAt(0.5),
  );
  return {
    orgId: org.id,
    ids,
    heldSeatId: board[0]!.seatId,
    vacantSeatId: board[6]!.seatId,
    discussion,
    voting,
    choiceVoting,
    consentVoting,
    ready,
    memberDraft,
    emergency,
    classAppointment,
    memberComment,
    election,
  };
}

type Case = { allowed: ActorKey[]; run: (s: Scenario) => Promise<ActionState> };

/** A petition of all members opened by the admin (the scenario has none): with the member's signature, or past its threshold, when asked. */
async function scenarioPetition(s: Scenario, opts: { memberSigned?: boolean; thresholdReached?: boolean } = {}): Promise<string> {
  const at = new Date(Date.now() - HOUR);
  const { id } = await openPetition(
    db,
    { userId: s.ids.admin, role: 'admin' },
    { orgId: s.orgId, title: 'A petition to the board', body: 'A petition body long enough for the rules.', forGroup: false },
    at,
  );
  if (opts.memberSigned) {
    await db.insert(petitionSignatures).values({ petitionId: id, userId: s.ids.member, signedAt: at });
    await db.update(petitions).set({ signatureCount: 1 }).where(eq(petitions.id, id));
  }
  if (opts.thresholdReached)
    await db
      .update(petitions)
      .set({ thresholdReachedAt: at, answerDueAt: new Date(at.getTime() + 30 * DAY) })
      .where(eq(petitions.id, id));
  return id;
}

/** A board meeting scheduled by the admin: ahead (to change), or started an hour ago with the seat holder recorded present. */
async function scenarioMeeting(s: Scenario, opts: { started?: boolean; seatHolderRecorded?: boolean } = {}): Promise<string> {
  const now = Date.now();
  const admin = { userId: s.ids.admin, role: 'admin' as Role };
  const at = new Date(opts.started ? now - 9 * DAY : now);
  const startsAt = new Date(opts.started ? now - HOUR : now + 10 * DAY);
  const { id } = await scheduleMeeting(
    db,
    admin,
    {
      orgId: s.orgId,
      bodyKey: 'board',
      kind: 'regular',
      title: 'Board meeting',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      location: 'Room 1',
      agenda: [],
    },
    at,
  );
  if (opts.seatHolderRecorded) await recordAttendance(db, admin, { orgId: s.orgId, meetingId: id, userId: s.ids.seatHolder, status: 'present' }, new Date(now));
  return id;
}

const meetingForm = (s: Scenario, extra: Record<string, string>) =>
  form({
    orgId: s.orgId,
    title: 'A forged meeting',
    startsAt: new Date(Date.now() + 12 * DAY).toISOString().slice(0, 16),
    durationMinutes: '60',
    location: 'Room 2',
    agenda: 'Any other business',
    ...extra,
  });

/** A written consent of the board opened by the seat holder (six of seven seats filled, the minimum five): with the seat holder's signature when asked. */
async function scenarioConsent(s: Scenario, opts: { seatHolderSigned?: boolean } = {}): Promise<string> {
  const at = new Date(Date.now() - HOUR);
  const { id } = await openWrittenConsent(
    db,
    { userId: s.ids.seatHolder, role: 'member' },
    { orgId: s.orgId, bodyKey: 'board', title: 'A board resolution', body: 'Resolved, that the board acts without a meeting.' },
    at,
  );
  if (opts.seatHolderSigned) await db.insert(writtenConsentSignatures).values({ consentId: id, userId: s.ids.seatHolder, signedAt: at });
  return id;
}

const everyoneSignedIn: ActorKey[] = ['outsider', 'observer', 'seatedObserver', 'member', 'seatHolder', 'recusedSeatHolder', 'secretary', 'admin'];
const members: ActorKey[] = ['observer', 'seatedObserver', 'member', 'seatHolder', 'recusedSeatHolder', 'secretary', 'admin'];
const proposers: ActorKey[] = ['member', 'seatHolder', 'recusedSeatHolder', 'secretary', 'admin'];

const matrix: Record<string, Case> = {
  updateNameAction: { allowed: everyoneSignedIn, run: () => accountActions.updateNameAction(initialActionState, form({ name: 'Someone Else' })) },
  skipNamePromptAction: { allowed: everyoneSignedIn, run: () => accountActions.skipNamePromptAction(initialActionState, form({})) },
  // One's own calendar link: any signed-in person, for themselves only (no ids in the form).
  createCalendarFeedAction: { allowed: everyoneSignedIn, run: () => accountActions.createCalendarFeedAction(initialActionState, form({})) },
  rotateCalendarFeedAction: {
    allowed: everyoneSignedIn,
    run: async () => {
      if (session.user) await db.insert(calendarFeeds).values({ userId: session.user.id, tokenHash: `matrix-feed-${++counter}` });
      return accountActions.rotateCalendarFeedAction(initialActionState, form({ confirmRotate: 'yes' }));
    },
  },
  // One's own API tokens: any signed-in person, for themselves only; a token limited to an organization needs its membership.
  createApiTokenAction: {
    allowed: everyoneSignedIn,
    run: () => accountActions.createApiTokenAction(initialActionState, form({ name: 'Matrix token', scope: 'write', orgId: '', expiresInDays: '30' })),
  },
  revokeApiTokenAction: {
    allowed: everyoneSignedIn,
    run: async () => {
      if (!session.user)
        return accountActions.revokeApiTokenAction(initialActionState, form({ tokenId: '00000000-0000-4000-8000-000000000000', confirmRevoke: 'yes' }));
      const { id } = await issueApiToken(db, session.user.id, { name: 'own', scope: 'read', orgId: null, expiresInDays: 30 }, new Date());
      return accountActions.revokeApiTokenAction(initialActionState, form({ tokenId: id, confirmRevoke: 'yes' }));
    },
  },
  createOrganizationAction: {
    allowed: everyoneSignedIn,
    run: () => orgActions.createOrganizationAction(initialActionState, form({ name: 'A New Org', slug: `new-org-${++counter}` })),
  },
  inviteMemberAction: {
    allowed: ['admin'],
    run: (s) => memberActions.inviteMemberAction(initialActionState, form({ orgId: s.orgId, email: `invitee-${++counter}@matrix.example.org`, role: 'admin' })),
  },
  changeMemberRoleAction: {
    allowed: ['admin'],
    run: async (s) => {
      const [m] = await db.select().from(memberships).where(eq(memberships.userId, s.ids.member));
      return memberActions.changeMemberRoleAction(initialActionState, form({ orgId: s.orgId, membershipId: m!.id, role: 'admin' }));
    },
  },
  setStakeholderGroupAction: {
    allowed: ['admin'],
    run: async (s) => {
      const [m] = await db.select().from(memberships).where(eq(memberships.userId, s.ids.member));
      return memberActions.setStakeholderGroupAction(initialActionState, form({ orgId: s.orgId, membershipId: m!.id, group: 'residents' }));
    },
  },
  removeMemberAction: {
    allowed: ['admin'],
    run: async (s) => {
      const [m] = await db.select().from(memberships).where(eq(memberships.userId, s.ids.member));
      return memberActions.removeMemberAction(initialActionState, form({ orgId: s.orgId, membershipId: m!.id }));
    },
  },
  // Seat holders (the admin holds one too) must leave their seat first; outsiders have nothing to leave.
  leaveOrganizationAction: {
    allowed: ['observer', 'member', 'secretary'],
    run: (s) => memberActions.leaveOrganizationAction(initialActionState, form({ orgId: s.orgId, confirm: 'leave' })),
  },
  saveOrganizationProfileAction: {
    allowed: ['admin'],
    run: (s) =>
      profileActions.saveOrganizationProfileAction(initialActionState, form({ orgId: s.orgId, name: 'A Forged Name', mission: '', visibility: 'private' })),
  },
  setOrganizationLogoAction: {
    allowed: ['admin'],
    run: (s) => {
      const fd = form({ orgId: s.orgId });
      fd.append('logo', new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])], 'logo.jpg', { type: 'image/jpeg' }));
      return profileActions.setOrganizationLogoAction(initialActionState, fd);
    },
  },
  // The scenario has a logo to remove first.
  removeOrganizationLogoAction: {
    allowed: ['admin'],
    run: async (s) => {
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
      await db
        .insert(organizationLogos)
        .values({ orgId: s.orgId, contentType: 'image/jpeg', sha256: 'x'.repeat(64), byteSize: bytes.length, bytes })
        .onConflictDoNothing();
      return profileActions.removeOrganizationLogoAction(initialActionState, form({ orgId: s.orgId }));
    },
  },
  // Archiving waits for open proposals, so the scenario's are marked decided first; the name is typed to confirm.
  archiveOrganizationAction: {
    allowed: ['admin'],
    run: async (s) => {
      await db.update(proposals).set({ outcome: 'passed' }).where(eq(proposals.orgId, s.orgId));
      const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, s.orgId));
      return archiveActions.archiveOrganizationAction(initialActionState, form({ orgId: s.orgId, confirmation: org!.name }));
    },
  },
  unarchiveOrganizationAction: {
    allowed: ['admin'],
    run: async (s) => {
      await db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, s.orgId));
      return archiveActions.unarchiveOrganizationAction(initialActionState, form({ orgId: s.orgId }));
    },
  },
  // Only the author changes a comment: no admin moderation.
  editCommentAction: {
    allowed: ['member'],
    run: (s) =>
      proposalActions.editCommentAction(
        initialActionState,
        form({ orgId: s.orgId, proposalId: s.discussion, commentId: s.memberComment, body: 'Forged words.' }),
      ),
  },
  deleteCommentAction: {
    allowed: ['member'],
    run: (s) => proposalActions.deleteCommentAction(initialActionState, form({ orgId: s.orgId, proposalId: s.discussion, commentId: s.memberComment })),
  },
  // Accepted members who vote (not observers) delegate their own vote; the member delegates to the admin, everyone else to the member.
  delegateVoteAction: {
    allowed: proposers,
    run: (s) =>
      delegationActions.delegateVoteAction(
        initialActionState,
        form({ orgId: s.orgId, delegateUserId: session.user?.id === s.ids.member ? s.ids.admin : s.ids.member, scope: 'general' }),
      ),
  },
  // The member's delegation, revoked by a forged POST: only the member may revoke it.
  revokeDelegationAction: {
    allowed: ['member'],
    run: async (s) => {
      const [row] = await db
        .insert(delegations)
        .values({ orgId: s.orgId, delegatorUserId: s.ids.member, delegateUserId: s.ids.admin, createdAt: new Date() })
        .returning();
      return delegationActions.revokeDelegationAction(initialActionState, form({ orgId: s.orgId, delegationId: row!.id }));
    },
  },
  // Founding appointments close at the first publication: nobody may make one now.
  appointFoundingHolderAction: {
    allowed: [],
    run: (s) => seatActions.appointFoundingHolderAction(initialActionState, form({ orgId: s.orgId, seatId: s.vacantSeatId, userId: s.ids.member })),
  },
  resignSeatAction: { allowed: ['seatHolder'], run: (s) => seatActions.resignSeatAction(initialActionState, form({ orgId: s.orgId, seatId: s.heldSeatId })) },
  retryDeadLetterAction: { allowed: ['admin'], run: (s) => deliveryActions.retryDeadLetterAction(initialActionState, form({ orgId: s.orgId, outboxId: '' })) },
  saveNotificationPreferencesAction: {
    allowed: members,
    run: (s) =>
      prefActions.saveNotificationPreferencesAction(
        initialActionState,
        // A valid form: every optional kind by daily digest.
        form({ orgId: s.orgId, ...Object.fromEntries(optionalKinds.map((kind) => [kind, 'digest'])) }),
      ),
  },
  createProposalAction: {
    allowed: proposers,
    run: (s) =>
      proposalActions.createProposalAction(
        initialActionState,
        form({ orgId: s.orgId, typeKey: 'resolution', title: 'A forged proposal', body: 'A body long enough for the rules to accept it.' }),
      ),
  },
  reviseProposalAction: {
    allowed: ['member'],
    run: (s) =>
      proposalActions.reviseProposalAction(
        initialActionState,
        form({ orgId: s.orgId, proposalId: s.memberDraft, title: 'Revised title', body: 'A revised body long enough for the rules.' }),
      ),
  },
  // Accepted members (not observers) follow a published proposal; the outcome changes only the caller's own row.
  followProposalAction: {
    allowed: proposers,
    run: (s) => proposalActions.followProposalAction(initialActionState, form({ orgId: s.orgId, proposalId: s.discussion, follow: 'true' })),
  },
  publishProposalAction: {
    allowed: ['member'],
    run: (s) => proposalActions.publishProposalAction(initialActionState, form({ orgId: s.orgId, proposalId: s.memberDraft })),
  },
  withdrawProposalAction: {
    allowed: ['member'],
    run: (s) => proposalActions.withdrawProposalAction(initialActionState, form({ orgId: s.orgId, proposalId: s.memberDraft, reason: 'Changed my mind.' })),
  },
  postCommentAction: {
    allowed: proposers,
    run: (s) => proposalActions.postCommentAction(initialActionState, form({ orgId: s.orgId, proposalId: s.discussion, body: 'A forged comment.' })),
  },
  openVotingAction: {
    allowed: ['secretary', 'admin'],
    run: (s) => proposalActions.openVotingAction(initialActionState, form({ orgId: s.orgId, proposalId: s.ready })),
  },
  castBallotAction: {
    allowed: ['seatHolder', 'admin'],
    run: (s) => proposalActions.castBallotAction(initialActionState, form({ orgId: s.orgId, proposalId: s.voting, choice: 'yes' })),
  },
  castChoiceBallotAction: {
    allowed: ['seatHolder', 'admin'],
    run: (s) => proposalActions.castChoiceBallotAction(initialActionState, form({ orgId: s.orgId, proposalId: s.choiceVoting, preferences: '1,0' })),
  },
  raiseObjectionAction: {
    allowed: ['seatHolder', 'admin'],
    run: (s) =>
      proposalActions.raiseObjectionAction(
        initialActionState,
        form({ orgId: s.orgId, proposalId: s.consentVoting, reason: 'A forged objection with a reason.' }),
      ),
  },
  // Every seat of the board has a standing objection, made in its holder's name: only the holders who may object can withdraw theirs.
  withdrawObjectionAction: {
    allowed: ['seatHolder', 'admin'],
    run: async (s) => {
      const held = (await listSeats(db, s.orgId)).filter((seat) => seat.bodyKey === 'board' && seat.holderUserId);
      const raisedAt = new Date(Date.now() - HOUR);
      for (const seat of held)
        await db
          .insert(objections)
          .values({ proposalId: s.consentVoting, stageIndex: 0, seatId: seat.seatId, objectorUserId: seat.holderUserId!, reason: 'An objection.', raisedAt });
      return proposalActions.withdrawObjectionAction(initialActionState, form({ orgId: s.orgId, proposalId: s.consentVoting }));
    },
  },
  // Any member (not an observer) nominates; the nominee is the member, who holds no board seat.
  nominateCandidateAction: {
    allowed: proposers,
    run: (s) => proposalActions.nominateCandidateAction(initialActionState, form({ orgId: s.orgId, proposalId: s.election, nomineeUserId: s.ids.member })),
  },
  // Everyone is nominated (rows written directly); only a nominee who may take a board seat can accept: a member, not an observer, holding no board seat.
  answerNominationAction: {
    allowed: ['member', 'secretary'],
    run: async (s) => {
      const at = new Date(Date.now() - HOUR);
      for (const userId of Object.values(s.ids))
        await db.insert(nominations).values({ proposalId: s.election, nomineeUserId: userId, nominatorUserId: s.ids.admin, nominatedAt: at });
      return proposalActions.answerNominationAction(initialActionState, form({ orgId: s.orgId, proposalId: s.election, answer: 'accept' }));
    },
  },
  declareRecusalAction: {
    allowed: ['seatHolder', 'admin'],
    run: (s) => proposalActions.declareRecusalAction(initialActionState, form({ orgId: s.orgId, proposalId: s.voting, reason: 'A forged conflict.' })),
  },
  // Only the appointee declares their own eligibility.
  declareEligibilityAction: {
    allowed: ['member'],
    run: (s) => proposalActions.declareEligibilityAction(initialActionState, form({ orgId: s.orgId, proposalId: s.classAppointment })),
  },
  backEmergencyMotionAction: {
    allowed: ['seatHolder', 'recusedSeatHolder', 'admin'],
    run: (s) => proposalActions.backEmergencyMotionAction(initialActionState, form({ orgId: s.orgId, proposalId: s.emergency })),
  },
  // A member holding a board seat, or an admin, opens a written consent of the board; a seat does not lift an observer's limits.
  openWrittenConsentAction: {
    allowed: ['seatHolder', 'recusedSeatHolder', 'admin'],
    run: (s) =>
      writtenConsentActions.openWrittenConsentAction(
        initialActionState,
        form({ orgId: s.orgId, bodyKey: 'board', title: 'A forged consent', body: 'Resolved, that the board acts without a meeting.' }),
      ),
  },
  // The frozen signers (the board's seat holders when it opened) sign; the seated observer's seat gives no signature.
  signWrittenConsentAction: {
    allowed: ['seatHolder', 'recusedSeatHolder', 'admin'],
    run: async (s) =>
      writtenConsentActions.signWrittenConsentAction(initialActionState, form({ orgId: s.orgId, consentId: await scenarioConsent(s), confirm: 'yes' })),
  },
  // Only the seat holder signed: nobody revokes another's signature.
  revokeWrittenConsentSignatureAction: {
    allowed: ['seatHolder'],
    run: async (s) =>
      writtenConsentActions.revokeWrittenConsentSignatureAction(
        initialActionState,
        form({ orgId: s.orgId, consentId: await scenarioConsent(s, { seatHolderSigned: true }), confirm: 'yes' }),
      ),
  },
  // Whoever opened it (the seat holder) or an admin withdraws it.
  withdrawWrittenConsentAction: {
    allowed: ['seatHolder', 'admin'],
    run: async (s) =>
      writtenConsentActions.withdrawWrittenConsentAction(initialActionState, form({ orgId: s.orgId, consentId: await scenarioConsent(s), confirm: 'yes' })),
  },
  // Members who may sign (not observers, whatever seat they hold) open a petition of all members.
  openPetitionAction: {
    allowed: proposers,
    run: (s) =>
      petitionActions.openPetitionAction(
        initialActionState,
        form({ orgId: s.orgId, title: 'A forged petition', body: 'A petition body long enough for the rules.', constituency: 'all' }),
      ),
  },
  signPetitionAction: {
    allowed: proposers,
    run: async (s) => petitionActions.signPetitionAction(initialActionState, form({ orgId: s.orgId, petitionId: await scenarioPetition(s), confirm: 'yes' })),
  },
  // Only the member signed: nobody revokes another's signature.
  revokePetitionSignatureAction: {
    allowed: ['member'],
    run: async (s) =>
      petitionActions.revokePetitionSignatureAction(
        initialActionState,
        form({ orgId: s.orgId, petitionId: await scenarioPetition(s, { memberSigned: true }), confirm: 'yes' }),
      ),
  },
  // The answering body's answer is recorded by a secretary or admin (as voting is opened); a seat alone does not.
  answerPetitionAction: {
    allowed: ['secretary', 'admin'],
    run: async (s) =>
      petitionActions.answerPetitionAction(
        initialActionState,
        form({
          orgId: s.orgId,
          petitionId: await scenarioPetition(s, { thresholdReached: true }),
          answer: 'The board has heard this petition and answers it.',
        }),
      ),
  },
  // Meetings are called, changed and cancelled, and attendance recorded, by a secretary or an admin; a seat alone does not.
  scheduleMeetingAction: {
    allowed: ['secretary', 'admin'],
    run: (s) => meetingActions.scheduleMeetingAction(initialActionState, meetingForm(s, { bodyKey: 'board', kind: 'regular' })),
  },
  updateMeetingAction: {
    allowed: ['secretary', 'admin'],
    run: async (s) => meetingActions.updateMeetingAction(initialActionState, meetingForm(s, { meetingId: await scenarioMeeting(s) })),
  },
  cancelMeetingAction: {
    allowed: ['secretary', 'admin'],
    run: async (s) =>
      meetingActions.cancelMeetingAction(initialActionState, form({ orgId: s.orgId, meetingId: await scenarioMeeting(s), reason: 'A forged cancellation.' })),
  },
  recordAttendanceAction: {
    allowed: ['secretary', 'admin'],
    run: async (s) =>
      meetingActions.recordAttendanceAction(
        initialActionState,
        form({ orgId: s.orgId, meetingId: await scenarioMeeting(s, { started: true }), userId: s.ids.seatHolder, status: 'present' }),
      ),
  },
  // Only the attendee answers for their own record.
  answerAttendanceAction: {
    allowed: ['seatHolder'],
    run: async (s) =>
      meetingActions.answerAttendanceAction(
        initialActionState,
        form({ orgId: s.orgId, meetingId: await scenarioMeeting(s, { started: true, seatHolderRecorded: true }), answer: 'confirmed' }),
      ),
  },
  addWitnessAction: {
    allowed: ['admin'],
    run: (s) =>
      witnessActions.addWitnessAction(
        initialActionState,
        form({ orgId: s.orgId, verifierKey: witnessVerifierKey(`w${++counter}.example`, new Uint8Array(32).fill(3)) }),
      ),
  },
  removeWitnessAction: {
    allowed: ['admin'],
    run: async (s) => {
      const { id } = await addWitness(db, {
        orgId: s.orgId,
        actorId: s.ids.admin,
        verifierKey: witnessVerifierKey(`w${++counter}.example`, new Uint8Array(32).fill(4)),
        at: new Date(),
      });
      return witnessActions.removeWitnessAction(initialActionState, form({ orgId: s.orgId, witnessId: id }));
    },
  },
  // Webhooks: the organization's admins only. A public IP literal needs no DNS and passes the SSRF check.
  registerWebhookAction: {
    allowed: ['admin'],
    run: (s) => webhookActions.registerWebhookAction(initialActionState, form({ orgId: s.orgId, url: 'https://93.184.216.34/hook', events: 'all' })),
  },
  setWebhookEnabledAction: {
    allowed: ['admin'],
    run: async (s) =>
      webhookActions.setWebhookEnabledAction(initialActionState, form({ orgId: s.orgId, endpointId: await scenarioWebhook(s), enabled: 'false' })),
  },
  deleteWebhookAction: {
    allowed: ['admin'],
    run: async (s) =>
      webhookActions.deleteWebhookAction(initialActionState, form({ orgId: s.orgId, endpointId: await scenarioWebhook(s), confirmDelete: 'yes' })),
  },
  replayWebhookDeliveryAction: {
    allowed: ['admin'],
    run: async (s) => {
      const endpointId = await scenarioWebhook(s);
      const [dead] = await db
        .insert(webhookDeliveries)
        .values({
          orgId: s.orgId,
          endpointId,
          seq: 1,
          kind: 'organization.created',
          status: 'dead',
          attempts: 8,
          nextAttemptAt: new Date(),
          createdAt: new Date(),
        })
        .returning({ id: webhookDeliveries.id });
      return webhookActions.replayWebhookDeliveryAction(initialActionState, form({ orgId: s.orgId, deliveryId: dead!.id }));
    },
  },
};

/** A webhook endpoint of organization A (written directly: the matrix tests the actions, not registration). */
async function scenarioWebhook(s: Scenario): Promise<string> {
  return insertWebhookEndpoint(db, {
    orgId: s.orgId,
    url: 'https://93.184.216.34/hook',
    secret: `whsec_${'A'.repeat(43)}=`,
    kinds: null,
    createdBy: s.ids.admin,
    at: new Date(),
  });
}

/** Authentication flows, not organization actions: covered by the sign-in tests and e2e journeys. */
const notInMatrix = new Set(['requestMagicLinkAction', 'signInDemoUserAction', 'signInWithSsoAction', 'signOutAction']);
// Invitations need a pending invitee, which no actor here is: their forged-POST table is in invitations.test.ts.
for (const a of ['revokeInvitationAction', 'resendInvitationAction', 'acceptInvitationAction', 'declineInvitationAction']) notInMatrix.add(a);
// Deleting an account acts only on the caller (no ids in its form) and would remove the actors used here: its forged-POST cases are in account.test.ts.
notInMatrix.add('deleteAccountAction');

async function runAs(actor: ActorKey, s: Scenario, c: Case): Promise<boolean> {
  if (actor === 'signedOut') signInAs(null);
  else signInAs({ id: s.ids[actor], email: `${actor}@matrix.example.org`, name: actor });
  try {
    const state = await c.run(s);
    // A signed-out POST is refused before anything else is looked at, whatever the action.
    if (actor === 'signedOut') expect(state.code).toBe('action.signed_out');
    return state.ok;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return true;
    throw error;
  }
}

withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

describe('authorization matrix', () => {
  it('covers every exported server action', () => {
    const found = exportedServerActions();
    const missing = found.filter((a) => !(a in matrix) && !notInMatrix.has(a));
    expect(missing, 'add these actions to the authorization matrix').toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(Object.keys(matrix).length);
  });

  it.each(Object.entries(matrix))(
    '%s succeeds for exactly its allowed actors',
    async (_name, c) => {
      const succeeded: ActorKey[] = [];
      for (const actor of actors) {
        const s = await scenario(); // fresh organization per call: one actor's success cannot mask another's
        if (await runAs(actor, s, c)) succeeded.push(actor);
      }
      expect(succeeded).toEqual(c.allowed);
    },
    120_000,
  );
});
