/**
 * One person, one seat; a depleted board refills itself; class seats take only eligible,
 * declared appointees — driven through the server actions the pages call, with the worker's
 * transition step (runTransitions) moving proposals along as time passes.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, proposalStages, proposals, seats, users } from '@/db/schema';
import { listSeats } from '@/db/queries/charters';
import { insertOrganization } from '@/db/queries/organizations';
import { initialActionState } from '@/lib/actions/state';
import { charterFromTemplate } from '@/lib/governance/charter';
import { adoptFoundingCharter, foundingAppoint } from '@/lib/use-cases/founding';
import { runTransitions } from '@/lib/use-cases/transitions';
import { loadOrganizationOverview } from '@/db/read/overview';
import type * as ClockModule from '@/lib/clock';
import { expectFieldRefusal, expectRedirect, form, session, signInAs, withTestDatabase } from './helpers';

const clock = { now: new Date('2026-05-04T09:00:00Z') };
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(clock.now) }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { createProposalAction, publishProposalAction, castBallotAction, openVotingAction, declareEligibilityAction } =
  await import('@/app/o/[slug]/proposals/actions');
const { resignSeatAction, appointFoundingHolderAction: foundingAppointAction } = await import('@/app/o/[slug]/seats/actions');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));

let db: Database;
type Person = { id: string; email: string; name: string };

withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

const as = (p: Person) => signInAs({ id: p.id, email: p.email, name: p.name });

/** A nonprofit-template organization; board seats 1…`seated` held by people 0…, person 0 the admin. */
async function setupOrg(slug: string, seated: number, membersSeated = 0) {
  const people: Person[] = [];
  for (let i = 0; i < 12; i++) {
    const [u] = await db
      .insert(users)
      .values({
        email: `${slug}-${i}@example.org`,
        name: `${slug.replace(/-/g, ' ')} ${['Dana Reyes', 'Ari Cohen', 'Mo Tan', 'Lee Park', 'Sam Obi', 'Kim Ho', 'Jo Vance', 'Ana Silva', 'Rui Costa', 'Eva Lind', 'Tom Berg', 'Ida Moss'][i]}`,
      })
      .returning();
    people.push({ id: u!.id, email: u!.email, name: u!.name! });
  }
  const org = await db.transaction(async (tx) => {
    const created = await insertOrganization(tx, { slug, name: slug, mission: '', createdBy: people[0]!.id, at: clock.now });
    await adoptFoundingCharter(tx, {
      orgId: created.id,
      actorId: people[0]!.id,
      templateKey: 'nonprofit_board',
      charter: charterFromTemplate('nonprofit_board'),
      at: clock.now,
    });
    return created;
  });
  for (const p of people.slice(1)) await db.insert(memberships).values({ orgId: org.id, userId: p.id, role: 'member' });
  const all = await listSeats(db, org.id);
  const board = all.filter((s) => s.bodyKey === 'board');
  const assembly = all.filter((s) => s.bodyKey === 'members');
  const admin = { userId: people[0]!.id, role: 'admin' as const };
  for (let i = 0; i < seated; i++) await foundingAppoint(db, admin, { orgId: org.id, seatId: board[i]!.seatId, userId: people[i]!.id }, clock.now);
  for (let i = 0; i < membersSeated; i++)
    await foundingAppoint(db, admin, { orgId: org.id, seatId: assembly[i]!.seatId, userId: people[11 - i]!.id }, clock.now);
  return { orgId: org.id, slug, people, board: board.map((s) => s.seatId), assembly: assembly.map((s) => s.seatId) };
}

type Org = Awaited<ReturnType<typeof setupOrg>>;

/** Submits the new-proposal form as `author`: an appointment to a board seat unless `fields` say otherwise. It redirects when the draft is made. */
async function submitDraft(org: Org, author: Person, fields: Record<string, string>) {
  as(author);
  return createProposalAction(
    initialActionState,
    form({
      orgId: org.orgId,
      typeKey: 'seat_appointment',
      title: 'Appointment to a board seat',
      body: 'We appoint this person to fill the vacancy on the board.',
      ...fields,
    }),
  );
}

