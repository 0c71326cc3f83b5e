import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, proposals, seats, votes } from '@/db/schema';
import { getActiveCharter, listSeats } from '@/db/queries/charters';
import { readLogRange } from '@/db/queries/log';
import { loadProposal } from '@/db/queries/proposals';
import { charterFromTemplate } from '@/lib/governance/charter';
import { proposalPhase } from '@/lib/governance/phase';
import type { Charter } from '@/lib/governance/types';
import { foundingAppoint } from '@/lib/use-cases/founding';
import { backEmergencyMotion } from '@/lib/use-cases/emergency';
import { castBallot } from '@/lib/use-cases/ballots';
import { reviseProposal } from '@/lib/use-cases/drafts';
import { declareRecusal } from '@/lib/use-cases/recusal';
import { postComment } from '@/lib/use-cases/comments';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions, runTransitions } from '@/lib/use-cases/transitions';
import { recipientListHash } from '@/lib/use-cases/notice';
import { foundOrganization } from './fixtures/organization';
import { castBallots, clockFrom, draftProposal, publishedProposal, refusal } from './fixtures/scenario';
import type { FoundedOrganization } from './fixtures/organization';
import { withTestDatabase } from './helpers';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = clockFrom(T0);

let db: Database;
withTestDatabase({ app: false }, (handle) => (db = handle.db));

type Org = FoundedOrganization;

/** An organization on the nonprofit template with `seated` board seats filled by founding appointment. */
const setupOrg = (slug: string, seated: number, charter?: Charter): Promise<Org> => foundOrganization(db, { slug, seated, charter, at: T0 });

async function phaseOf(orgId: string, proposalId: string, when: Date) {
  const loaded = (await loadProposal(db, orgId, proposalId))!;
  const charter = (await getActiveCharter(db, orgId))!.document;
  return proposalPhase(loaded.record, charter, when);
}

async function logKinds(orgId: string, proposalId?: string): Promise<string[]> {
  const entries = await readLogRange(db, orgId, 0, 100_000);
  return entries.filter((e) => !proposalId || e.subject === `proposal:${proposalId}`).map((e) => e.kind);
}

describe('founding', () => {
  it('adopts charter v1 with every charter seat vacant, logged', async () => {
    const org = await setupOrg('founding-org', 0);
    const all = await listSeats(db, org.orgId);
    expect(all.filter((s) => s.bodyKey === 'board')).toHaveLength(9);
    expect(all.filter((s) => s.bodyKey === 'board').map((s) => s.seatClass)).toEqual([
      'independent',
      'independent',
      'independent',
      'employee_representative',
      'general',
      'general',
      'general',
      'general',
      'general',
    ]);
    expect(all.every((s) => s.holderUserId === null && s.vacatedAt?.getTime() === T0.getTime())).toBe(true);
    expect(await logKinds(org.orgId)).toEqual(['charter.adopted']);
  });

  it('allows founding appointments only until the first publication', async () => {
    const org = await setupOrg('founding-closes', 2);
    await publishedProposal(db, org.people[1]!, org.orgId, { title: 'First motion', body: 'A first motion with enough words.' }, at(1));
    const refused = await refusal(() => foundingAppoint(db, org.admin, { orgId: org.orgId, seatId: org.boardSeats[5]!, userId: org.people[5]!.userId }, at(2)));
    expect(refused.code).toBe('founding.closed');
  });
});

