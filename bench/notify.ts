// Notices: a 10k-recipient enqueue inside the publishing transaction.

import { count, eq, sql } from 'drizzle-orm';
import { fmt, log, ms, num, table } from './common';
import type { BenchDatabase } from './common';

export async function notifyBench({ pg, pgUrl }: BenchDatabase): Promise<void> {
  const { seedScale } = await import('@/db/seed/scale');
  const { outbox } = await import('@/db/schema');
  const { createDraft } = await import('@/lib/use-cases/drafts');
  const { publishProposal } = await import('@/lib/use-cases/publish');
  const { enqueueNotice } = await import('@/lib/notify/outbox');
  const recipients = num('recipients');
  log(`(e) publishing to ${fmt(recipients)} members`);
  const org = await seedScale(pg, pgUrl, { slug: 'bench-notify', members: recipients, proposals: 0, log: 1 });
  const actor = { userId: org.founderId, role: 'admin' as const };
  const at = new Date();
  const draft = await createDraft(
    pg.db,
    actor,
    {
      orgId: org.orgId,
      typeKey: 'resolution',
      title: 'Notify everyone',
      body: 'A resolution every member hears about.',
      subjectUserId: null,
      effect: {},
      emergency: false,
    },
    at,
  );
  let t0 = performance.now();
  await publishProposal(pg.db, actor, { orgId: org.orgId, proposalId: draft.id }, at);
  const publishMs = performance.now() - t0;
  const [{ n: queued }] = (await pg.db.select({ n: count() }).from(outbox).where(eq(outbox.orgId, org.orgId))) as [{ n: number }];
  // The enqueue step alone (same statement publishProposal runs), in its own transaction.
  const ids = (await pg.db.execute(sql`select user_id as u from memberships where org_id = ${org.orgId}`)) as unknown as { u: string }[];
  t0 = performance.now();
  const enq = await pg.db.transaction((tx) =>
    enqueueNotice(tx, {
      orgId: org.orgId,
      key: `bench:${draft.id}`,
      kind: 'proposal_published',
      payload: { number: draft.number, title: 'x', typeName: 'x', discussionClosesAt: at.toISOString() },
      recipients: ids.map((r) => ({ userId: r.u, mandatory: false })),
      at,
    }),
  );
  const enqueueMs = performance.now() - t0;
  // Baseline: the same number of outbox-sized rows by one plain multi-row INSERT … SELECT.
  t0 = performance.now();
  await pg.db.transaction(async (tx) => {
    await tx.execute(sql`create temp table bench_outbox (like outbox including defaults) on commit drop`);
    await tx.execute(
      sql`insert into bench_outbox (org_id, recipient_user_id, kind, idempotency_key, next_attempt_at, created_at) select org_id, user_id, 'x', 'k:' || user_id, now(), now() from memberships where org_id = ${org.orgId}`,
    );
  });
  const rawMs = performance.now() - t0;
  table.push({
    figure: `(e) publishProposal to ${fmt(recipients)} members (whole transaction)`,
    measured: `${ms(publishMs)}; ${fmt(queued)} outbox rows; enqueue step alone ${ms(enqueueMs)} (${fmt(enq)} rows)`,
    baseline: `plain INSERT … SELECT of ${fmt(recipients)} rows into a copy of outbox: ${ms(rawMs)}`,
    ratio: `${fmt(enqueueMs / rawMs, 2)}× the plain insert`,
    target: '< 1 s',
    met: publishMs < 1000 && queued >= recipients ? 'yes' : 'no',
  });
}
