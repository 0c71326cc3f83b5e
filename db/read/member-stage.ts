import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { carriedBy, countMemberVoters, findRollEntry, listDelegatorsOf, listLargestDelegates, listMemberRollCallPage } from '@/db/queries/member-stage-reads';
import { currentMemberVoters, listRollWithGroups } from '@/db/queries/rolls';
import { users } from '@/db/schema';
import type { LoadedProposal } from '@/db/queries/proposals';
import { resolveRepresentation } from '@/lib/governance/delegation';
import { electorateWords } from '@/lib/governance/electorate';
import { delegationDepth } from '@/lib/governance/member-vote';
import type { BodySpec, Electorate, ProposalTypeSpec } from '@/lib/governance/types';

/** Most delegates the page lists by name; the rest are summed up (the whole roll is published at the close). */
const GRAPH_LIMIT = 50;
/** Most of one delegate's delegators the page names; the rest are counted. */
const DELEGATORS_NAMED = 30;
/** Roll-call lines per page once the close is recorded. */
export const ROLL_CALL_PAGE = 100;

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
  /** Who delegated to whom in the snapshot (open ballots only): the largest delegates with (up to 30 of) the members who named them. */
  graph: { delegates: { userId: string; name: string; delegators: string[]; unnamed: number; weight: number }[]; more: number } | null;
  /** Participation by stakeholder group (as snapshotted on the roll): members, who voted themselves, who is counted (themselves or through a delegate). */
  participation: { group: string | null; members: number; voted: number; counted: number }[];
  /** Once the close is recorded: one page of the direct votes (1-based), of `pages`. */
  rollCall: { lines: { voterName: string | null; choice: string }[]; page: number; pages: number; total: number } | null;
};

/** What the proposal page shows of one member-wide stage, for this viewer; `rollCallPage` is 1-based. */
export async function loadMemberStage(
  loaded: LoadedProposal,
  stageIndex: number,
  body: BodySpec & { electorate: Electorate },
  type: ProposalTypeSpec,
  viewerId: string | null,
  { rollCallPage = 1, at = new Date() }: { rollCallPage?: number; at?: Date } = {},
): Promise<MemberStageView> {
  const db = getDb();
  const row = loaded.stages.find((s) => s.stageIndex === stageIndex);
  const delegation = type.delegation?.allowed ? { maxDepth: type.delegation.maxDepth } : null;
  const base = { electorate: electorateWords(body.electorate), weighted: body.electorate.weighted, delegation };
  if (!row?.rollHash || row.rollSize === null) return { ...base, roll: null, voters: 0, me: null, graph: null, participation: [], rollCall: null };
  const proposalId = loaded.row.id;
  const maxDepth = delegationDepth(type);
  // A secret ballot's delegations stay off the page: following them with the published roll would not reveal a choice, but the page says only what it must.
  const secret = Boolean(type.method || type.election);
  // Ballots can no longer change once the window is over: participation is counted once per roll and kept.
  const closed = Boolean(row.closedRecordedAt) || Boolean(row.closesAt && at >= row.closesAt);
  const [voters, mine, largest, participation] = await Promise.all([
    countMemberVoters(db, proposalId, stageIndex),
    viewerId ? findRollEntry(db, proposalId, stageIndex, viewerId) : Promise.resolve(null),
    secret ? Promise.resolve(null) : listLargestDelegates(db, proposalId, stageIndex, GRAPH_LIMIT),
    closed ? participationOf(proposalId, stageIndex, row.rollHash, maxDepth) : Promise.resolve([]),
  ]);
  const shown = largest?.delegates ?? [];
  const [delegators, carries, rollCall] = await Promise.all([
    listDelegatorsOf(
      db,
      proposalId,
      stageIndex,
      shown.map((d) => d.userId),
      DELEGATORS_NAMED,
    ),
    // What the viewer's ballot carries if they vote: everyone whose chain reaches them first (within the cap).
    mine ? carriedBy(db, proposalId, stageIndex, mine.userId, maxDepth) : Promise.resolve({ people: 0, weight: 0 }),
    row.closedRecordedAt ? rollCallPageOf(proposalId, stageIndex, rollCallPage) : Promise.resolve(null),
  ]);
  const nameIds = new Set<string>([...shown.map((d) => d.userId), ...delegators.map((d) => d.userId)]);
  if (mine?.delegateUserId) nameIds.add(mine.delegateUserId);
  const names = await namesOf([...nameIds]);
  const name = (id: string) => names.get(id) ?? 'A member';
  const me: MemberStageView['me'] = viewerId
    ? { onRoll: Boolean(mine), weight: mine?.weight ?? 0, delegateName: mine?.delegateUserId ? name(mine.delegateUserId) : null, carries }
    : null;
  const graph =
    largest === null
      ? null
      : {
          delegates: shown.map((d) => {
            const named = delegators.filter((x) => x.delegateUserId === d.userId).map((x) => name(x.userId));
            return {
              userId: d.userId,
              name: name(d.userId),
              delegators: named.sort((a, b) => a.localeCompare(b)),
              unnamed: d.delegators - named.length,
              weight: d.weight,
            };
          }),
          more: Math.max(0, largest.total - shown.length),
        };
  return { ...base, roll: { size: row.rollSize, weight: row.rollWeight ?? 0, hash: row.rollHash }, voters, me, graph, participation, rollCall };
}

async function rollCallPageOf(proposalId: string, stageIndex: number, page: number): Promise<MemberStageView['rollCall']> {
  const db = getDb();
  const total = await countMemberVoters(db, proposalId, stageIndex);
  const pages = Math.max(1, Math.ceil(total / ROLL_CALL_PAGE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const lines = await listMemberRollCallPage(db, proposalId, stageIndex, { offset: (current - 1) * ROLL_CALL_PAGE, limit: ROLL_CALL_PAGE });
  return { lines: lines.map((l) => ({ voterName: l.voterName, choice: l.choice })), page: current, pages, total };
}

type Participation = MemberStageView['participation'];
/** Participation of closed stages by roll hash: it cannot change once the window is over. A few, most recent last. */
const participationMemo = new Map<string, Promise<Participation>>();
const MEMO_SIZE = 16;

/** Participation by group: reads the roll and its voters and resolves every chain, once per closed stage in this process. */
function participationOf(proposalId: string, stageIndex: number, rollHash: string, maxDepth: number | null): Promise<Participation> {
  const key = `${proposalId}:${stageIndex}:${rollHash}`;
  const known = participationMemo.get(key);
  if (known) return known;
  const computed = computeParticipation(proposalId, stageIndex, maxDepth);
  participationMemo.set(key, computed);
  computed.catch(() => participationMemo.delete(key));
  while (participationMemo.size > MEMO_SIZE) participationMemo.delete(participationMemo.keys().next().value!);
  return computed;
}

async function computeParticipation(proposalId: string, stageIndex: number, maxDepth: number | null): Promise<Participation> {
  const db = getDb();
  const [roll, voted] = await Promise.all([listRollWithGroups(db, proposalId, stageIndex), currentMemberVoters(db, proposalId, stageIndex)]);
  const counted = resolveRepresentation(roll, voted, maxDepth);
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
  return [...byGroup.values()].sort((a, b) => (a.group === null ? 1 : b.group === null ? -1 : a.group.localeCompare(b.group)));
}

async function namesOf(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  // A public page never shows an e-mail address: a member without a name is "A member".
  const rows = await getDb().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name?.trim() || 'A member']));
}
