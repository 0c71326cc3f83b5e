/**
 * The /api/v1 proposal and seat writes added in 1.6.0: backing an emergency motion, resigning a seat and
 * founding appointments (a seat named by its body's key and its position, as the bodies read lists it), and an appointee's
 * eligibility declaration. Each runs the form's
 * own operation (lib/actions/operations.ts): the same rows and refusal codes as the form; a read-only
 * token, another organization's token, a body that is not a JSON object or a rule's "no" answer a
 * problem and leave every table as it was.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, proposals, seats } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { backEmergencyMotion } from '@/lib/use-cases/emergency';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { foundOrganization, foundWithOtherOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { publishedProposal } from './fixtures/scenario';
import { form, session } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const DAY = 86_400_000;
let db: Database;
let org: FoundedOrganization;
let otherOrgId = '';
/** Nonprofit board: 9 charter seats, 8 filled (persons 0–7; 0 is the admin); persons 8 and 9 are members without a seat. */
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => ({ org, otherOrgId } = await foundWithOtherOrganization(db, { slug: 'api-emergency', seated: 8, at: new Date(Date.now() - 3 * DAY) })),
);
const proposalActions = await import('@/app/o/[slug]/proposals/actions');
const seatActions = await import('@/app/o/[slug]/seats/actions');

const person = (i: number) => org.people[i]!;
const tokenOf = (i: number, scope: 'read' | 'write' = 'write') => token(person(i).userId, org.orgId, scope);
const body = 'The roof leaks into the server room; the board spends up to 5,000 on an urgent repair.';
const numberOf = async (id: string) => (await db.select().from(proposals).where(eq(proposals.id, id)))[0]!;
const emergencyMotion = async (title: string) => {
  const id = await publishedProposal(db, person(1), org.orgId, { typeKey: 'emergency_resolution', title, body, emergency: true }, new Date());
  return { id, number: (await numberOf(id)).number };
};
const backings = async (id: string) =>
  db.$count(decisionLog, and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, 'emergency.backed'), eq(decisionLog.subject, `proposal:${id}`)));

describe('/api/v1 backing an emergency motion', () => {
  it('seat holders back it through the API and the form alike; the seventh backing approves it, as the proposal’s row and log show', async () => {
    const p = await emergencyMotion('Repair the roof');
    const url = `/${org.slug}/proposals/${p.number}/emergency-backings`;
    expect(await call('POST', url, await tokenOf(1))).toMatchObject({ status: 201, body: { ok: true, emergency: { backers: 1, approved: false } } });
    signInAsPerson(org, 2);
    expect(await proposalActions.backEmergencyMotionAction(initialActionState, form({ orgId: org.orgId, proposalId: p.id }))).toMatchObject({ ok: true });
    for (const i of [3, 4, 5, 6]) await backEmergencyMotion(db, person(i), { orgId: org.orgId, proposalId: p.id }, new Date());
    expect(await backings(p.id)).toBe(6);
    expect((await numberOf(p.id)).emergencyApprovedAt).toBeNull();
    expect(await call('POST', url, await tokenOf(7), {})).toMatchObject({ status: 201, body: { ok: true, emergency: { backers: 7, approved: true } } });
    const row = await numberOf(p.id);
    expect(row.emergencyApprovedAt).not.toBeNull();
    expect(await db.$count(decisionLog, and(eq(decisionLog.kind, 'emergency.approved'), eq(decisionLog.subject, `proposal:${p.id}`)))).toBe(1);
  });

  it('refuses the scopes, a body that is not a JSON object and the rules’ “no” with the form’s codes; nothing changes', async () => {
    const p = await emergencyMotion('Replace the boiler');
    const url = `/${org.slug}/proposals/${p.number}/emergency-backings`;
    await scopesRefused(person(1).userId, otherOrgId, 'POST', url);
    const seated = await tokenOf(1);
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', url, seated, ['yes']));
    expect(bad.errors).toEqual({ _form: ['The body must be a JSON object.'] });
    // A member without a seat on the board may not back it.
    const member = await tokenOf(8);
    const unseated = await refusedAndUnchanged(409, 'emergency.not_seat_holder', () => call('POST', url, member));
    signInAsPerson(org, 8);
    expect(await proposalActions.backEmergencyMotionAction(initialActionState, form({ orgId: org.orgId, proposalId: p.id }))).toMatchObject({
      ok: false,
      code: unseated.code,
    });
    expect((await call('POST', url, seated)).status).toBe(201);
    const twice = await refusedAndUnchanged(409, 'emergency.already_backed', () => call('POST', url, seated));
    signInAsPerson(org, 1);
    expect(await proposalActions.backEmergencyMotionAction(initialActionState, form({ orgId: org.orgId, proposalId: p.id }))).toMatchObject({
      ok: false,
      code: twice.code,
    });
    // A proposal that asked for no emergency procedure.
    const plain = await publishedProposal(db, person(1), org.orgId, { title: 'Thank the volunteers', body }, new Date());
    const plainNumber = (await numberOf(plain)).number;
    await refusedAndUnchanged(409, 'emergency.not_requested', () => call('POST', `/${org.slug}/proposals/${plainNumber}/emergency-backings`, seated));
    expect(await backings(p.id)).toBe(1);
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', `/${org.slug}/proposals/9999/emergency-backings`, seated));
  });
});

