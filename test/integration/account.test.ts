import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, logActorNames, memberships, notificationPrefs, proposalStages, sessions, users, votes } from '@/db/schema';
import { listMemberNames } from '@/db/queries/log-names';
import { translatorFor } from '@/lib/i18n/catalogue';
import { logLanguageFor } from '@/lib/transparency/summary-text';
import { initialActionState } from '@/lib/actions/state';
import type { ActionState } from '@/lib/actions/state';
import { deleteAccount } from '@/lib/use-cases/account';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { clockFrom, publishedProposal, refusal } from './fixtures/scenario';
import { expectRedirect, form, session, signInAs, withTestDatabase, writableRowCounts, exportAndVerifyLog } from './helpers';

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { deleteAccountAction } = await import('@/app/account/actions');
const { GET: exportGET } = await import('@/app/account/export/route');
const { loadLogPage } = await import('@/db/read/log-page');

const T0 = new Date('2026-03-02T09:00:00Z');
const at = clockFrom(T0);

let db: Database;
let org: FoundedOrganization;
let other: FoundedOrganization;
let solo: FoundedOrganization;
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  org = await foundOrganization(db, { slug: 'acc-garden', name: 'Garden Group', seated: 3, at: T0 });
  other = await foundOrganization(db, { slug: 'acc-other', name: 'Other Tenants', seated: 3, at: T0 });
  // The only admin of this one holds no seat.
  solo = await foundOrganization(db, { slug: 'acc-solo', name: 'Solo Club', seated: 0, at: T0 });
});

beforeEach(() => signInAs(null));

async function as(userId: string) {
  const [u] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  signInAs(u!);
  return u!;
}

async function verifyOrgLog(orgId: string) {
  const { doc, report } = await exportAndVerifyLog(db, orgId);
  return { ok: report.ok, problems: report.problems.map((p) => [p.seq, p.kind]), entries: doc.entries };
}

const logRows = (orgId: string) => db.select().from(decisionLog).where(eq(decisionLog.orgId, orgId)).orderBy(decisionLog.seq);

function expectRefused(state: ActionState, code: string) {
  expect(state.ok).toBe(false);
  expect(state.code).toBe(code);
}

