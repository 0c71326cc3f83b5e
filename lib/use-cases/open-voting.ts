import 'server-only';
import type { Database, Executor } from '@/db/client';
import { listSeats, listSeatsWhoseHoldersAct } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { setStageWindow } from '@/db/queries/proposal-changes';
import { proposalContext } from '@/db/queries/proposal-context';
import { snapshotRoll } from '@/db/queries/rolls';
import { findBody, findType } from '@/lib/governance/charter';
import { isMemberBody, ROLL_HASH_SCHEME } from '@/lib/governance/electorate';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { bodyStrengths } from '@/lib/governance/strength';
import type { Charter } from '@/lib/governance/types';
import { remainingMajorityBase } from '@/lib/governance/vacancy';
import { canOpenVoting, votingWindow } from '@/lib/governance/voting';
import { phaseParam } from '@/lib/governance/refusal-facts';
import { enqueueFollowerNotice } from '@/lib/notify/follow-notices';
import { enqueueVotingOpen } from '@/lib/notify/outbox';
import { loadOrRefuse, requireAction } from './actor';
import type { Actor, ProposalInHand } from './actor';
import { appointmentReadyForVoting } from './appointments';
import { electionReadyForVoting, freezeElection } from './elections';
import { requireOrganizationWritable } from './writable';

/** Every body's strength now (who holds its seats), as the voting rules read it. */
export async function strengths(tx: Executor, orgId: string, charter: Charter, at: Date) {
  const seatRows = await listSeats(tx, orgId);
  return bodyStrengths(charter, seatRows, at);
}

/** Opens voting for the stage that is ready, if the rules allow. Used by the worker and by secretaries. */
export async function openVoting(tx: Executor, actorId: string | null, p: ProposalInHand, stageIndex: number, at: Date): Promise<boolean> {
  const rule = canOpenVoting({ record: p.record, charter: p.charter, stageIndex, strengths: await strengths(tx, p.row.orgId, p.charter, at), now: at });
  if (!rule.ok) return false;
  if (!(await appointmentReadyForVoting(tx, p)).ok) return false;
  if (!(await electionReadyForVoting(tx, p)).ok) return false;
  const type = findType(p.charter, p.row.typeKey);
  // A seat election freezes its seats and candidates now; unopposed, it is decided without a vote.
  if (type.effect === 'seat_election' && stageIndex === 0 && (await freezeElection(tx, p, at)) === 'unopposed') return true;
  const window = votingWindow(type, stageIndex, at);
  // A body filling vacancies by remaining majority: the number in office now is the base of this vote.
  // Those remaining in office are the holders who can act with their seat (observers' seats do not vote).
  const holdersInOffice = remainingMajorityBase({ charter: p.charter, type, stageIndex, seats: await listSeatsWhoseHoldersAct(tx, p.row.orgId) });
  await setStageWindow(tx, p.row.id, stageIndex, { opensAt: window.opensAt, closesAt: window.closesAt, holdersInOffice });
  // A member-wide body votes by the roll of its electorate as it stands now, with the delegations then in force.
  const body = findBody(p.charter, type.stages[stageIndex]!.bodyKey);
  const roll = isMemberBody(body)
    ? await snapshotRoll(tx, {
        orgId: p.row.orgId,
        proposalId: p.row.id,
        stageIndex,
        typeKey: type.key,
        electorate: body.electorate,
        delegation: Boolean(type.delegation?.allowed),
      })
    : null;
  await appendLogEntry(tx, {
    orgId: p.row.orgId,
    actorId,
    kind: 'voting.opened',
    subject: `proposal:${p.row.id}`,
    payload: {
      number: p.row.number,
      stageIndex,
      bodyKey: type.stages[stageIndex]!.bodyKey,
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      ...(holdersInOffice !== null ? { holdersInOffice } : {}),
      ...(roll
        ? {
            roll: {
              size: roll.size,
              weight: roll.weight,
              hashScheme: ROLL_HASH_SCHEME,
              hash: roll.hash,
              delegation: type.delegation?.allowed ? { maxDepth: type.delegation.maxDepth } : null,
            },
          }
        : {}),
    },
    at,
  });
  await enqueueVotingOpen(tx, {
    id: p.row.id,
    orgId: p.row.orgId,
    number: p.row.number,
    title: p.row.title,
    charter: p.charter,
    bodyKey: type.stages[stageIndex]!.bodyKey,
    stageIndex,
    closesAt: window.closesAt,
    consent: Boolean(type.consent),
    at,
  });
  // Following: followers who are not among the body's seat holders (told above) hear that voting opened.
  await enqueueFollowerNotice(tx, {
    proposal: p.row,
    activity: 'voting_open',
    ref: String(stageIndex),
    actorId,
    details: { bodyName: findBody(p.charter, type.stages[stageIndex]!.bodyKey).name, closesAt: window.closesAt.toISOString() },
    alsoNotifiedBy: `voting:${p.row.id}:${stageIndex}`,
    at,
  });
  return true;
}

/** A secretary or admin opens voting on a proposal that is ready, without waiting for the worker. */
export async function requestOpenVoting(db: Database, actor: Actor, input: { orgId: string; proposalId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { phase, actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    if (phase.kind !== 'ready_for_voting') {
      if (phase.kind === 'discussion' || phase.kind === 'awaiting_reply' || phase.kind === 'awaiting_answers') {
        const rule = canOpenVoting({
          record: p.record,
          charter: p.charter,
          stageIndex: 0,
          strengths: await strengths(tx, input.orgId, p.charter, at),
          now: at,
        });
        if (!rule.ok) refuseRule(rule);
      }
      refuse('voting.cannot_open', phaseParam(phase));
    }
    requireAction(actions, 'open_voting', phase, 'voting.open_not_allowed');
    const stageIndex = (phase as { stageIndex: number }).stageIndex;
    const rule = canOpenVoting({ record: p.record, charter: p.charter, stageIndex, strengths: await strengths(tx, input.orgId, p.charter, at), now: at });
    if (!rule.ok) refuseRule(rule);
    const appointment = await appointmentReadyForVoting(tx, p);
    if (!appointment.ok) refuseRule(appointment);
    const election = await electionReadyForVoting(tx, p);
    if (!election.ok) refuseRule(election);
    await openVoting(tx, actor.userId, p, stageIndex, at);
  });
}
