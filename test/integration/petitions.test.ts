/**
 * Stakeholder petitions through the server actions, as forged POSTs would reach them: who may open
 * and sign, one live signature per member, revocation, the threshold (logged, the answering
 * body's seat holders mailed), the answer and its role, the overdue pass (logged once), and the
 * organization's log still verifying with the new entry kinds.
 */
import { and, eq, isNull, like } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, notifyEvents, outbox, petitionSignatures, petitions, seats, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { countOverduePetitionAnswers } from '@/db/queries/petitions';
import { insertOrganization } from '@/db/queries/organizations';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import { notificationMail } from '@/lib/notify/templates';
import type { NotificationPayload } from '@/lib/notify/payload';
import { recordOverduePetitions } from '@/lib/use-cases/petition-overdue';
import { expectRedirect, form, session, signInAs, withTestDatabase, testMailContext, loggedEntriesInWords } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));

const { openPetitionAction, signPetitionAction, revokePetitionSignatureAction, answerPetitionAction } = await import('@/app/o/[slug]/petitions/actions');

const DAY = 86_400_000;
let db: Database;
let orgId: string;
const people: Record<string, { id: string; email: string; name: string | null }> = {};
let outsider: { id: string; email: string; name: string | null };

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  for (const u of await db.select().from(users)) people[u.email.split('@')[0]!] = u;
  const [o] = await db.insert(users).values({ email: 'outsider@petitions.example.org', name: 'Out Sider' }).returning();
  outsider = o!;
  // Margaret and Linus are employees; Grace (the secretary) is not in the group.
  await db
    .update(memberships)
    .set({ stakeholderGroup: 'Employees' })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, people.margaret!.id)));
  await db
    .update(memberships)
    .set({ stakeholderGroup: 'employees' })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, people.linus!.id)));
});
beforeEach(() => signInAs(null));

const as = (key: string) => signInAs(people[key] ?? null);
const ref = (petitionId: string) => ({ orgId, petitionId });
const sign = (petitionId: string) => signPetitionAction(initialActionState, form({ ...ref(petitionId), confirm: 'yes' }));
const revoke = (petitionId: string) => revokePetitionSignatureAction(initialActionState, form({ ...ref(petitionId), confirm: 'yes' }));
const answer = (petitionId: string, text = 'The board has heard the petition and will act on it.') =>
  answerPetitionAction(initialActionState, form({ ...ref(petitionId), answer: text }));

async function open(who: string, title: string, constituency: 'all' | 'group' = 'all') {
  as(who);
  const to = await expectRedirect(() =>
    openPetitionAction(initialActionState, form({ orgId, title, body: 'A petition body that is long enough for the rules.', constituency })),
  );
  const number = Number(to.split('/').at(-1));
  const [row] = await db
    .select()
    .from(petitions)
    .where(and(eq(petitions.orgId, orgId), eq(petitions.number, number)));
  return row!;
}

const row = async (id: string) => (await db.select().from(petitions).where(eq(petitions.id, id)))[0]!;
const liveSignatures = async (id: string) => db.$count(petitionSignatures, and(eq(petitionSignatures.petitionId, id), isNull(petitionSignatures.revokedAt)));
const kinds = async (id: string) =>
  (
    await db
      .select({ kind: decisionLog.kind })
      .from(decisionLog)
      .where(eq(decisionLog.subject, `petition:${id}`))
      .orderBy(decisionLog.seq)
  ).map((r) => r.kind);

function refused(state: ActionState, code: string) {
  expect(state.ok, state.message).toBe(false);
  expect(state.code).toBe(code);
}

