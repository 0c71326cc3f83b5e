/**
 * A petition with 100,000 signatures: the pages read the stored count (no COUNT over the
 * signatures, no join with memberships), the names list reads the newest few by its index, and
 * one more signature is a constant amount of work. Also: the threshold notice as it is mailed,
 * and the signer's own export.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { petitions, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { personalDataExport } from '@/db/queries/account-export';
import { loadPetitionPage, loadPetitionsPage } from '@/db/read/petitions';
import { notificationLink, notificationMail } from '@/lib/notify/templates';
import { openPetition, revokePetitionSignature, signPetition } from '@/lib/use-cases/petitions';
import { testMailContext, withTestDatabase } from './helpers';

vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const SIGNATURES = 100_000;
let db: Database;
let orgId: string;
let petitionId: string;
let number: number;
const people: Record<string, { id: string }> = {};

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  for (const u of await db.select().from(users)) people[u.email.split('@')[0]!] = u;
  ({ id: petitionId, number } = await openPetition(
    db,
    { userId: people.linus!.id, role: 'member' },
    { orgId, title: 'A petition at scale', body: 'A petition body long enough for the rules.', forGroup: false },
    new Date(),
  ));
  // 100,000 signatures of people who have since deleted their account (user id null: counted, nameless), written in one statement.
  await db.execute(
    sql`insert into petition_signatures (petition_id, user_id, signed_at) select ${petitionId}::uuid, null, now() - (g * interval '1 second') from generate_series(1, ${SIGNATURES}) g`,
  );
  await db.update(petitions).set({ signatureCount: SIGNATURES }).where(eq(petitions.id, petitionId));
});

describe('a petition with 100,000 signatures', () => {
  it('its page and the list read the stored count, and at most 200 names', async () => {
    // One row revoked behind the count's back: a page that recounted would show 99,999.
    await db.execute(
      sql`update petition_signatures set revoked_at = now() where id = (select id from petition_signatures where petition_id = ${petitionId}::uuid limit 1)`,
    );
    const page = await loadPetitionPage(orgId, number, people.margaret!.id, new Date());
    const list = await loadPetitionsPage(orgId, null, new Date());
    expect(page!.petition.signatureCount).toBe(SIGNATURES);
    expect(list.petitions.find((p) => p.number === number)!.signatureCount).toBe(SIGNATURES);
    expect(page!.signers.length).toBeLessThanOrEqual(200);
    expect(page!.viewer.maySign).toBe(true);
    await db.execute(sql`update petition_signatures set revoked_at = null where petition_id = ${petitionId}::uuid and revoked_at is not null`);
  });

  it('the live-signature lookup uses the unique live-signature index', async () => {
    // PGlite answers { rows }, postgres-js an array: the plan's text is in either.
    const plan = async (query: ReturnType<typeof sql>) => JSON.stringify(await db.execute(sql`explain ${query}`));
    expect(
      await plan(sql`select id from petition_signatures where petition_id = ${petitionId}::uuid and user_id = ${people.margaret!.id} and revoked_at is null`),
    ).toMatch(/petition_signatures_one_live|petition_signatures_live_idx/);
  });

  it('one more signature moves the count by one, and revoking moves it back', async () => {
    const signer = { userId: people.margaret!.id, role: 'member' as const };
    const signed = await signPetition(db, signer, { orgId, petitionId }, new Date());
    expect(signed.count).toBe(SIGNATURES + 1);
    expect((await revokePetitionSignature(db, signer, { orgId, petitionId }, new Date())).count).toBe(SIGNATURES);
    // The signer's export lists their own signature, revoked, with both times.
    const data = await personalDataExport(db, people.margaret!.id);
    expect(data!.petitionSignatures).toEqual([expect.objectContaining({ petitionNumber: number, signedAt: expect.any(Date), revokedAt: expect.any(Date) })]);
    expect((await personalDataExport(db, people.linus!.id))!.petitions).toEqual([expect.objectContaining({ number, title: 'A petition at scale' })]);
  });

  it('the threshold notice says who must answer, by when, and links to the petition', () => {
    const ctx = {
      ...testMailContext('riverbend-commons'),
      kind: 'petition_threshold' as const,
      mandatory: true,
      payload: { petitionNumber: 4, title: 'Light the courtyard', bodyName: 'Board', signatures: 12, answerDueAt: '2026-05-01T10:00:00.000Z' },
    };
    const mail = notificationMail(ctx);
    expect(mail.subject).toBe('[Storm] Petition #4 reached its threshold: the Board must answer');
    expect(mail.text).toContain('Petition #4 Light the courtyard has 12 signatures');
    expect(mail.text).toContain('must answer it publicly by Fri, 01 May 2026 10:00 UTC');
    expect(mail.text).toContain('cannot be turned off');
    expect(notificationLink(ctx)).toBe('http://quorate.test/o/riverbend-commons/petitions/4');
  });
});