/** Person 1 proposes `appointee` for the seat `seatId`: the new-proposal form's state. */
const proposeAppointment = (org: Org, appointee: Person, seatId: string, title: string, body: string) =>
  submitDraft(org, org.people[1]!, { title, body, seatId, appointeeUserId: appointee.id });

async function draft(org: Org, author: Person, fields: Record<string, string>): Promise<string> {
  const to = await expectRedirect(() => submitDraft(org, author, fields));
  const number = Number(to.split('/').at(-1));
  const [row] = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.orgId, org.orgId), eq(proposals.number, number)));
  return row!.id;
}

async function publish(org: Org, author: Person, proposalId: string) {
  as(author);
  // Ticked whenever asked: the first publication closes founding appointments (founding-close.test.ts covers the refusal).
  return publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId, confirmFoundingClose: 'yes' }));
}

async function vote(org: Org, voters: Person[], proposalId: string, choice = 'yes') {
  for (const v of voters) {
    as(v);
    const state = await castBallotAction(initialActionState, form({ orgId: org.orgId, proposalId, choice }));
    expect(state, v.name).toMatchObject({ ok: true });
  }
}

/** Changes `person`'s membership of the organization directly in the database, as no action would. */
async function updateMembership(org: Org, person: Person, values: Partial<typeof memberships.$inferInsert>): Promise<void> {
  await db
    .update(memberships)
    .set(values)
    .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, person.id)));
}

/** Lets `ms` pass, then runs the worker's transition step at the new time. */
async function elapse(ms: number): Promise<void> {
  advance(ms);
  await runTransitions(db, clock.now);
}

async function holderOf(seatId: string): Promise<string | null> {
  const [row] = await db.select({ holder: seats.holderUserId }).from(seats).where(eq(seats.id, seatId));
  return row!.holder;
}

async function logOf(orgId: string, kind: string) {
  return db
    .select()
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.kind, kind)));
}