describe('a resolution from draft to decision', () => {
  it('cannot vote before the window, however hard anyone tries; then the tally follows the charter', async () => {
    const org = await setupOrg('resolution-org', 7);
    const [author, , , , , , , outsider] = org.people;
    const id = await draftProposal(db, author!, org.orgId, { title: 'Open board meetings', body: 'Board meetings are open to residents.' }, at(1));
    expect((await phaseOf(org.orgId, id, at(1))).kind).toBe('draft');
    expect(await logKinds(org.orgId, id)).toEqual([]); // drafts are private

    await publishProposal(db, author!, { orgId: org.orgId, proposalId: id }, at(1));
    const [row] = await db.select().from(proposals).where(eq(proposals.id, id));
    expect(row!.discussionClosesAt!.getTime()).toBe(at(8).getTime()); // 7-day minimum window
    expect(row!.noticeSeatHolders).toBe(7);

    const early = await refusal(() => castBallots(db, org, id, [1], 'yes', at(7, 23)));
    expect(early.code).toBe('voting.not_open_yet');
    expect(early.params).toEqual({
      reason: 'Voting opens on 10 Mar 2026, 09:00 UTC — the comment window is 7 days and cannot be shortened.',
      // The reason by its own code as well, for the translated refusal (lib/i18n/refusals.ts).
      reasonCode: 'voting.comment_window',
      at: '10 Mar 2026, 09:00 UTC',
      hours: '7 days',
      // Beside the English words, the facts a translated refusal words (lib/governance/refusal-facts.ts).
      'at:instant': '2026-03-10T09:00:00.000Z',
      'hours:duration': 'P7D',
    });
    // The worker does not open it early either.
    expect(await recordTransitions(db, id, org.orgId, at(7, 23))).toEqual([]);

    await postComment(db, org.people[2]!, { orgId: org.orgId, proposalId: id, parentId: null, body: 'Support.', stance: 'support', asReply: false }, at(2));
    // A substantive revision in the last 24 hours extends the window; it can never shorten it.
    await reviseProposal(
      db,
      author!,
      {
        orgId: org.orgId,
        proposalId: id,
        title: 'Open board meetings',
        body: 'Board meetings are open to residents and streamed.',
        changeNote: 'streaming',
        substantive: true,
      },
      at(7, 20),
    );
    const [revised] = await db.select().from(proposals).where(eq(proposals.id, id));
    expect(revised!.discussionClosesAt!.getTime()).toBe(at(8, 20).getTime());
    expect(outsider).toBeDefined();

    expect(await recordTransitions(db, id, org.orgId, at(8, 21))).toEqual(['discussion_closed', 'stage_0_opened']);
    expect(await recordTransitions(db, id, org.orgId, at(8, 22))).toEqual([]); // exactly once
    for (const [i, choice] of [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'no'],
      [3, 'yes'],
      [4, 'abstain'],
    ] as const) {
      await castBallot(db, org.people[i]!, { orgId: org.orgId, proposalId: id, choice, rationale: null }, at(9));
    }
    // Changing a vote keeps history but one current ballot per seat.
    await castBallot(db, org.people[2]!, { orgId: org.orgId, proposalId: id, choice: 'yes', rationale: 'persuaded' }, at(9, 1));
    const current = await db
      .select()
      .from(votes)
      .where(and(eq(votes.proposalId, id), eq(votes.isCurrent, true)));
    expect(current).toHaveLength(5);
    expect(await db.$count(votes, eq(votes.proposalId, id))).toBe(6);

    const late = await refusal(() => castBallots(db, org, id, [5], 'no', at(11, 21)));
    expect(late.code).toBe('voting.not_open');
    expect(await recordTransitions(db, id, org.orgId, at(11, 22))).toEqual(['stage_0_closed', 'passed']);
    const kinds = await logKinds(org.orgId, id);
    expect(kinds).toEqual([
      'proposal.published',
      'comment.posted',
      'proposal.revised',
      'proposal.discussion_closed',
      'voting.opened',
      'ballot.cast',
      'ballot.cast',
      'ballot.cast',
      'ballot.cast',
      'ballot.cast',
      'ballot.cast',
      'voting.closed',
      'proposal.decided',
    ]);
    expect(await recordTransitions(db, id, org.orgId, at(12))).toEqual([]);
    await runTransitions(db, at(12));
    expect(await runTransitions(db, at(12))).toBe(0); // a second pass at the same time records nothing
  });

  it('refuses a vote from a seat holder who is not in the deciding body, and from a recused seat', async () => {
    const org = await setupOrg('recusal-org', 7);
    const id = await publishedProposal(
      db,
      org.people[1]!,
      org.orgId,
      { title: 'Award the roof contract', body: 'Award the roof contract to Acme Roofing.' },
      at(1),
    );
    await declareRecusal(db, org.people[3]!, { orgId: org.orgId, proposalId: id, reason: 'My cousin owns Acme Roofing.' }, at(2));
    await recordTransitions(db, id, org.orgId, at(8, 1));
    expect((await refusal(() => castBallots(db, org, id, [3], 'yes', at(9)))).code).toBe('ballot.recused');
    expect(await refusal(() => castBallots(db, org, id, [8], 'yes', at(9)))).toMatchObject({
      code: 'voting.not_seat_holder',
      params: { body: 'board' },
    });
  });
});

