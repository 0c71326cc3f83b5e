import 'server-only';
import { getDb } from '@/db/client';
import { getActiveCharter, getCharterVersion } from '@/db/queries/charters';
import { listActiveDelegations, listActiveDelegationsBy, listUndecidedProposals } from '@/db/queries/delegations';
import { listMembers } from '@/db/queries/memberships';
import { loadProposals } from '@/db/queries/proposals';
import { delegableTypes, delegationAllowed, delegatorsOf } from '@/lib/governance/delegation-scope';
import { isDecided, proposalPhase } from '@/lib/governance/phase';
import type { Charter } from '@/lib/governance/types';

/** A scope one may delegate for, for the page to put in words: every member-wide vote, a type's votes (by its name), or one proposal. */
export type DelegationScopeOption = { value: string } & (
  { kind: 'general' } | { kind: 'type'; typeName: string } | { kind: 'proposal'; number: number; title: string }
);

/** A delegation's scope, for the page to put in words (lib/governance/delegation-scope.ts scopeWords says it in English). */
export type DelegationScope = { typeName: string | null; proposalNumber: number | null };

/** A delegation as "My delegations" lists it. */
export type MyDelegation = {
  id: string;
  delegateName: string;
  scope: DelegationScope;
  /** For one proposal: its voting has opened, so the vote keeps this delegation whatever happens to it now. */
  fixedInOpenVote: boolean;
  createdAt: Date;
};

type ActiveDelegation = Awaited<ReturnType<typeof listActiveDelegations>>[number];

/**
 * Who passes their vote to `userId`, as "Delegated to you" shows it (and the API's
 * listDelegationsToMe): in the general scope, directly or through others (names only, nearest
 * first); for one type or one proposal, directly, with the scope in words.
 */
export function delegationsToMe(all: readonly ActiveDelegation[], userId: string, typeName: (key: string | null) => string | null) {
  const nameOf = new Map(all.map((d) => [d.delegatorUserId, d.delegatorName]));
  const general = all.filter((d) => d.typeKey === null && d.proposalId === null);
  // A delegator with no name yet is null: the page and the API word it ("A member") in their own language.
  const toMeGeneral = delegatorsOf(userId, general).map((d) => ({ name: nameOf.get(d.userId) ?? null, direct: d.hops === 1 }));
  const toMeOther = all
    .filter((d) => d.delegateUserId === userId && (d.typeKey !== null || d.proposalId !== null))
    .map((d) => ({
      name: d.delegatorName,
      scope: { typeName: typeName(d.typeKey), proposalNumber: d.proposalNumber },
      typeKey: d.typeKey,
      proposalNumber: d.proposalNumber,
    }));
  return { toMeGeneral, toMeOther };
}

/** Every active delegation to `userId` (directly, or through others in the general scope), for the API: loaded as the delegations page loads them. */
export async function loadDelegationsToMe(orgId: string, userId: string) {
  const db = getDb();
  const [active, all] = await Promise.all([getActiveCharter(db, orgId), listActiveDelegations(db, orgId)]);
  const typeName = (key: string | null) => (key === null ? null : (active?.document.proposalTypes.find((t) => t.key === key)?.name ?? key));
  return delegationsToMe(all, userId, typeName);
}

/**
 * What /o/[slug]/delegations shows the signed-in member: their active delegations, the members
 * and scopes they may delegate to and for (the rules check again when they do), and who passes
 * their vote to them — directly or through others, for every member-wide vote — with what else
 * is delegated to them directly.
 */
export async function loadDelegationsPage(orgId: string, userId: string, now: Date) {
  const db = getDb();
  const [active, members, mine, undecided, all] = await Promise.all([
    getActiveCharter(db, orgId),
    listMembers(db, orgId),
    listActiveDelegationsBy(db, orgId, userId),
    listUndecidedProposals(db, orgId),
    listActiveDelegations(db, orgId),
  ]);
  const charter = active?.document ?? null;
  const types = charter ? delegableTypes(charter) : [];
  const typeName = (key: string | null) => (key === null ? null : (charter?.proposalTypes.find((t) => t.key === key)?.name ?? key));

  // Proposals open to a delegation: published, undecided, of a type that allows it under their charter version, their member vote not open yet.
  const loaded = await loadProposals(
    db,
    orgId,
    undecided.map((p) => p.id),
  );
  const versions = new Map<number, Charter | null>();
  for (const p of loaded.values()) {
    if (!versions.has(p.row.charterVersion)) versions.set(p.row.charterVersion, await getCharterVersion(db, orgId, p.row.charterVersion));
  }
  const openedIds = new Set<string>();
  const offered: { value: string; number: number; title: string }[] = [];
  for (const p of undecided) {
    const l = loaded.get(p.id);
    const c = l ? versions.get(l.row.charterVersion) : null;
    if (!l || !c) continue;
    const memberBodies = new Set(c.bodies.filter((b) => b.electorate).map((b) => b.key));
    if (l.stages.some((s) => s.opensAt !== null && memberBodies.has(s.bodyKey))) {
      openedIds.add(p.id);
      continue;
    }
    const type = c.proposalTypes.find((t) => t.key === p.typeKey);
    if (!type || !delegationAllowed(c, type) || isDecided(proposalPhase(l.record, c, now))) continue;
    offered.push({ value: `proposal:${p.id}`, number: p.number, title: p.title });
  }

  const scopes: DelegationScopeOption[] =
    types.length === 0
      ? []
      : [
          { value: 'general', kind: 'general' },
          ...types.map((t): DelegationScopeOption => ({ value: `type:${t.key}`, kind: 'type', typeName: t.name })),
          ...offered.map((o): DelegationScopeOption => ({ ...o, kind: 'proposal' })),
        ];

  const { toMeGeneral, toMeOther } = delegationsToMe(all, userId, typeName);

  return {
    canDelegate: types.length > 0,
    members: members
      .filter((m) => m.userId !== userId && m.role !== 'observer')
      .map((m) => ({ value: m.userId, label: m.name ?? m.email }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    scopes,
    mine: mine.map((d): MyDelegation => ({
      id: d.id,
      delegateName: d.delegateName,
      scope: { typeName: typeName(d.typeKey), proposalNumber: d.proposalNumber },
      fixedInOpenVote: d.proposalId !== null && openedIds.has(d.proposalId),
      createdAt: d.createdAt,
    })),
    toMeGeneral,
    toMeOther,
  };
}

export type DelegationsPage = Awaited<ReturnType<typeof loadDelegationsPage>>;
