import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { proposals, seats } from '../schema';
import { getActiveCharter } from '../queries/charters';
import { appendLogEntry } from '../queries/log';
import { charterFromTemplate } from '@/lib/governance/charter';
import type { Role } from '@/lib/governance/roles';
import { adoptFoundingCharter, foundingAppoint } from '@/lib/use-cases/founding';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft } from '@/lib/use-cases/drafts';
import { postComment } from '@/lib/use-cases/comments';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { withdrawProposal } from '@/lib/use-cases/withdraw';
import type { Actor } from '@/lib/use-cases/actor';
import { DAY, HOUR, demoProposals } from './demo-proposals';
import type { DemoProposal, When } from './demo-proposals';

type People = Record<string, { id: string; role: Role }>;

/**
 * The demo's governance history, written through the same engine the app uses (time passed in),
 * so every event is in the hash-chained log exactly as it would be in real use. The board has
 * 9 charter seats with 6 filled — below the 7 its critical decisions need — and proposals sit in
 * every phase, relative to `base` (seeding time).
 */
export async function seedGovernance(db: Database, orgId: string, people: People, base: Date, log: (line: string) => void): Promise<void> {
  const t0 = new Date(Math.floor((base.getTime() - 75 * DAY) / HOUR) * HOUR);
  const actor = (key: string): Actor => ({ userId: people[key]!.id, role: people[key]!.role });

  if (!(await getActiveCharter(db, orgId))) {
    await db.transaction(async (tx) => {
      await appendLogEntry(tx, {
        orgId,
        actorId: people.ada!.id,
        kind: 'organization.created',
        subject: `organization:${orgId}`,
        payload: { slug: 'riverbend-commons', name: 'Riverbend Commons' },
        at: t0,
      });
      await adoptFoundingCharter(tx, {
        orgId,
        actorId: people.ada!.id,
        templateKey: 'nonprofit_board',
        charter: charterFromTemplate('nonprofit_board'),
        at: t0,
      });
    });
    log('charter: nonprofit board template, version 1 (board 9 seats, member assembly 25)');
  }

  const [published] = await db.select({ n: count() }).from(proposals).where(eq(proposals.orgId, orgId));
  if ((published?.n ?? 0) > 0) {
    log('proposals: already present, left as they are');
    return;
  }

  const seatRows = await db.select().from(seats).where(eq(seats.orgId, orgId)).orderBy(asc(seats.bodyKey), asc(seats.position));
  const board = seatRows.filter((s) => s.bodyKey === 'board');
  const assembly = seatRows.filter((s) => s.bodyKey === 'members');
  const boardHolders = ['margaret', 'omar', 'priya', 'linus', 'ada', 'grace']; // seats 1–3 independent, 4 employee rep, 5–6 general
  // Seats vote, so none is held by an observer (Tim Alvarez observes without a seat).
  const assemblyHolders = ['sofia', 'kenji', 'noor', 'wei', 'linus', 'margaret'];
  const at = new Date(t0.getTime() + HOUR);
  for (const [i, who] of boardHolders.entries()) await foundingAppoint(db, actor('ada'), { orgId, seatId: board[i]!.id, userId: people[who]!.id }, at);
  for (const [i, who] of assemblyHolders.entries()) await foundingAppoint(db, actor('ada'), { orgId, seatId: assembly[i]!.id, userId: people[who]!.id }, at);
  log(
    `seats: board ${boardHolders.length} of ${board.length} filled (3 vacant since founding), member assembly ${assemblyHolders.length} of ${assembly.length}`,
  );

  const boardSeatIds = board.map((s) => s.id);
  for (const p of demoProposals(t0, base, boardSeatIds, (key) => people[key]!.id)) await playProposal(db, orgId, actor, p);

  log(
    'proposals: 9 (passed, rejected, failed quorum, withdrawn, removal blocked below strength, appointment and open meetings in discussion, budget in voting, a draft)',
  );
}

/** Drafts the proposal and plays its history through the use cases, step by step in the documented order. */
async function playProposal(db: Database, orgId: string, actor: (key: string) => Actor, p: DemoProposal): Promise<void> {
  const when = (w: When) => (typeof w === 'number' ? new Date(p.at.getTime() + w) : w);
  const subjectUserId = p.subject ? actor(p.subject).userId : null;
  const draft = { orgId, typeKey: p.typeKey, title: p.title, body: p.body, subjectUserId, effect: p.effect ?? {}, emergency: false };
  const { id: proposalId } = await createDraft(db, actor(p.who), draft, p.at);
  if (p.keepDraft) return;
  await publishProposal(db, actor(p.who), { orgId, proposalId }, p.at);
  const commentIds: string[] = [];
  for (const c of p.comments ?? []) {
    const parentId = c.replyTo === undefined ? null : commentIds[c.replyTo]!;
    const input = { orgId, proposalId, parentId, body: c.body, stance: c.stance ?? 'none', asReply: c.asReply ?? false };
    commentIds.push((await postComment(db, actor(c.who), input, when(c.after))).id);
  }
  if (p.withdraw) await withdrawProposal(db, actor(p.who), { orgId, proposalId, reason: p.withdraw.reason }, when(p.withdraw.after));
  if (p.discussionEnds !== undefined) await recordTransitions(db, proposalId, orgId, when(p.discussionEnds));
  for (const [who, choice] of Object.entries(p.votes?.ballots ?? {}))
    await castBallot(db, actor(who), { orgId, proposalId, choice, rationale: null }, when(p.votes!.at));
  if (p.votingEnds !== undefined) await recordTransitions(db, proposalId, orgId, when(p.votingEnds));
}

/** Demo users that hold only seats (members of the organization). */
export const demoSeatHolders: { key: string; name: string }[] = [
  { key: 'omar', name: 'Omar Haddad' },
  { key: 'priya', name: 'Priya Raman' },
  { key: 'sofia', name: 'Sofia Reyes' },
  { key: 'kenji', name: 'Kenji Sato' },
  { key: 'noor', name: 'Noor Aziz' },
  { key: 'wei', name: 'Wei Chen' },
];