describe('removal of a seated officer (the closed-door lesson)', () => {
  async function removalOrg(slug: string, seated: number) {
    const org = await setupOrg(slug, seated);
    const subject = org.people[1]!;
    const id = await publishedProposal(
      db,
      org.people[2]!,
      org.orgId,
      {
        typeKey: 'officer_removal',
        title: 'Remove person 1 from the board',
        body: 'Person 1 has missed every meeting this year.',
        subjectUserId: subject.userId,
        effect: { seatId: org.boardSeats[1]! },
      },
      at(1),
    );
    return { org, subject, id };
  }

  it('waits for the full window and the subject’s reply, then needs 2/3 of CHARTER seats', async () => {
    const { org, subject, id } = await removalOrg('removal-org', 8);
    // 14-day window: nothing before it, whatever the worker or a secretary tries.
    expect(await recordTransitions(db, id, org.orgId, at(14, 23))).toEqual([]);
    expect((await phaseOf(org.orgId, id, at(15, 1))).kind).toBe('awaiting_reply');
    expect(await recordTransitions(db, id, org.orgId, at(15, 1))).toEqual(['discussion_closed']);
    await postComment(
      db,
      subject,
      { orgId: org.orgId, proposalId: id, parentId: null, body: 'I was on medical leave; the minutes say so.', stance: 'none', asReply: true },
      at(15, 2),
    );
    expect(await recordTransitions(db, id, org.orgId, at(15, 3))).toEqual(['stage_0_opened']);
    // 5 yes of 8 seated is 62.5% of votes cast, but 2/3 of 9 charter seats is 6: rejected.
    await castBallots(db, org, id, [0, 2, 3, 4, 5], 'yes', at(16));
    await castBallots(db, org, id, [6, 7], 'no', at(16));
    expect(await recordTransitions(db, id, org.orgId, at(22, 4))).toEqual(['stage_0_closed', 'rejected']);
    const [seat] = await db.select().from(seats).where(eq(seats.id, org.boardSeats[1]!));
    expect(seat!.holderUserId).toBe(subject.userId);
    expect(await logKinds(org.orgId, id)).toEqual([
      'proposal.published',
      'proposal.discussion_closed',
      'proposal.subject_replied',
      'voting.opened',
      ...Array(7).fill('ballot.cast'),
      'voting.closed',
      'proposal.decided',
    ]);
  });

  it('with 6 yes of 9 charter seats passes, and the seat empties with its vacancy clock started', async () => {
    const { org, subject, id } = await removalOrg('removal-passes', 8);
    await postComment(db, subject, { orgId: org.orgId, proposalId: id, parentId: null, body: 'I disagree.', stance: 'none', asReply: true }, at(3));
    await recordTransitions(db, id, org.orgId, at(15, 1));
    await castBallots(db, org, id, [0, 2, 3, 4, 5, 6], 'yes', at(16));
    expect(await recordTransitions(db, id, org.orgId, at(22, 2))).toEqual(['stage_0_closed', 'passed']);
    const [seat] = await db.select().from(seats).where(eq(seats.id, org.boardSeats[1]!));
    expect(seat!.holderUserId).toBeNull();
    expect(seat!.vacatedAt!.getTime()).toBe(at(22, 2).getTime());
    expect((await logKinds(org.orgId)).slice(-2)).toEqual(['proposal.decided', 'seat.vacated']);
  });

  it('without a reply, voting waits out the 72-hour reply window', async () => {
    const { org, id } = await removalOrg('removal-no-reply', 8);
    expect(await recordTransitions(db, id, org.orgId, at(17, 23))).toEqual(['discussion_closed']);
    expect(await recordTransitions(db, id, org.orgId, at(18, 1))).toEqual(['stage_0_opened']);
  });

  it('a board below strength cannot open voting on it; filling a vacancy still works', async () => {
    const { org, subject, id } = await removalOrg('removal-below', 6);
    await postComment(db, subject, { orgId: org.orgId, proposalId: id, parentId: null, body: 'Reply.', stance: 'none', asReply: true }, at(2));
    expect(await recordTransitions(db, id, org.orgId, at(16))).toEqual(['discussion_closed']);
    expect((await phaseOf(org.orgId, id, at(16))).kind).toBe('ready_for_voting');
    const blocked = await refusal(() => castBallots(db, org, id, [0], 'yes', at(16)));
    expect(blocked.code).toBe('voting.not_open_yet');
    expect(blocked.params?.reason).toMatch(/below strength: 6 of 9 charter seats filled; critical decisions need 7/);

    // A seat appointment is not critical: 5 yes of 9 charter seats fills seat 7.
    const appoint = await publishedProposal(
      db,
      org.people[0]!,
      org.orgId,
      {
        typeKey: 'seat_appointment',
        title: 'Appoint person 7 to seat 7',
        body: 'Person 7 has the skills we lack.',
        effect: { seatId: org.boardSeats[6]!, appointeeUserId: org.people[7]!.userId },
      },
      at(2),
    );
    await recordTransitions(db, appoint, org.orgId, at(9, 1));
    await castBallots(db, org, appoint, [0, 2, 3, 4, 5], 'yes', at(10));
    expect(await recordTransitions(db, appoint, org.orgId, at(12, 2))).toEqual(['stage_0_closed', 'passed']);
    const [seat7] = await db.select().from(seats).where(eq(seats.id, org.boardSeats[6]!));
    expect(seat7!.holderUserId).toBe(org.people[7]!.userId);
    // Now at strength (7 of 9), the removal vote opens.
    expect(await recordTransitions(db, id, org.orgId, at(17))).toEqual(['stage_0_opened']);
  });
});

