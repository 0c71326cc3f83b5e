import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { votes } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { castBallot } from '@/lib/use-cases/ballots';
import { postComment } from '@/lib/use-cases/comments';
import { writeMailFile } from '@/lib/notify/mailer';
import { publishProposal } from '@/lib/use-cases/publish';
import { newSession } from '@/scripts/support/action-client';
import { createStormDrafts, createStormOrg } from '@/scripts/support/storm-org';
import { checkWrites, watchMail } from './scale-out-storm';
import type { StormResult, StormTarget } from './scale-out-storm';

/**
 * The scale-out drill's write checks (bench/scale-out.ts) must see what they claim to see: clean
 * writes pass, and a lost acknowledged ballot, a second ballot row and a ballot without its log
 * entry are each counted. PostgreSQL only (the checks use postgres.js, as the drill does).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('scale-out write checks', () => {
  let h: DatabaseHandle & { drop: () => Promise<void>; url?: string };
  let q: postgres.Sql;
  let t: StormTarget;
  const SEATS = 6;
  const result = (): StormResult => ({
    wallMs: 1,
    voteLatencies: [],
    acked: { vote: new Set([0, 1, 2, 3]), comment: new Set(['c1']), publish: new Set([t.drafts[0]!.id]) },
    notAcked: { refused: 0, error: 0, transport: 0, firsts: [] },
  });

  beforeAll(async () => {
    h = await createTestDatabase();
    q = postgres(h.url!, { max: 2, onnotice: () => {} });
    const org = await createStormOrg(h.db, { slug: 'scale-check', seats: SEATS, voteClosesAt: new Date(Date.now() + 86_400_000) });
    const drafts = await createStormDrafts(h.db, org, 2, new Date());
    const member = (i: number) => ({ userId: org.voters[i]!.userId, role: 'member' as const });
    for (const d of drafts) await publishProposal(h.db, { userId: d.authorId, role: 'member' }, { orgId: org.orgId, proposalId: d.id }, new Date());
    for (let i = 0; i < 4; i++) await castBallot(h.db, member(i), { orgId: org.orgId, proposalId: org.proposalId, choice: 'yes', rationale: null }, new Date());
    await postComment(h.db, member(4), { orgId: org.orgId, proposalId: drafts[1]!.id, parentId: null, body: 'c1', stance: 'none', asReply: false }, new Date());
    t = {
      slug: org.slug,
      orgId: org.orgId,
      vote: { id: org.proposalId, number: org.proposalNumber },
      discussion: { id: drafts[1]!.id, number: drafts[1]!.number },
      drafts: [{ id: drafts[0]!.id, number: drafts[0]!.number, author: 0 }],
      sessions: org.voters.map((v) => newSession(v.userId)),
    };
  });
  afterAll(async () => {
    await q?.end({ timeout: 5 });
    await h?.drop();
  });

  it('passes clean writes, acknowledged or not', async () => {
    const c = await checkWrites(q, t, result(), SEATS);
    expect(c).toMatchObject({ lost: 0, duplicates: 0, halfWritten: 0, unacknowledgedStored: 0 });
    const r = result();
    r.acked.vote.delete(3);
    r.acked.comment.clear();
    expect(await checkWrites(q, t, r, SEATS)).toMatchObject({ lost: 0, duplicates: 0, halfWritten: 0, unacknowledgedStored: 2 });
  });

  it('counts an acknowledged ballot and comment that are not stored as lost', async () => {
    const r = result();
    r.acked.vote.add(5);
    r.acked.comment.add('never posted');
    const c = await checkWrites(q, t, r, SEATS);
    expect(c.lost).toBe(2);
    expect(c.duplicates + c.halfWritten).toBe(0);
  });

  it('counts a second ballot row without its log entry as a duplicate and half-written', async () => {
    const v = t.sessions[0]!;
    const seat = await q<{ seat: string }[]>`select seat_id as seat from votes where voter_user_id = ${v.userId}`;
    await h.db.insert(votes).values({
      proposalId: t.vote.id,
      stageIndex: 0,
      seatId: seat[0]!.seat,
      voterUserId: v.userId,
      choice: 'no',
      rationale: 'forged',
      castAt: new Date(),
      isCurrent: false,
    });
    const c = await checkWrites(q, t, result(), SEATS);
    expect(c.duplicates).toBe(1);
    expect(c.halfWritten).toBe(1);
    expect(c.detail.join('; ')).toMatch(/without their ballot.cast entry: 1/);
  });
});

describe('scale-out mail count', () => {
  it("counts every write of an outbox row's mail file, a resend (same file name) included", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-scale-out-mail-'));
    const watcher = watchMail(dir);
    const [a, b] = ['0b7c3f7e-0000-4000-8000-000000000001', '0b7c3f7e-0000-4000-8000-000000000002'];
    const mail = (id: string) => ({
      to: 'x@example.org',
      from: 'q@example.org',
      subject: 's',
      text: 't',
      html: '<p>t</p>',
      fileId: `2026-12-04T16-00-00-000Z-${id}`,
    });
    try {
      await writeMailFile(dir, mail(a));
      await writeMailFile(dir, mail(b));
      await writeMailFile(dir, mail(a)); // the resend after a crash: same name, overwritten
      await new Promise((r) => setTimeout(r, 300));
      expect(Object.fromEntries(watcher.writes)).toEqual({ [a]: 2, [b]: 1 });
    } finally {
      watcher.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