describe('a 4-of-9 board', () => {
  let org: Org;
  beforeAll(async () => {
    org = await setupOrg('four-of-nine', 4);
  });

  it('is refused a second seat for one person, with a clear message naming the person and seat, and nothing is written', async () => {
    const before = await db.$count(proposals);
    const state = await proposeAppointment(
      org,
      org.people[2]!,
      org.board[7]!,
      'Appoint Mo Tan to seat 8 as well',
      'Mo Tan should hold seat 8 as well as seat 3.',
    );
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.appointeeUserId).toEqual([`${org.people[2]!.name} already holds seat 3 of the board; one person holds one seat per body.`]);
    expect(await db.$count(proposals)).toBe(before);
  });

  it('refills itself: 3 yes of the 4 in office fill seat 9 although the quorum is 5', async () => {
    const id = await draft(org, org.people[1]!, { seatId: org.board[8]!, appointeeUserId: org.people[4]!.id });
    expect(await publish(org, org.people[1]!, id)).toMatchObject({ ok: true });
    await elapse(7 * DAY + 60_000);
    const [stage] = await db.select().from(proposalStages).where(eq(proposalStages.proposalId, id));
    expect(stage!.opensAt).not.toBeNull();
    expect(stage!.holdersInOffice).toBe(4);
    await vote(org, org.people.slice(0, 3), id);
    await elapse(3 * DAY + 60_000);
    const [closed] = await db.select().from(proposalStages).where(eq(proposalStages.proposalId, id));
    expect(closed!.tally).toMatchObject({
      yes: 3,
      quorumMet: false,
      passed: true,
      outcome: 'passed',
      remainingMajority: { holdersInOffice: 4, yesRequired: 3, met: true },
    });
    expect(await holderOf(org.board[8]!)).toBe(org.people[4]!.id);
    expect((await logOf(org.orgId, 'seat.filled')).map((e) => (e.payload as { holderId: string }).holderId)).toContain(org.people[4]!.id);
  });

  it('a passed appointment whose appointee meanwhile took another seat of the body is skipped and logged; a late publication is refused', async () => {
    const kim = org.people[5]!;
    const a = await draft(org, org.people[1]!, { seatId: org.board[6]!, appointeeUserId: kim.id });
    const b = await draft(org, org.people[2]!, { seatId: org.board[7]!, appointeeUserId: kim.id });
    const c = await draft(org, org.people[0]!, { seatId: org.board[5]!, appointeeUserId: kim.id });
    expect(await publish(org, org.people[1]!, a)).toMatchObject({ ok: true });
    expect(await publish(org, org.people[2]!, b)).toMatchObject({ ok: true });
    // A fourth, published five days later: its window closes after Kim is seated.
    advance(5 * DAY);
    const d = await draft(org, org.people[3]!, { seatId: org.board[4]!, appointeeUserId: kim.id });
    expect(await publish(org, org.people[3]!, d)).toMatchObject({ ok: true });
    await elapse(2 * DAY + 60_000);
    // Five in office now: three yes are more than half.
    await vote(org, org.people.slice(0, 3), a);
    await vote(org, org.people.slice(0, 3), b);
    await elapse(3 * DAY + 60_000);
    const held = [await holderOf(org.board[6]!), await holderOf(org.board[7]!)];
    expect(held.filter((h) => h === kim.id)).toHaveLength(1);
    const skipped = await logOf(org.orgId, 'seat.change_skipped');
    expect(skipped.map((e) => (e.payload as { reason: string }).reason)).toContainEqual(
      expect.stringMatching(new RegExp(`^${kim.name} already holds seat [78] of the board; one person holds one seat per body\\.$`)),
    );
    // The third draft, made before Kim was seated, cannot be published now.
    expect(await publish(org, org.people[0]!, c)).toMatchObject({
      ok: false,
      message: expect.stringMatching(new RegExp(`^${kim.name} already holds seat [78] of the board`)),
    });
    // The fourth, published before, never opens for voting: the worker leaves it, a secretary is told why.
    await elapse(3 * DAY);
    expect((await db.select().from(proposalStages).where(eq(proposalStages.proposalId, d)))[0]!.opensAt).toBeNull();
    // The list says so too, with the same reason as the proposal's page — never "ready" for a vote that will not open.
    const listed = (await loadOrganizationOverview(db, org.orgId, null, clock.now)).proposals.find((p) => p.id === d)!;
    expect(listed.statusLine).toMatchObject({
      label: 'Blocked',
      blocked: expect.stringMatching(new RegExp(`^${kim.name} already holds seat [78] of the board`)),
    });
    as(org.people[0]!);
    expect(await openVotingAction(initialActionState, form({ orgId: org.orgId, proposalId: d }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(new RegExp(`^${kim.name} already holds seat [78] of the board; one person holds one seat per body\.$`)),
    });
  });

  it('the database refuses a second seat for one person in one body whatever the code path', async () => {
    const kimSeat = (
      await db
        .select()
        .from(seats)
        .where(and(eq(seats.orgId, org.orgId), eq(seats.holderUserId, org.people[5]!.id)))
    )[0]!;
    const vacant = (await listSeats(db, org.orgId)).find((s) => s.bodyKey === 'board' && !s.holderUserId)!;
    await expect(db.update(seats).set({ holderUserId: kimSeat.holderUserId, vacatedAt: null }).where(eq(seats.id, vacant.seatId))).rejects.toThrow();
  });
});