describe('full notice (docs/design.md §3.2)', () => {
  it('logs how many seat holders and members were noticed, with a hash of exactly who', async () => {
    const org = await setupOrg('notice-org', 5);
    const id = await publishedProposal(db, org.people[9]!, org.orgId, { title: 'A motion to notice', body: 'Everyone with a seat must hear of this.' }, at(1));
    const entries = await readLogRange(db, org.orgId, 0, 1000);
    const published = entries.find((e) => e.kind === 'proposal.published' && e.subject === `proposal:${id}`)!;
    const everyone = org.people.map((p) => p.userId); // resolution: consultation audience = members
    expect(published.payload.notice).toEqual({ seatHolders: 5, recipients: 10, recipientListHash: recipientListHash(everyone) });
    expect(recipientListHash(everyone.slice(1))).not.toBe(recipientListHash(everyone));
  });
});

describe('emergency procedure', () => {
  /** An emergency resolution drafted and published by person 1 on day 1, in an organization with `seated` board seats filled. */
  async function emergencyOrg(slug: string, seated: number, title: string, body: string) {
    const org = await setupOrg(slug, seated);
    const id = await publishedProposal(db, org.people[1]!, org.orgId, { typeKey: 'emergency_resolution', title, body, emergency: true }, at(1));
    return { org, id };
  }

  it('shortens the window only once 3/4 of charter seats back it in person, and lapses unless ratified', async () => {
    const { org, id } = await emergencyOrg('emergency-org', 9, 'Emergency roof repair', 'The roof of block C leaks into six homes.');
    const [published] = await db.select().from(proposals).where(eq(proposals.id, id));
    expect(published!.discussionClosesAt!.getTime()).toBe(at(8).getTime()); // normal window until the motion passes
    for (let i = 0; i < 6; i++) expect((await backEmergencyMotion(db, org.people[i]!, { orgId: org.orgId, proposalId: id }, at(1, 1))).approved).toBe(false);
    expect((await refusal(() => backEmergencyMotion(db, org.people[0]!, { orgId: org.orgId, proposalId: id }, at(1, 2)))).code).toBe(
      'emergency.already_backed',
    );
    // 7 of 9 charter seats = 3/4 or more (6.75): the motion passes, the window becomes 48 h from publication.
    expect(await backEmergencyMotion(db, org.people[6]!, { orgId: org.orgId, proposalId: id }, at(1, 2))).toEqual({ approved: true, backers: 7 });
    const [approved] = await db.select().from(proposals).where(eq(proposals.id, id));
    expect(approved!.discussionClosesAt!.getTime()).toBe(at(3).getTime());
    expect(await recordTransitions(db, id, org.orgId, at(3, 1))).toEqual(['discussion_closed', 'stage_0_opened']);
    await castBallots(db, org, id, [0, 1, 2, 3, 4, 5, 6], 'yes', at(3, 2));
    expect(await recordTransitions(db, id, org.orgId, at(4, 2))).toEqual(['stage_0_closed', 'passed']);
    // Not ratified within 30 days of passing: it lapses, loudly.
    expect(await recordTransitions(db, id, org.orgId, at(33))).toEqual([]);
    expect(await recordTransitions(db, id, org.orgId, at(35))).toEqual(['lapsed']);
    expect((await logKinds(org.orgId, id)).filter((k) => k.startsWith('emergency') || k.startsWith('proposal.'))).toEqual([
      'proposal.published',
      ...Array(7).fill('emergency.backed'),
      'emergency.approved',
      'proposal.discussion_closed',
      'proposal.decided',
      'proposal.lapsed',
    ]);
  });

  it('a non-seat-holder cannot back the motion', async () => {
    const { org, id } = await emergencyOrg('emergency-outsider', 7, 'Emergency fence repair', 'The fence by the river has fallen.');
    expect(await refusal(() => backEmergencyMotion(db, org.people[8]!, { orgId: org.orgId, proposalId: id }, at(1, 1)))).toMatchObject({
      code: 'emergency.not_seat_holder',
      params: { body: 'board' },
    });
  });
});

