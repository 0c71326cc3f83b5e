// Member-wide votes at scale, the (g) rows of `npm run bench -- --only members` (bench/run.ts).
//
// A cooperative (founded through the engine with the real cooperative charter) of `--members`
// (default 100,000 here) accepted members, seeded by bulk SQL; 30% of them delegate, in chains
// of 1 to 6 delegations (the member referendum follows at most 3) and a few loops. `ROUNDS`
// member referendums are published through the engine, then each is opened (roll snapshot,
// log entry, voting-open notices), `--ballots` member ballots are bulk-inserted into each (by
// default every member on the roll; delegators last, so a smaller number leaves delegations to
// follow) and each is closed (roll and ballots read, delegations followed, the count, the close's
// log entry with the published roll and roll call, the decision and its notices). Every figure
// is timed in blocks interleaved with its baseline, measured in the same run.

import { sql } from 'drizzle-orm';
import { args, fmt, log, ms, num, table } from './common';
import type { BenchDatabase } from './common';
import type { Database } from '@/db/client';

const DAY = 86_400_000;
const ROUNDS = 3;
const TARGET_MS = 2000;

/** `--members` as given, else 100,000 (the flag's shared default, 50,000, is the scale seed's). */
export function memberCount(): number {
  return process.argv.some((a) => a === '--members' || a.startsWith('--members=')) ? num('members') : 100_000;
}

/** The chains of delegation, as (delegator, delegate, type key or null) triples over member indexes. */
export function delegationPlan(members: number): { from: number[]; to: number[]; typeKey: (string | null)[]; chains: number; loops: number } {
  const lengths = [1, 1, 2, 2, 3, 3, 1, 2, 3, 4, 6, 2];
  const from: number[] = [];
  const to: number[] = [];
  const typeKey: (string | null)[] = [];
  let chains = 0;
  let loops = 0;
  let at = 0;
  while (true) {
    const k = lengths[chains % lengths.length]!;
    if (at + k + 1 > members) break;
    const key = chains % 5 === 0 ? 'member_referendum' : null;
    for (let i = 0; i < k; i++) {
      from.push(at + i);
      to.push(at + i + 1);
      typeKey.push(key);
    }
    // Every 400th chain loops back to its start (a cycle nobody in it is counted through).
    if (chains % 400 === 7) {
      from.push(at + k);
      to.push(at);
      typeKey.push(key);
      loops++;
    }
    chains++;
    // 30% of members delegate: k delegators in about k / 0.3 members.
    at += Math.max(k + 1, Math.round(k / 0.3));
  }
  return { from, to, typeKey, chains, loops };
}

const memberId = (i: number, prefix = 'bench-m-') => `${prefix}${String(i).padStart(7, '0')}`;
const arrayLiteral = (xs: readonly (string | null)[]) => `{${xs.map((x) => (x === null ? 'NULL' : x)).join(',')}}`;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const samples = (xs: readonly number[]) => xs.map((x) => fmt(x)).join(', ');

class Rollback extends Error {}

