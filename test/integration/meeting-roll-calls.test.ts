/**
 * Roll-call votes taken in a meeting, and the ratification of a motion carried at an irregular
 * meeting: who may record one and when, who may vote, the outcome against CHARTER seats, each
 * voter's confirmation or public dispute within the charter's period, the held motion and the
 * proposal that ratifies it through the normal procedure — and every refusal writing nothing.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, meetingRollCalls, meetingRollCallVotes, outbox, proposals } from '@/db/schema';
import { listHeldMotions, loadMeetingRollCalls } from '@/db/read/meeting-roll-calls';
import { initialActionState } from '@/lib/actions/state';
import type { Actor } from '@/lib/use-cases/actor';
import { recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { answerRollCallVote, recordRollCall } from '@/lib/use-cases/meeting-roll-calls';
import type { RollCallInput } from '@/lib/use-cases/meeting-roll-calls';
import { scheduleMeeting, updateMeeting } from '@/lib/use-cases/meetings';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { summarizeEntry } from '@/lib/transparency/summary';
import { exportAndVerifyLog, form, session, signInAs, withTestDatabase } from './helpers';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { castBallots, clockFrom, draftProposal, publishedProposal, refusal } from './fixtures/scenario';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));
const { recordRollCallAction, answerRollCallVoteAction } = await import('@/app/o/[slug]/meetings/roll-calls/actions');

const T0 = new Date('2026-05-04T09:00:00Z');
const at = clockFrom(T0);
const MIN = 60_000;
const body = 'A body long enough for the rules to accept it, with reasons.';

let db: Database;
let org: FoundedOrganization;
let budget: { id: string; number: number };
let regular: { id: string; number: number };
let irregular: { id: string; number: number };

/** Nonprofit board: 9 charter seats, 6 filled (persons 0–5; 0 is the admin); persons 6–9 are members without a seat. */
withTestDatabase({ app: true }, async (handle) => {
  db = handle.db;
  org = await foundOrganization(db, { slug: 'rollcall', seated: 6, at: T0 });
  const budgetId = await publishedProposal(db, org.people[1]!, org.orgId, { title: 'Adopt the budget', body }, at(1));
  const [p] = await db.select({ number: proposals.number }).from(proposals).where(eq(proposals.id, budgetId));
  budget = { id: budgetId, number: p!.number };
  const admin = org.admin;
  const details = (start: Date) => ({ title: 'Board meeting', startsAt: start, endsAt: new Date(start.getTime() + 90 * MIN), location: 'Room 2' });
  regular = await scheduleMeeting(
    db,
    admin,
    {
      orgId: org.orgId,
      bodyKey: 'board',
      kind: 'regular',
      ...details(at(9)),
      agenda: [
        { kind: 'item', text: 'Approve the last minutes' },
        { kind: 'proposal', number: budget.number },
      ],
    },
    at(1),
  );
  irregular = await scheduleMeeting(db, admin, { orgId: org.orgId, bodyKey: 'board', kind: 'regular', ...details(at(20)), agenda: [] }, at(1));
  // Moved to three hours from the change: short notice, irregular for good.
  await updateMeeting(db, admin, { orgId: org.orgId, meetingId: irregular.id, ...details(at(12, 3)), agenda: [] }, at(12));
  for (const m of [
    { id: regular.id, during: at(9, 0) },
    { id: irregular.id, during: at(12, 3) },
  ]) {
    for (let i = 0; i < 6; i++) {
      await recordAttendance(
        db,
        admin,
        { orgId: org.orgId, meetingId: m.id, userId: org.people[i]!.userId, status: i === 5 ? 'absent' : i === 4 ? 'remote' : 'present' },
        new Date(m.during.getTime() + 5 * MIN),
      );
    }
  }
});
beforeEach(() => signInAs(null));

const person = (i: number): Actor => org.people[i]!;
const votes = (yes: number[], no: number[] = []): RollCallInput['votes'] => [
  ...yes.map((i) => ({ userId: person(i).userId, vote: 'yes' as const })),
  ...no.map((i) => ({ userId: person(i).userId, vote: 'no' as const })),
];
const input = (meetingId: string, v: RollCallInput['votes'], extra: Partial<RollCallInput> = {}): RollCallInput => ({
  orgId: org.orgId,
  meetingId,
  agendaItem: null,
  motion: 'Hire the auditor',
  votes: v,
  ...extra,
});
const counts = async () => ({
  rollCalls: await db.$count(meetingRollCalls),
  votes: await db.$count(meetingRollCallVotes),
  log: await db.$count(decisionLog),
  outbox: await db.$count(outbox),
});
const duringRegular = () => at(9, 1);
const duringIrregular = () => at(12, 4);