describe('charter changes only by proposal', () => {
  /** The nonprofit template with a members' assembly of 5 charter seats, 3 of them needed for critical decisions. */
  function charterWithAssembly() {
    const charter = charterFromTemplate('nonprofit_board');
    const members = charter.bodies.find((b) => b.key === 'members')!;
    members.charterSeats = 5;
    members.minSeatsForCriticalDecisions = 3;
    return { charter, members };
  }

  const assemblySeats = async (org: Org) => (await listSeats(db, org.orgId)).filter((s) => s.bodyKey === 'members');

  /** Person 1 drafts and publishes, on day 1, version 2 of `charter` with 11 board seats. */
  async function proposeElevenBoardSeats(org: Org, charter: Charter, title: string, body: string): Promise<string> {
    const proposed = structuredClone(charter);
    proposed.version = 2;
    proposed.bodies[0]!.charterSeats = 11;
    return publishedProposal(db, org.people[1]!, org.orgId, { typeKey: 'charter_amendment', title, body, effect: { proposedCharter: proposed } }, at(1));
  }

  it('a passed two-stage amendment adopts version 2 and adds the new seats, vacant', async () => {
    const { charter } = charterWithAssembly();
    const org = await setupOrg('amend-org', 7, charter);
    const assembly = await assemblySeats(org);
    for (let i = 0; i < 5; i++)
      await foundingAppoint(db, org.admin, { orgId: org.orgId, seatId: assembly[i]!.seatId, userId: org.people[i + 3]!.userId }, at(0, 2));

    const id = await proposeElevenBoardSeats(org, charter, 'Grow the board to 11 seats', 'Two more seats for resident directors.');
    expect(await recordTransitions(db, id, org.orgId, at(15, 1))).toEqual(['discussion_closed', 'stage_0_opened']);
    await castBallots(db, org, id, [0, 1, 2, 3, 4, 5], 'yes', at(16));
    expect(await recordTransitions(db, id, org.orgId, at(22, 2))).toEqual(['stage_0_closed', 'stage_1_opened']);
    // Until the last stage passes, the charter is unchanged.
    expect((await getActiveCharter(db, org.orgId))!.version).toBe(1);
    await castBallots(db, org, id, [3, 4, 5], 'yes', at(23));
    expect(await recordTransitions(db, id, org.orgId, at(29, 3))).toEqual(['stage_1_closed', 'passed']);
    const active = (await getActiveCharter(db, org.orgId))!;
    expect(active.version).toBe(2);
    expect(active.document.bodies[0]!.charterSeats).toBe(11);
    const board = (await listSeats(db, org.orgId)).filter((s) => s.bodyKey === 'board');
    expect(board).toHaveLength(11);
    expect(board.slice(9).every((s) => s.holderUserId === null && s.vacatedAt?.getTime() === at(29, 3).getTime())).toBe(true);
    expect((await logKinds(org.orgId)).slice(-2)).toEqual(['proposal.decided', 'charter.amended']);
  });

  it('a recusal counts only in the stages of the recused seat’s body', async () => {
    const { charter, members } = charterWithAssembly();
    members.recusedSeatsCountTowardQuorumBase = false;
    charter.bodies[0]!.recusedSeatsCountTowardQuorumBase = false;
    const org = await setupOrg('recuse-body-org', 7, charter);
    const assembly = await assemblySeats(org);
    // person 9 holds an assembly seat only.
    await foundingAppoint(db, org.admin, { orgId: org.orgId, seatId: assembly[0]!.seatId, userId: org.people[9]!.userId }, at(0, 2));
    const id = await proposeElevenBoardSeats(org, charter, 'Grow the board', 'Two more seats.');
    await declareRecusal(db, org.people[9]!, { orgId: org.orgId, proposalId: id, reason: 'I drafted the wording for the board.' }, at(2));
    expect(await recordTransitions(db, id, org.orgId, at(15, 1))).toEqual(['discussion_closed', 'stage_0_opened']);
    await castBallots(db, org, id, [0, 1, 2, 3, 4, 5], 'yes', at(16));
    await recordTransitions(db, id, org.orgId, at(22, 2));
    const stages = (await loadProposal(db, org.orgId, id))!.stages;
    expect(stages[0]!.tally).toMatchObject({ recused: 0, charterSeats: 9, quorumRequired: 6 });
    expect((await loadProposal(db, org.orgId, id))!.record.stages[1]!.recusedSeatIds).toEqual([assembly[0]!.seatId]);
  });

  it('refuses an amendment that would unseat holders by deleting their seats', async () => {
    const org = await setupOrg('amend-shrink', 7);
    const proposed = charterFromTemplate('nonprofit_board');
    proposed.version = 2;
    proposed.bodies[0]!.charterSeats = 5;
    proposed.bodies[0]!.minSeatsForCriticalDecisions = 4;
    proposed.bodies[0]!.seatClassMinimums = { independent: 3 };
    const refused = await refusal(() =>
      draftProposal(
        db,
        org.people[1]!,
        org.orgId,
        { typeKey: 'charter_amendment', title: 'Shrink the board', body: 'Five seats are enough for us.', effect: { proposedCharter: proposed } },
        at(1),
      ),
    );
    expect(refused.code).toBe('amendment.retires_held_seats');
  });
});

