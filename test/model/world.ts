/**
 * A fresh organization per sequence on the shared test database: eight people, a small charter
 * (a 5-seat board and a 3-seat assembly, windows of hours, not days) so that short random
 * sequences reach votes, closes, appointments and amendments, and founding appointments that
 * leave one assembly seat vacant. The observer holds a board seat: seated as a member by founding
 * appointment, then made an observer — a state real organizations are in.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { listSeats } from '@/db/queries/charters';
import { insertOrganization } from '@/db/queries/organizations';
import { validateCharter } from '@/lib/governance/charter';
import type { Role } from '@/lib/governance/roles';
import type { BodySpec, Charter, ProposalTypeSpec, Ratio, StageSpec } from '@/lib/governance/types';
import { adoptFoundingCharter, foundingAppoint } from '@/lib/use-cases/founding';
import { testClock } from './clock';
import { userKeys } from './model';
import type { Model, Real, UserKey } from './model';

const half: Ratio = { num: 1, den: 2, inclusive: true };
const majority: Ratio = { num: 1, den: 2, inclusive: false };
const twoThirds: Ratio = { num: 2, den: 3, inclusive: true };
const threeQuarters: Ratio = { num: 3, den: 4, inclusive: true };

const stage = (bodyKey: string, votingWindowHours: number, quorum: Ratio, threshold: Ratio, thresholdBase: StageSpec['thresholdBase']): StageSpec => ({
  bodyKey,
  votingWindowHours,
  quorum,
  threshold,
  thresholdBase,
});

const type = (
  spec: Pick<ProposalTypeSpec, 'key' | 'name' | 'effect' | 'minCommentWindowHours' | 'stages' | 'critical'> & Partial<ProposalTypeSpec>,
): ProposalTypeSpec => ({
  consultationAudience: 'members',
  lateRevisionWindowHours: 12,
  lateRevisionExtensionHours: 12,
  requiresSubject: false,
  replyWindowHours: 0,
  emergency: null,
  ...spec,
});

const body = (spec: Omit<BodySpec, 'recusedSeatsCountTowardQuorumBase'>): BodySpec => ({ recusedSeatsCountTowardQuorumBase: true, ...spec });

/** The model charter: every rule the engine enforces is reachable within a few simulated days. */
export function modelCharter(): Charter {
  const charter: Charter = {
    version: 1,
    bodies: [
      body({ key: 'board', name: 'Board', charterSeats: 5, minSeatsForCriticalDecisions: 4, vacancyDeadlineDays: 5, seatClassMinimums: { independent: 1 } }),
      body({ key: 'assembly', name: 'Assembly', charterSeats: 3, minSeatsForCriticalDecisions: 2, vacancyDeadlineDays: 5, seatClassMinimums: {} }),
    ],
    proposalTypes: [
      type({
        key: 'resolution',
        name: 'Board resolution',
        effect: 'resolution',
        minCommentWindowHours: 24,
        stages: [stage('board', 48, half, majority, 'votes_cast')],
        critical: false,
      }),
      type({
        key: 'assembly_resolution',
        name: 'Assembly resolution',
        effect: 'resolution',
        minCommentWindowHours: 24,
        stages: [stage('assembly', 48, half, majority, 'votes_cast')],
        critical: false,
      }),
      // A choice among options by secret ranked ballot: 2 of 4 options, Scottish STV.
      type({
        key: 'board_choice',
        name: 'Board choice',
        effect: 'resolution',
        minCommentWindowHours: 24,
        stages: [stage('board', 48, half, majority, 'votes_cast')],
        critical: false,
        method: { key: 'scottish_stv', winners: 2 },
      }),
      type({
        key: 'seat_appointment',
        name: 'Seat appointment',
        effect: 'seat_appointment',
        minCommentWindowHours: 24,
        stages: [stage('board', 48, half, majority, 'charter_seats')],
        critical: false,
      }),
      // A seat election: the board fills its vacant seats of one class by Scottish STV among accepted nominees.
      {
        ...type({
          key: 'board_election',
          name: 'Board election',
          effect: 'seat_election',
          // Four days of nominations, so random sequences reach nominations, answers and a contest.
          minCommentWindowHours: 96,
          stages: [stage('board', 48, half, majority, 'votes_cast')],
          critical: false,
        }),
        election: { rule: 'scottish_stv' },
      },
      type({
        key: 'seat_removal',
        name: 'Removal from a seat',
        effect: 'seat_removal',
        minCommentWindowHours: 48,
        stages: [stage('board', 48, twoThirds, twoThirds, 'charter_seats')],
        critical: true,
        consultationAudience: 'public',
        requiresSubject: true,
        replyWindowHours: 24,
      }),
      // A member's weight changes only by this type passing (weightsOnlyByPassedProposals).
      type({
        key: 'weight_change',
        name: 'Change of a member’s weight',
        effect: 'membership_weight',
        minCommentWindowHours: 24,
        stages: [stage('board', 48, half, majority, 'votes_cast')],
        critical: false,
        requiresSubject: true,
        replyWindowHours: 24,
      }),
      type({
        key: 'charter_amendment',
        name: 'Charter amendment',
        effect: 'charter_amendment',
        minCommentWindowHours: 72,
        stages: [stage('board', 48, twoThirds, twoThirds, 'charter_seats'), stage('assembly', 48, half, majority, 'votes_cast')],
        critical: true,
        consultationAudience: 'public',
      }),
      type({
        key: 'emergency_resolution',
        name: 'Emergency resolution',
        effect: 'resolution',
        minCommentWindowHours: 48,
        stages: [stage('board', 24, twoThirds, majority, 'charter_seats')],
        critical: true,
        emergency: { minCommentWindowHours: 12, motionThreshold: threeQuarters, ratifyWithinDays: 3 },
      }),
    ],
  };
  const valid = validateCharter(charter);
  if (!valid.ok) throw new Error(`model charter invalid: ${valid.errors.join(' ')}`);
  return charter;
}

