/**
 * Every notice e-mail carries the organization's newest signed checkpoint. When it cannot be read (the database, or the
 * signing key), the worker does not send the organization's notices without it: each is a failed attempt, retried with
 * the backoff (a dead letter after the last, as when the mail server refuses), and goes out with its checkpoint once it
 * can be read. Another organization's notices in the same batch are not held back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { outbox } from '@/db/schema';
import { deliveryOverview } from '@/db/queries/notify';
import type * as TransparencyQueries from '@/db/queries/transparency';
import { deliverBatch, deliveryOptions, fileMailTransport, retryDelayMs } from '@/lib/notify/delivery';
import { listStoredMail } from '@/lib/notify/mailer';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { clockFrom } from './fixtures/scenario';
import { withTestDatabase } from './helpers';

/** The organizations whose checkpoint cannot be read right now. */
const unreadable = new Set<string>();
vi.mock('@/db/queries/transparency', async (original) => {
  const real = await original<typeof TransparencyQueries>();
  return {
    ...real,
    latestCheckpoint: async (db: Parameters<typeof real.latestCheckpoint>[0], orgId: string) => {
      if (unreadable.has(orgId)) throw new Error('decryption failed: the log-signing key could not be read');
      return real.latestCheckpoint(db, orgId);
    },
  };
});

const T0 = new Date('2026-03-02T09:00:00Z');
const at = clockFrom(T0);
let db: Database;
withTestDatabase({ app: true }, (ready) => (db = ready.db));

async function publishedWithNotices(slug: string): Promise<FoundedOrganization> {
  const org = await foundOrganization(db, { slug, name: `Org ${slug}`, seated: 3, at: T0 });
  const author = org.people[1]!;
  const { id } = await createDraft(
    db,
    author,
    {
      orgId: org.orgId,
      subjectUserId: null,
      typeKey: 'resolution',
      title: 'Open board meetings',
      body: 'Board meetings are open to residents.',
      effect: {},
      emergency: false,
    },
    at(1),
  );
  await publishProposal(db, author, { orgId: org.orgId, proposalId: id }, at(1));
  return org;
}

const pending = async (org: FoundedOrganization) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orgId, org.orgId), eq(outbox.status, 'pending')));

describe('a notice whose checkpoint cannot be read', () => {
  it('is not sent without it: retried with the backoff, then sent with the checkpoint; another organization’s go out', async () => {
    const held = await publishedWithNotices('ckpt-held');
    const other = await publishedWithNotices('ckpt-other');
    const heldRows = (await pending(held)).length;
    expect(heldRows).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-mail-'));
    const transport = fileMailTransport(dir, 'Quorate <q@quorate.test>');
    const opts = deliveryOptions({ maxAttempts: 3, retryBaseMs: 60_000, batchSize: 1000 });
    const mailTo = async (slug: string) => (await listStoredMail(dir, 1000)).filter((m) => m.to.startsWith(`${slug}-`));

    unreadable.add(held.orgId);
    let t = at(1, 1).getTime();
    const first = await deliverBatch(db, transport, new Date(t), opts);
    expect(first.retried).toBe(heldRows);
    expect(first.sent).toBe(first.claimed - heldRows);
    expect(await mailTo('ckpt-held')).toEqual([]);
    expect((await mailTo('ckpt-other')).length).toBeGreaterThan(0);
    // Each is a failed attempt its admins can read, not a message gone out without its footer.
    const overview = await deliveryOverview(db, held.orgId);
    expect(overview.counts.dead).toBe(0);
    const rows = await db.select().from(outbox).where(eq(outbox.orgId, held.orgId));
    const unsent = rows.filter((r) => r.status !== 'sent' && r.attempts === 1);
    expect(unsent).toHaveLength(heldRows);
    expect(new Set(unsent.map((r) => r.lastError))).toEqual(
      new Set(['The decision log’s checkpoint, which every notice carries, could not be read: the notice was not sent without it.']),
    );
    // Not due again before the backoff.
    expect((await deliverBatch(db, transport, new Date(t + 59_000), opts)).claimed).toBe(0);

    unreadable.delete(held.orgId);
    t += retryDelayMs(1, 60_000);
    expect(await deliverBatch(db, transport, new Date(t), opts)).toMatchObject({ claimed: heldRows, sent: heldRows });
    const sent = await mailTo('ckpt-held');
    expect(sent).toHaveLength(heldRows);
    for (const m of sent) {
      expect(m.text).toMatch(/Decision log checkpoint: \d+ entries, root [0-9a-f]{16}/);
      expect(m.text).toContain('-----BEGIN DECISION LOG CHECKPOINT-----');
    }
    expect(other.orgId).not.toBe(held.orgId);
  });
});