describe('deleting an account', () => {
  it('anonymizes the person, ends every membership with a logged pseudonym, and every log still verifies', async () => {
    const person = org.people[6]!;
    // A member of two organizations, with a pending invitation to a third, a session and a mail preference.
    await db.insert(memberships).values({ orgId: other.orgId, userId: person.userId, role: 'member' });
    await db.insert(memberships).values({ orgId: solo.orgId, userId: person.userId, role: 'member', acceptedAt: null });
    await db.insert(sessions).values({ sessionToken: 'tok-acc-6', userId: person.userId, expires: at(30) });
    await db.insert(notificationPrefs).values({ userId: person.userId, orgId: org.orgId, kind: 'decision', mode: 'off' });
    const before = await logRows(org.orgId);
    const soloBefore = (await logRows(solo.orgId)).length;
    const me = await as(person.userId);

    const to = await expectRedirect(() => deleteAccountAction(initialActionState, form({ confirm: '  Delete my account ' })));
    expect(to).toBe('/account/deleted');

    const [after] = await db.select().from(users).where(eq(users.id, person.userId));
    expect(after!.name).toBeNull();
    expect(after!.email).toMatch(/^deleted-[0-9a-f]{16}@invalid$/);
    expect(after!.email).not.toContain(me.email);
    const pseudonym = after!.email.replace('@invalid', '');
    expect(await db.$count(memberships, eq(memberships.userId, person.userId))).toBe(0);
    expect(await db.$count(sessions, eq(sessions.userId, person.userId))).toBe(0);
    expect(await db.$count(notificationPrefs, eq(notificationPrefs.userId, person.userId))).toBe(0);

    // Old entries untouched; one new entry per organization the person belonged to, naming the pseudonym only.
    const rows = await logRows(org.orgId);
    expect(rows.slice(0, before.length)).toEqual(before);
    expect(rows.length).toBe(before.length + 1);
    const last = rows.at(-1)!;
    expect(last.kind).toBe('account.deleted');
    expect(last.payload).toMatchObject({ pseudonym, userId: person.userId, role: 'member' });
    expect(JSON.stringify(last.payload)).not.toContain('@');
    const otherRows = await logRows(other.orgId);
    expect(otherRows.at(-1)!.kind).toBe('account.deleted');
    // The pending invitation just goes: it was never a membership.
    expect((await logRows(solo.orgId)).length).toBe(soloBefore);

    for (const o of [org, other]) expect(await verifyOrgLog(o.orgId)).toMatchObject({ ok: true, problems: [] });
    // The public log shows the pseudonym for the person's entries, never the old name or address.
    const names = await listMemberNames(db, org.orgId, [person.userId]);
    expect(names.get(person.userId)).toBe(`${pseudonym} (deleted account)`);
  });

  it('replaces the names recorded beside the person’s entries with the pseudonym, and the log still verifies', async () => {
    const person = org.people[5]!;
    const me = await as(person.userId);
    await publishedProposal(db, person, org.orgId, { title: 'Paint the gate', body: 'Green.' }, at(1));
    const recorded = () => db.select({ name: logActorNames.name }).from(logActorNames).where(eq(logActorNames.actorId, person.userId));
    expect((await recorded()).map((r) => r.name)).toContain(me.name);

    await expectRedirect(() => deleteAccountAction(initialActionState, form({ confirm: 'delete my account' })));
    const [after] = await db.select({ email: users.email }).from(users).where(eq(users.id, person.userId));
    const pseudonym = after!.email.replace('@invalid', '');
    // The publication and the account.deleted entry (written before the profile went) both hold the pseudonym now.
    const names = (await recorded()).map((r) => r.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.every((n) => n === pseudonym)).toBe(true);
    expect(await verifyOrgLog(org.orgId)).toMatchObject({ ok: true, problems: [] });

    const { page, describe: say } = await loadLogPage(org.orgId, {}, {}, 200);
    const theirs = page.rows.filter((e) => e.actorId === person.userId);
    expect(theirs.map((e) => e.kind)).toEqual(expect.arrayContaining(['proposal.published', 'account.deleted']));
    for (const e of theirs) expect(say.actor(e)).toBe(`${pseudonym} (deleted account)`);
    const shown = page.rows.map((e) => `${say.summary(e)} ${say.actor(e) ?? ''}`).join('\n');
    expect(shown).not.toContain(me.name!);
    // In the reader's language: "(compte supprimé)", "(gelöschtes Konto)"; never the English.
    for (const [locale, label] of [
      ['fr', 'compte supprimé'],
      ['de', 'gelöschtes Konto'],
    ] as const) {
      const inLanguage = await loadLogPage(org.orgId, {}, {}, 200, logLanguageFor(locale, translatorFor(locale)));
      for (const e of theirs) expect(inLanguage.describe.actor(e)).toBe(`${pseudonym} (${label})`);
      expect(inLanguage.page.rows.map((e) => `${inLanguage.describe.summary(e)} ${inLanguage.describe.actor(e) ?? ''}`).join('\n')).not.toContain(
        'deleted account',
      );
    }
  });

  it('refuses a seat holder with a code and writes nothing', async () => {
    const holder = org.people[1]!;
    const me = await as(holder.userId);
    const counts = await writableRowCounts(db);
    const state = await deleteAccountAction(initialActionState, form({ confirm: 'delete my account' }));
    expectRefused(state, 'account.delete_seat_holder');
    expect(state.message).toContain('Garden Group');
    expect(await writableRowCounts(db)).toEqual(counts);
    const [still] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, holder.userId));
    expect(still).toEqual({ email: me.email, name: me.name });
  });

  it('refuses the last admin of an organization with a code and writes nothing', async () => {
    await as(solo.admin.userId);
    const counts = await writableRowCounts(db);
    const state = await deleteAccountAction(initialActionState, form({ confirm: 'delete my account' }));
    expectRefused(state, 'account.delete_last_admin');
    expect(state.message).toContain('Solo Club');
    expect(await writableRowCounts(db)).toEqual(counts);
  });

  it('refuses without the typed confirmation, or signed out, and writes nothing', async () => {
    const counts = await writableRowCounts(db);
    await as(org.people[7]!.userId);
    for (const confirm of ['', 'delete', 'delete my account now', 'yes']) {
      const state = await deleteAccountAction(initialActionState, form({ confirm }));
      expectRefused(state, 'action.invalid_input');
      expect(state.fieldErrors?.confirm?.[0]).toContain('delete my account');
    }
    expectRefused(await deleteAccountAction(initialActionState, form({})), 'action.invalid_input');
    signInAs(null);
    expectRefused(await deleteAccountAction(initialActionState, form({ confirm: 'delete my account' })), 'action.signed_out');
    expect(await writableRowCounts(db)).toEqual(counts);
  });

  it('deletes only the caller: a forged user id in the form is ignored', async () => {
    const victim = org.people[8]!;
    const caller = org.people[9]!;
    await as(caller.userId);
    await expectRedirect(() => deleteAccountAction(initialActionState, form({ confirm: 'delete my account', userId: victim.userId, id: victim.userId })));
    const [v] = await db.select({ email: users.email }).from(users).where(eq(users.id, victim.userId));
    expect(v!.email).toBe('acc-garden-8@example.org');
    const [c] = await db.select({ email: users.email }).from(users).where(eq(users.id, caller.userId));
    expect(c!.email).toMatch(/@invalid$/);
    expect((await refusal(() => deleteAccount(db, { userId: caller.userId, at: at(1) }))).code).toBe('account.already_deleted');
  });
});