describe('recording a roll call', () => {
  it('refuses, writing nothing: before the start, a non-seat-holder, a voter recorded absent, a plain member, a forged POST', async () => {
    const before = await counts();
    expect((await refusal(() => recordRollCall(db, org.admin, input(regular.id, votes([0, 1])), at(8, 23)))).code).toBe('roll_call.not_started');
    expect((await refusal(() => recordRollCall(db, org.admin, input(regular.id, votes([0, 7])), duringRegular()))).code).toBe('roll_call.not_seat_holder');
    expect((await refusal(() => recordRollCall(db, org.admin, input(regular.id, votes([0, 5])), duringRegular()))).code).toBe('roll_call.not_attending');
    expect((await refusal(() => recordRollCall(db, person(1), input(regular.id, votes([0, 1])), duringRegular()))).code).toBe('roll_call.not_authorized');
    expect((await refusal(() => recordRollCall(db, org.admin, input(regular.id, votes([0]), { agendaItem: 7 }), duringRegular()))).code).toBe(
      'roll_call.unknown_agenda_item',
    );
    // A forged POST from a plain member who holds a seat.
    signInAsPerson(org, 2);
    const forged = await recordRollCallAction(
      initialActionState,
      form({ orgId: org.orgId, meetingId: regular.id, motion: 'Sell the building', [`vote:${person(2).userId}`]: 'yes' }),
    );
    expect(forged.ok).toBe(false);
    expect(forged.code).toBe('roll_call.not_authorized');
    expect(await counts()).toEqual(before);
  });

  it('counts against the charter seats: 5 yes of 9 carry; 4 yes of 4 voting do not (quorum), and the proposal on the agenda is untouched', async () => {
    const [proposalBefore] = await db.select().from(proposals).where(eq(proposals.id, budget.id));
    const outboxBefore = await db.$count(outbox);
    const carried = await recordRollCall(db, org.admin, input(regular.id, votes([0, 1, 2, 3, 4]), { agendaItem: 2, motion: '' }), duringRegular());
    expect(carried).toMatchObject({ carried: true, held: false });
    // Every one of the six seat holders is told (mandatory).
    expect((await db.$count(outbox)) - outboxBefore).toBe(6);
    const fewer = await recordRollCall(db, org.admin, input(regular.id, votes([0, 1, 2, 3])), duringRegular());
    expect(fewer.carried).toBe(false);
    const [proposalAfter] = await db.select().from(proposals).where(eq(proposals.id, budget.id));
    expect(proposalAfter).toEqual(proposalBefore);

    const views = await loadMeetingRollCalls(regular.id, false, db);
    expect(views.map((v) => v.standing)).toEqual(['in_effect', 'not_carried']);
    expect(views[0]).toMatchObject({ motion: `Proposal #${budget.number}: Adopt the budget`, proposalNumber: budget.number, agendaItem: 2 });
    expect(views[0]!.outcome).toMatchObject({ yes: 5, absent: 1, charterSeats: 9, quorumNeeded: 5, yesNeeded: 5 });
    expect(views[1]!.outcome).toMatchObject({ yes: 4, voting: 4, quorumMet: false });
    // Person 4 (remote) is not listed in the second roll call: recorded absent.
    expect(views[1]!.votes.find((v) => v.userId === person(4).userId)?.vote).toBe('absent');
  });
});

describe('confirming or disputing one’s own vote', () => {
  it('the voter confirms or disputes (public) their own vote; nobody answers for another; closed after the period', async () => {
    const [rc] = await loadMeetingRollCalls(regular.id, false, db);
    const answer = (who: Actor, a: 'confirmed' | 'disputed', when: Date, note: string | null = null) =>
      answerRollCallVote(db, who, { orgId: org.orgId, meetingId: regular.id, rollCallId: rc!.id, answer: a, note }, when);
    await answer(person(1), 'confirmed', at(10));
    const outboxBefore = await db.$count(outbox);
    await answer(person(3), 'disputed', at(10), 'I voted no.');
    expect((await db.$count(outbox)) - outboxBefore).toBe(6);
    const before = await counts();
    // A member without a vote cannot answer; a forged POST naming another's vote still answers only the sender's own.
    expect((await refusal(() => answer(person(8), 'confirmed', at(10)))).code).toBe('roll_call.no_vote');
    signInAsPerson(org, 9);
    const forged = await answerRollCallVoteAction(
      initialActionState,
      form({ orgId: org.orgId, meetingId: regular.id, rollCallId: rc!.id, answer: 'confirmed', userId: person(0).userId }),
    );
    expect(forged.code).toBe('roll_call.no_vote');
    // After the charter's 7 days: closed.
    expect((await refusal(() => answer(person(0), 'confirmed', new Date(rc!.answerBy.getTime() + 1)))).code).toBe('roll_call.answer_closed');
    expect(await counts()).toEqual(before);

    const [view] = await loadMeetingRollCalls(regular.id, false, db);
    expect(view!.disputes).toBe(1);
    expect(view!.votes.find((v) => v.userId === person(3).userId)).toMatchObject({ answer: 'disputed', disputeNote: 'I voted no.' });
    expect(view!.votes.find((v) => v.userId === person(1).userId)?.answer).toBe('confirmed');
    expect(view!.votes.find((v) => v.userId === person(0).userId)?.answer).toBeNull();
  });
});

