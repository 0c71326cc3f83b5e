import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { currentMemberVoters, listRollWithGroups } from '@/db/queries/rolls';
import { users } from '@/db/schema';
import type { LoadedProposal } from '@/db/queries/proposals';
import { resolveRepresentation } from '@/lib/governance/delegation';
import { electorateWords } from '@/lib/governance/electorate';
import { delegationDepth } from '@/lib/governance/member-vote';
import type { BodySpec, Electorate, ProposalTypeSpec } from '@/lib/governance/types';

/** Most delegates the page lists by name; the rest are summed up (the whole roll is published at the close). */
const GRAPH_LIMIT = 50;

export type MemberStageView = {
  electorate: string;
  weighted: boolean;
  delegation: { maxDepth: number | null } | null;
  /** Snapshotted when voting opened; null before. */
  roll: { size: number; weight: number; hash: string } | null;
  /** Members who have cast a ballot so far (not how). */
  voters: number;
  /** The viewer on the roll: their weight, the delegate their vote goes to unless they vote, and what they carry for others. */
  me: { onRoll: boolean; weight: number; delegateName: string | null; carries: { people: number; weight: number } } | null;
  /** Who delegated to whom in the snapshot (open ballots only): each delegate with the members who named them. */
  graph: { delegates: { userId: string; name: string; delegators: string[]; weight: number }[]; more: number } | null;
  /** Participation by stakeholder group (as snapshotted on the roll): members, who voted themselves, who is counted (themselves or through a delegate). */
  participation: { group: string | null; members: number; voted: number; counted: number }[];
};

/** What the proposal page shows of one member-wide stage, for this viewer. */
export async function loadMemberStage(
  loaded: LoadedProposal,
  stageIndex: number,
  body: BodySpec & { electorate: Electorate },
  type: ProposalTypeSpec,
  viewerId: string | null,
): Promise<MemberStageView> {
  const db = getDb();
  const row = loaded.stages.find((s) => s.stageIndex === stageIndex);
  const delegation = type.delegation?.allowed ? { maxDepth: type.delegation.maxDepth } : null;
  const base = { electorate: electorateWords(body.electorate), weighted: body.electorate.weighted, delegation };
  if (!row?.rollHash || row.rollSize === null) return { ...base, roll: null, voters: 0, me: null, graph: null, participation: [] };
  const [roll, voted] = await Promise.all([listRollWithGroups(db, loaded.row.id, stageIndex), currentMemberVoters(db, loaded.row.id, stageIndex)]);
  const byUser = new Map(roll.map((e) => [e.userId, e]));
  const delegates = new Map<string, string[]>();
  for (const e of roll) if (e.delegateUserId) delegates.set(e.delegateUserId, [...(delegates.get(e.delegateUserId) ?? []), e.userId]);
  const shown = [...delegates.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, GRAPH_LIMIT);
  const nameIds = new Set<string>([...shown.flatMap(([d, from]) => [d, ...from])]);
  const mine = viewerId ? byUser.get(viewerId) : undefined;
  if (mine?.delegateUserId) nameIds.add(mine.delegateUserId);
  const names = await namesOf([...nameIds]);
  const name = (id: string) => names.get(id) ?? 'A member';
  let me: MemberStageView['me'] = null;
  if (viewerId) {
    // What the viewer's ballot carries if they vote: everyone whose chain reaches them first (within the cap).
    const reach = resolveRepresentation(roll, new Set([...voted, viewerId]), delegationDepth(type));
    let people = 0;
    let weight = 0;
    for (const [userId, r] of reach)
      if (r.voterUserId === viewerId && userId !== viewerId) {
        people++;
        weight += byUser.get(userId)?.weight ?? 0;
      }
    me = {
      onRoll: Boolean(mine),
      weight: mine?.weight ?? 0,
      delegateName: mine?.delegateUserId ? name(mine.delegateUserId) : null,
      carries: { people, weight },
    };
  }
  // A secret ballot's delegations stay off the page: following them with the published roll would not reveal a choice, but the page says only what it must.
  const secret = Boolean(type.method || type.election);
  const graph = secret
    ? null
    : {
        delegates: shown.map(([d, from]) => ({
          userId: d,
          name: name(d),
          delegators: from.map(name).sort((a, b) => a.localeCompare(b)),
          weight: from.reduce((s, u) => s + (byUser.get(u)?.weight ?? 0), 0),
        })),
        more: Math.max(0, delegates.size - shown.length),
      };
  const counted = resolveRepresentation(roll, voted, delegationDepth(type));
  const byGroup = new Map<string, { group: string | null; members: number; voted: number; counted: number }>();
  for (const e of roll) {
    const group = e.stakeholderGroup?.trim() || null;
    const key = group?.toLowerCase() ?? '';
    const g = byGroup.get(key) ?? { group, members: 0, voted: 0, counted: 0 };
    g.members++;
    if (voted.has(e.userId)) g.voted++;
    if (counted.has(e.userId)) g.counted++;
    byGroup.set(key, g);
  }
  const participation = [...byGroup.values()].sort((a, b) => (a.group === null ? 1 : b.group === null ? -1 : a.group.localeCompare(b.group)));
  return { ...base, roll: { size: row.rollSize, weight: row.rollWeight ?? 0, hash: row.rollHash }, voters: voted.size, me, graph, participation };
}

async function namesOf(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name?.trim() || r.email || 'A member']));
}
