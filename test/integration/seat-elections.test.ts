/**
 * Seat elections through the production path: the draft and nominations by server actions (as
 * forged POSTs too), the worker's opening and close, the seats filled, and the public export
 * recounted. Attacks: nominating after the window, answering for someone else, a class seat
 * without the declaration, a person standing for a body they already sit on, re-nominating
 * someone who declined.
 */
import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { charters, decisionLog, memberships, nominations, proposals, seats, users } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { charterFromTemplate } from '@/lib/governance/templates';
import type { Charter, TallyResult } from '@/lib/governance/types';
import { findProposalByNumber, loadProposalPage } from '@/db/read/proposal-page';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft } from '@/lib/use-cases/drafts';
import { answerNomination, nominateCandidate } from '@/lib/use-cases/elections';
import { foundOrganization, foundingAppoint } from '@/lib/use-cases/founding';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { checkExport } from '@/scripts/verify';
import { expectFieldRefusal, form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { createProposalAction, nominateCandidateAction, answerNominationAction } = await import('@/app/o/[slug]/proposals/actions');
const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');

const DAY = 86_400_000;
let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

type Person = { id: string; email: string; name: string };
type Coop = { orgId: string; slug: string; admin: Person; assembly: Person[]; others: Person[]; observer: Person };

/** A cooperative whose 6-seat assembly is full and whose 5-seat board (2 worker-member seats) is empty; 5 more members and an observer. */
async function cooperative(slug: string, at: Date): Promise<Coop> {
  const names = ['Admin', 'Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Eve', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo', 'Obs'];
  const people = await db
    .insert(users)
    .values(names.map((name) => ({ email: `${slug}-${name.toLowerCase()}@example.org`, name, emailVerified: at })))
    .returning({ id: users.id, email: users.email, name: users.name });
  const all = people.map((p) => ({ id: p.id, email: p.email, name: p.name! }));
  const charter: Charter = charterFromTemplate('cooperative');
  const assemblyBody = charter.bodies.find((b) => b.key === 'members')!;
  assemblyBody.charterSeats = 6;
  assemblyBody.minSeatsForCriticalDecisions = 4;
  const org = await db.transaction((tx) =>
    foundOrganization(tx, { slug, name: `Coop ${slug}`, mission: 'Election drills.', createdBy: all[0]!.id, templateKey: 'cooperative', charter, at }),
  );
  await db
    .insert(memberships)
    .values(
      all.slice(1).map((p, i) => ({ orgId: org.id, userId: p.id, role: i === all.length - 2 ? ('observer' as const) : ('member' as const), createdAt: at })),
    );
  const assemblySeats = await db
    .select({ id: seats.id })
    .from(seats)
    .where(and(eq(seats.orgId, org.id), eq(seats.bodyKey, 'members')))
    .orderBy(asc(seats.position));
  const assembly = all.slice(1, 7);
  for (const [i, p] of assembly.entries())
    await foundingAppoint(db, { userId: all[0]!.id, role: 'admin' }, { orgId: org.id, seatId: assemblySeats[i]!.id, userId: p.id }, at);
  return { orgId: org.id, slug, admin: all[0]!, assembly, others: all.slice(7, 12), observer: all[12]! };
}

async function electionDraft(c: Coop, seatClass: string, at: Date): Promise<{ id: string; number: number }> {
  const author = c.assembly[0]!;
  const draft = await createDraft(
    db,
    { userId: author.id, role: 'member' },
    {
      orgId: c.orgId,
      typeKey: 'board_election',
      title: `Board election (${seatClass})`,
      body: 'The assembly elects directors to the vacant seats of the board.',
      subjectUserId: null,
      effect: { bodyKey: 'board', seatClass },
      emergency: false,
    },
    at,
  );
  await publishProposal(db, { userId: author.id, role: 'member' }, { orgId: c.orgId, proposalId: draft.id }, at);
  return draft;
}

const as = (p: Person) => signInAs({ id: p.id, email: p.email, name: p.name });
const actor = (p: Person) => ({ userId: p.id, role: 'member' as const });

async function logKinds(orgId: string): Promise<{ kind: string; payload: Record<string, unknown> }[]> {
  return db
    .select({ kind: decisionLog.kind, payload: decisionLog.payload })
    .from(decisionLog)
    .where(eq(decisionLog.orgId, orgId))
    .orderBy(asc(decisionLog.seq)) as never;
}

describe('a seat election, end to end', () => {
  it('nominations by server action, a contested STV vote, the elected seated, and the export recounts', async () => {
    const founded = new Date(Date.now() - DAY);
    const c = await cooperative('coop-elect', founded);
    // The draft through the form's action: the seats as "body:class".
    as(c.assembly[0]!);
    const bad = await createProposalAction(
      initialActionState,
      form({
        orgId: c.orgId,
        typeKey: 'board_election',
        title: 'Board election',
        body: 'The assembly elects directors to the board.',
        electionSeats: 'board:treasurer',
      }),
    );
    expectFieldRefusal(bad, 'electionSeats', 'election.no_vacancy');
    const nowish = new Date(Date.now() - 60_000);
    const draft = await electionDraft(c, 'general', nowish);

    // Nominations, through the actions (the comment window is open now).
    const [ana, ben, cleo] = c.assembly;
    const [fay, gus, hal, ida, jo] = c.others;
    as(ana!);
    for (const p of [fay!, gus!, hal!, ida!])
      expect((await nominateCandidateAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, nomineeUserId: p.id }))).ok).toBe(true);
    // Twice: refused. An observer cannot stand or nominate.
    expectFieldRefusal(
      await nominateCandidateAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, nomineeUserId: fay!.id })),
      'nomineeUserId',
      'election.already_nominated',
    );
    expect((await nominateCandidateAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, nomineeUserId: c.observer.id }))).ok).toBe(false);
    as(c.observer);
    expect((await nominateCandidateAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, nomineeUserId: jo!.id }))).ok).toBe(false);
    // Self-nomination, then acceptance.
    as(ben!);
    expect((await nominateCandidateAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, nomineeUserId: ben!.id }))).ok).toBe(true);
    expect((await answerNominationAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, answer: 'accept' }))).ok).toBe(true);
    // Someone not nominated cannot answer (there is no way to answer for another person).
    as(cleo!);
    expect(await answerNominationAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, answer: 'accept' }))).toMatchObject({ ok: false });
    for (const p of [fay!, gus!, hal!]) {
      as(p);
      expect((await answerNominationAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, answer: 'accept' }))).ok).toBe(true);
    }
    // Hal withdraws; Ida declines; nobody else may nominate Ida again, she may stand herself.
    as(hal!);
    expect((await answerNominationAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, answer: 'withdraw' }))).ok).toBe(true);
    as(ida!);
    expect((await answerNominationAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, answer: 'decline' }))).ok).toBe(true);
    as(ana!);
    expectFieldRefusal(
      await nominateCandidateAction(initialActionState, form({ orgId: c.orgId, proposalId: draft.id, nomineeUserId: ida!.id })),
      'nomineeUserId',
      'election.nominee_declined',
    );
    await nominateCandidate(db, actor(ida!), { orgId: c.orgId, proposalId: draft.id, nomineeUserId: ida!.id }, new Date());
    await answerNomination(db, actor(ida!), { orgId: c.orgId, proposalId: draft.id, answer: 'accept', declarationConfirmed: false }, new Date());
    // Jo is nominated but never answers: not a candidate.
    await nominateCandidate(db, actor(ana!), { orgId: c.orgId, proposalId: draft.id, nomineeUserId: jo!.id }, new Date());

    // The comment window ends: nominations close, the candidates and seats are frozen, voting opens.
    const [row] = await db.select().from(proposals).where(eq(proposals.id, draft.id));
    const windowEnd = row!.discussionClosesAt!;
    await expect(nominateCandidate(db, actor(ana!), { orgId: c.orgId, proposalId: draft.id, nomineeUserId: c.others[4]!.id }, windowEnd)).rejects.toMatchObject(
      {
        code: 'election.nominations_closed',
      },
    );
    const opened = await recordTransitions(db, draft.id, c.orgId, new Date(windowEnd.getTime() + 1000));
    expect(opened).toEqual(['discussion_closed', 'stage_0_opened']);
    const [frozen] = await db.select().from(proposals).where(eq(proposals.id, draft.id));
    expect(frozen!.options).toEqual(['Ben', 'Fay', 'Gus', 'Ida']);
    expect((frozen!.effect as { seatIds: string[] }).seatIds).toHaveLength(3);
    await expect(
      answerNomination(
        db,
        actor(hal!),
        { orgId: c.orgId, proposalId: draft.id, answer: 'accept', declarationConfirmed: false },
        new Date(windowEnd.getTime() + 2000),
      ),
    ).rejects.toMatchObject({
      code: 'election.nominations_closed',
    });

    // The assembly ranks the candidates by secret ballot (Ben 0, Fay 1, Gus 2, Ida 3).
    const castAt = new Date(windowEnd.getTime() + DAY);
    // Ben, Fay and Ida reach the quota of 2 on first preferences; Gus, second on the ballot after Fay, is not elected.
    const rankings = [[0, 1], [0, 2], [1, 0], [1, 3], [3, 1], [3]];
    for (const [i, preferences] of rankings.entries()) {
      await castBallot(db, actor(c.assembly[i]!), { orgId: c.orgId, proposalId: draft.id, choice: null, rationale: null, preferences }, castAt);
    }
    // A ranking with a candidate who is not on the ballot is refused.
    await expect(
      castBallot(db, actor(ana!), { orgId: c.orgId, proposalId: draft.id, choice: null, rationale: null, preferences: [4] }, castAt),
    ).rejects.toThrow();

    const closed = await recordTransitions(db, draft.id, c.orgId, new Date(windowEnd.getTime() + 6 * DAY));
    expect(closed).toEqual(['stage_0_closed', 'passed']);
    const board = await db
      .select({ holder: seats.holderUserId, seatClass: seats.seatClass })
      .from(seats)
      .where(and(eq(seats.orgId, c.orgId), eq(seats.bodyKey, 'board')))
      .orderBy(asc(seats.position));
    const seated = board.filter((s) => s.holder !== null);
    expect(seated.every((s) => s.seatClass === 'general')).toBe(true);
    expect(new Set(seated.map((s) => s.holder))).toEqual(new Set([ben!.id, fay!.id, ida!.id]));
    const log = await logKinds(c.orgId);
    expect(log.filter((e) => e.kind === 'seat.filled' && e.payload.elected === true)).toHaveLength(3);
    const frozenEntry = log.find((e) => e.kind === 'election.candidates_frozen')!;
    expect(frozenEntry.payload).toMatchObject({ seats: 3, candidates: [{ name: 'Ben' }, { name: 'Fay' }, { name: 'Gus' }, { name: 'Ida' }] });
    const tally = (log.find((e) => e.kind === 'voting.closed')!.payload as { tally: TallyResult }).tally;
    expect(tally.choice?.count?.method).toBe('scottish_stv');
    expect(tally.choice?.count?.winners).toBe(3);
    // Nothing in the log says how anyone ranked.
    for (const e of log.filter((x) => x.kind === 'ballot.cast')) expect(e.payload).not.toHaveProperty('preferences');

    // Anyone recounts from the public export.
    const res = await exportJson(new Request(`http://quorate.test/api/o/${c.slug}/log/export`), { params: Promise.resolve({ slug: c.slug }) });
    const exported = await res.text();
    const verdict = await checkExport(JSON.parse(exported));
    expect(verdict.report.problems).toEqual([]);
    expect(verdict.recounted).toBe(1);
    // A seat given to someone the count did not elect is caught by the verifier's election check.
    const forged = JSON.parse(exported) as { entries: { kind: string; payload: Record<string, unknown> }[] };
    forged.entries.find((e) => e.kind === 'seat.filled' && e.payload.elected === true)!.payload.holderId = gus!.id;
    const caught = await checkExport(forged);
    expect(caught.report.problems.filter((p) => p.kind === 'election_mismatch').map((p) => p.message)).toEqual([
      expect.stringMatching(/its holder was not elected by proposal #1/),
    ]);
  });

  it('fewer candidates than seats: elected unopposed without a vote, the rest stays vacant, said plainly; a class seat needs the declaration', async () => {
    const founded = new Date('2026-02-01T00:00:00Z');
    const c = await cooperative('coop-unopposed', founded);
    const at = new Date('2026-02-02T00:00:00Z');
    const draft = await electionDraft(c, 'worker_member', at);
    const [fay, gus] = c.others;
    const soon = new Date(at.getTime() + DAY);
    await nominateCandidate(db, actor(c.assembly[0]!), { orgId: c.orgId, proposalId: draft.id, nomineeUserId: fay!.id }, soon);
    await expect(
      answerNomination(db, actor(fay!), { orgId: c.orgId, proposalId: draft.id, answer: 'accept', declarationConfirmed: false }, soon),
    ).rejects.toMatchObject({
      code: 'election.declaration_required',
    });
    await answerNomination(db, actor(fay!), { orgId: c.orgId, proposalId: draft.id, answer: 'accept', declarationConfirmed: true }, soon);
    // After the comment window, nobody can be nominated.
    await expect(
      nominateCandidate(db, actor(c.assembly[0]!), { orgId: c.orgId, proposalId: draft.id, nomineeUserId: gus!.id }, new Date(at.getTime() + 20 * DAY)),
    ).rejects.toMatchObject({ code: 'election.nominations_closed' });

    const steps = await recordTransitions(db, draft.id, c.orgId, new Date(at.getTime() + 15 * DAY));
    expect(steps).toEqual(['discussion_closed', 'stage_0_opened', 'passed']);
    const log = await logKinds(c.orgId);
    const unopposed = log.find((e) => e.kind === 'election.unopposed')!;
    expect(unopposed.payload).toMatchObject({
      seats: 2,
      leftVacant: 1,
      statement: 'Fay was the only candidate, so is elected unopposed, without a vote. 1 seat stays vacant.',
    });
    expect(log.some((e) => e.kind === 'voting.opened')).toBe(false);
    const accepted = log.find((e) => e.kind === 'nomination.accepted')!;
    expect(accepted.payload).toMatchObject({ seatClass: 'worker_member', declaration: expect.stringContaining('worker member') });
    const board = await db
      .select({ holder: seats.holderUserId, seatClass: seats.seatClass })
      .from(seats)
      .where(and(eq(seats.orgId, c.orgId), eq(seats.bodyKey, 'board')));
    expect(board.filter((s) => s.holder !== null)).toEqual([{ holder: fay!.id, seatClass: 'worker_member' }]);
    expect(await db.select().from(nominations).where(eq(nominations.proposalId, draft.id))).toHaveLength(1);
    // The public export verifies, the unopposed seat included.
    const res = await exportJson(new Request(`http://quorate.test/api/o/${c.slug}/log/export`), { params: Promise.resolve({ slug: c.slug }) });
    expect((await checkExport(JSON.parse(await res.text()))).report.problems).toEqual([]);
  });

  it('a member of the board cannot stand for another board seat; nobody standing leaves every seat vacant', async () => {
    const c = await cooperative('coop-none', new Date('2026-04-01T00:00:00Z'));
    const at = new Date('2026-04-02T00:00:00Z');
    const first = await electionDraft(c, 'worker_member', at);
    const fay = c.others[0]!;
    await nominateCandidate(db, actor(fay), { orgId: c.orgId, proposalId: first.id, nomineeUserId: fay.id }, at);
    await answerNomination(db, actor(fay), { orgId: c.orgId, proposalId: first.id, answer: 'accept', declarationConfirmed: true }, at);
    await recordTransitions(db, first.id, c.orgId, new Date(at.getTime() + 15 * DAY));
    const later = new Date(at.getTime() + 16 * DAY);
    const second = await electionDraft(c, 'general', later);
    await expect(nominateCandidate(db, actor(c.assembly[1]!), { orgId: c.orgId, proposalId: second.id, nomineeUserId: fay.id }, later)).rejects.toMatchObject({
      code: 'election.nominee_holds_seat',
    });
    const steps = await recordTransitions(db, second.id, c.orgId, new Date(later.getTime() + 15 * DAY));
    expect(steps).toEqual(['discussion_closed', 'stage_0_opened', 'passed']);
    const log = await logKinds(c.orgId);
    expect(log.filter((e) => e.kind === 'election.unopposed').at(-1)!.payload).toMatchObject({
      seats: 3,
      leftVacant: 3,
      statement: 'No candidate accepted a nomination, so nobody is elected. 3 seats stay vacant.',
    });
  });

  it('does not open when the deciding body may no longer fill the seats (the rule is asked again at the opening)', async () => {
    const c = await cooperative('coop-authority', new Date('2026-06-01T00:00:00Z'));
    const at = new Date('2026-06-02T00:00:00Z');
    const draft = await electionDraft(c, 'general', at);
    // The charter version the election runs under now says nobody else fills the board (as a stale rule would).
    const [row] = await db.select().from(charters).where(eq(charters.orgId, c.orgId));
    const doc = structuredClone(row!.document);
    doc.bodies.find((b) => b.key === 'board')!.vacancyFilling = { byOwnBody: false, byRemainingMajority: true, byBodyKey: null };
    await db.update(charters).set({ document: doc }).where(eq(charters.id, row!.id));
    const steps = await recordTransitions(db, draft.id, c.orgId, new Date(at.getTime() + 15 * DAY));
    expect(steps).toEqual(['discussion_closed']);
    const log = await logKinds(c.orgId);
    expect(log.some((e) => e.kind.startsWith('election.') || e.kind === 'voting.opened')).toBe(false);
    // The page says why it waits.
    const loaded = (await findProposalByNumber(c.orgId, draft.number))!;
    const page = await loadProposalPage(c.orgId, loaded, { role: null, userId: null }, new Date(at.getTime() + 15 * DAY));
    expect(page.electionBlocker?.code).toBe('vacancy.wrong_filler');
  });
});
