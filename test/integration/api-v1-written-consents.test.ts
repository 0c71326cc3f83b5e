/**
 * The /api/v1 written consents added in 1.5.0: list, read one, open, sign, revoke a signature and
 * withdraw. Each read shows what its page shows that person; each write runs the form's own
 * operation (lib/actions/operations.ts): the same rows and refusal codes as the form; a read-only
 * token, another organization's token, a body failing the schema or a rule's "no" answer a problem
 * and leave every table as it was.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { writtenConsentSignatures, writtenConsents } from '@/db/schema';
import { listWrittenConsentSummaries } from '@/db/read/written-consents';
import { initialActionState } from '@/lib/actions/state';
import { foundWithOtherOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const DAY = 86_400_000;
let db: Database;
let org: FoundedOrganization;
let otherOrgId = '';
/** Nonprofit board: 9 charter seats, 7 filled (persons 0–6; 0 is the admin); persons 7–9 are members without a seat. */
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => ({ org, otherOrgId } = await foundWithOtherOrganization(db, { slug: 'api-consents', seated: 7, at: new Date(Date.now() - 3 * DAY) })),
);
const consentActions = await import('@/app/o/[slug]/written-consents/actions');

const person = (i: number) => org.people[i]!.userId;
const tokenOf = (i: number, scope: 'read' | 'write' = 'write') => token(person(i), org.orgId, scope);
const fields = (title: string) => ({ bodyKey: 'board', title, body: 'Resolved, that the board adopts this resolution without a meeting.' });
const path = (n: number, tail = '') => `/${org.slug}/written-consents/${n}${tail}`;
const idOf = async (n: number) =>
  (
    await db
      .select()
      .from(writtenConsents)
      .where(and(eq(writtenConsents.orgId, org.orgId), eq(writtenConsents.number, n)))
  )[0]!.id;
const live = async (n: number) =>
  db.$count(writtenConsentSignatures, and(eq(writtenConsentSignatures.consentId, await idOf(n)), isNull(writtenConsentSignatures.revokedAt)));