describe('/api/v1 seats: resigning and founding appointments', () => {
  /** Nonprofit board in its founding period (nothing published): persons 0–2 seated; 3–9 members without a seat. */
  let founding: FoundedOrganization;
  beforeAll(async () => {
    founding = await foundOrganization(db, { slug: 'api-seats', seated: 3, at: new Date(Date.now() - DAY) });
  }, 60_000);
  const who = (i: number) => founding.people[i]!;
  const tokenIn = (i: number, scope: 'read' | 'write' = 'write') => token(who(i).userId, founding.orgId, scope);
  const positionOf = async (i: number) => (await db.select().from(seats).where(eq(seats.id, founding.boardSeats[i]!)))[0]!.position;
  const seatUrl = async (i: number, tail: string) => `/${founding.slug}/bodies/board/seats/${await positionOf(i)}/${tail}`;
  const holders = async () =>
    (await db.select({ id: seats.id, holder: seats.holderUserId }).from(seats).where(eq(seats.orgId, founding.orgId))).sort((a, b) => a.id.localeCompare(b.id));
  const boardSeatAt = async (position: number) => {
    const bodies = (await call('GET', `/${founding.slug}/bodies`, await tokenIn(4, 'read'))).body.bodies as {
      key: string;
      seats: { position: number; holder: string | null; vacant: boolean }[];
    }[];
    return bodies.find((b) => b.key === 'board')!.seats.find((x) => x.position === position)!;
  };
  /** Refused as `refusedAndUnchanged` says, and every seat still has the holder it had. */
  const refusedSeatsUnchanged = async (status: number, code: string, run: () => ReturnType<typeof call>) => {
    const before = await holders();
    const body = await refusedAndUnchanged(status, code, run);
    expect(await holders()).toEqual(before);
    return body;
  };

  it('the admin appoints and holders resign through the API and the forms alike; the bodies read shows it', async () => {
    const url = await seatUrl(5, 'founding-appointment');
    expect(await call('POST', url, await tokenIn(0), { userId: who(5).userId })).toMatchObject({
      status: 201,
      body: { ok: true, seat: { body: 'board', position: await positionOf(5), vacant: false, holderUserId: who(5).userId } },
    });
    expect(await boardSeatAt(await positionOf(5))).toMatchObject({ holder: 'api-seats person 5', vacant: false });
    signInAsPerson(founding, 0);
    expect(
      await seatActions.appointFoundingHolderAction(
        initialActionState,
        form({ orgId: founding.orgId, seatId: founding.boardSeats[6]!, userId: who(6).userId }),
      ),
    ).toMatchObject({ ok: true });
    expect(await boardSeatAt(await positionOf(6))).toMatchObject({ holder: 'api-seats person 6' });

    expect(await call('POST', await seatUrl(1, 'resign'), await tokenIn(1))).toMatchObject({
      status: 200,
      body: { ok: true, seat: { body: 'board', position: await positionOf(1), vacant: true } },
    });
    expect(await boardSeatAt(await positionOf(1))).toMatchObject({ holder: null, vacant: true });
    signInAsPerson(founding, 2);
    expect(await seatActions.resignSeatAction(initialActionState, form({ orgId: founding.orgId, seatId: founding.boardSeats[2]! }))).toMatchObject({
      ok: true,
    });
    expect(await boardSeatAt(await positionOf(2))).toMatchObject({ holder: null, vacant: true });
  });

  it('refuses the scopes, a failing body and the rules’ “no” with the forms’ codes; no seat changes', async () => {
    const appoint = await seatUrl(7, 'founding-appointment');
    const resign = await seatUrl(0, 'resign');
    await scopesRefused(who(0).userId, otherOrgId, 'POST', appoint, { userId: who(7).userId });
    await scopesRefused(who(0).userId, otherOrgId, 'POST', resign);
    const admin = await tokenIn(0);
    const bad = await refusedSeatsUnchanged(400, 'action.invalid_input', () => call('POST', appoint, admin, { userId: '' }));
    expect(bad.errors).toEqual({ userId: ['Choose a member.'] });
    expect((await refusedSeatsUnchanged(400, 'action.invalid_input', () => call('POST', resign, admin, ['yes']))).errors).toEqual({
      _form: ['The body must be a JSON object.'],
    });
    // Only an admin appoints; a held seat is not appointed again.
    const member = await tokenIn(3);
    const notAdmin = await refusedSeatsUnchanged(409, 'founding.admin_only', () => call('POST', appoint, member, { userId: who(7).userId }));
    signInAsPerson(founding, 3);
    expect(
      await seatActions.appointFoundingHolderAction(
        initialActionState,
        form({ orgId: founding.orgId, seatId: founding.boardSeats[7]!, userId: who(7).userId }),
      ),
    ).toMatchObject({ ok: false, code: notAdmin.code });
    await refusedSeatsUnchanged(409, 'founding.seat_held', () =>
      call('POST', resign.replace('/resign', '/founding-appointment'), admin, { userId: who(7).userId }),
    );
    // Someone else's seat is not resigned.
    const notHolder = await refusedSeatsUnchanged(409, 'seat.not_holder', () => call('POST', resign, member));
    expect(await seatActions.resignSeatAction(initialActionState, form({ orgId: founding.orgId, seatId: founding.boardSeats[0]! }))).toMatchObject({
      ok: false,
      code: notHolder.code,
    });
    // Once a proposal is published (the emergency motions' organization), founding appointments are closed.
    const vacant = (await db.select().from(seats).where(eq(seats.id, org.boardSeats[8]!)))[0]!.position;
    const adminThere = await tokenOf(0);
    await refusedSeatsUnchanged(409, 'founding.closed', () =>
      call('POST', `/${org.slug}/bodies/board/seats/${vacant}/founding-appointment`, adminThere, { userId: person(9).userId }),
    );
    for (const missing of ['/bodies/board/seats/99/resign', '/bodies/nowhere/seats/1/resign', '/bodies/board/seats/0/resign'])
      expect((await refusedSeatsUnchanged(404, 'api.not_found', () => call('POST', `/${founding.slug}${missing}`, admin))).detail).toContain('seat');
  });
});