/** Founding holders, seat by seat (board 1–5, assembly 1–3); null = left vacant. */
const founding: Record<string, (UserKey | null)[]> = {
  board: ['admin', 'm1', 'm2', 'm3', 'observer'],
  assembly: ['m2', 'm4', null],
};

const memberRoles: Partial<Record<UserKey, Role>> = { secretary: 'secretary', m1: 'member', m2: 'member', m3: 'member', m4: 'member', observer: 'member' };

let counter = 0;
const HOUR = 3_600_000;

/** Creates the organization and returns the model and the real system for one sequence. */
export async function createWorld(db: Database): Promise<{ model: Model; real: Real }> {
  const n = ++counter;
  const tag = `${process.pid}-${n}-${Math.random().toString(36).slice(2, 8)}`;
  const t0 = testClock.ms + HOUR; // every sequence starts later than the last one ended: time only moves forward
  const ids = {} as Record<UserKey, string>;
  const inserted = await db
    .insert(users)
    .values(userKeys.map((k) => ({ email: `${k}-${tag}@model.example.org`, name: `${k} ${n}` })))
    .returning({ id: users.id, email: users.email });
  for (const u of inserted) ids[u.email.split('-')[0] as UserKey] = u.id;
  const charter = modelCharter();
  const slug = `model-${tag}`;
  const org = await db.transaction(async (tx) => {
    const created = await insertOrganization(tx, { slug, name: `Model ${n}`, mission: '', createdBy: ids.admin, at: new Date(t0) });
    await adoptFoundingCharter(tx, { orgId: created.id, actorId: ids.admin, templateKey: null, charter, at: new Date(t0) });
    return created;
  });
  await db
    .insert(memberships)
    .values(Object.entries(memberRoles).map(([k, role]) => ({ orgId: org.id, userId: ids[k as UserKey], role, createdAt: new Date(t0) })));
  const seatRows = await listSeats(db, org.id);
  const admin = { userId: ids.admin, role: 'admin' as Role };
  const at = new Date(t0 + 1000);
  for (const [bodyKey, holders] of Object.entries(founding)) {
    const bodySeats = seatRows.filter((s) => s.bodyKey === bodyKey);
    for (const [i, holder] of holders.entries())
      if (holder) await foundingAppoint(db, admin, { orgId: org.id, seatId: bodySeats[i]!.seatId, userId: ids[holder] }, at);
  }
  // The observer keeps the board seat after the role change: that is the state under test.
  await db
    .update(memberships)
    .set({ role: 'observer' })
    .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, ids.observer)));
  const start = t0 + 2000;
  testClock.ms = start;
  const seatList = await listSeats(db, org.id);
  const model: Model = {
    now: start,
    roles: { admin: 'admin', secretary: 'secretary', m1: 'member', m2: 'member', m3: 'member', m4: 'member', observer: 'observer', outsider: null },
    roleHistory: [
      ...userKeys.map((user) => ({ user, role: (user === 'admin' ? 'admin' : (memberRoles[user] ?? null)) as Role | null, from: t0 })),
      { user: 'observer' as UserKey, role: 'observer' as Role, from: t0 + 1500 },
    ],
    seats: seatList.map((s) => ({ id: s.seatId, bodyKey: s.bodyKey, position: s.position, holder: founding[s.bodyKey]?.[s.position - 1] ?? null })),
    proposals: [],
    ballots: new Map(),
    lastTransitionsAt: start,
    logSeen: 0,
    trace: [],
  };
  const keyOf = new Map(Object.entries(ids).map(([k, id]) => [id, k as UserKey]));
  return { model, real: { db, orgId: org.id, slug, ids, keyOf, charter } };
}