describe('/api/v1 written consents', () => {
  it('a seat holder opens one, signers sign and revoke, and the opener withdraws it, as the forms do; the reads show what the pages show', async () => {
    const opened = await call('POST', `/${org.slug}/written-consents`, await tokenOf(1), fields('Adopt the budget'));
    expect(opened).toMatchObject({ status: 201, body: { ok: true, writtenConsent: { number: expect.any(Number) } } });
    const n = (opened.body.writtenConsent as { number: number }).number;
    const signed = await call('POST', path(n, '/signatures'), await tokenOf(2), { confirm: 'yes' });
    expect(signed).toMatchObject({ status: 201, body: { ok: true, writtenConsent: { number: n, signatures: 1, of: 7, adopted: false } } });
    // The form signs the same consent next.
    signInAsPerson(org, 3);
    expect(
      await consentActions.signWrittenConsentAction(initialActionState, form({ orgId: org.orgId, consentId: await idOf(n), confirm: 'yes' })),
    ).toMatchObject({ ok: true });
    expect(await live(n)).toBe(2);
    const list = await call('GET', `/${org.slug}/written-consents`, await tokenOf(7, 'read'));
    expect(list.status).toBe(200);
    const summaries = await listWrittenConsentSummaries(org.orgId, new Date());
    expect(list.body).toEqual({
      writtenConsents: JSON.parse(JSON.stringify(summaries.map((s) => Object.fromEntries(Object.entries(s).filter(([key]) => key !== 'id'))))),
      next_cursor: null,
    });
    const one = await call('GET', path(n), await tokenOf(2, 'read'));
    expect(one).toMatchObject({
      status: 200,
      body: {
        consent: { number: n, signatures: 2, signers: 7, phase: { kind: 'open' } },
        viewer: { isSigner: true, signed: true, maySign: false, mayRevoke: true, mayWithdraw: false },
      },
    });
    expect((one.body.signers as unknown[]).length).toBe(7);
    expect(JSON.stringify(one.body)).not.toMatch(/@|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await call('POST', path(n, '/signatures/revoke'), await tokenOf(2), { confirm: 'yes' })).toMatchObject({
      status: 200,
      body: { ok: true, writtenConsent: { number: n, signatures: 1, of: 7 } },
    });
    expect(await call('POST', path(n, '/withdraw'), await tokenOf(1), { confirm: 'yes' })).toMatchObject({
      status: 200,
      body: { ok: true, writtenConsent: { number: n, withdrawn: true } },
    });
    expect((await call('GET', path(n), await tokenOf(1, 'read'))).body).toMatchObject({ consent: { phase: { kind: 'withdrawn' } } });
  });

  it('opening: refuses a read-only token, another organization’s token, a bad body and the rules’ “no” with the form’s codes; nothing changes', async () => {
    const url = `/${org.slug}/written-consents`;
    await scopesRefused(person(1), otherOrgId, 'POST', url, fields('Sell the building'));
    const seated = await tokenOf(1);
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () =>
      call('POST', url, seated, { ...fields('Sell the building'), bodyKey: 'no such body!' }),
    );
    expect(bad.errors).toEqual({ bodyKey: ['Choose the body.'] });
    const unseated = await tokenOf(8);
    const refused = await refusedAndUnchanged(409, 'written_consent.open_not_allowed', () => call('POST', url, unseated, fields('Sell the building')));
    signInAsPerson(org, 8);
    expect(await consentActions.openWrittenConsentAction(initialActionState, form({ orgId: org.orgId, ...fields('Sell the building') }))).toMatchObject({
      ok: false,
      code: refused.code,
    });
    await refusedAndUnchanged(409, 'written_consent.unknown_body', () => call('POST', url, seated, { ...fields('Sell the building'), bodyKey: 'nowhere' }));
  });

  it('signing, revoking and withdrawing: refuses the scopes, an unticked box and the rules’ “no” with the form’s codes; nothing changes', async () => {
    const n = ((await call('POST', `/${org.slug}/written-consents`, await tokenOf(1), fields('Adopt the plan'))).body.writtenConsent as { number: number })
      .number;
    const id = await idOf(n);
    for (const tail of ['/signatures', '/signatures/revoke', '/withdraw'])
      await scopesRefused(person(4), otherOrgId, 'POST', path(n, tail), { confirm: 'yes' });
    const signer = await tokenOf(4);
    const unticked = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(n, '/signatures'), signer, { confirm: 'no' }));
    expect(unticked.errors).toEqual({ confirm: ['Tick the box to confirm.'] });
    const notSigner = await tokenOf(8);
    const sign = await refusedAndUnchanged(409, 'written_consent.not_signer', () => call('POST', path(n, '/signatures'), notSigner, { confirm: 'yes' }));
    signInAsPerson(org, 8);
    expect(await consentActions.signWrittenConsentAction(initialActionState, form({ orgId: org.orgId, consentId: id, confirm: 'yes' }))).toMatchObject({
      ok: false,
      code: sign.code,
    });
    const revoke = await refusedAndUnchanged(409, 'written_consent.not_signed', () => call('POST', path(n, '/signatures/revoke'), signer, { confirm: 'yes' }));
    signInAsPerson(org, 4);
    expect(
      await consentActions.revokeWrittenConsentSignatureAction(initialActionState, form({ orgId: org.orgId, consentId: id, confirm: 'yes' })),
    ).toMatchObject({ ok: false, code: revoke.code });
    const withdraw = await refusedAndUnchanged(409, 'written_consent.withdraw_not_allowed', () =>
      call('POST', path(n, '/withdraw'), signer, { confirm: 'yes' }),
    );
    expect(await consentActions.withdrawWrittenConsentAction(initialActionState, form({ orgId: org.orgId, consentId: id, confirm: 'yes' }))).toMatchObject({
      ok: false,
      code: withdraw.code,
    });
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', path(9999, '/signatures'), signer, { confirm: 'yes' }));
    expect(await call('GET', path(9999))).toMatchObject({ status: 404, body: { code: 'api.not_found' } });
    const elsewhere = await token(person(4), otherOrgId, 'read');
    expect(await call('GET', path(n), elsewhere)).toMatchObject({ status: 403, body: { code: 'api.other_organization' } });
  });
});
