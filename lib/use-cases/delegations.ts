import 'server-only';
import type { Database, Executor } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import {
  activeDelegationsOfScope,
  delegationCandidate,
  insertDelegation,
  lockActiveDelegation,
  lockOwnActiveDelegation,
  markDelegationRevoked,
  proposalNumberOf,
} from '@/db/queries/delegations';
import { appendLogEntry, lockLogHead } from '@/db/queries/log';
import { delegationProblem } from '@/lib/governance/delegation';
import type { DelegationScope } from '@/lib/governance/delegation';
import { delegateInElectorates, delegationAllowed, memberElectorates, scopeParam } from '@/lib/governance/delegation-scope';
import type { RollCandidate } from '@/lib/governance/electorate';
import { isDecided, proposalPhase } from '@/lib/governance/phase';
import type { MessageParams } from '@/lib/governance/messages';
import { refuse } from '@/lib/governance/refusal';
import type { Charter, ProposalTypeSpec } from '@/lib/governance/types';
import type { Actor } from './actor';
import { loadOrRefuse, personName } from './actor';
import { requireOrganizationWritable } from './writable';

/**
 * Delegation (proxy) of a member's vote in member-wide votes: for every such vote, for one
 * proposal type, or for one proposal until its member vote opens. Each change is one transaction
 * with its decision-log entries; a refusal changes nothing. The log head is locked first, so the
 * organization's delegation changes happen one at a time and the loop check sees every other.
 * Which delegation a vote uses is read when its voting opens (the roll); a later change does not
 * touch a roll already taken.
 */

export type DelegateInput = { orgId: string; delegateUserId: string; scope: DelegationScope };

/** The scope as the log records it: the type's key, or the proposal's number. */
type LoggedScope = { typeKey: string | null; proposalNumber: number | null };

/** What the scope is, under which charter: the type (null for every member-wide vote), and the proposal's number and state. */
type ScopeFacts = {
  charter: Charter;
  type: ProposalTypeSpec | null;
  logged: LoggedScope;
  /** The scope as refusals say it, and its fact (`scopeParam`). */
  words: MessageParams;
  votingOpened: boolean;
};

/** Reads (and, for one proposal, locks) what the scope's rules weigh; refuses a scope that is not there to delegate in. */
async function scopeFacts(tx: Executor, orgId: string, scope: DelegationScope, at: Date): Promise<ScopeFacts> {
  if (scope.proposalId !== null) {
    const p = await loadOrRefuse(tx, orgId, scope.proposalId);
    // A draft is nobody's business but its author's: as if it were not there.
    if (p.row.status === 'draft') refuse('proposal.not_found', undefined, 'scope');
    const number = p.row.number;
    const type = p.charter.proposalTypes.find((t) => t.key === p.row.typeKey) ?? null;
    if (!type) throw new Error(`charter version ${p.row.charterVersion} has no type ${p.row.typeKey}`);
    const memberBodies = new Set(p.charter.bodies.filter((b) => b.electorate).map((b) => b.key));
    const votingOpened = p.stages.some((s) => s.opensAt !== null && memberBodies.has(s.bodyKey));
    // Decided or withdrawn before any member vote opened (an opened one is refused as such, below).
    if (!votingOpened && (p.row.status === 'withdrawn' || p.row.outcome !== null || isDecided(proposalPhase(p.record, p.charter, at)))) {
      refuse('delegation.proposal_closed', { number }, 'scope');
    }
    return {
      charter: p.charter,
      type,
      logged: { typeKey: null, proposalNumber: number },
      words: scopeParam({ typeName: null, proposalNumber: number }),
      votingOpened,
    };
  }
  const charter = (await getActiveCharter(tx, orgId))?.document;
  if (!charter) refuse('charter.missing');
  let type: ProposalTypeSpec | null = null;
  if (scope.typeKey !== null) {
    type = charter!.proposalTypes.find((t) => t.key === scope.typeKey) ?? null;
    if (!type) refuse('delegation.type_unknown', { type: scope.typeKey }, 'scope');
  }
  return {
    charter: charter!,
    type,
    logged: { typeKey: scope.typeKey, proposalNumber: null },
    words: scopeParam({ typeName: type?.name ?? null, proposalNumber: null }),
    votingOpened: false,
  };
}

/** A membership as the electorate rules read it (weights are not read here: a delegation does not depend on them). */
async function candidate(tx: Executor, orgId: string, userId: string): Promise<RollCandidate | null> {
  const c = await delegationCandidate(tx, orgId, userId);
  return c && { userId, role: c.role, accepted: c.accepted, stakeholderGroup: c.stakeholderGroup, weight: 1 };
}