describe('the transition worker', () => {
  it('records each transition exactly once when several workers run at the same moment', async () => {
    const org = await setupOrg('worker-race', 7);
    const id = await publishedProposal(db, org.people[1]!, org.orgId, { title: 'A motion for the race', body: 'A motion with enough words in it.' }, at(1));
    await Promise.all([
      recordTransitions(db, id, org.orgId, at(8, 1)),
      recordTransitions(db, id, org.orgId, at(8, 1)),
      recordTransitions(db, id, org.orgId, at(8, 1)),
    ]);
    await Promise.all([recordTransitions(db, id, org.orgId, at(8, 2)), recordTransitions(db, id, org.orgId, at(8, 2))]);
    expect(await logKinds(org.orgId, id)).toEqual(['proposal.published', 'proposal.discussion_closed', 'voting.opened']);
  });
});

describe('the database itself', () => {
  it('refuses UPDATE and DELETE on the decision log', async () => {
    const org = await setupOrg('immutable-log', 0);
    const causeOf = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        return String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
      }
      return 'no error';
    };
    expect(await causeOf(() => db.execute(sql`update decision_log set kind = 'forged' where org_id = ${org.orgId}`))).toMatch(/append-only: UPDATE/);
    expect(await causeOf(() => db.execute(sql`delete from decision_log where org_id = ${org.orgId}`))).toMatch(/append-only: DELETE/);
    expect(await db.$count(decisionLog, eq(decisionLog.orgId, org.orgId))).toBe(1);
  });

  it('keeps one current ballot per seat even against a direct double insert', async () => {
    const org = await setupOrg('double-vote', 7);
    const id = await draftProposal(db, org.people[1]!, org.orgId, { title: 'A motion to test', body: 'A motion with enough words in it.' }, at(1));
    const row = { proposalId: id, stageIndex: 0, seatId: org.boardSeats[0]!, voterUserId: org.people[0]!.userId, choice: 'yes' as const, castAt: at(2) };
    await db.insert(votes).values(row);
    await expect(db.insert(votes).values(row)).rejects.toThrow();
  });

  it('keeps the log gapless and chained across every event', async () => {
    const org = await setupOrg('chain-org', 7);
    const entries = await readLogRange(db, org.orgId, 0, 1000);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
  });
});
