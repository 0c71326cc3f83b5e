/**
 * The /api/v1 proposal and seat writes added in 1.6.0: backing an emergency motion. Each runs the form's
 * own operation (lib/actions/operations.ts): the same rows and refusal codes as the form; a read-only
 * token, another organization's token, a body that is not a JSON object or a rule's "no" answer a
 * problem and leave every table as it was.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, proposals, users } from '@/db/schema';
import { insertOrganization } from '@/db/queries/organizations';
import { initialActionState } from '@/lib/actions/state';
import { backEmergencyMotion } from '@/lib/use-cases/emergency';
import { apiCalls } from './api-calls';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { publishedProposal } from './fixtures/scenario';
import { form, session, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const DAY = 86_400_000;
let db: Database;
let org: FoundedOrganization;
let otherOrgId = '';
withTestDatabase({ app: true }, (handle) => (db = handle.db));
const { call, token, refusedAndUnchanged, scopesRefused } = apiCalls(() => db);
const proposalActions = await import('@/app/o/[slug]/proposals/actions');

/** Nonprofit board: 9 charter seats, 8 filled (persons 0–7; 0 is the admin); persons 8 and 9 are members without a seat. */
beforeAll(async () => {
  org = await foundOrganization(db, { slug: 'api-emergency', seated: 8, at: new Date(Date.now() - 3 * DAY) });
  const [outsider] = await db.insert(users).values({ email: 'outsider@api-emergency.example.org', name: 'Out' }).returning();
  otherOrgId = (
    await db.transaction((tx) => insertOrganization(tx, { slug: 'api-emergency-other', name: 'Other', mission: '', createdBy: outsider!.id, at: new Date() }))
  ).id;
}, 60_000);

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
