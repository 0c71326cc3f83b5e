/**
 * Delegation (proxy) in member-wide votes. A member may name a delegate for every member-wide
 * vote, for one proposal type, or for one proposal; the most specific applies (the proposal's,
 * then the type's, then the general one) and is snapshotted on the roll when voting opens.
 *
 * At the close each member on the roll is counted at most once, with the ballot of:
 * - themselves, when they voted (a direct vote always overrides their delegate's);
 * - otherwise the first member down their chain of delegates who voted, if the chain reaches one
 *   within the charter's cap on its length, stays on the roll and does not loop back. A member
 *   whose chain ends without a voter, leaves the roll, loops or runs past the cap is not counted
 *   (as if they had not voted): a cycle neither creates nor loses weight — its members carry
 *   only their own, to nobody.
 * Pure and order-independent: the same roll and ballots give the same result whatever order the
 * delegations were made or the ballots cast in.
 */
import type { RollEntry } from './types';

/** The delegate that applies to a vote, the most specific scope first. */
export type DelegationScope = { typeKey: string | null; proposalId: string | null };

export function applicableDelegate<D extends DelegationScope & { delegateUserId: string }>(
  active: readonly D[],
  vote: { typeKey: string; proposalId: string },
): D | null {
  return (
    active.find((d) => d.proposalId === vote.proposalId) ??
    active.find((d) => d.proposalId === null && d.typeKey === vote.typeKey) ??
    active.find((d) => d.proposalId === null && d.typeKey === null) ??
    null
  );
}

/** Whose ballot counts for a member, and through how many delegations (0: their own). */
export type Representation = { voterUserId: string; hops: number };

/**
 * For every member on the roll who is counted, whose ballot counts for them. Iterative and
 * memoized: linear in the roll, whatever the chains' lengths.
 */
export function resolveRepresentation(roll: readonly RollEntry[], voted: ReadonlySet<string>, maxDepth: number | null): Map<string, Representation> {
  const byUser = new Map(roll.map((e) => [e.userId, e]));
  // Resolution of each member's chain regardless of the cap: null when it reaches no voter.
  const resolved = new Map<string, Representation | null>();
  for (const start of byUser.keys()) {
    if (resolved.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | undefined = start;
    let end: Representation | null = null;
    for (;;) {
      if (at === undefined || !byUser.has(at)) break; // ends off the roll: nobody
      if (voted.has(at)) {
        end = { voterUserId: at, hops: 0 };
        resolved.set(at, end);
        break;
      }
      const known = resolved.get(at);
      if (known !== undefined) {
        end = known;
        break;
      }
      if (onPath.has(at)) break; // a cycle with no voter: nobody
      path.push(at);
      onPath.add(at);
      at = byUser.get(at)!.delegateUserId ?? undefined;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      end = end === null ? null : { voterUserId: end.voterUserId, hops: end.hops + 1 };
      resolved.set(path[i]!, end);
    }
  }
  const counted = new Map<string, Representation>();
  for (const [userId, r] of resolved) if (r !== null && (maxDepth === null || r.hops <= maxDepth)) counted.set(userId, r);
  return counted;
}

/** The weight each voter's ballot carries: their own and that of everyone counted with it. */
export function carriedWeights(roll: readonly RollEntry[], representation: ReadonlyMap<string, Representation>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const e of roll) {
    const r = representation.get(e.userId);
    if (r) weights.set(r.voterUserId, (weights.get(r.voterUserId) ?? 0) + e.weight);
  }
  return weights;
}

/** Why a delegation cannot be made; null when it can. `chainTo` follows the delegate's own delegations of the same scope. */
export type DelegationProblem =
  | 'delegation.to_self'
  | 'delegation.not_member'
  | 'delegation.outside_electorate'
  | 'delegation.voting_open'
  | 'delegation.not_allowed'
  | 'delegation.would_cycle';

export function delegationProblem(input: {
  delegatorUserId: string;
  delegateUserId: string;
  delegateIsMember: boolean;
  /** False when the scope's votes are by an electorate the delegate is not in. */
  delegateInElectorate: boolean;
  /** False when the charter forbids delegation for the scope's type. */
  allowed: boolean;
  /** For a one-proposal delegation: its voting has opened. */
  votingOpened: boolean;
  /** The delegate's chain of delegates in the same scope (to detect a loop back to the delegator). */
  chainFromDelegate: readonly string[];
}): DelegationProblem | null {
  if (input.delegatorUserId === input.delegateUserId) return 'delegation.to_self';
  if (!input.delegateIsMember) return 'delegation.not_member';
  if (!input.allowed) return 'delegation.not_allowed';
  if (!input.delegateInElectorate) return 'delegation.outside_electorate';
  if (input.votingOpened) return 'delegation.voting_open';
  if (input.chainFromDelegate.includes(input.delegatorUserId)) return 'delegation.would_cycle';
  return null;
}