describe('personal data export', () => {
  it('holds the caller’s profile, memberships, seats and ballots, withholds open ballot choices, and nothing of others', async () => {
    const holder = org.people[2]!;
    const proposalId = await publishedProposal(db, org.people[3]!, org.orgId, { title: 'Buy a shed', body: 'We need one.' }, at(1));
    await db.insert(proposalStages).values({ proposalId, stageIndex: 7, bodyKey: 'board', charterSeats: 5 }).onConflictDoNothing();
    await db.insert(votes).values({ proposalId, stageIndex: 7, seatId: org.boardSeats[2]!, voterUserId: holder.userId, choice: 'no', castAt: at(2) });
    await db.insert(votes).values({ proposalId, stageIndex: 7, seatId: org.boardSeats[1]!, voterUserId: org.people[1]!.userId, choice: 'yes', castAt: at(2) });
    const me = await as(holder.userId);

    const download = async () => {
      const res = await exportGET();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('cache-control')).toContain('no-store');
      return (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const open = await download();
    expect(open.profile).toMatchObject({ id: holder.userId, email: me.email, name: me.name });
    expect(open.memberships).toEqual([expect.objectContaining({ organization: 'Garden Group', role: 'member' })]);
    expect(open.seats).toEqual([expect.objectContaining({ organization: 'Garden Group', body: 'board' })]);
    expect(open.ballots).toEqual([expect.objectContaining({ proposalNumber: expect.any(Number), voteClosed: false, choice: null })]);
    const text = JSON.stringify(open);
    for (const p of org.people.filter((x) => x.userId !== holder.userId)) expect(text).not.toContain(p.userId);
    expect(text).not.toMatch(/acc-garden-[013-9]@example\.org/);
    expect(text).not.toContain('"yes"');

    await db
      .update(proposalStages)
      .set({ closedRecordedAt: at(3) })
      .where(and(eq(proposalStages.proposalId, proposalId), eq(proposalStages.stageIndex, 7)));
    const closed = await download();
    expect(closed.ballots).toEqual([expect.objectContaining({ voteClosed: true, choice: 'no' })]);
  });

  it('answers 401 to a signed-out request', async () => {
    expect((await exportGET()).status).toBe(401);
  });
});