describe('petitions through the actions', () => {
  it('a member opens a petition of all members: the threshold is the charter’s share of the members who may sign', async () => {
    const p = await open('linus', 'Publish the budget every quarter');
    const eligible = await db.$count(memberships, and(eq(memberships.orgId, orgId), isNull(memberships.stakeholderGroup)));
    expect(p.eligibleAtOpen).toBeGreaterThan(2);
    expect(p.requiredSignatures).toBe(Math.ceil(p.eligibleAtOpen / 10));
    expect(p.signerNamesPublic).toBe(false);
    expect(p.answeringBodyKey).toBe('board');
    expect(eligible).toBeGreaterThan(0);
    expect(await kinds(p.id)).toEqual(['petition.opened']);
  });

  it('refuses a non-member, an observer, a second signature, and keeps the count equal to the live signatures', async () => {
    const p = await open('linus', 'Open the garden on Sundays');
    signInAs(outsider);
    refused(await sign(p.id), 'action.forbidden');
    as('tim'); // an observer
    refused(await sign(p.id), 'petition.signer_observer');
    as('linus');
    expect((await sign(p.id)).ok).toBe(true);
    refused(await sign(p.id), 'petition.already_signed');
    expect((await row(p.id)).signatureCount).toBe(1);
    // Revoking then signing again leaves one live signature.
    expect((await revoke(p.id)).ok).toBe(true);
    refused(await revoke(p.id), 'petition.not_signed');
    expect((await sign(p.id)).ok).toBe(true);
    expect((await row(p.id)).signatureCount).toBe(1);
    expect(await liveSignatures(p.id)).toBe(1);
    // Names are private under this charter: the log entries name nobody.
    const entries = await db
      .select()
      .from(decisionLog)
      .where(eq(decisionLog.subject, `petition:${p.id}`));
    expect(entries.filter((e) => e.kind === 'petition.signed').every((e) => e.actorId === null)).toBe(true);
  });

  it('a petition of another organization, or an unknown one, cannot be reached through this organization', async () => {
    const other = await db.transaction((tx) => insertOrganization(tx, { slug: 'petition-elsewhere', name: 'Elsewhere', mission: '', createdBy: outsider.id }));
    const [foreign] = await db
      .insert(petitions)
      .values({
        orgId: other.id,
        number: 1,
        title: 'Elsewhere',
        body: 'A petition of another organization.',
        answeringBodyKey: 'board',
        charterVersion: 1,
        openedAt: new Date(),
        eligibleAtOpen: 1,
        requiredSignatures: 1,
        signingDays: 30,
        answerWithinDays: 30,
        signerNamesPublic: true,
      })
      .returning();
    as('linus');
    refused(await sign(foreign!.id), 'petition.not_found');
    refused(await sign('00000000-0000-4000-8000-000000000000'), 'petition.not_found');
    as('ada');
    refused(await answer(foreign!.id), 'petition.not_found');
    expect((await row(foreign!.id)).signatureCount).toBe(0);
  });

  it('a confirmation box is required to sign', async () => {
    const p = await open('linus', 'Light the path by the river');
    as('margaret');
    const state = await signPetitionAction(initialActionState, form(ref(p.id)));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.confirm).toBeTruthy();
    expect((await row(p.id)).signatureCount).toBe(0);
  });

  it('a group petition takes only the group’s signatures; a member without a group cannot open one', async () => {
    as('grace');
    refused(
      await openPetitionAction(
        initialActionState,
        form({ orgId, title: 'A group petition', body: 'A petition body long enough for the rules.', constituency: 'group' }),
      ),
      'petition.opener_no_group',
    );
    const p = await open('margaret', 'Employees ask for a hiring freeze review', 'group');
    expect(p.stakeholderGroup).toBe('Employees');
    expect(p.eligibleAtOpen).toBe(2);
    expect(p.requiredSignatures).toBe(1);
    as('grace');
    refused(await sign(p.id), 'petition.wrong_group');
    as('linus'); // 'employees', the same group spelt in lower case
    expect((await sign(p.id)).ok).toBe(true);
  });

  it('at the threshold: logged once, every board seat holder mailed (mandatory); the answer needs a secretary or admin; then signing is closed', async () => {
    const p = await open('linus', 'Hear the tenants before the rent review');
    const signers = ['linus', 'margaret', 'grace', 'ada'].slice(0, p.requiredSignatures + 1);
    for (const who of signers) {
      as(who);
      expect((await sign(p.id)).ok).toBe(true);
    }
    const after = await row(p.id);
    expect(after.thresholdReachedAt).not.toBeNull();
    expect(after.answerDueAt!.getTime() - after.thresholdReachedAt!.getTime()).toBe(30 * DAY);
    expect((await kinds(p.id)).filter((k) => k === 'petition.threshold_reached')).toHaveLength(1);
    const holders = (
      await db
        .select({ userId: seats.holderUserId })
        .from(seats)
        .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, 'board')))
    ).flatMap((s) => (s.userId ? [s.userId] : []));
    const mails = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orgId, orgId), eq(outbox.kind, 'petition_threshold')));
    expect(holders.length).toBeGreaterThan(0);
    expect(new Set(mails.map((m) => m.recipientUserId))).toEqual(new Set(holders));
    expect(mails.every((m) => m.mandatory)).toBe(true);

    as('linus');
    refused(await answer(p.id), 'petition.answer_not_allowed');
    as('grace');
    refused(await answer(p.id, 'Too short'), 'action.invalid_input');
    expect((await answer(p.id)).ok).toBe(true);
    refused(await answer(p.id), 'petition.not_awaiting_answer');
    as('tim');
    refused(await sign(p.id), 'petition.signer_observer');
    as('ada');
    refused(await sign(p.id), 'petition.closed');
    as('linus');
    refused(await revoke(p.id), 'petition.closed');
    expect((await row(p.id)).answer).toContain('will act on it');
  });

  it('refuses a signature after the signing period ended short of the threshold', async () => {
    const p = await open('margaret', 'Plant more trees along the lane');
    await db
      .update(petitions)
      .set({ openedAt: new Date(Date.now() - 91 * DAY), requiredSignatures: 50 })
      .where(eq(petitions.id, p.id));
    as('linus');
    refused(await sign(p.id), 'petition.closed');
    expect((await row(p.id)).signatureCount).toBe(0);
  });

  it('the worker logs a missed deadline once; health counts it; a late answer is recorded as late', async () => {
    const p = await open('linus', 'Publish the minutes within a week');
    await db.update(petitions).set({ requiredSignatures: 1 }).where(eq(petitions.id, p.id));
    as('margaret');
    expect((await sign(p.id)).ok).toBe(true);
    const due = (await row(p.id)).answerDueAt!;
    // Not yet due: nothing logged for it (earlier tests' petitions in this file may already be overdue by then).
    await recordOverduePetitions(db, new Date(due.getTime() - 1000));
    expect((await kinds(p.id)).filter((k) => k === 'petition.answer_overdue')).toHaveLength(0);
    const later = new Date(due.getTime() + DAY);
    expect(await countOverduePetitionAnswers(db, orgId, later)).toBeGreaterThanOrEqual(1);
    expect(await recordOverduePetitions(db, later)).toBeGreaterThanOrEqual(1);
    expect(await recordOverduePetitions(db, new Date(later.getTime() + DAY))).toBe(0);
    expect((await kinds(p.id)).filter((k) => k === 'petition.answer_overdue')).toHaveLength(1);
    // Answered after the deadline (the deadline moved into the past): recorded as late.
    await db
      .update(petitions)
      .set({ thresholdReachedAt: new Date(Date.now() - 40 * DAY), answerDueAt: new Date(Date.now() - 10 * DAY) })
      .where(eq(petitions.id, p.id));
    as('ada');
    const state = await answer(p.id);
    expect(state.message).toContain('after its deadline');
    const [entry] = await db
      .select()
      .from(decisionLog)
      .where(and(eq(decisionLog.subject, `petition:${p.id}`), eq(decisionLog.kind, 'petition.answered')));
    expect((entry!.payload as { late: boolean }).late).toBe(true);

    // Its opener and signers heard of both, optionally; the board's seat holders of the missed deadline, mandatorily.
    const updates = await db
      .select({ eventKey: notifyEvents.key, payload: notifyEvents.payload, recipientUserId: outbox.recipientUserId, mandatory: outbox.mandatory })
      .from(outbox)
      .innerJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
      .where(and(eq(outbox.orgId, orgId), eq(outbox.kind, 'petition_update'), like(notifyEvents.key, `%:${p.id}`)));
    const to = (event: string, mandatory: boolean) =>
      new Set(updates.filter((u) => u.eventKey.startsWith(`petition-${event}:`) && u.mandatory === mandatory).map((u) => u.recipientUserId));
    const boardHolders = (
      await db
        .select({ userId: seats.holderUserId })
        .from(seats)
        .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, 'board')))
    ).flatMap((s) => (s.userId ? [s.userId] : []));
    expect(to('answered', false)).toEqual(new Set([people.linus!.id, people.margaret!.id]));
    expect(to('answered', true)).toEqual(new Set());
    expect(to('overdue', true)).toEqual(new Set(boardHolders));
    for (const who of [people.linus!.id, people.margaret!.id].filter((u) => !boardHolders.includes(u))) expect(to('overdue', false).has(who)).toBe(true);
    const mail = notificationMail({
      ...testMailContext('riverbend-commons'),
      kind: 'petition_update',
      payload: updates.find((u) => u.eventKey.startsWith('petition-answered:'))!.payload as NotificationPayload,
    });
    expect(mail.subject).toContain('has been answered, after its deadline');
  });

  it('the organization’s log verifies with the petition entries, and each has a summary', async () => {
    const { report, entries: petitionEntries, words } = await loggedEntriesInWords(db, orgId, 'petition.');
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(new Set(petitionEntries.map((e) => e.kind))).toEqual(
      new Set([
        'petition.opened',
        'petition.signed',
        'petition.signature_revoked',
        'petition.threshold_reached',
        'petition.answered',
        'petition.answer_overdue',
      ]),
    );
    for (const text of words) expect(text).toMatch(/petition #\d+/i);
  });
});
