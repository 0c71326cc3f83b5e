import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { decisionLog, logActorNames, users } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { namePromptQuietDays } from '@/lib/governance/name-prompt';
import { translatorFor } from '@/lib/i18n/catalogue';
import { logLanguageFor } from '@/lib/transparency/summary-text';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { DAY } from './fixtures/scenario';
import { form, session, signInAs, withTestDatabase, writableRowCounts } from './helpers';

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { skipNamePromptAction, updateNameAction } = await import('@/app/account/actions');
const { loadNamePromptDue } = await import('@/db/read/name-prompt');
const { loadLogPage } = await import('@/db/read/log-page');

const T0 = new Date('2026-03-02T09:00:00Z');

let db: Database;
let org: FoundedOrganization;
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  org = await foundOrganization(db, {
    slug: 'names-garden',
    name: 'Names Garden',
    seated: 3,
    at: T0,
    personName: (i) => (i === 0 ? 'Ana Ruiz' : `Grower ${i}`),
  });
});

beforeEach(() => signInAs(null));

async function newcomer(email: string) {
  const [u] = await db.insert(users).values({ email }).returning({ id: users.id, email: users.email, name: users.name });
  signInAs(u!);
  return u!;
}

const person = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;

describe('the name prompt', () => {
  it('asks a person who has no name, and never one who has', async () => {
    const u = await newcomer('first-visit@example.org');
    expect(await loadNamePromptDue(u.id)).toBe(true);
    expect(await loadNamePromptDue(org.admin.userId)).toBe(false);
  });

  it('"Skip for now" records when, quiets the prompt, and the prompt asks again after the quiet days', async () => {
    const u = await newcomer('skipper@example.org');
    const before = Date.now();
    const state = await skipNamePromptAction(initialActionState, form({}));
    expect(state).toMatchObject({ ok: true });
    expect(state.message).toContain(`${namePromptQuietDays} days`);
    const skippedAt = (await person(u.id)).namePromptSkippedAt!;
    expect(skippedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await person(u.id)).name).toBeNull();
    expect(await loadNamePromptDue(u.id)).toBe(false);

    const skippedDaysAgo = (days: number) =>
      db
        .update(users)
        .set({ namePromptSkippedAt: new Date(Date.now() - days * DAY) })
        .where(eq(users.id, u.id));
    await skippedDaysAgo(namePromptQuietDays - 1);
    expect(await loadNamePromptDue(u.id)).toBe(false);
    await skippedDaysAgo(namePromptQuietDays + 1);
    expect(await loadNamePromptDue(u.id)).toBe(true);
  });

  it('saving a name ends the prompt; a bad name is refused in plain words and changes nothing', async () => {
    const u = await newcomer('saver@example.org');
    for (const name of ['saver@example.org', ' ', 'A']) {
      const counts = await writableRowCounts(db);
      const state = await updateNameAction(initialActionState, form({ name }));
      expect(state).toMatchObject({ ok: false, code: 'action.invalid_input' });
      expect(state.fieldErrors?.name?.[0]).toMatch(/\w/);
      expect(await writableRowCounts(db)).toEqual(counts);
      expect((await person(u.id)).name).toBeNull();
      expect(await loadNamePromptDue(u.id)).toBe(true);
    }
    expect(await updateNameAction(initialActionState, form({ name: 'Bea Lind' }))).toMatchObject({ ok: true });
    expect((await person(u.id)).name).toBe('Bea Lind');
    expect(await loadNamePromptDue(u.id)).toBe(false);
  });

  it('refuses "Skip for now" signed out, and writes nothing', async () => {
    const counts = await writableRowCounts(db);
    expect(await skipNamePromptAction(initialActionState, form({}))).toMatchObject({ ok: false, code: 'action.signed_out' });
    expect(await writableRowCounts(db)).toEqual(counts);
  });
});

describe('names as recorded in the log', () => {
  const adminEntries = async () => {
    const { page, describe: say } = await loadLogPage(org.orgId, {}, {}, 200);
    return { rows: page.rows.filter((e) => e.actorId === org.admin.userId), say };
  };

  it('records the actor’s name beside each entry, outside the hashed entry', async () => {
    const entries = await db.select().from(decisionLog).where(eq(decisionLog.orgId, org.orgId));
    const recorded = await db.select().from(logActorNames).where(eq(logActorNames.orgId, org.orgId));
    const byAdmin = entries.filter((e) => e.actorId === org.admin.userId);
    expect(byAdmin.length).toBeGreaterThan(0);
    for (const e of byAdmin) expect(recorded.find((r) => r.seq === e.seq)).toMatchObject({ actorId: org.admin.userId, name: 'Ana Ruiz' });
    for (const e of entries) expect(e.entry).not.toContain('Ana Ruiz');
    // Entries without an actor have no record.
    for (const e of entries.filter((x) => x.actorId === null)) expect(recorded.some((r) => r.seq === e.seq)).toBe(false);
  });

  it('after a rename, shows the name recorded then with today’s beside it; later entries carry the new name', async () => {
    signInAs({ id: org.admin.userId, email: 'names-garden-0@example.org', name: 'Ana Ruiz' });
    expect(await updateNameAction(initialActionState, form({ name: 'Ana Ruiz-Smith' }))).toMatchObject({ ok: true });
    const before = await adminEntries();
    expect(before.rows.length).toBeGreaterThan(0);
    for (const e of before.rows) expect(before.say.actor(e)).toBe('Ana Ruiz (now Ana Ruiz-Smith)');

    const later = await db.transaction((tx) =>
      appendLogEntry(tx, {
        orgId: org.orgId,
        actorId: org.admin.userId,
        kind: 'organization.profile_changed',
        subject: null,
        payload: { fields: ['mission'] },
        at: new Date(),
      }),
    );
    const after = await adminEntries();
    const newest = after.rows.find((e) => e.seq === later.seq)!;
    expect(after.say.actor(newest)).toBe('Ana Ruiz-Smith');
  });

  it('an entry written before names were recorded shows today’s name; one recorded without a name says so', async () => {
    const { rows } = await adminEntries();
    const [oldest, second] = rows;
    await db.delete(logActorNames).where(eq(logActorNames.seq, oldest!.seq));
    await db.update(logActorNames).set({ name: null }).where(eq(logActorNames.seq, second!.seq));
    const { say } = await adminEntries();
    expect(say.actor(oldest!)).toBe('Ana Ruiz-Smith');
    expect(say.actor(second!)).toBe('A member (now Ana Ruiz-Smith)');

    // In the reader's language: the actor, and the summaries that name them.
    const inFrench = await loadLogPage(org.orgId, {}, {}, 200, logLanguageFor('fr', translatorFor('fr')));
    expect(inFrench.describe.actor(oldest!)).toBe('Ana Ruiz-Smith');
    expect(inFrench.describe.actor(second!)).toBe('Un membre (aujourd’hui Ana Ruiz-Smith)');
    const inGerman = await loadLogPage(org.orgId, {}, {}, 200, logLanguageFor('de', translatorFor('de')));
    expect(inGerman.describe.actor(second!)).toBe('Ein Mitglied (heute Ana Ruiz-Smith)');
    expect(inFrench.page.rows.length).toBeGreaterThan(0);
    for (const e of inFrench.page.rows) {
      expect(inFrench.describe.summary(e)).not.toBe(say.summary(e));
      expect(inGerman.describe.summary(e)).not.toBe(say.summary(e));
    }
  });
});
