// The storm of the scale-out run (bench/scale-out.ts): voters casting ballots, some comments and a
// few publications, each through the real server action over HTTP (scripts/support/action-client),
// and the checks that every acknowledged write is in the database exactly once, with its log entry.

import { watch } from 'node:fs';
import { ActionClient, ActionTransportError } from '@/scripts/support/action-client';
import type { ActionOutcome, SessionRow } from '@/scripts/support/action-client';
import type postgres from 'postgres';

/** A storm organization as the run seeded it: the vote, the proposal open for comments, the drafts. */
export type StormTarget = {
  slug: string;
  orgId: string;
  vote: { id: string; number: number };
  discussion: { id: string; number: number };
  drafts: { id: string; number: number; author: number }[];
  /** One signed-in session per voter, in voter order. */
  sessions: SessionRow[];
};

type Task = { kind: 'vote' | 'comment' | 'publish'; voter: number; pagePath: string; action: string; fields: Record<string, string>; key: string };

export type StormResult = {
  wallMs: number;
  voteLatencies: number[];
  /** Acknowledged writes (HTTP 200 with ok: true), by kind: voter index, comment body, proposal id. */
  acked: { vote: Set<number>; comment: Set<string>; publish: Set<string> };
  /** Not acknowledged: refused, 5xx, dropped on the wire (their outcome is unknown unless refused). */
  notAcked: { refused: number; error: number; transport: number; firsts: string[] };
};

/** The tasks of one storm: every voter votes; a comment every `commentEvery` votes; the publications before `killAt`. */
export function stormTasks(t: StormTarget, voters: number, killAt: number, tag: string, commentEvery = 10): Task[] {
  const choices = ['yes', 'no', 'abstain'];
  const tasks: Task[] = [];
  const votePath = `/o/${t.slug}/proposals/${t.vote.number}`;
  const commentPath = `/o/${t.slug}/proposals/${t.discussion.number}`;
  for (let i = 0; i < voters; i++) {
    tasks.push({
      kind: 'vote',
      voter: i,
      pagePath: votePath,
      action: 'castBallotAction',
      fields: { orgId: t.orgId, proposalId: t.vote.id, choice: choices[i % 3]! },
      key: String(i),
    });
    if (i % commentEvery === commentEvery - 1) {
      // A different person from the voter just before: each comment is its author's only one in the minute (limit 10).
      const author = (i * 7 + 3) % voters;
      const body = `${tag} comment ${i} by voter ${author}`;
      tasks.push({
        kind: 'comment',
        voter: author,
        pagePath: commentPath,
        action: 'postCommentAction',
        fields: { orgId: t.orgId, proposalId: t.discussion.id, body, stance: 'support' },
        key: body,
      });
    }
  }
  // The publications go in before `killAt` (a fraction of the storm), the last just before it: each gives notice to
  // every seat holder, mail for the workers while one is killed.
  t.drafts.forEach((d, k) => {
    const at = Math.max(0, Math.floor((killAt * (k + 1) * tasks.length) / t.drafts.length) - 2);
    tasks.splice(at, 0, {
      kind: 'publish',
      voter: d.author,
      pagePath: `/o/${t.slug}/proposals/${d.number}`,
      action: 'publishProposalAction',
      fields: { orgId: t.orgId, proposalId: d.id },
      key: d.id,
    });
  });
  return tasks;
}

