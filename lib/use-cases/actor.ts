import 'server-only';
import { createHash } from 'node:crypto';
import type { Executor } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { roleOf } from '@/db/queries/member-lookups';
import { loadProposalForChange } from '@/db/queries/proposals';
import type { LoadForChangeOptions, LoadedProposal } from '@/db/queries/proposals';
import { getUserName } from '@/db/queries/users';
import type { RefusalCode } from '@/lib/governance/messages';
import { mayAct } from '@/lib/governance/permissions';
import type { ProposalAction } from '@/lib/governance/permissions';
import { refuse, refuseRule, refused } from '@/lib/governance/refusal';
import type { Refused } from '@/lib/governance/refusal';
import { phaseParam } from '@/lib/governance/refusal-facts';
import type { Role } from '@/lib/governance/roles';
import type { Charter, Phase, SeatState } from '@/lib/governance/types';

/** Who acts: the signed-in person and their role in the organization (null: not a member). */
export type Actor = { userId: string; role: Role | null };

/** A proposal as a use case changes it: locked, with the charter version it runs under. */
export type ProposalInHand = LoadedProposal & { charter: Charter };

/** The proposal locked for this transaction, with its charter version (and optionally one person's seats): one round trip. */
export async function loadOrRefuse(
  tx: Executor,
  orgId: string,
  proposalId: string,
  opts: LoadForChangeOptions = {},
): Promise<ProposalInHand & { seats: SeatState[] | null }> {
  const loaded = await loadProposalForChange(tx, orgId, proposalId, opts);
  if (!loaded) refuse('proposal.not_found');
  if (!loaded!.charter) throw new Error(`charter version ${loaded!.row.charterVersion} missing`);
  return { row: loaded!.row, stages: loaded!.stages, record: loaded!.record, charter: loaded!.charter, seats: loaded!.seats };
}

/** Logs what the actor did to the proposal: the entry is about the proposal, and its payload starts with the proposal's number. */
export async function logProposalAct(
  tx: Executor,
  actor: Actor,
  proposal: { id: string; orgId: string; number: number },
  kind: string,
  at: Date,
  details: Record<string, unknown>,
): Promise<void> {
  await appendLogEntry(tx, {
    orgId: proposal.orgId,
    actorId: actor.userId,
    kind,
    subject: `proposal:${proposal.id}`,
    payload: { number: proposal.number, ...details },
    at,
  });
}

/** Refuses with `code` unless the rules allow `action` now; the message names the phase. */
export function requireAction(actions: Set<ProposalAction>, action: ProposalAction, phase: Phase, code: RefusalCode): void {
  if (!actions.has(action)) refuse(code, phaseParam(phase));
}

/**
 * Refuses unless the rules let this actor, found holding a seat in the stage's body and not
 * recused, take `action` on the proposal in this phase (emergencyMotionOpen: the motion is open).
 */
export function requireSeatHolderMay(
  actor: Actor,
  p: ProposalInHand,
  phase: Phase,
  action: ProposalAction,
  opts: { emergencyMotionOpen?: boolean } = {},
): void {
  const permitted = mayAct(
    {
      role: actor.role,
      isAuthor: actor.userId === p.row.authorId,
      isSubject: actor.userId === p.row.subjectUserId,
      holdsSeatInStageBody: true,
      isRecused: false,
      phase,
      ...opts,
    },
    action,
  );
  if (!permitted.ok) refuseRule(permitted);
}

/** Awaits both, and only then throws the first failure: no statement of this transaction is left running when it rolls back. */
export async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

/** A person as members see them named: their name, else their address. */
export async function personName(tx: Executor, userId: string): Promise<string> {
  const row = await getUserName(tx, userId);
  return row?.name?.trim() || row?.email || 'This person';
}

/**
 * Why this person cannot hold a seat now (null when they can): a seat votes, so it is held by a
 * member who is not an observer. Asked at every step up to the seat being filled.
 */
export async function seatHolderRoleRefusal(tx: Executor, orgId: string, userId: string, { advise }: { advise: boolean }): Promise<Refused | null> {
  const role = await roleOf(tx, orgId, userId);
  if (role === null) return refused('seat.holder_not_member', { name: await personName(tx, userId) });
  if (role === 'observer') return refused(advise ? 'seat.holder_observer_change_role' : 'seat.holder_observer', { name: await personName(tx, userId) });
  return null;
}

/** SHA-256 of a text, hex: what the log records of comments and proposal texts. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
