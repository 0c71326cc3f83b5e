/**
 * The authorization matrix's shared pieces (the cases are in ./cases-*.ts, run by
 * test/integration/authz-matrix-*.test.ts): the actors, a fresh organization A per call with one
 * actor of each kind and proposals in the phases the actions need, and how a case is run as an actor.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { logHeads, memberships, outbox, petitionSignatures, petitions, seats, users, writtenConsentSignatures } from '@/db/schema';
import { listSeats } from '@/db/queries/charters';
import { insertOrganization } from '@/db/queries/organizations';
import type { ActionState } from '@/lib/actions/state';
import { charterFromTemplate } from '@/lib/governance/charter';
import type { Role } from '@/lib/governance/roles';
import { enqueueNotice } from '@/lib/notify/outbox';
import { adoptFoundingCharter, foundingAppoint } from '@/lib/use-cases/founding';
import { createDraft } from '@/lib/use-cases/drafts';
import { declareRecusal } from '@/lib/use-cases/recusal';
import { openPetition } from '@/lib/use-cases/petitions';
import { scheduleMeeting } from '@/lib/use-cases/meetings';
import { recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { draftMinutes } from '@/lib/use-cases/meeting-minutes';
import { openWrittenConsent } from '@/lib/use-cases/written-consents';
import { postComment } from '@/lib/use-cases/comments';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { insertWebhookEndpoint } from '@/db/queries/webhooks';
import { withMemberAssembly } from '../fixtures/organization';
import { exportedServerActions, form, signInAs, withTestDatabase } from '../helpers';

// seatedObserver: an observer who holds a board seat (appointed while a member, then made an
// observer). The seat must not lift the role's limits: no vote, recusal, motion or comment.
export const actors = ['signedOut', 'outsider', 'observer', 'seatedObserver', 'member', 'seatHolder', 'recusedSeatHolder', 'secretary', 'admin'] as const;
export type ActorKey = (typeof actors)[number];

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export let db: Database;
let counter = 0;
/** A number unique within the file, for names and e-mail addresses the cases make up. */
export const nextId = () => ++counter;

export type Scenario = {
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
export async function scenario(): Promise<Scenario> {
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
  withMemberAssembly(charter, { delegation: true });
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

/** What a case made in an organization before any call (a petition, a meeting…), by name. */
export type Prepared = Record<string, string>;

export type Case = {
  allowed: ActorKey[];
  /** Made once per organization, before the first call: what the calls act on. */
  prepare?: (s: Scenario) => Promise<Prepared>;
  run: (s: Scenario, prepared: Prepared) => Promise<ActionState>;
  /**
   * The action names no organization (it acts on the caller's own account, or founds a new organization): one actor's
   * success changes nothing another's call depends on, so the organization is kept after it.
   */
  ownAccountOnly?: true;
};

/** A petition of all members opened by the admin (the scenario has none): with the member's signature, or past its threshold, when asked. */
export async function scenarioPetition(s: Scenario, opts: { memberSigned?: boolean; thresholdReached?: boolean } = {}): Promise<string> {
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
export async function scenarioMeeting(s: Scenario, opts: { started?: boolean; seatHolderRecorded?: boolean; minutesDrafted?: boolean } = {}): Promise<string> {
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
  if (opts.minutesDrafted)
    await draftMinutes(db, admin, { orgId: s.orgId, meetingId: id, text: 'The draft minutes of the board meeting.', closedMatter: null }, new Date(now));
  return id;
}

export const meetingForm = (s: Scenario, extra: Record<string, string>) =>
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
export async function scenarioConsent(s: Scenario, opts: { seatHolderSigned?: boolean } = {}): Promise<string> {
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

export const everyoneSignedIn: ActorKey[] = ['outsider', 'observer', 'seatedObserver', 'member', 'seatHolder', 'recusedSeatHolder', 'secretary', 'admin'];
export const members: ActorKey[] = ['observer', 'seatedObserver', 'member', 'seatHolder', 'recusedSeatHolder', 'secretary', 'admin'];
export const proposers: ActorKey[] = ['member', 'seatHolder', 'recusedSeatHolder', 'secretary', 'admin'];

/** A webhook endpoint of organization A (written directly: the matrix tests the actions, not registration). */
export async function scenarioWebhook(s: Scenario): Promise<string> {
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
export const notInMatrix = new Set(['requestMagicLinkAction', 'signInDemoUserAction', 'signInWithSsoAction', 'signOutAction']);
// Invitations need a pending invitee, which no actor here is: their forged-POST table is in invitations.test.ts.
for (const a of ['revokeInvitationAction', 'resendInvitationAction', 'acceptInvitationAction', 'declineInvitationAction']) notInMatrix.add(a);
// Deleting an account acts only on the caller (no ids in its form) and would remove the actors used here: its forged-POST cases are in account.test.ts.
notInMatrix.add('deleteAccountAction');

export async function runAs(actor: ActorKey, s: Scenario, prepared: Prepared, c: Case): Promise<boolean> {
  if (actor === 'signedOut') signInAs(null);
  else signInAs({ id: s.ids[actor], email: `${actor}@matrix.example.org`, name: actor });
  try {
    const state = await c.run(s, prepared);
    // A signed-out POST is refused before anything else is looked at, whatever the action.
    if (actor === 'signedOut') expect(state.code).toBe('action.signed_out');
    return state.ok;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return true;
    throw error;
  }
}

/** Sets the database the scenarios write to (each matrix file has its own). */
export function setUpDatabase(): void {
  withTestDatabase({ app: true }, (handle) => (db = handle.db));
  beforeEach(() => signInAs(null));
}

/** Each case's action, called as every actor on a fresh organization, succeeds for exactly its allowed actors. */
export function runMatrix(title: string, cases: Record<string, Case>): void {
  describe(`authorization matrix: ${title}`, () => {
    it.each(Object.entries(cases))(
      '%s succeeds for exactly its allowed actors',
      async (_name, c) => {
        const succeeded: ActorKey[] = [];
        // A fresh organization after every success, so that one actor's success cannot mask another's. A refusal
        // changes nothing (its transaction rolls back, and it writes no log entry: checked here), so the actors refused
        // in a row share one organization: about a third as many are built as with one per call.
        let current: { s: Scenario; prepared: Prepared } | null = null;
        for (const actor of actors) {
          if (!current) {
            const s = await scenario();
            current = { s, prepared: c.prepare ? await c.prepare(s) : {} };
          }
          const logBefore = await logSize(current.s.orgId);
          if (await runAs(actor, current.s, current.prepared, c)) {
            succeeded.push(actor);
            if (!c.ownAccountOnly) current = null;
          } else expect(await logSize(current.s.orgId), `${actor}'s refused call wrote to the decision log`).toBe(logBefore);
        }
        expect(succeeded).toEqual(c.allowed);
      },
      120_000,
    );
  });
}

async function logSize(orgId: string): Promise<number> {
  const [head] = await db.select({ size: logHeads.size }).from(logHeads).where(eq(logHeads.orgId, orgId));
  return head?.size ?? 0;
}

/** Every exported server action is in one of the case tables, or deliberately left to its own tests. */
export function checkCompleteness(cases: Record<string, Case>): void {
  it('covers every exported server action', () => {
    const found = exportedServerActions();
    const missing = found.filter((a) => !(a in cases) && !notInMatrix.has(a));
    expect(missing, 'add these actions to the authorization matrix').toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(Object.keys(cases).length);
  });
}