describe('class seats', () => {
  let org: Org;
  beforeAll(async () => {
    org = await setupOrg('class-seats', 6);
  });

  it('an employee-representative seat refuses a member recorded in another stakeholder group', async () => {
    as(org.people[3]!);
    expect(await resignSeatAction(initialActionState, form({ orgId: org.orgId, seatId: org.board[3]! }))).toMatchObject({ ok: true });
    const rui = org.people[8]!;
    await updateMembership(org, rui, { stakeholderGroup: 'community' });
    const state = await proposeAppointment(
      org,
      rui,
      org.board[3]!,
      'Appoint Rui as employee representative',
      'Rui would represent the employees on the board.',
    );
    expectFieldRefusal(state, 'appointeeUserId', 'seat_class.not_employee');
  });

  it('voting waits for the appointee’s own declaration, which only they can make and which is logged', async () => {
    const ana = org.people[7]!;
    const id = await draft(org, org.people[1]!, {
      seatId: org.board[3]!,
      appointeeUserId: ana.id,
      declaration: 'I am employed by the organization as a caseworker and I stand for the staff.',
    });
    const [row] = await db.select({ effect: proposals.effect }).from(proposals).where(eq(proposals.id, id));
    expect(row!.effect).toMatchObject({
      seatClass: 'employee_representative',
      declaration: 'I am employed by the organization as a caseworker and I stand for the staff.',
    });
    expect(await publish(org, org.people[1]!, id)).toMatchObject({ ok: true });
    await elapse(7 * DAY + 60_000);
    expect((await db.select().from(proposalStages).where(eq(proposalStages.proposalId, id)))[0]!.opensAt).toBeNull();
    as(org.people[0]!);
    expect(await openVotingAction(initialActionState, form({ orgId: org.orgId, proposalId: id }))).toMatchObject({
      ok: false,
      code: 'seat_class.declaration_pending',
    });
    // Nobody may declare for the appointee.
    as(org.people[1]!);
    expect(await declareEligibilityAction(initialActionState, form({ orgId: org.orgId, proposalId: id }))).toMatchObject({
      ok: false,
      code: 'appointment.declarer_not_appointee',
    });
    as(ana);
    expect(await declareEligibilityAction(initialActionState, form({ orgId: org.orgId, proposalId: id }))).toMatchObject({ ok: true });
    const declared = await logOf(org.orgId, 'appointment.declared');
    expect(declared).toHaveLength(1);
    expect(declared[0]!.actorId).toBe(ana.id);
    expect(declared[0]!.payload).toMatchObject({
      seatClass: 'employee_representative',
      declaration: 'I am employed by the organization as a caseworker and I stand for the staff.',
    });
    expect(await declareEligibilityAction(initialActionState, form({ orgId: org.orgId, proposalId: id }))).toMatchObject({
      ok: false,
      code: 'appointment.already_declared',
    });
    await elapse(60_000);
    await vote(org, [org.people[0]!, org.people[1]!, org.people[2]!], id);
    await elapse(3 * DAY + 60_000);
    expect(await holderOf(org.board[3]!)).toBe(ana.id);
  });
});