describe('a motion carried at an irregular meeting', () => {
  it('is held until a normal proposal naming it passes; then ratified, logged and in effect', async () => {
    const r = await recordRollCall(db, org.admin, input(irregular.id, votes([0, 1, 2, 3, 4])), duringIrregular());
    expect(r).toMatchObject({ carried: true, held: true });
    const held = await listHeldMotions(org.orgId, db);
    expect(held).toHaveLength(1);
    const target = held[0]!.id;
    const [regularCarried] = await loadMeetingRollCalls(regular.id, false, db);

    // Not by an emergency proposal, not for a motion of a regular meeting (already in effect), not for an unknown one.
    expect(
      (await refusal(() => draftProposal(db, person(2), org.orgId, { title: 'Ratify it', body, effect: { ratifiesRollCall: regularCarried!.id } }, at(13))))
        .code,
    ).toBe('roll_call.ratify_not_held');
    expect(
      (
        await refusal(() =>
          draftProposal(
            db,
            person(2),
            org.orgId,
            { typeKey: 'emergency_resolution', emergency: true, title: 'Ratify it', body, effect: { ratifiesRollCall: target } },
            at(13),
          ),
        )
      ).code,
    ).toBe('ratification.emergency_type');
    expect(
      (await refusal(() => draftProposal(db, person(2), org.orgId, { title: 'Ratify it', body, effect: { ratifiesRollCall: org.orgId } }, at(13)))).code,
    ).toBe('roll_call.ratify_target_required');

    const id = await publishedProposal(db, person(2), org.orgId, { title: 'Ratify the auditor', body, effect: { ratifiesRollCall: target } }, at(13));
    expect((await loadMeetingRollCalls(irregular.id, true, db))[0]!.standing).toBe('held');
    expect(await recordTransitions(db, id, org.orgId, at(20, 1))).toEqual(['discussion_closed', 'stage_0_opened']);
    await castBallots(db, org, id, [0, 1, 2, 3, 4, 5], 'yes', at(20, 2));
    expect(await recordTransitions(db, id, org.orgId, at(28))).toContain('passed');

    const [view] = await loadMeetingRollCalls(irregular.id, true, db);
    expect(view).toMatchObject({ standing: 'ratified' });
    expect(view!.ratifiedByProposalNumber).not.toBeNull();
    expect(await listHeldMotions(org.orgId, db)).toEqual([]);
    const entries = await db.select().from(decisionLog).where(eq(decisionLog.kind, 'meeting.roll_call_ratified'));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.subject).toBe(`meeting:${irregular.id}`);
    expect(await db.$count(outbox, eq(outbox.kind, 'meeting_roll_call'))).toBeGreaterThanOrEqual(6 * 5);
    // Ratified once: a second proposal naming it is refused at draft.
    expect((await refusal(() => draftProposal(db, person(2), org.orgId, { title: 'Again', body, effect: { ratifiesRollCall: target } }, at(29)))).code).toBe(
      'roll_call.ratify_already',
    );
  });

  it('the log export verifies with the roll-call entries, and each reads in words', async () => {
    const { doc, report } = await exportAndVerifyLog(db, org.orgId);
    expect(report.problems).toEqual([]);
    const kinds = new Set(doc.entries.map((e) => e.kind));
    for (const k of ['meeting.roll_call_recorded', 'meeting.roll_call_vote_confirmed', 'meeting.roll_call_vote_disputed', 'meeting.roll_call_ratified']) {
      expect(kinds).toContain(k);
    }
    const ctx = { bodyName: () => 'Board', personName: () => 'Someone' };
    for (const e of doc.entries.filter((x) => x.kind.startsWith('meeting.roll_call'))) {
      expect(summarizeEntry({ kind: e.kind, subject: e.subject, actorId: e.actorId, payload: e.payload as Record<string, unknown> }, ctx)).toMatch(
        /roll call \d+/i,
      );
    }
  });
});
