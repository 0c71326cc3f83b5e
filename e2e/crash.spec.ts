import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ActionClient, ActionTransportError } from '../scripts/support/action-client';
import type { ActionOutcome } from '../scripts/support/action-client';
import {
  consistencyProblems,
  createPostgresTarget,
  dropPostgresTarget,
  drillEnv,
  freePort,
  killDrillServers,
  openReader,
  postgresReachable,
  readDrillRows,
  runSetup,
  setServerClock,
  sleep,
  startAppServer,
  startSmtpSink,
  verifyPublicExport,
  waitQuiet,
  waitReady,
} from '../test/support/crash-drill';
import type { AppServer, DbTarget, DrillRows } from '../test/support/crash-drill';
import type { CrashSetup } from '../scripts/crash-setup';

/**
 * The crash drill. A real `next start` (production build, its own
 * database, in-process transition and delivery workers, a real SMTP server) is SIGKILLed, with
 * its whole process group, in the middle of a vote storm and in the middle of a notice fan-out,
 * then restarted. Driven over HTTP through the server actions, as browsers would; the database
 * is read directly after every kill (before the restart: for PGlite this is the first open of
 * the folder after the crash) and at the end. It must show:
 *  - no acknowledged write lost: every ballot, comment and publication the server answered ok is
 *    in the database exactly once; a request refused or never sent wrote nothing; a request in
 *    flight at the kill (no answer) is there at most once;
 *  - no half-written event: every row has its log entry and every entry its row, at every kill;
 *  - the log is gapless and verifies (from the rows, and from the public export with its signed
 *    checkpoints);
 *  - no notice lost: every outbox row ends sent and its Message-ID received; none twice, except
 *    messages in flight at a kill (accepted by the SMTP server, not yet marked sent), which are
 *    re-sent with the same Message-ID.
 *
 * Runs on PostgreSQL (a fresh database on TEST_DATABASE_URL or the local admin URL; skipped when
 * none is reachable) and on PGlite (a fresh data folder). CI length by default (30–50 s per
 * database); QUORATE_CRASH_FULL=1 runs 200 seats, three kills in the storm and three fan-out
 * rounds. Figures go to stdout. No browser: plain HTTP.
 */

const FULL = process.env.QUORATE_CRASH_FULL === '1';
/**
 * Seats (= voters) and the server time from the start of the storm to the close of the vote.
 * PGlite gets fewer seats in CI: its setup and every restart are slower (one connection, the
 * folder is reopened and recovered), and the CI run should stay under a minute per database.
 */
const PROFILES = {
  postgres: { seats: FULL ? 200 : 50, leadMs: FULL ? 40_000 : 12_000, thinkMs: 1_500, maxInFlight: 16 },
  pglite: { seats: FULL ? 200 : 20, leadMs: FULL ? 60_000 : 14_000, thinkMs: 1_500, maxInFlight: 4 },
} as const;
/** Voters keep going this long past the close (their ballots must be refused). */
const AFTER_CLOSE_MS = 2_000;
/** When the server is killed during the storm, as fractions of the lead. */
const STORM_KILLS = FULL ? [0.25, 0.5, 0.75] : [0.55];
const FANOUT_ROUNDS = FULL ? 3 : 1;
const DRAFTS_PER_ROUND = FULL ? 3 : 2;
const COMMENTERS = FULL ? 10 : 4;
const SMTP_DELAY_MS = 30;
const LEASE_MS = 3_000;
const CHOICES = ['yes', 'no', 'abstain'] as const;
const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

test.describe.configure({ mode: 'serial' });
// A drill that timed out never reached its own stop(): its detached servers must not outlive it.
test.afterEach(() => killDrillServers());

type Write = {
  id: string;
  what: 'ballot' | 'comment' | 'publication';
  voter?: number;
  choice?: string;
  /** Server time when sent (set when it goes on the wire). */
  sentAt: number;
  /** in-flight: sent, no answer (the kill); unknown: answered, but the answer cannot say (no-js, form gone). */
  outcome?: 'ok' | 'refused' | 'error' | 'in-flight' | 'never-sent' | 'unknown';
  message?: string;
  /** Wall-clock ms from sending to the answer. */
  latencyMs?: number;
};

/** At most `n` requests on the wire at once; the rest queue here. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(n: number) {
    this.free = n;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/** A gate the writers pass before each request: closed while the server is down. */
