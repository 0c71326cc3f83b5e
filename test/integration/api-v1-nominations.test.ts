/**
 * /api/v1 nominations for a seat election: nominate a member and answer one's own nomination,
 * through the forms' own operations (lib/actions/operations.ts): the same rows, log entries and
 * refusal codes as the forms; a read-only token, another organization's token, a body failing the
 * schema or a rule's "no" is a problem that leaves every table as it was.
 */
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, nominations, seats, users } from '@/db/schema';
import { insertOrganization } from '@/db/queries/organizations';
import { initialActionState } from '@/lib/actions/state';
import { charterFromTemplate } from '@/lib/governance/templates';
import { createDraft } from '@/lib/use-cases/drafts';
import { foundOrganization, foundingAppoint } from '@/lib/use-cases/founding';
import { publishProposal } from '@/lib/use-cases/publish';
import { form, session, signInAs } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { nominateCandidateAction, answerNominationAction } = await import('@/app/o/[slug]/proposals/actions');

let db: Database;
/** A cooperative whose assembly is full and whose board is empty, with a board election in its comment window. */
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => {
    const at = new Date(Date.now() - 86_400_000);
    const names = ['Admin', 'Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Eve', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo', 'Obs'];
    const people = (
      await db
        .insert(users)
        .values(names.map((name) => ({ email: `${slug}-${name.toLowerCase()}@example.org`, name, emailVerified: at })))
        .returning({ id: users.id, email: users.email, name: users.name })
    ).map((p) => ({ id: p.id, email: p.email, name: p.name! }));
    const charter = charterFromTemplate('cooperative');
    const body = charter.bodies.find((b) => b.key === 'members')!;
    body.charterSeats = 6;
    body.minSeatsForCriticalDecisions = 4;
    const admin = people[0]!;
    orgId = (
      await db.transaction((tx) =>
        foundOrganization(tx, { slug, name: 'Coop', mission: 'Election drills.', createdBy: admin.id, templateKey: 'cooperative', charter, at }),
      )
    ).id;
    await db
      .insert(memberships)
      .values(
        people.slice(1).map((p, i) => ({ orgId, userId: p.id, role: i === people.length - 2 ? ('observer' as const) : ('member' as const), createdAt: at })),
      );
    const assemblySeats = await db
      .select({ id: seats.id })
      .from(seats)
      .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, 'members')))
      .orderBy(asc(seats.position));
    assembly = people.slice(1, 7);
    others = people.slice(7, 12);
    observer = people[12]!;
    for (const [i, p] of assembly.entries())
      await foundingAppoint(db, { userId: admin.id, role: 'admin' }, { orgId, seatId: assemblySeats[i]!.id, userId: p.id }, at);
    const author = { userId: assembly[0]!.id, role: 'member' as const };
    const publishedAt = new Date(Date.now() - 60_000);
    election = await createDraft(
      db,
      author,
      {
        orgId,
        typeKey: 'board_election',
        title: 'Board election',
        body: 'The assembly elects directors to the vacant seats of the board.',
        subjectUserId: null,
        effect: { bodyKey: 'board', seatClass: 'general' },
        emergency: false,
      },
      publishedAt,
    );
    await publishProposal(db, author, { orgId, proposalId: election.id }, publishedAt);
    otherOrgId = (await db.transaction((tx) => insertOrganization(tx, { slug: 'api-elect-other', name: 'Other', mission: '', createdBy: admin.id, at }))).id;
  },
);

type Person = { id: string; email: string; name: string };
let orgId = '';
let otherOrgId = '';
let assembly: Person[] = [];
let others: Person[] = [];
let observer: Person;
let election = { id: '', number: 0 };
const slug = 'api-elect';

const path = (tail = '') => `/${slug}/proposals/${election.number}/nominations${tail}`;
const statusOf = async (userId: string) =>
  (
    await db
      .select()
      .from(nominations)
      .where(and(eq(nominations.proposalId, election.id), eq(nominations.nomineeUserId, userId)))
  )[0]?.status;

describe('/api/v1 nominations', () => {
  it('a member nominates another through the API and the nominee accepts through it, logged as through the forms', async () => {
    const [nominator, nominee] = [others[0]!, others[1]!];
    const made = await call('POST', path(), await token(nominator.id, orgId), { nomineeUserId: nominee.id });
    expect(made).toMatchObject({ status: 201, body: { ok: true, nomination: { nomineeUserId: nominee.id, status: 'nominated' } } });
    expect(await statusOf(nominee.id)).toBe('nominated');
    const answered = await call('POST', path('/answer'), await token(nominee.id, orgId), { answer: 'accept' });
    expect(answered).toMatchObject({ status: 200, body: { ok: true, nomination: { status: 'accepted' } } });
    expect(await statusOf(nominee.id)).toBe('accepted');
    const kinds = (await db.select().from(decisionLog).where(eq(decisionLog.orgId, orgId)).orderBy(asc(decisionLog.seq))).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('nomination.'))).toEqual(['nomination.made', 'nomination.accepted']);
    // The forms nominate and answer through the same operations.
    signInAs(nominator);
    expect(await nominateCandidateAction(initialActionState, form({ orgId, proposalId: election.id, nomineeUserId: others[2]!.id }))).toMatchObject({
      ok: true,
    });
    signInAs(others[2]!);
    expect(await answerNominationAction(initialActionState, form({ orgId, proposalId: election.id, answer: 'decline' }))).toMatchObject({ ok: true });
    expect(await statusOf(others[2]!.id)).toBe('declined');
  });

  it('refuses a wrong scope, another organization’s token, a failing body, an observer and a rule’s "no" (the forms’ codes), writing nothing', async () => {
    const [nominator, nominee] = [others[3]!, others[4]!];
    await scopesRefused(nominator.id, otherOrgId, 'POST', path(), { nomineeUserId: nominee.id });
    await scopesRefused(nominee.id, otherOrgId, 'POST', path('/answer'), { answer: 'accept' });
    const write = await token(nominator.id, orgId);
    const empty = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(), write, { nomineeUserId: '' }));
    expect(Object.keys(empty.errors ?? {})).toEqual(['nomineeUserId']);
    const maybe = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path('/answer'), write, { answer: 'maybe' }));
    expect(Object.keys(maybe.errors ?? {})).toEqual(['answer']);
    // Observers do not nominate (the operation's minimum role, as the form's).
    const watching = await token(observer.id, orgId);
    await refusedAndUnchanged(403, 'action.forbidden', () => call('POST', path(), watching, { nomineeUserId: nominee.id }));
    // Already a candidate: the rule's code, as the form answers.
    const again = await refusedAndUnchanged(409, 'election.already_nominated', () => call('POST', path(), write, { nomineeUserId: others[1]!.id }));
    expect(Object.keys(again.errors ?? {})).toEqual(['nomineeUserId']);
    signInAs(nominator);
    expect((await nominateCandidateAction(initialActionState, form({ orgId, proposalId: election.id, nomineeUserId: others[1]!.id }))).code).toBe(
      'election.already_nominated',
    );
    // No nomination to answer.
    await refusedAndUnchanged(409, 'election.not_nominated', () => call('POST', path('/answer'), write, { answer: 'accept' }));
    expect((await answerNominationAction(initialActionState, form({ orgId, proposalId: election.id, answer: 'accept' }))).code).toBe('election.not_nominated');
    // Not an election.
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', `/${slug}/proposals/99/nominations`, write, { nomineeUserId: nominee.id }));
  });
});