/** The delegate's chain of delegates in this scope, as far as it goes (stopping before it repeats). */
function chainFrom(delegateUserId: string, edges: ReadonlyMap<string, string>): string[] {
  const chain: string[] = [];
  const seen = new Set([delegateUserId]);
  for (let at = edges.get(delegateUserId); at !== undefined && !seen.has(at); at = edges.get(at)) {
    chain.push(at);
    seen.add(at);
  }
  return chain;
}

async function logDelegation(
  tx: Executor,
  p: { orgId: string; actorId: string; at: Date },
  kind: 'delegation.granted' | 'delegation.revoked',
  d: { id: string; delegatorUserId: string; delegateUserId: string; scope: LoggedScope },
): Promise<void> {
  await appendLogEntry(tx, {
    orgId: p.orgId,
    actorId: p.actorId,
    kind,
    subject: `delegation:${d.id}`,
    payload: { delegatorUserId: d.delegatorUserId, delegateUserId: d.delegateUserId, scope: d.scope },
    at: p.at,
  });
}

/**
 * The member names a delegate for a scope: their active delegation of that scope, if any, is
 * revoked and the new one made, in one transaction (`delegation.revoked`, then `delegation.granted`).
 */
export async function delegateVote(db: Database, actor: Actor, input: DelegateInput, at: Date): Promise<{ delegationId: string; replaced: boolean }> {
  return db.transaction(async (tx) => {
    const { orgId, delegateUserId, scope } = input;
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, orgId);
    const delegator = await candidate(tx, orgId, actor.userId);
    if (!delegator || !delegator.accepted || delegator.role === 'observer') refuse('delegation.members_only');
    const facts = await scopeFacts(tx, orgId, scope, at);
    // One delegation change at a time per organization: the loop check below sees every other.
    await lockLogHead(tx, orgId);
    const delegate = await candidate(tx, orgId, delegateUserId);
    const delegateIsMember = delegate !== null && delegate.accepted && delegate.role !== 'observer';
    const electorates = facts.type ? memberElectorates(facts.charter, facts.type) : [];
    const problem = delegationProblem({
      delegatorUserId: actor.userId,
      delegateUserId,
      delegateIsMember,
      delegateInElectorate: !delegateIsMember || delegateInElectorates(electorates, delegator!, delegate!),
      allowed: delegationAllowed(facts.charter, facts.type),
      votingOpened: facts.votingOpened,
      chainFromDelegate: chainFrom(delegateUserId, await activeDelegationsOfScope(tx, orgId, scope)),
    });
    if (problem) {
      const name = problem === 'delegation.to_self' || !delegate ? 'That person' : await personName(tx, delegateUserId);
      const field = problem === 'delegation.voting_open' || problem === 'delegation.not_allowed' ? 'scope' : 'delegateUserId';
      refuse(problem, { name, ...facts.words, number: facts.logged.proposalNumber ?? '' }, field);
    }
    const existing = await lockActiveDelegation(tx, orgId, actor.userId, scope);
    if (existing?.delegateUserId === delegateUserId)
      refuse('delegation.unchanged', { name: await personName(tx, delegateUserId), ...facts.words }, 'delegateUserId');
    const p = { orgId, actorId: actor.userId, at };
    if (existing) {
      await markDelegationRevoked(tx, existing.id, at);
      await logDelegation(tx, p, 'delegation.revoked', { ...existing, scope: facts.logged });
    }
    const row = await insertDelegation(tx, { orgId, delegatorUserId: actor.userId, delegateUserId, ...scope, at });
    await logDelegation(tx, p, 'delegation.granted', { ...row, scope: facts.logged });
    return { delegationId: row.id, replaced: existing !== null };
  });
}

/**
 * The member revokes one of their active delegations. Always possible while the organization
 * takes changes, even during a vote: a vote already open keeps the roll it took when it opened.
 */
export async function revokeDelegation(db: Database, actor: Actor, input: { orgId: string; delegationId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    await lockLogHead(tx, input.orgId);
    const row = await lockOwnActiveDelegation(tx, input.orgId, actor.userId, input.delegationId);
    if (!row) refuse('delegation.not_found');
    await markDelegationRevoked(tx, row!.id, at);
    const proposalNumber = row!.proposalId === null ? null : await proposalNumberOf(tx, row!.proposalId);
    await logDelegation(tx, { orgId: input.orgId, actorId: actor.userId, at }, 'delegation.revoked', {
      ...row!,
      scope: { typeKey: row!.typeKey, proposalNumber },
    });
  });
}
