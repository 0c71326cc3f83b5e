/**
 * Unanimous written consent through the server actions, as forged POSTs would reach them: who may
 * open it (a seat holder or admin; a body at its minimum strength), the frozen signer set, one live
 * signature per signer, revocation, adoption at the last signature (logged in its transaction),
 * nothing revocable after; expiry, withdrawal and a signer's departure (each logged once, every
 * signer mailed), and the organization's log still verifying with the new entry kinds.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, outbox, seats, users, writtenConsentSignatures, writtenConsentSigners, writtenConsents } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { personalDataExport } from '@/db/queries/account-export';
import { insertOrganization } from '@/db/queries/organizations';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import { recordEndedWrittenConsents } from '@/lib/use-cases/written-consent-expiry';
import { expectRedirect, form, session, signInAs, withTestDatabase, loggedEntriesInWords } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));

const { openWrittenConsentAction, signWrittenConsentAction, revokeWrittenConsentSignatureAction, withdrawWrittenConsentAction } =
  await import('@/app/o/[slug]/written-consents/actions');

const DAY = 86_400_000;
let db: Database;
let orgId: string;
const people: Record<string, { id: string; email: string; name: string | null }> = {};
let outsider: { id: string; email: string; name: string | null };
// The demo board: six of nine seats filled, below the charter's seven for critical decisions.
const board = ['margaret', 'omar', 'priya', 'linus', 'ada', 'grace'];

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  for (const u of await db.select().from(users)) people[u.email.split('@')[0]!] = u;
  const [o] = await db.insert(users).values({ email: 'outsider@consents.example.org', name: 'Out Sider' }).returning();
  outsider = o!;
});
beforeEach(() => signInAs(null));

const as = (key: string) => signInAs(people[key] ?? null);
const ref = (consentId: string) => ({ orgId, consentId, confirm: 'yes' });
const sign = (id: string) => signWrittenConsentAction(initialActionState, form(ref(id)));
const revoke = (id: string) => revokeWrittenConsentSignatureAction(initialActionState, form(ref(id)));
const withdraw = (id: string) => withdrawWrittenConsentAction(initialActionState, form(ref(id)));
const openForm = (title: string, bodyKey = 'board') =>
  form({ orgId, bodyKey, title, body: 'Resolved, that the board adopts this resolution without a meeting.' });

async function open(who: string, title: string) {
  as(who);
  const to = await expectRedirect(() => openWrittenConsentAction(initialActionState, openForm(title)));
  const number = Number(to.split('/').at(-1));
  const [row] = await db
    .select()
    .from(writtenConsents)
    .where(and(eq(writtenConsents.orgId, orgId), eq(writtenConsents.number, number)));
  return row!;
}

const row = async (id: string) => (await db.select().from(writtenConsents).where(eq(writtenConsents.id, id)))[0]!;
const live = async (id: string) =>
  db.$count(writtenConsentSignatures, and(eq(writtenConsentSignatures.consentId, id), isNull(writtenConsentSignatures.revokedAt)));
const entries = async (id: string) =>
  db
    .select()
    .from(decisionLog)
    .where(eq(decisionLog.subject, `written_consent:${id}`))
    .orderBy(decisionLog.seq);
const kinds = async (id: string) => (await entries(id)).map((e) => e.kind);
const mails = async (id: string) =>
  (
    await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orgId, orgId), eq(outbox.kind, 'written_consent')))
  ).filter((m) => m.idempotencyKey.includes(`:${id}:`));

function refused(state: ActionState, code: string) {
  expect(state.ok, state.message).toBe(false);
  expect(state.code).toBe(code);
}

async function setHolder(position: number, who: string | null) {
  await db
    .update(seats)
    .set(who ? { holderUserId: people[who]!.id, vacatedAt: null } : { holderUserId: null, vacatedAt: new Date() })
    .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, 'board'), eq(seats.position, position)));
}

describe('opening a written consent', () => {
  it('is refused below the charter’s minimum strength, to a seatless member, an observer, an outsider, and for an unknown body; nothing is written', async () => {
    as('linus');
    refused(await openWrittenConsentAction(initialActionState, openForm('Below strength')), 'written_consent.below_strength');
    as('kenji'); // a member without a board seat
    refused(await openWrittenConsentAction(initialActionState, openForm('No seat')), 'written_consent.open_not_allowed');
    as('tim'); // an observer
    refused(await openWrittenConsentAction(initialActionState, openForm('Observer')), 'written_consent.open_not_allowed');
    signInAs(outsider);
    refused(await openWrittenConsentAction(initialActionState, openForm('Outsider')), 'action.forbidden');
    as('linus');
    refused(await openWrittenConsentAction(initialActionState, openForm('Unknown body', 'nonesuch')), 'written_consent.unknown_body');
    expect(await db.$count(writtenConsents)).toBe(0);
  });
});

describe('written consent through the actions', () => {
  beforeAll(async () => {
    // Seat 7 filled: seven of nine, the board's minimum for critical decisions.
    await setHolder(7, 'sofia');
    board.push('sofia');
  });

  it('freezes and logs the signer set, mails each signer (mandatory), and adopts at the last signature after a revocation', async () => {
    const c = await open('linus', 'Renew the insurance policy');
    const signers = await db.select().from(writtenConsentSigners).where(eq(writtenConsentSigners.consentId, c.id));
    expect(new Set(signers.map((s) => s.userId))).toEqual(new Set(board.map((b) => people[b]!.id)));
    const [opened] = await entries(c.id);
    expect(opened!.kind).toBe('written_consent.opened');
    expect((opened!.payload as { signers: unknown[] }).signers).toHaveLength(7);
    const openedMail = (await mails(c.id)).filter((m) => m.idempotencyKey.startsWith('written-consent-opened'));
    expect(new Set(openedMail.map((m) => m.recipientUserId))).toEqual(new Set(board.map((b) => people[b]!.id)));
    expect(openedMail.every((m) => m.mandatory)).toBe(true);

    // A seat filled after opening does not add a signer.
    await setHolder(8, 'kenji');
    as('kenji');
    refused(await sign(c.id), 'written_consent.not_signer');
    signInAs(outsider);
    refused(await sign(c.id), 'action.forbidden');

    const [first, ...rest] = board;
    as(first!);
    refused(await revoke(c.id), 'written_consent.not_signed');
    expect((await sign(c.id)).ok).toBe(true);
    refused(await sign(c.id), 'written_consent.already_signed');
    expect((await revoke(c.id)).ok).toBe(true);
    expect((await sign(c.id)).ok).toBe(true);
    for (const who of rest.slice(0, -1)) {
      as(who);
      expect((await sign(c.id)).ok).toBe(true);
    }
    expect((await row(c.id)).adoptedAt).toBeNull();
    as(rest.at(-1)!);
    const last = await sign(c.id);
    expect(last.message).toContain('adopted');
    expect((await row(c.id)).adoptedAt).not.toBeNull();
    const log = await entries(c.id);
    const adopted = log.find((e) => e.kind === 'written_consent.adopted')!;
    // In the last signature's transaction: the entry right after it, at the same instant.
    const lastSigned = log.filter((e) => e.kind === 'written_consent.signed').at(-1)!;
    expect(adopted.seq).toBe(lastSigned.seq + 1);
    expect(adopted.at).toEqual(lastSigned.at);
    expect(log.filter((e) => e.kind === 'written_consent.signature_revoked')).toHaveLength(1);
    // The first signer's own data export lists both signatures, the revoked one with its time.
    const mine = (await personalDataExport(db, people[first!]!.id))!.writtenConsentSignatures.filter((s) => s.consentNumber === c.number);
    expect(mine).toHaveLength(2);
    expect(mine.filter((s) => s.revokedAt !== null)).toHaveLength(1);
    expect((await personalDataExport(db, people.linus!.id))!.writtenConsents.map((o) => o.title)).toContain('Renew the insurance policy');

    // After adoption nothing moves.
    refused(await revoke(c.id), 'written_consent.closed');
    as(first!);
    refused(await revoke(c.id), 'written_consent.closed');
    refused(await sign(c.id), 'written_consent.closed');
    expect(await live(c.id)).toBe(7);
    const ended = (await mails(c.id)).filter((m) => m.idempotencyKey.startsWith('written-consent-ended'));
    expect(ended).toHaveLength(7);
    expect(await recordEndedWrittenConsents(db, new Date(Date.now() + 30 * DAY))).toBe(0);
    await setHolder(8, null);
  });

  it('expired: a signature is refused and changes nothing; the worker logs the expiry once and tells every signer', async () => {
    const c = await open('ada', 'Sell the old van');
    as('ada');
    expect((await sign(c.id)).ok).toBe(true);
    await db
      .update(writtenConsents)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(writtenConsents.id, c.id));
    as('linus');
    refused(await sign(c.id), 'written_consent.closed');
    as('ada');
    refused(await revoke(c.id), 'written_consent.closed');
    expect(await live(c.id)).toBe(1);
    expect(await recordEndedWrittenConsents(db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await recordEndedWrittenConsents(db, new Date(Date.now() + DAY))).toBe(0);
    expect((await kinds(c.id)).filter((k) => k === 'written_consent.expired')).toHaveLength(1);
    expect((await mails(c.id)).filter((m) => m.idempotencyKey.startsWith('written-consent-ended'))).toHaveLength(7);
  });

  it('withdrawn by its opener (not by another signer): then nothing can be signed', async () => {
    const c = await open('priya', 'Change the bank');
    as('omar');
    refused(await withdraw(c.id), 'written_consent.withdraw_not_allowed');
    as('priya');
    expect((await withdraw(c.id)).ok).toBe(true);
    refused(await withdraw(c.id), 'written_consent.closed');
    as('omar');
    refused(await sign(c.id), 'written_consent.closed');
    expect(await kinds(c.id)).toEqual(['written_consent.opened', 'written_consent.withdrawn']);
  });

  it('a signer who leaves the body before adoption: it can never be adopted; the worker logs the lapse once', async () => {
    const c = await open('margaret', 'Hire an auditor');
    for (const who of board.filter((b) => b !== 'omar')) {
      as(who);
      expect((await sign(c.id)).ok).toBe(true);
    }
    const omarSeat = (
      await db
        .select()
        .from(seats)
        .where(and(eq(seats.orgId, orgId), eq(seats.holderUserId, people.omar!.id), eq(seats.bodyKey, 'board')))
    )[0]!;
    await setHolder(omarSeat.position, null);
    as('margaret');
    refused(await revoke(c.id), 'written_consent.closed');
    // Omar back in a seat does not revive it once the lapse is recorded.
    expect(await recordEndedWrittenConsents(db, new Date())).toBe(1);
    await setHolder(omarSeat.position, 'omar');
    as('omar');
    refused(await sign(c.id), 'written_consent.closed');
    expect((await row(c.id)).adoptedAt).toBeNull();
    expect((await row(c.id)).lapsedAt).not.toBeNull();
    expect(await recordEndedWrittenConsents(db, new Date())).toBe(0);
    expect((await kinds(c.id)).filter((k) => k === 'written_consent.lapsed')).toHaveLength(1);
  });

  it('a consent of another organization, or an unknown one, is not found through this one; a box must be ticked', async () => {
    const other = await db.transaction((tx) => insertOrganization(tx, { slug: 'consent-elsewhere', name: 'Elsewhere', mission: '', createdBy: outsider.id }));
    const [foreign] = await db
      .insert(writtenConsents)
      .values({
        orgId: other.id,
        number: 1,
        bodyKey: 'board',
        title: 'Elsewhere',
        body: 'Another organization’s resolution.',
        charterVersion: 1,
        openedAt: new Date(),
        expiresAfterDays: 14,
        expiresAt: new Date(Date.now() + 14 * DAY),
        charterSeats: 5,
      })
      .returning();
    as('linus');
    refused(await sign(foreign!.id), 'written_consent.not_found');
    refused(await sign('00000000-0000-4000-8000-000000000000'), 'written_consent.not_found');
    const c = await open('linus', 'Paint the office');
    const state = await signWrittenConsentAction(initialActionState, form({ orgId, consentId: c.id }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.confirm).toBeTruthy();
    expect(await live(c.id)).toBe(0);
  });

  it('the organization’s log verifies with the written-consent entries, and each has a summary', async () => {
    const { report, entries: ours, words } = await loggedEntriesInWords(db, orgId, 'written_consent.');
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(new Set(ours.map((e) => e.kind))).toEqual(
      new Set([
        'written_consent.opened',
        'written_consent.signed',
        'written_consent.signature_revoked',
        'written_consent.adopted',
        'written_consent.expired',
        'written_consent.withdrawn',
        'written_consent.lapsed',
      ]),
    );
    // Every entry names the body, so the log's body filter finds them all.
    expect(ours.every((e) => (e.payload as { bodyKey?: string }).bodyKey === 'board')).toBe(true);
    for (const text of words) expect(text).toMatch(/written consent #\d+/i);
  });
});