describe('when nobody holds a board seat', () => {
  it('the member assembly fills board vacancies — and only then', async () => {
    const org = await setupOrg('empty-board', 1, 3);
    // While one director is in office, the assembly's route is closed.
    const refused = await submitDraft(org, org.people[11]!, {
      typeKey: 'board_vacancy_by_members',
      title: 'Assembly fills board seat 9',
      body: 'The assembly appoints a director to seat 9.',
      seatId: org.board[8]!,
      appointeeUserId: org.people[4]!.id,
    });
    expectFieldRefusal(refused, 'seatId', 'vacancy.filler_while_empty_one');
    as(org.people[0]!);
    expect(await resignSeatAction(initialActionState, form({ orgId: org.orgId, seatId: org.board[0]! }))).toMatchObject({ ok: true });
    const id = await draft(org, org.people[11]!, { typeKey: 'board_vacancy_by_members', seatId: org.board[8]!, appointeeUserId: org.people[4]!.id });
    expect(await publish(org, org.people[11]!, id)).toMatchObject({ ok: true });
    await elapse(7 * DAY + 60_000);
    // Three in the assembly: two yes are a majority of those in office (the quorum would be 9).
    await vote(org, [org.people[11]!, org.people[10]!], id);
    await elapse(5 * DAY + 60_000);
    expect(await holderOf(org.board[8]!)).toBe(org.people[4]!.id);
  });

  it('after a total wipe-out, founding appointments reopen for the stranded body only, and the log says so', async () => {
    const org = await setupOrg('wiped-out', 1);
    const id = await draft(org, org.people[0]!, { seatId: org.board[8]!, appointeeUserId: org.people[4]!.id });
    expect(await publish(org, org.people[0]!, id)).toMatchObject({ ok: true });
    as(org.people[0]!);
    // The founding period closed with that publication while a director was in office.
    expect(await foundingAppointAction(initialActionState, form({ orgId: org.orgId, seatId: org.board[1]!, userId: org.people[1]!.id }))).toMatchObject({
      ok: false,
      code: 'founding.closed',
    });
    expect(await resignSeatAction(initialActionState, form({ orgId: org.orgId, seatId: org.board[0]! }))).toMatchObject({ ok: true });
    // Nobody holds a board or an assembly seat: nobody in office can fill anything.
    expect(await foundingAppointAction(initialActionState, form({ orgId: org.orgId, seatId: org.board[1]!, userId: org.people[1]!.id }))).toMatchObject({
      ok: true,
    });
    const [entry] = (await logOf(org.orgId, 'seat.founding_appointment')).filter((e) => (e.payload as { reopened?: boolean }).reopened);
    expect(entry!.payload).toMatchObject({ reopened: true, holderId: org.people[1]!.id });
    // With a director in office again, the board can refill itself: founding closes again.
    expect(await foundingAppointAction(initialActionState, form({ orgId: org.orgId, seatId: org.board[2]!, userId: org.people[2]!.id }))).toMatchObject({
      ok: false,
    });
  });
});

describe('seats vote: an admin cannot silence a body through roles or removals', () => {
  let org: Org;
  beforeAll(async () => {
    org = await setupOrg('silenced-board', 6);
  });

  it('a seat holder cannot be made an observer (observers never vote): refused, nothing written', async () => {
    const { changeMemberRoleAction: changeMemberRole } = await import('@/app/o/[slug]/members/actions');
    const target = org.people[2]!;
    const [m] = await db
      .select({ id: memberships.id, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, target.id)));
    const logBefore = await db.$count(decisionLog);
    as(org.people[0]!);
    const state = await changeMemberRole(initialActionState, form({ orgId: org.orgId, membershipId: m!.id, role: 'observer' }));
    expect(state).toMatchObject({ ok: false, code: 'role.seat_holder_to_observer' });
    const [after] = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.id, m!.id));
    expect(after!.role).toBe(m!.role);
    expect(await db.$count(decisionLog)).toBe(logBefore);
  });

  it('an observer cannot be appointed, and a passed appointment of someone removed meanwhile fills nothing', async () => {
    const observer = org.people[9]!;
    await updateMembership(org, observer, { role: 'observer' });
    const refused = await proposeAppointment(org, observer, org.board[8]!, 'Appoint an observer', 'An observer to a board seat.');
    expectFieldRefusal(refused, 'appointeeUserId', 'seat.holder_observer_change_role');

    const leaving = org.people[10]!;
    const id = await draft(org, org.people[1]!, { seatId: org.board[8]!, appointeeUserId: leaving.id });
    expect(await publish(org, org.people[1]!, id)).toMatchObject({ ok: true });
    await elapse(7 * DAY + 60_000);
    await vote(org, org.people.slice(0, 4), id);
    // Removed from the organization while the vote runs.
    await db.delete(memberships).where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, leaving.id)));
    await elapse(3 * DAY + 60_000);
    expect(await holderOf(org.board[8]!)).toBeNull();
    const skipped = await logOf(org.orgId, 'seat.change_skipped');
    expect(skipped.map((e) => (e.payload as { reason: string }).reason)).toContainEqual(
      expect.stringMatching(/is not a member of this organization, so they cannot hold a seat/),
    );
  });
});