class Gate {
  private opened: Promise<void> = Promise.resolve();
  private release: () => void = () => {};
  close(): void {
    this.opened = new Promise((r) => (this.release = r));
  }
  open(): void {
    this.release();
  }
  pass(): Promise<void> {
    return this.opened;
  }
}

for (const kind of ['postgres', 'pglite'] as const) {
  test(`kill -9 of the server mid vote storm and mid notice fan-out loses nothing acknowledged, half-writes nothing, repeats only in-flight mail (${kind})`, async () => {
    test.setTimeout(FULL ? 900_000 : 150_000);
    // Each pass of the suite drills its own database (CI runs it once on PGlite, once on PostgreSQL with DATABASE_URL set);
    // QUORATE_CRASH_BOTH=1 runs both drills in one pass.
    const thisPass = process.env.DATABASE_URL ? 'postgres' : 'pglite';
    test.skip(kind !== thisPass && process.env.QUORATE_CRASH_BOTH !== '1', `the ${kind} drill runs in the suite's pass on ${kind}`);
    if (kind === 'postgres') test.skip(!(await postgresReachable(ADMIN_URL)), `no PostgreSQL reachable at ${ADMIN_URL} (set TEST_DATABASE_URL)`);
    // thinkMs: a voter's pause between changes of mind, thinkMs to 2 × thinkMs. maxInFlight:
    // requests on the wire at once — near what the server answers per second, so the storm keeps
    // it saturated without queueing every request for longer than the time between kills (each
    // answer re-renders the proposal page: about 8 a second on PostgreSQL, 2–3 on PGlite, here).
    const { seats, leadMs, thinkMs, maxInFlight } = PROFILES[kind];
    const root = process.cwd();
    const work = mkdtempSync(path.join(tmpdir(), `quorate-crash-${kind}-`));
    const target: DbTarget = kind === 'postgres' ? await createPostgresTarget(ADMIN_URL, 'quorate_crash') : { kind: 'pglite', dir: path.join(work, 'pglite') };
    const smtp = await startSmtpSink(SMTP_DELAY_MS);
    const port = await freePort();
    const dataDir = path.join(work, 'data');
    const serverOpts = {
      root,
      port,
      target,
      dataDir,
      mailDir: path.join(work, 'mail'),
      smtpUrl: smtp.url,
      env: {
        QUORATE_UNSAFE_TEST_CLOCK: '1',
        QUORATE_WORKER_INTERVAL_MS: '500',
        QUORATE_DELIVERY_INTERVAL_MS: '200',
        NOTIFY_LEASE_MS: String(LEASE_MS),
        NOTIFY_BATCH_SIZE: '40',
        NOTIFY_RETRY_BASE_MS: '1000',
      },
    };
    let server: AppServer | undefined;
    const outputs: string[][] = [];
    const figures: string[] = [];
    try {
      // --- Setup: the organization, the vote, sessions; then the server, its clock just before the storm.
      const setup = runSetup<CrashSetup>(root, { ...drillEnv(serverOpts), ...serverOpts.env }, [
        '--seats',
        String(seats),
        '--closes-in',
        '3600000',
        '--drafts',
        String(FANOUT_ROUNDS * DRAFTS_PER_ROUND),
      ]);
      const closesAt = new Date(setup.closesAt).getTime();
      server = startAppServer(serverOpts);
      outputs.push(server.output);
      const firstReadyMs = await waitReady(server);
      const actions = new ActionClient({ baseUrl: server.baseUrl, buildDir: path.join(root, '.next') });
      // Commenters post like a browser without JavaScript: the form itself, to the page.
      const noJs = new ActionClient({ baseUrl: server.baseUrl, buildDir: path.join(root, '.next'), mode: 'no-js' });
      const page = `/o/${setup.slug}/proposals/${setup.proposalNumber}`;
      // Warm up (the first render of a page and action loads their code): the page, and a ballot
      // the form validation refuses — it writes nothing.
      const warm = actions.withSession(setup.voters[0]!.sessionToken);
      expect((await fetch(`${server.baseUrl}${page}`, { headers: { Cookie: warm.cookie } })).status).toBe(200);
      expect(await warm.call('castBallotAction', page, { orgId: setup.orgId, proposalId: setup.proposalId, choice: 'maybe' })).toMatchObject({
        kind: 'refused',
        message: 'Please correct the highlighted fields.',
      });
      // The server's clock jumps to just before the storm (QUORATE_UNSAFE_TEST_CLOCK).
      const offset = setServerClock(dataDir, new Date(closesAt - leadMs));
      const clock = () => Date.now() + offset;
      const gate = new Gate();
      const slots = new Slots(maxInFlight);
      const writes: Write[] = [];
      const kills: {
        at: number;
        phase: string;
        readyMs: number;
        inFlight: number;
        ackedSoFar: number;
        outboxAtKill: Set<string>;
        sentAtKill: Set<string>;
        receivedAtKill: Set<string>;
        problems: string[];
        recoveredMs: number;
      }[] = [];

      const record = async (w: Write, call: () => Promise<ActionOutcome>): Promise<void> => {
        await slots.acquire();
        await gate.pass();
        w.sentAt = clock();
        writes.push(w);
        const sent = Date.now();
        try {
          const o = await call();
          w.outcome = o.kind === 'ok' || o.kind === 'refused' || o.kind === 'unknown' ? o.kind : 'error';
          w.message = o.kind === 'refused' || o.kind === 'ok' ? o.message : o.kind === 'redirect' ? o.location : `${o.status} ${o.body.slice(0, 200)}`;
        } catch (error) {
          if (!(error instanceof ActionTransportError)) throw error;
          w.outcome = error.neverSent ? 'never-sent' : 'in-flight';
          w.message = error.message;
        }
        w.latencyMs = Date.now() - sent;
        slots.release();
      };

      /** SIGKILL, read the database as the crash left it, restart. */
      const crash = async (phase: string) => {
        gate.close();
        const at = Date.now();
        const ackedSoFar = writes.filter((w) => w.outcome === 'ok').length;
        const inFlight = writes.filter((w) => w.outcome === undefined).length;
        await server!.kill9();
        await sleep(SMTP_DELAY_MS * 4); // acceptances in flight at the kill settle
        const receivedAtKill = new Set(smtp.received.map((r) => r.messageId));
        while (writes.some((w) => w.outcome === undefined)) await sleep(10); // their sockets reset
        const opening = Date.now();
        const reader = await openReader(target);
        const recoveredMs = Date.now() - opening;
        let rows: DrillRows;
        try {
          rows = await readDrillRows(reader, setup.orgId);
        } finally {
          await reader.close();
        }
        const problems = (await consistencyProblems(rows)).problems;
        // Durability: everything answered ok before the kill is in the crashed database.
        problems.push(
          ...lostWrites(
            writes.filter((w) => w.outcome === 'ok'),
            rows,
          ).map((id) => `acknowledged before the kill, missing after it: ${id}`),
        );
        const outboxAtKill = new Set(rows.outbox.map((o) => `<${o.id}@localhost>`));
        const sentAtKill = new Set(rows.outbox.filter((o) => o.status === 'sent').map((o) => `<${o.id}@localhost>`));
        server = startAppServer(serverOpts);
        outputs.push(server.output);
        const readyMs = await waitReady(server);
        kills.push({ at, phase, readyMs, inFlight, ackedSoFar, outboxAtKill, sentAtKill, receivedAtKill, problems, recoveredMs });
        gate.open();
      };

      // --- The vote storm, with kills in it.
      const stormStart = clock();
      const stormStartedAt = Date.now();
      const voter = async (v: number) => {
        const me = actions.withSession(setup.voters[v]!.sessionToken);
        await sleep(thinkMs * Math.random()); // people do not all click at the same millisecond
        for (let n = 0; ; n++) {
          const w: Write = { id: `crash ${kind} v${v} n${n}`, what: 'ballot', voter: v, choice: CHOICES[(v + n) % 3], sentAt: 0 };
          await record(w, () => me.call('castBallotAction', page, { orgId: setup.orgId, proposalId: setup.proposalId, choice: w.choice!, rationale: w.id }));
          // Every voter votes until the close; every fifth also tries once well after it (refused).
          if (w.sentAt >= closesAt + (v % 5 === 0 ? AFTER_CLOSE_MS : 0)) return;
          // A person rethinking, not a script: well under the 20-ballots-a-minute burst limit.
          await sleep(thinkMs * (1 + Math.random()));
        }
      };
      const commenter = async (c: number) => {
        const me = noJs.withSession(setup.voters[seats - 1 - c]!.sessionToken);
        for (let n = 0; clock() < closesAt; n++) {
          const w: Write = { id: `crash ${kind} comment c${c} n${n}`, what: 'comment', sentAt: 0 };
          await record(w, () =>
            me.call('postCommentAction', page, { orgId: setup.orgId, proposalId: setup.proposalId, body: w.id, stance: 'none' }, { form: 'New comment' }),
          );
          await sleep(6_500); // under the 10-comments-a-minute burst limit
        }
      };
      const killer = async () => {
        for (const f of STORM_KILLS) {
          while (clock() < stormStart + f * leadMs) await sleep(20);
          await crash(`vote storm, ${Math.round((closesAt - clock()) / 1000)} s before the close`);
        }
      };
      await Promise.all([...setup.voters.map((_, v) => voter(v)), ...Array.from({ length: COMMENTERS }, (_, c) => commenter(c)), killer()]);
      const stormMs = Date.now() - stormStartedAt;

      // The worker records the close and the decision (and enqueues the decision notices).
      await expect
        .poll(async () => (await (await fetch(`${server!.baseUrl}/api/o/${setup.slug}/log/export`)).text()).includes('"kind":"proposal.decided"'), {
          timeout: 30_000,
        })
        .toBe(true);

      // --- Notice fan-out: publications, each noticing every seat holder; killed mid-delivery.
      for (let r = 0; r < FANOUT_ROUNDS; r++) {
        const drafts = setup.drafts.slice(r * DRAFTS_PER_ROUND, (r + 1) * DRAFTS_PER_ROUND);
        const before = smtp.received.length;
        await Promise.all(
          drafts.map((d) =>
            record({ id: d.id, what: 'publication', sentAt: 0 }, () =>
              actions
                .withSession(d.authorSessionToken)
                .call('publishProposalAction', `/o/${setup.slug}/proposals/${d.number}`, { orgId: setup.orgId, proposalId: d.id }),
            ),
          ),
        );
        const expected = drafts.length * (seats + 1);
        await expect.poll(() => smtp.received.length - before, { timeout: 30_000 }).toBeGreaterThanOrEqual(Math.floor(expected / 3));
        await crash(`notice fan-out ${r + 1}: ${smtp.received.length - before} of ${expected} mails received`);
      }

      // --- Drain: the restarted worker re-sends what the dead one had claimed, after its lease.
      const drainStarted = Date.now();
      if (target.kind === 'postgres') {
        // PostgreSQL can be watched while the server runs; a PGlite folder only once it stops.
        const watcher = await openReader(target);
        try {
          await expect
            .poll(
              async () =>
                Number(
                  (await watcher.query<{ n: number }>("select count(*)::int as n from outbox where org_id = $1 and status <> 'sent'", [setup.orgId]))[0]!.n,
                ),
              { timeout: LEASE_MS + 60_000 },
            )
            .toBe(0);
        } finally {
          await watcher.close();
        }
      }
      const lastKill = kills.at(-1)!;
      await waitQuiet(smtp.received, 2_000, LEASE_MS + 90_000, () => {
        const got = new Set(smtp.received.map((r) => r.messageId));
        return [...lastKill.outboxAtKill].every((id) => got.has(id));
      });
      const drainMs = Date.now() - drainStarted;

      // The public export, as anyone would check it: chain, tree heads, signatures.
      const exported = await verifyPublicExport(server.baseUrl, setup.slug);
      expect(exported.problems).toEqual([]);
      await server.stop();

      // --- The end state.
      const reader = await openReader(target);
      let rows: DrillRows;
      try {
        rows = await readDrillRows(reader, setup.orgId);
      } finally {
        await reader.close();
      }
      const { problems, report } = await consistencyProblems(rows);
      expect(problems).toEqual([]);
      expect(report.ok).toBe(true);
      for (const k of kills) expect(k.problems, `state right after the kill (${k.phase})`).toEqual([]);
      expect(exported.entriesChecked).toBeLessThanOrEqual(rows.entries.length);

      // Writes: ok → exactly once; refused / error / never sent → absent; in flight → at most once.
      const present = presence(rows);
      const byOutcome = (o: Write['outcome']) => writes.filter((w) => w.outcome === o);
      for (const w of byOutcome('ok')) expect(present.get(w.id) ?? 0, `acknowledged ${w.what} ${w.id}`).toBe(1);
      for (const w of [...byOutcome('refused'), ...byOutcome('error'), ...byOutcome('never-sent')])
        expect(present.get(w.id) ?? 0, `${w.outcome} ${w.what} ${w.id}: ${w.message}`).toBe(0);
      const inFlight = [...byOutcome('in-flight'), ...byOutcome('unknown')];
      for (const w of inFlight) expect(present.get(w.id) ?? 0, `in flight ${w.what} ${w.id}`).toBeLessThanOrEqual(1);
      expect(byOutcome('error').map((w) => `${w.id}: ${w.message}`)).toEqual([]);
      expect(byOutcome(undefined)).toEqual([]);
      // Every publication was answered ok (none was in flight at a kill: they finish before it).
      expect(writes.filter((w) => w.what === 'publication' && w.outcome !== 'ok').map((w) => `${w.id}: ${w.outcome} ${w.message}`)).toEqual([]);

      // Ballots: refusals are the close's (or the burst limit's); each seat's current ballot is its
      // voter's last one that reached the database, never older than the last acknowledged one.
      const ballots = writes.filter((w) => w.what === 'ballot');
      for (const w of ballots.filter((b) => b.outcome === 'refused'))
        expect(w.message).toMatch(
          /^(Voting is not open: the proposal is (passed|rejected|failed quorum)\.|Voting has closed: the result has already been recorded\.|Too many votes in a short time\. .*)$/,
        );
      for (const w of ballots.filter((b) => b.outcome === 'ok'))
        expect(w.sentAt, `${w.id} acknowledged but sent after the close`).toBeLessThan(closesAt + 1_000);
      const voteByRationale = new Map(rows.votes.map((v) => [v.rationale, v]));
      for (const [v, voterInfo] of setup.voters.entries()) {
        const mine = ballots.filter((b) => b.voter === v);
        const current = rows.votes.filter((x) => x.seatId === voterInfo.seatId && x.isCurrent);
        const landed = mine.filter((b) => voteByRationale.has(b.id));
        if (landed.length === 0) {
          expect(current, `voter ${v}`).toHaveLength(0);
          continue;
        }
        expect(current, `voter ${v}`).toHaveLength(1);
        expect(current[0]!.rationale, `voter ${v}: the last ballot that reached the database is current`).toBe(landed.at(-1)!.id);
        const lastOk = mine.filter((b) => b.outcome === 'ok').at(-1);
        if (lastOk) expect(mine.indexOf(landed.at(-1)!)).toBeGreaterThanOrEqual(mine.indexOf(lastOk));
      }
      // The recorded close's roll call is the current ballots: nothing was accepted behind it.
      const closed = rows.entries.find((e) => e.kind === 'voting.closed' && e.subject === `proposal:${setup.proposalId}`)!;
      expect(closed).toBeDefined();
      const rollCall = new Map((closed.payload.rollCall as { seatId: string; voteId: string }[]).map((x) => [x.seatId, x.voteId]));
      expect(new Map(rows.votes.filter((x) => x.isCurrent && x.castAt.getTime() < closesAt).map((x) => [x.seatId, x.id]))).toEqual(rollCall);
      expect(rows.votes.filter((x) => x.castAt.getTime() >= closesAt)).toEqual([]);
      const tally = closed.payload.tally as { yes: number; no: number; abstain: number };
      const counts = { yes: 0, no: 0, abstain: 0 };
      for (const x of rows.votes.filter((y) => y.isCurrent)) counts[x.choice as keyof typeof counts]++;
      expect({ yes: tally.yes, no: tally.no, abstain: tally.abstain }).toEqual(counts);

      // Notices: every outbox row sent and received; nothing else received; repeats only in flight.
      expect(rows.outbox.filter((o) => o.status !== 'sent').map((o) => `${o.kind} ${o.id}: ${o.status}`)).toEqual([]);
      const expectedIds = new Set(rows.outbox.map((o) => `<${o.id}@localhost>`));
      const copies = new Map<string, number>();
      for (const r of smtp.received) copies.set(r.messageId, (copies.get(r.messageId) ?? 0) + 1);
      expect([...copies.keys()].filter((id) => !expectedIds.has(id))).toEqual([]);
      expect([...expectedIds].filter((id) => !copies.has(id))).toEqual([]);
      const inFlightMail = new Set(kills.flatMap((k) => [...k.receivedAtKill].filter((id) => !k.sentAtKill.has(id))));
      const repeated = [...copies].filter(([, n]) => n > 1);
      expect(repeated.filter(([id, n]) => n > 2 || !inFlightMail.has(id))).toEqual([]);
      const duplicates = smtp.received.length - copies.size;
      expect(duplicates).toBeLessThanOrEqual(inFlightMail.size);

      // --- Figures.
      const count = (what: Write['what'], o: Write['outcome']) => writes.filter((w) => w.what === what && w.outcome === o).length;
      const inFlightLanded = inFlight.filter((w) => present.get(w.id)).length;
      const okLatency = ballots
        .filter((b) => b.outcome === 'ok')
        .map((b) => b.latencyMs!)
        .sort((a, b) => a - b);
      const pct = (p: number) => okLatency[Math.min(okLatency.length - 1, Math.floor(p * okLatency.length))] ?? 0;
      figures.push(
        `[crash ${kind}] ${seats} seats; setup ${setup.setupMs} ms, first start ${firstReadyMs} ms`,
        `[crash ${kind}] storm ${stormMs} ms: ballots ok ${count('ballot', 'ok')} (${((count('ballot', 'ok') * 1000) / stormMs).toFixed(1)}/s, latency p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms), refused ${count('ballot', 'refused')}, in flight at a kill ${count('ballot', 'in-flight')}, never sent ${count('ballot', 'never-sent')}; comments ok ${count('comment', 'ok')}, in flight ${count('comment', 'in-flight')}, answered without saying (no-js page without its form) ${count('comment', 'unknown')}; publications ok ${count('publication', 'ok')}`,
        `[crash ${kind}] refusals: ${JSON.stringify(
          Object.fromEntries(
            tallyBy(
              writes.filter((w) => w.outcome === 'refused'),
              (w) => `${w.what}: ${w.message}`,
            ),
          ),
        )}`,
        `[crash ${kind}] uncertain writes (in flight at a kill, or answered without saying) that had committed: ${inFlightLanded} of ${inFlight.length}; acknowledged writes lost: 0; duplicates: 0; half-written events: 0`,
        ...kills.map(
          (k, i) =>
            `[crash ${kind}] kill ${i + 1} (${k.phase}): ${k.ackedSoFar} writes acknowledged before it, ${k.inFlight} in flight; database readable again in ${k.recoveredMs} ms${kind === 'pglite' ? ' (PGlite folder reopened)' : ''}; restarted and ready in ${k.readyMs} ms; mail in flight ${[...k.receivedAtKill].filter((id) => !k.sentAtKill.has(id)).length}`,
        ),
        `[crash ${kind}] log ${rows.entries.length} entries, gapless, verified (root ${report.root.slice(0, 16)}…); public export verified with ${exported.checkpoints} signed checkpoint(s)`,
        `[crash ${kind}] notices: ${rows.outbox.length} outbox rows all sent, ${smtp.received.length} receptions of ${copies.size} Message-IDs: ${duplicates} duplicate(s), all of mail in flight at a kill (${inFlightMail.size} in flight in total); drain after the last restart ${drainMs} ms`,
      );
      for (const line of figures) console.log(line);
    } catch (error) {
      // What the servers said, for the failure report.
      for (const [i, out] of outputs.entries()) console.log(`--- server ${i + 1} output (tail) ---\n${out.join('').slice(-4000)}`);
      throw error;
    } finally {
      if (server) await server.stop(2_000).catch(() => {});
      await smtp.close();
      await dropPostgresTarget(target).catch(() => {});
      rmSync(work, { recursive: true, force: true });
    }
  });
}

function tallyBy<T>(list: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

/** How many times each write's marker is in the database (ballot rationale, comment body, publication). */
function presence(rows: DrillRows): Map<string, number> {
  const n = new Map<string, number>();
  const add = (id: string | null) => id !== null && n.set(id, (n.get(id) ?? 0) + 1);
  for (const v of rows.votes) add(v.rationale);
  for (const c of rows.comments) add(c.body);
  for (const p of rows.proposals) if (p.status === 'published') add(p.id);
  return n;
}

function lostWrites(acked: Write[], rows: DrillRows): string[] {
  const present = presence(rows);
  return acked.filter((w) => (present.get(w.id) ?? 0) !== 1).map((w) => `${w.what} ${w.id} (×${present.get(w.id) ?? 0})`);
}