export async function membersBench({ pg }: BenchDatabase): Promise<void> {
  const { recordTransitions } = await import('@/lib/use-cases/transitions');
  const { snapshotRoll, listRoll } = await import('@/db/queries/rolls');
  const { resolveRepresentation, carriedWeights } = await import('@/lib/governance/delegation');
  const { rowsOf } = await import('@/db/queries/prepared');
  const db = pg.db;
  const n = memberCount();
  const ballots = args.ballots === undefined ? n : num('ballots');
  const { org, proposalIds, opensAt, closesAt } = await seedMemberVotes(db, n, ROUNDS);
  const load = async () => (await import('node:os')).loadavg()[0]!.toFixed(2);

  // Baseline of the roll: the same rows straight from memberships into a table shaped like roll_entries (same key), no delegate looked up.
  await db.execute(sql`create table bench_roll (like roll_entries including all)`);
  const rolledBack = async (body: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<unknown>) => {
    const t0 = performance.now();
    try {
      await db.transaction(async (tx) => {
        await body(tx);
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return performance.now() - t0;
  };
  const rawRoll = (proposalId: string) =>
    rolledBack((tx) =>
      tx.execute(sql`insert into bench_roll (proposal_id, stage_index, user_id, weight, delegate_user_id)
        select ${proposalId}::uuid, 0, m.user_id, 1, null from memberships m
        where m.org_id = ${org.id}::uuid and m.accepted_at is not null and m.role <> 'observer'`),
    );
  const electorate = { kind: 'all_members' as const, weighted: false };

  // --- Snapshot alone, then the whole opening -------------------------------------------------
  const snap: number[] = [];
  const snapBase: number[] = [];
  const open: number[] = [];
  const openBase: number[] = [];
  const loads: string[] = [await load()];
  for (let r = 0; r < ROUNDS; r++) {
    const proposalId = proposalIds[r]!;
    snapBase.push(await rawRoll(proposalId));
    snap.push(
      await rolledBack((tx) => snapshotRoll(tx, { orgId: org.id, proposalId, stageIndex: 0, typeKey: 'member_referendum', electorate, delegation: true })),
    );
  }
  for (let r = 0; r < ROUNDS; r++) {
    openBase.push(await rawRoll(proposalIds[r]!));
    const t0 = performance.now();
    const done = await recordTransitions(db, proposalIds[r]!, org.id, opensAt);
    open.push(performance.now() - t0);
    if (done.join() !== 'discussion_closed,stage_0_opened') throw new Error(`opening gave ${done.join()}`);
  }
  loads.push(await load());
  log(`(g) open: ${samples(open)} ms; snapshot alone ${samples(snap)} ms`);
  // The voting-open notices to the roll, written by the mail worker after the opening (lib/notify/fanout.ts): one audience per pass.
  const fanOpen = await timeFanouts(db, opensAt);
  const roll = await listRoll(db, proposalIds[0]!, 0);
  const delegating = roll.filter((e) => e.delegateUserId !== null).length;
  pushRow(
    `(g) snapshot of the roll alone (snapshotRoll: ${fmt(roll.length)} entries, ${fmt(delegating)} with a delegate; rolled back)`,
    snap,
    snapBase,
    rawRollWords,
  );
  pushRow(
    `(g) opening a member-wide vote (recordTransitions: discussion closed, roll snapshot, voting.opened entry, the voting-open notice with the roll as its audience)`,
    open,
    openBase,
    rawRollWords,
  );
  pushRow(
    `(g) after the opening, in the mail worker: writing the voting-open notices' ${fmt(fanOpen.rows)} outbox rows from the roll (expandFanouts, one audience)`,
    fanOpen.times,
    openBase,
    rawRollWords,
    true,
  );

  // --- Ballots ----------------------------------------------------------------------------------
  const t = performance.now();
  const castAt = new Date(opensAt.getTime() + 3_600_000).toISOString();
  for (const proposalId of proposalIds) await insertBallots(db, proposalId, ballots, castAt);
  await db.execute(sql`analyze votes; analyze roll_entries`);
  log(`(g) ${fmt(Math.min(ballots, roll.length))} ballots × ${ROUNDS} inserted in ${fmt((performance.now() - t) / 1000, 1)} s (no ballot.cast log entries)`);

  // --- Resolve (pure, in process) ---------------------------------------------------------------
  const voterRows = rowsOf(
    await db.execute(
      sql`select voter_user_id as u from votes where proposal_id = ${proposalIds[0]!}::uuid and stage_index = 0 and is_current and seat_id is null`,
    ),
  );
  const everyVoter = new Set(voterRows.map((v) => String(v.u)));
  const undelegated = new Set(roll.filter((e) => e.delegateUserId === null).map((e) => e.userId));
  for (const [label, voted] of [
    ['the ballots cast', everyVoter],
    ['the members who delegate nobody (chains followed)', undelegated],
  ] as const) {
    const times: number[] = [];
    const base: number[] = [];
    let counted = 0;
    for (let i = 0; i < 7; i++) {
      let t0 = performance.now();
      const byUser = new Map(roll.map((e) => [e.userId, e]));
      base.push(performance.now() - t0);
      if (byUser.size !== roll.length) throw new Error('roll has duplicates');
      t0 = performance.now();
      const rep = resolveRepresentation(roll, voted, 3);
      carriedWeights(roll, rep);
      times.push(performance.now() - t0);
      counted = rep.size;
    }
    // The first pass warms the JIT; the medians are of the other six.
    pushRow(
      `(g) resolve: resolveRepresentation + carriedWeights, ${fmt(roll.length)}-member roll, ${fmt(voted.size)} voters (${label}); ${fmt(counted)} counted`,
      times.slice(1),
      base.slice(1),
      'building a Map of the roll by user id (new Map over the same entries)',
    );
  }

  // --- The close ----------------------------------------------------------------------------------
  const close: number[] = [];
  const closeBase: number[] = [];
  const outcomes: string[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const proposalId = proposalIds[r]!;
    let t0 = performance.now();
    const raw = rowsOf(
      await db.execute(
        sql`select id, voter_user_id, choice, nonce, rationale, cast_at from votes where proposal_id = ${proposalId}::uuid and stage_index = 0 and is_current`,
      ),
    );
    closeBase.push(performance.now() - t0);
    if (raw.length === 0) throw new Error('no ballots');
    t0 = performance.now();
    const done = await recordTransitions(db, proposalId, org.id, new Date(closesAt.getTime() + 1000));
    close.push(performance.now() - t0);
    outcomes.push(done.join(' → '));
  }
  loads.push(await load());
  log(`(g) close: ${samples(close)} ms (${outcomes.join('; ')})`);
  const fanDecided = await timeFanouts(db, closesAt);
  const ballotsRead = `reading the stage's ${fmt(Math.min(ballots, roll.length))} current ballots into node (one raw SELECT)`;
  pushRow(
    `(g) tally at the close (recordTransitions: ${fmt(Math.min(ballots, roll.length))} ballots, delegations followed, voting.closed naming the roll and roll call attachment, decision, its notice with every member as its audience)`,
    close,
    closeBase,
    ballotsRead,
  );
  pushRow(
    `(g) after the close, in the mail worker: writing the decision's ${fmt(fanDecided.rows)} outbox rows for every member (expandFanouts, one audience)`,
    fanDecided.times,
    closeBase,
    ballotsRead,
    true,
  );
  table.push({
    figure: '(g) load average (1 min) before, after opening, after closing',
    measured: loads.join(' / '),
    baseline: '',
    ratio: '',
    target: '',
    met: '',
  });
}

const rawRollWords = 'raw INSERT … SELECT of the same rows from memberships into a copy of roll_entries (same key; no delegate looked up), rolled back';

/** Times the mail worker writing each waiting audience (one per pass), as many as there are. */
async function timeFanouts(db: Database, at: Date): Promise<{ times: number[]; rows: number }> {
  const { expandFanouts } = await import('@/lib/notify/fanout');
  const times: number[] = [];
  let rows = 0;
  for (;;) {
    const t0 = performance.now();
    const n = await expandFanouts(db, at, 1);
    if (n === 0) break;
    times.push(performance.now() - t0);
    rows = n;
  }
  if (times.length === 0) throw new Error('no audience was waiting');
  return { times, rows };
}

/** `untargeted`: a figure the issue sets no target for (the mail worker's pass after the event), reported beside the targeted ones. */
function pushRow(figure: string, times: readonly number[], base: readonly number[], baseline: string, untargeted = false): void {
  const m = median(times);
  const b = median(base);
  table.push({
    figure: `${figure}, median of ${times.length}`,
    measured: `${ms(m)} (${samples(times)})`,
    baseline: `${baseline}: ${ms(b)}`,
    ratio: `${fmt(m / b, 1)}×`,
    target: untargeted ? 'none (after the event)' : '< 2 s',
    met: untargeted ? '' : m < TARGET_MS ? 'yes' : 'no',
  });
}

/**
 * The cooperative of `n` members (the founder and n − 1 seeded by bulk SQL), its delegations,
 * and `rounds` member referendums published through the engine 60 days ago; with the instants
 * at which each opens (its comment window over) and closes. `slug` and `prefix` (of the seeded
 * members' user ids) let a second, smaller cooperative live beside it (bench/member-page.ts).
 */
export async function seedMemberVotes(db: Database, n: number, rounds: number, { slug = 'bench-members', prefix = 'bench-m-' } = {}) {
  const { users, memberships } = await import('@/db/schema');
  const { foundOrganization } = await import('@/lib/use-cases/founding');
  const { charterFromTemplate } = await import('@/lib/governance/templates');
  const { createDraft } = await import('@/lib/use-cases/drafts');
  const { publishProposal } = await import('@/lib/use-cases/publish');
  const start = new Date(Date.now() - 60 * DAY);
  // --- Seed -----------------------------------------------------------------------------------
  let t = performance.now();
  const [founder] = await db
    .insert(users)
    .values({ email: `founder@${slug}.example`, name: 'Founder', emailVerified: start })
    .returning({ id: users.id });
  const org = await db.transaction((tx) =>
    foundOrganization(tx, {
      slug,
      name: slug === 'bench-members' ? 'Bench cooperative' : `Bench cooperative (${slug})`,
      mission: 'Member-wide votes at scale.',
      createdBy: founder!.id,
      templateKey: 'cooperative',
      charter: charterFromTemplate('cooperative'),
      at: start,
    }),
  );
  // The founder is the first member; n − 1 more.
  await db.execute(sql`insert into users (id, name, email, email_verified, created_at)
    select ${prefix}::text || lpad(g::text, 7, '0'), 'Member ' || g, 'm' || g || ${`@${slug}.example`}::text, ${start.toISOString()}::timestamptz, ${start.toISOString()}::timestamptz
    from generate_series(0, ${n - 2}::integer) g`);
  await db.execute(sql`insert into ${memberships} (org_id, user_id, role, accepted_at, created_at)
    select ${org.id}::uuid, ${prefix}::text || lpad(g::text, 7, '0'), 'member', ${start.toISOString()}::timestamptz, ${start.toISOString()}::timestamptz
    from generate_series(0, ${n - 2}::integer) g`);
  const plan = delegationPlan(n - 1);
  await db.execute(sql`insert into delegations (org_id, delegator_user_id, delegate_user_id, type_key, created_at)
    select ${org.id}::uuid, f, d, k, ${start.toISOString()}::timestamptz
    from unnest(${arrayLiteral(plan.from.map((i) => memberId(i, prefix)))}::text[], ${arrayLiteral(plan.to.map((i) => memberId(i, prefix)))}::text[], ${arrayLiteral(plan.typeKey)}::text[]) as x(f, d, k)`);
  await db.execute(sql`analyze users; analyze memberships; analyze delegations`);
  log(
    `(g) ${fmt(n)} members, ${fmt(plan.from.length)} delegations in ${fmt(plan.chains)} chains (${plan.loops} loops) seeded in ${fmt((performance.now() - t) / 1000, 1)} s`,
  );

  const actor = { userId: founder!.id, role: 'admin' as const };
  const publishedAt = new Date(start.getTime() + 1000);
  const proposalIds: string[] = [];
  t = performance.now();
  for (let r = 0; r < rounds; r++) {
    const draft = await createDraft(
      db,
      actor,
      {
        orgId: org.id,
        typeKey: 'member_referendum',
        title: `Referendum ${r + 1}`,
        body: 'Every member decides.',
        subjectUserId: null,
        effect: {},
        emergency: false,
      },
      publishedAt,
    );
    await publishProposal(db, actor, { orgId: org.id, proposalId: draft.id }, publishedAt);
    proposalIds.push(draft.id);
  }
  log(`(g) ${rounds} referendums published in ${fmt((performance.now() - t) / 1000, 1)} s`);
  const opensAt = new Date(publishedAt.getTime() + 14 * DAY + 1000);
  const closesAt = new Date(opensAt.getTime() + 7 * DAY);
  return { org, founderId: founder!.id, proposalIds, opensAt, closesAt };
}

/** `count` current member ballots on a stage-0 roll (yes 50%, no 35%, abstain 15%; nonce 64 hex), members who delegate nobody first. */
export async function insertBallots(db: Database, proposalId: string, count: number, castAt: string): Promise<void> {
  await db.execute(sql`insert into votes (proposal_id, stage_index, seat_id, voter_user_id, choice, rationale, nonce, cast_at, is_current)
      select ${proposalId}::uuid, 0, null, r.user_id,
        (case when r.x % 20 < 10 then 'yes' when r.x % 20 < 17 then 'no' else 'abstain' end)::vote_choice,
        null, encode(sha256(convert_to(r.user_id || ${proposalId}, 'UTF8')), 'hex'), ${castAt}::timestamptz, true
      from (select user_id, abs(hashtext(user_id)) as x, row_number() over (order by (delegate_user_id is not null), user_id) as k
            from roll_entries where proposal_id = ${proposalId}::uuid and stage_index = 0) r
      where r.k <= ${count}::integer`);
}
