/**
 * What a delegation's scope means under a charter, for making one (lib/use-cases/delegations.ts)
 * and for the page that offers it: whether the charter allows it, whose electorate the delegate
 * must be in, and the scope in words. Pure, like delegation.ts, which decides the refusal.
 */
import { onRoll } from './electorate';
import type { RollCandidate } from './electorate';
import type { MessageParams } from './messages';
import { factKey } from './refusal-facts';
import type { BodySpec, Charter, Electorate, ProposalTypeSpec } from './types';

/** The types whose member-wide votes members may delegate in. */
export function delegableTypes(charter: Charter): ProposalTypeSpec[] {
  return charter.proposalTypes.filter((t) => t.delegation?.allowed === true && memberElectorates(charter, t).length > 0);
}

/**
 * Whether a delegation of this scope is allowed: for a type (or one proposal of it), its
 * `delegation.allowed`; for every member-wide vote, that at least one type allows it.
 */
export function delegationAllowed(charter: Charter, type: ProposalTypeSpec | null): boolean {
  const delegable = delegableTypes(charter);
  return type === null ? delegable.length > 0 : delegable.some((t) => t.key === type.key);
}

/** The electorates of the type's member-wide stages, in order. */
export function memberElectorates(charter: Charter, type: ProposalTypeSpec): Electorate[] {
  const bodies = new Map<string, BodySpec>(charter.bodies.map((b) => [b.key, b]));
  return type.stages.flatMap((s) => {
    const e = bodies.get(s.bodyKey)?.electorate;
    return e ? [e] : [];
  });
}

/**
 * Whether the delegate votes wherever the delegator's vote could go to them: in each of the
 * member-wide votes of the type the delegator is on the roll of (all of them when the delegator
 * is on none). A general delegation has no electorate to check: where the delegate is not on a
 * vote's roll, the chain ends there and the delegator is not counted (delegation.ts).
 */
export function delegateInElectorates(electorates: readonly Electorate[], delegator: RollCandidate, delegate: RollCandidate): boolean {
  const theirs = electorates.filter((e) => onRoll(e, delegator));
  return (theirs.length > 0 ? theirs : electorates).every((e) => onRoll(e, delegate));
}

/** "for every member-wide vote", "for Budget votes", "for #12": the scope as refusals say it (the delegations page words it in the reader's language). */
export function scopeWords(scope: { typeName: string | null; proposalNumber: number | null }): string {
  if (scope.proposalNumber !== null) return `for #${scope.proposalNumber}`;
  if (scope.typeName !== null) return `for ${scope.typeName} votes`;
  return 'for every member-wide vote';
}

/**
 * The scope as refusals say it (`scopeWords`), and its fact beside it (`scope:scope`, lib/governance/refusal-facts.ts):
 * `general`, `type:<the type's name as the charter gives it>` or `proposal:<number>`.
 */
export function scopeParam(scope: { typeName: string | null; proposalNumber: number | null }): MessageParams {
  const fact = scope.proposalNumber !== null ? `proposal:${scope.proposalNumber}` : scope.typeName !== null ? `type:${scope.typeName}` : 'general';
  return { scope: scopeWords(scope), [factKey('scope', 'scope')]: fact };
}

/** Who delegates to `userId` in the general scope, directly and through others (each once, nearest first; loops are not followed twice). */
export function delegatorsOf(userId: string, delegations: readonly { delegatorUserId: string; delegateUserId: string }[]): { userId: string; hops: number }[] {
  const to = new Map<string, string[]>();
  for (const d of delegations) to.set(d.delegateUserId, [...(to.get(d.delegateUserId) ?? []), d.delegatorUserId]);
  const seen = new Set([userId]);
  const out: { userId: string; hops: number }[] = [];
  let frontier = [userId];
  for (let hops = 1; frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const from of to.get(u) ?? []) {
        if (seen.has(from)) continue;
        seen.add(from);
        out.push({ userId: from, hops });
        next.push(from);
      }
    }
    frontier = next;
  }
  return out;
}
