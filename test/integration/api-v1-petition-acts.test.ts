/**
 * The /api/v1 petition writes added in 1.6.0: open a petition, revoke your signature, record the
 * answering body's answer. Each runs the form's own operation (lib/actions/operations.ts): the same
 * rows and refusal codes as the form; a read-only token, another organization's token, a body
 * failing the schema or a rule's "no" answer a problem and leave every table (and every signature
 * and answer) as it was.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { petitionSignatures, petitions } from '@/db/schema';
import { loadPetitionPage } from '@/db/read/petitions';
import { initialActionState } from '@/lib/actions/state';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { otherOrganization, withMemberAssembly } from './fixtures/organization';
import { expectRedirect, form, session, signInAs } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let otherOrgId = '';
let org: StormOrg;
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => {
    ({ otherOrgId } = await otherOrganization(db, 'petition-acts'));
    org = await createStormOrg(db, {
      slug: 'petition-acts',
      seats: 5,
      voteClosesAt: new Date(Date.now() + 86_400_000),
      charterEdit: (c) => withMemberAssembly(c),
    });
  },
);
const petitionActions = await import('@/app/o/[slug]/petitions/actions');

const voter = (i: number) => org.voters[i]!.userId;
const asForm = (userId: string) => signInAs({ id: userId, email: `${userId}@petition-acts.example.org`, name: 'someone' });
const fields = (title: string) => ({ title, body: 'The members ask the board to publish its minutes within a week of each meeting.', constituency: 'all' });
const path = (n: number, tail = '') => `/${org.slug}/petitions/${n}${tail}`;
const rowOf = async (n: number) =>
  (
    await db
      .select()
      .from(petitions)
      .where(and(eq(petitions.orgId, org.orgId), eq(petitions.number, n)))
  )[0]!;
const live = async (n: number) =>
  db.$count(petitionSignatures, and(eq(petitionSignatures.petitionId, (await rowOf(n)).id), isNull(petitionSignatures.revokedAt)));
const opened = async (i: number, title: string) => {
  const res = await call('POST', `/${org.slug}/petitions`, await token(voter(i), org.orgId), fields(title));
  expect(res).toMatchObject({ status: 201, body: { ok: true, petition: { number: expect.any(Number) } } });
  return (res.body.petition as { number: number }).number;
};

describe('/api/v1 petition writes', () => {
  it('a member opens one, signers sign and revoke, and the admin answers, as the forms do; the page shows it', async () => {
    const n = await opened(0, 'Publish the minutes');
    const page = await loadPetitionPage(org.orgId, n, voter(0), new Date());
    expect(page).toMatchObject({ petition: { number: n, title: 'Publish the minutes', signatureCount: 0, phase: { kind: 'open' } } });
    expect((await rowOf(n)).openedBy).toBe(voter(0));
    // The form opens through the same operation, and lands on the new petition's page.
    asForm(voter(1));
    const to = await expectRedirect(() => petitionActions.openPetitionAction(initialActionState, form({ orgId: org.orgId, ...fields('Open the meetings') })));
    expect(to).toBe(`/o/${org.slug}/petitions/${n + 1}`);
    expect((await rowOf(n + 1)).openedBy).toBe(voter(1));

    const signer = await token(voter(2), org.orgId);
    expect((await call('POST', path(n, '/signatures'), signer, { confirm: 'yes' })).status).toBe(201);
    expect(await call('POST', path(n, '/signatures'), await token(voter(3), org.orgId), { confirm: 'yes' })).toMatchObject({ status: 201 });
    expect(await live(n)).toBe(2);
    expect(await call('POST', path(n, '/signatures/revoke'), signer, { confirm: 'yes' })).toMatchObject({
      status: 200,
      body: { ok: true, petition: { number: n, signatureCount: 1 } },
    });
    expect(await live(n)).toBe(1);
    expect((await call('GET', path(n), await token(voter(2), org.orgId, 'read'))).body).toMatchObject({
      petition: { signatureCount: 1 },
      viewer: { signed: false, mayRevoke: false },
    });
    // The form revokes through the same operation.
    asForm(voter(3));
    expect(
      await petitionActions.revokePetitionSignatureAction(initialActionState, form({ orgId: org.orgId, petitionId: (await rowOf(n)).id, confirm: 'yes' })),
    ).toMatchObject({ ok: true });
    expect(await live(n)).toBe(0);
    // The threshold once reached stays reached: the board owes its answer; the admin records it.
    expect((await rowOf(n)).thresholdReachedAt).not.toBeNull();
    const answer = 'The board will publish its minutes within seven days of each meeting, starting now.';
    expect(await call('POST', path(n, '/answer'), await token(org.admin.userId, org.orgId), { answer })).toMatchObject({
      status: 200,
      body: { ok: true, petition: { number: n, answered: true, late: false } },
    });
    const answered = await loadPetitionPage(org.orgId, n, null, new Date());
    expect(answered).toMatchObject({ petition: { phase: { kind: 'answered', late: false } }, answer: { text: answer, by: `${org.slug} admin` } });
    expect((await call('GET', path(n))).body).toMatchObject({ petition: { phase: { kind: 'answered' } }, answer: { text: answer } });
  });

  it('opening: refuses the scopes, a failing body and the rules’ “no” with the form’s codes; nothing changes', async () => {
    const url = `/${org.slug}/petitions`;
    await scopesRefused(voter(1), otherOrgId, 'POST', url, fields('Hold an open day'));
    const write = await token(voter(1), org.orgId);
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', url, write, { ...fields('Hold an open day'), constituency: 'some' }));
    expect(bad.errors).toEqual({ constituency: ['Choose all members or your group.'] });
    // A member of no stakeholder group cannot petition for "their group".
    const noGroup = await refusedAndUnchanged(409, 'petition.opener_no_group', () =>
      call('POST', url, write, { ...fields('Hold an open day'), constituency: 'group' }),
    );
    expect(noGroup.errors).toEqual({ constituency: [expect.any(String)] });
    asForm(voter(1));
    expect(
      await petitionActions.openPetitionAction(initialActionState, form({ orgId: org.orgId, ...fields('Hold an open day'), constituency: 'group' })),
    ).toMatchObject({ ok: false, code: noGroup.code });
  });

  it('revoking and answering: refuse the scopes, a failing body and the rules’ “no” with the form’s codes; nothing changes', async () => {
    const n = await opened(0, 'Plant trees');
    const id = (await rowOf(n)).id;
    for (const [tail, body] of [
      ['/signatures/revoke', { confirm: 'yes' }],
      ['/answer', { answer: 'The board has read the petition and will answer at its next meeting.' }],
    ] as const)
      await scopesRefused(voter(2), otherOrgId, 'POST', path(n, tail), body);
    const member = await token(voter(2), org.orgId);
    const unticked = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(n, '/signatures/revoke'), member, { confirm: 'no' }));
    expect(unticked.errors).toEqual({ confirm: ['Tick the box to confirm.'] });
    const notSigned = await refusedAndUnchanged(409, 'petition.not_signed', () => call('POST', path(n, '/signatures/revoke'), member, { confirm: 'yes' }));
    asForm(voter(2));
    expect(await petitionActions.revokePetitionSignatureAction(initialActionState, form({ orgId: org.orgId, petitionId: id, confirm: 'yes' }))).toMatchObject({
      ok: false,
      code: notSigned.code,
    });
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', path(9999, '/signatures/revoke'), member, { confirm: 'yes' }));

    const admin = await token(org.admin.userId, org.orgId);
    const short = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(n, '/answer'), admin, { answer: 'No.' }));
    expect(short.errors).toEqual({ answer: ['Write the answer in at least 20 characters.'] });
    const answer = { answer: 'The board has read the petition and will answer at its next meeting.' };
    // Not yet owed: the threshold is not reached.
    const early = await refusedAndUnchanged(409, 'petition.not_awaiting_answer', () => call('POST', path(n, '/answer'), admin, answer));
    asForm(org.admin.userId);
    expect(await petitionActions.answerPetitionAction(initialActionState, form({ orgId: org.orgId, petitionId: id, ...answer }))).toMatchObject({
      ok: false,
      code: early.code,
    });
    expect((await call('POST', path(n, '/signatures'), member, { confirm: 'yes' })).status).toBe(201);
    // Owed now, but a member is not the board's secretary.
    const notAllowed = await refusedAndUnchanged(409, 'petition.answer_not_allowed', () => call('POST', path(n, '/answer'), member, answer));
    asForm(voter(2));
    expect(await petitionActions.answerPetitionAction(initialActionState, form({ orgId: org.orgId, petitionId: id, ...answer }))).toMatchObject({
      ok: false,
      code: notAllowed.code,
    });
    const row = await rowOf(n);
    expect({ answer: row.answer, answeredAt: row.answeredAt }).toEqual({ answer: null, answeredAt: null });
    expect(await live(n)).toBe(1);
  });

  it('reads one petition only by a well-formed number (readOneByNumber): 01, 0 and ten digits are not looked up', async () => {
    const n = await opened(4, 'Read me by number');
    expect((await call('GET', path(n))).status).toBe(200);
    for (const bad of [`0${n}`, '0', '1234567890', '1e3'])
      expect(await call('GET', `/${org.slug}/petitions/${bad}`)).toMatchObject({
        status: 404,
        body: { code: 'api.not_found', detail: expect.stringContaining('petition') },
      });
  });
});