describe('/api/v1 an appointee’s eligibility declaration', () => {
  /** An appointment to the nonprofit board's employee-representative seat (boardSeats[3], vacant), person 8 the appointee. */
  let appointment: { id: string; number: number };
  let seatOrg: FoundedOrganization;
  const declaration = 'I am employed by the organization as a caseworker and I stand for the staff.';
  beforeAll(async () => {
    seatOrg = await foundOrganization(db, { slug: 'api-eligibility', seated: 3, at: new Date(Date.now() - DAY) });
    const author = seatOrg.people[1]!;
    const { id } = await createDraft(
      db,
      author,
      {
        orgId: seatOrg.orgId,
        typeKey: 'seat_appointment',
        title: 'Appoint a staff representative',
        body: 'We appoint this person to the employee-representative seat on the board.',
        subjectUserId: null,
        effect: { seatId: seatOrg.boardSeats[3]!, appointeeUserId: seatOrg.people[8]!.userId, declaration },
        emergency: false,
        options: [],
      },
      new Date(),
    );
    await publishProposal(db, author, { orgId: seatOrg.orgId, proposalId: id, confirmFoundingClose: true }, new Date());
    appointment = { id, number: (await numberOf(id)).number };
  }, 60_000);
  const declarations = async () =>
    db.$count(decisionLog, and(eq(decisionLog.kind, 'appointment.declared'), eq(decisionLog.subject, `proposal:${appointment.id}`)));

  it('refuses the scopes, a body that is not a JSON object and anyone but the appointee (the form’s code); the appointee declares once, as through the form', async () => {
    const url = `/${seatOrg.slug}/proposals/${appointment.number}/eligibility-declaration`;
    const appointee = seatOrg.people[8]!;
    await scopesRefused(appointee.userId, otherOrgId, 'POST', url);
    const mine = await token(appointee.userId, seatOrg.orgId);
    expect((await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', url, mine, 'yes'))).errors).toEqual({
      _form: ['The body must be a JSON object.'],
    });
    const someoneElse = await token(seatOrg.people[1]!.userId, seatOrg.orgId);
    const notAppointee = await refusedAndUnchanged(409, 'appointment.declarer_not_appointee', () => call('POST', url, someoneElse));
    signInAsPerson(seatOrg, 1);
    expect(await proposalActions.declareEligibilityAction(initialActionState, form({ orgId: seatOrg.orgId, proposalId: appointment.id }))).toMatchObject({
      ok: false,
      code: notAppointee.code,
    });
    expect(await declarations()).toBe(0);
    expect(await call('POST', url, mine)).toMatchObject({ status: 201, body: { ok: true, declaration: { declared: true } } });
    const [entry] = await db
      .select()
      .from(decisionLog)
      .where(and(eq(decisionLog.kind, 'appointment.declared'), eq(decisionLog.subject, `proposal:${appointment.id}`)));
    expect(entry).toMatchObject({ actorId: appointee.userId, payload: { seatClass: 'employee_representative', declaration } });
    const twice = await refusedAndUnchanged(409, 'appointment.already_declared', () => call('POST', url, mine));
    signInAsPerson(seatOrg, 8);
    expect(await proposalActions.declareEligibilityAction(initialActionState, form({ orgId: seatOrg.orgId, proposalId: appointment.id }))).toMatchObject({
      ok: false,
      code: twice.code,
    });
    expect(await declarations()).toBe(1);
  });
});