/** Runs the tasks `lanes` at a time against `baseUrl`; `onProgress` after each one. */
export async function runStorm(
  baseUrl: string,
  t: StormTarget,
  tasks: Task[],
  lanes: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<StormResult> {
  const client = new ActionClient({ baseUrl, timeoutMs: 60_000 });
  const signedIn = t.sessions.map((s) => client.withSession(s.sessionToken));
  const result: StormResult = {
    wallMs: 0,
    voteLatencies: [],
    acked: { vote: new Set(), comment: new Set(), publish: new Set() },
    notAcked: { refused: 0, error: 0, transport: 0, firsts: [] },
  };
  const note = (what: string) => {
    if (result.notAcked.firsts.length < 5) result.notAcked.firsts.push(what.slice(0, 300));
  };
  let next = 0;
  let done = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      const t0 = performance.now();
      let outcome: ActionOutcome | null = null;
      try {
        outcome = await signedIn[task.voter]!.call(task.action, task.pagePath, task.fields);
      } catch (error) {
        if (!(error instanceof ActionTransportError)) throw error;
        result.notAcked.transport++;
        note(`${task.kind}: ${error.message}`);
      }
      if (task.kind === 'vote') result.voteLatencies.push(performance.now() - t0);
      if (outcome?.kind === 'ok') {
        if (task.kind === 'vote') result.acked.vote.add(task.voter);
        else if (task.kind === 'comment') result.acked.comment.add(task.key);
        else result.acked.publish.add(task.key);
      } else if (outcome) {
        if (outcome.kind === 'refused') result.notAcked.refused++;
        else result.notAcked.error++;
        note(`${task.kind}: ${JSON.stringify(outcome)}`);
      }
      onProgress(++done, tasks.length);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  result.wallMs = performance.now() - started;
  return result;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export type WriteCheck = {
  /** Acknowledged but not stored (or stored without being visible as one row). */
  lost: number;
  /** Stored more than once (a ballot row per voter, a comment body, a publication entry). */
  duplicates: number;
  /** Half-written: a ballot or comment without its log entry, an entry without its row, a publication without notice rows. */
  halfWritten: number;
  /** Stored though not acknowledged (in flight at the kill, or answered 5xx after the commit): allowed. */
  unacknowledgedStored: number;
  detail: string[];
};

type Sql = postgres.Sql;

/** Every acknowledged write of one storm present exactly once, each with its log entry; nothing half-written. */
export async function checkWrites(q: Sql, t: StormTarget, r: StormResult, seats: number): Promise<WriteCheck> {
  const c: WriteCheck = { lost: 0, duplicates: 0, halfWritten: 0, unacknowledgedStored: 0, detail: [] };
  const bad = (field: 'lost' | 'duplicates' | 'halfWritten', n: number, what: string) => {
    if (n <= 0) return;
    c[field] += n;
    c.detail.push(`${what}: ${n}`);
  };
  // Ballots: one row per voter who voted once, current, with exactly one ballot.cast entry naming it.
  const userOf = new Map(t.sessions.map((s, i) => [s.userId, i]));
  const rows = await q<{ voter: string; n: number; cur: number }[]>`
    select voter_user_id as voter, count(*)::int as n, (count(*) filter (where is_current))::int as cur
    from votes where proposal_id = ${t.vote.id} group by voter_user_id`;
  const stored = new Map(rows.map((row) => [userOf.get(row.voter) ?? -1, row]));
  bad('lost', [...r.acked.vote].filter((v) => !stored.has(v)).length, 'acknowledged ballots missing');
  bad('duplicates', rows.filter((row) => row.n !== 1 || row.cur !== 1).length, 'voters with other than one (current) ballot');
  c.unacknowledgedStored += [...stored.keys()].filter((v) => !r.acked.vote.has(v)).length;
  const [ballots] = await q<{ unlogged: number; orphan: number; twice: number }[]>`
    select
      (select count(*)::int from votes v where v.proposal_id = ${t.vote.id} and not exists
        (select 1 from decision_log l where l.org_id = ${t.orgId} and l.kind = 'ballot.cast' and l.payload->>'voteId' = v.id::text)) as unlogged,
      (select count(*)::int from decision_log l where l.org_id = ${t.orgId} and l.kind = 'ballot.cast' and not exists
        (select 1 from votes v where v.id::text = l.payload->>'voteId')) as orphan,
      (select count(*)::int from (select 1 from decision_log l where l.org_id = ${t.orgId} and l.kind = 'ballot.cast'
        group by l.payload->>'voteId' having count(*) > 1) d) as twice`;
  bad('halfWritten', ballots!.unlogged, 'ballots without their ballot.cast entry');
  bad('halfWritten', ballots!.orphan, 'ballot.cast entries without their ballot');
  bad('duplicates', ballots!.twice, 'ballots logged twice');
  // Comments: each acknowledged body once, each with one comment.posted entry naming it.
  const bodies = await q<{ body: string; n: number }[]>`
    select body, count(*)::int as n from comments where proposal_id = ${t.discussion.id} group by body`;
  const byBody = new Map(bodies.map((b) => [b.body, b.n]));
  bad('lost', [...r.acked.comment].filter((b) => !byBody.has(b)).length, 'acknowledged comments missing');
  bad('duplicates', bodies.filter((b) => b.n > 1).length, 'comments stored twice');
  c.unacknowledgedStored += bodies.filter((b) => !r.acked.comment.has(b.body)).length;
  const [comments] = await q<{ unlogged: number; orphan: number }[]>`
    select
      (select count(*)::int from comments m where m.proposal_id = ${t.discussion.id} and not exists
        (select 1 from decision_log l where l.org_id = ${t.orgId} and l.kind = 'comment.posted' and l.payload->>'commentId' = m.id::text)) as unlogged,
      (select count(*)::int from decision_log l where l.org_id = ${t.orgId} and l.kind = 'comment.posted' and not exists
        (select 1 from comments m where m.id::text = l.payload->>'commentId')) as orphan`;
  bad('halfWritten', comments!.unlogged, 'comments without their comment.posted entry');
  bad('halfWritten', comments!.orphan, 'comment.posted entries without their comment');
  // Publications: published once, one proposal.published entry, notice to at least every seat holder.
  for (const d of t.drafts) {
    const [p] = await q<{ status: string; logged: number; notices: number; events: number }[]>`
      select p.status::text as status,
        (select count(*)::int from decision_log l where l.org_id = ${t.orgId} and l.kind = 'proposal.published' and l.subject = ${`proposal:${d.id}`}) as logged,
        (select count(*)::int from notify_events e where e.key = ${`published:${d.id}`}) as events,
        (select count(*)::int from outbox o join notify_events e on e.id = o.event_id where e.key = ${`published:${d.id}`}) as notices
      from proposals p where p.id = ${d.id}`;
    const published = p!.status !== 'draft';
    if (r.acked.publish.has(d.id) && !published) bad('lost', 1, `acknowledged publication of #${d.number} not stored`);
    if (!r.acked.publish.has(d.id) && published) c.unacknowledgedStored++;
    if (!published) continue;
    bad('duplicates', p!.logged - 1, `#${d.number} logged as published more than once`);
    bad('halfWritten', p!.logged === 0 ? 1 : 0, `#${d.number} published without its log entry`);
    bad(
      'halfWritten',
      p!.events === 1 && p!.notices >= seats ? 0 : 1,
      `#${d.number} published without notice rows for its ${seats} seat holders (${p!.notices})`,
    );
  }
  // Any event recorded without its outbox rows (written with it, or fanned out by the worker since).
  const [events] = await q<{ n: number }[]>`
    select count(*)::int as n from notify_events e where e.org_id = ${t.orgId}
      and ((e.audience is null and not exists (select 1 from outbox o where o.event_id = e.id)) or (e.audience is not null and e.fanned_out_at is null))`;
  bad('halfWritten', events!.n, 'notice events without their outbox rows');
  return c;
}

/** The entry count a signed-out visitor sees on the log page (app/o/[slug]/log/page.tsx: "Entries"). */
export async function shownLogSize(base: string, slug: string): Promise<number | null> {
  const res = await fetch(`${base}/o/${slug}/log`, { signal: AbortSignal.timeout(10_000) });
  if (res.status !== 200) return null;
  const m = /Entries<\/dt><dd[^>]*>(\d+)<\/dd>/.exec(await res.text());
  return m ? Number(m[1]) : null;
}

/**
 * Counts each message file the file transport puts in place: it writes `.<id>.eml.tmp`, then
 * renames it to `<id>.eml` (lib/notify/mailer.ts), the same name on every attempt, so a resend
 * overwrites the file; the rename events tell how many times each outbox row's mail was sent.
 * `<id>` ends with the outbox row's id.
 */
export function watchMail(dir: string): { writes: Map<string, number>; close: () => void } {
  const writes = new Map<string, number>();
  const w = watch(dir, (event, file) => {
    if (event !== 'rename' || !file || file.startsWith('.') || !file.endsWith('.eml')) return;
    const outboxId = file.slice(0, -'.eml'.length).slice(-36);
    writes.set(outboxId, (writes.get(outboxId) ?? 0) + 1);
  });
  return { writes, close: () => w.close() };
}
