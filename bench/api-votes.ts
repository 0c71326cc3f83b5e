// (j) An API vote (POST /api/v1/…/ballots with a Bearer token) against the same vote through the
// engine (castBallot in process): issue 16's target, at most 1.5×.

import { and, count, eq, like } from 'drizzle-orm';
import { fmt, log, ms, notes, num, startServer, table } from './common';
import type { BenchDatabase } from './common';

// On PostgreSQL, on a board of many seats (scripts/support/storm-org, all through the engine), the
// votes going round the seat holders so none meets the ballot rate limit (20 a minute per person,
// shared by the form and the API). Sequential; each figure timed in blocks interleaved with blocks
// of engine votes, so a shared machine's load swings hit both sides.
export async function apiVoteBench({ pg, pgUrl }: BenchDatabase): Promise<void> {
  const { decisionLog, votes } = await import('@/db/schema');
  const { createStormOrg } = await import('@/scripts/support/storm-org');
  const { castBallot } = await import('@/lib/use-cases/ballots');
  const { issueApiToken } = await import('@/lib/use-cases/api-tokens');
  const { findApiTokenByHash } = await import('@/db/queries/api-tokens');
  const { getOrganizationAccessBySlug } = await import('@/db/queries/organizations');
  const { findApiWriteGrant, findProposalRef } = await import('@/db/queries/api');
  const { getActingMembership } = await import('@/db/queries/memberships');
  const { consumeLimit, consumeLimitIn } = await import('@/lib/rate-limit');
  const { hashApiToken } = await import('@/lib/auth/api-token');
  const n = num('votes');
  const warm = 20;
  const block = 10;
  // Two runs of n + warm votes (the engine and the API over HTTP): at most ~15 per seat holder.
  const seatCount = Math.max(60, Math.ceil((2 * (n + warm)) / 15));
  const t0 = performance.now();
  const org = await createStormOrg(pg.db, { slug: 'bench-api-votes', seats: seatCount, voteClosesAt: new Date(Date.now() + 86_400_000), concurrency: 4 });
  const tokens: string[] = [];
  for (const v of org.voters)
    tokens.push((await issueApiToken(pg.db, v.userId, { name: 'bench', scope: 'write', orgId: org.orgId, expiresInDays: 7 }, new Date())).token);
  log(`(j) ${seatCount}-seat board and ${tokens.length} tokens ready in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  const { orgId, proposalId } = org;
  const choices = ['yes', 'no', 'abstain'] as const;
  const voter = (i: number) => org.voters[i % org.voters.length]!;
  const engineVote = (i: number) =>
    castBallot(pg.db, { userId: voter(i).userId, role: 'member' }, { orgId, proposalId, choice: choices[i % 3]!, rationale: `engine ${i}` }, new Date());
  const apiPath = `/api/v1/orgs/${org.slug}/proposals/${org.proposalNumber}/ballots`;
  const apiRequest = (base: string, i: number, tag: string, choice: string = choices[i % 3]!) =>
    new Request(`${base}${apiPath}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens[i % tokens.length]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ choice, rationale: `${tag} ${i}` }),
    });
  const failures: string[] = [];
  const expectStatus = async (res: Response, status: number) => {
    const text = await res.text();
    if (res.status !== status && failures.length < 3) failures.push(`${res.status} ${text.slice(0, 200)}`);
    return res.status === status;
  };

  /** Times `a` and `b` over n calls each, in interleaved blocks; returns total ms of each. */
  async function interleaved(a: (i: number) => Promise<unknown>, b: (i: number) => Promise<unknown>, offset: number): Promise<[number, number]> {
    for (let i = 0; i < warm; i++) {
      await a(offset + i);
      await b(offset + i);
    }
    let aMs = 0;
    let bMs = 0;
    for (let start = 0; start < n; start += block) {
      const end = Math.min(n, start + block);
      let t = performance.now();
      for (let i = start; i < end; i++) await a(offset + warm + i);
      aMs += performance.now() - t;
      t = performance.now();
      for (let i = start; i < end; i++) await b(offset + warm + i);
      bMs += performance.now() - t;
    }
    return [aMs, bMs];
  }
  const stored = async (tag: string) => {
    const [v] = await pg.db
      .select({ n: count() })
      .from(votes)
      .where(and(eq(votes.proposalId, proposalId), like(votes.rationale, `${tag} %`)));
    return v!.n;
  };
  const logged = async () => {
    const [l] = await pg.db
      .select({ n: count() })
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.kind, 'ballot.cast')));
    return l!.n;
  };
  const row = (what: string, apiMs: number, engineMs: number, checks: string, ok: boolean) => {
    const ratio = apiMs / engineMs;
    table.push({
      figure: `(j) PostgreSQL vote: ${what}, ${fmt(n)} sequential`,
      measured: `${ms(apiMs / n)} each; ${checks}`,
      baseline: `the engine's castBallot in process, interleaved: ${ms(engineMs / n)} each`,
      ratio: `${fmt(ratio, 2)}×`,
      target: '≤ 1.5×, none lost',
      met: ratio <= 1.5 && ok ? 'yes' : ok ? 'no' : 'NO (lost/unlogged/refused)',
    });
  };

  // The route handler cannot be timed in this process: it imports Next.js's client-side modules,
  // which do not load under the react-server condition the bench runs with. The floor below (the
  // same POST refused by the schema) shows what the API layer costs before the vote itself.
  let acknowledged = 0;
  const logBefore = await logged();
  // Over HTTP: `next start`, the Bearer token and JSON, as a script would send it.
  const server = await startServer({ DATABASE_URL: pgUrl }, 'API votes');
  const offset = 0;
  const [httpMs, engineMs2] = await interleaved(
    async (i) => {
      if (await expectStatus(await fetch(apiRequest(server.base, i, 'http')), 201)) acknowledged++;
    },
    engineVote,
    offset,
  );
  // Where the time goes: the same POST refused by the schema (HTTP, token, organization, proposal; no vote).
  const reps = 50;
  let t = performance.now();
  for (let i = 0; i < reps; i++) await expectStatus(await fetch(apiRequest(server.base, offset + i, 'floor', 'maybe')), 400);
  const floorMs = (performance.now() - t) / reps;
  t = performance.now();
  for (let i = 0; i < reps; i++) await (await fetch(`${server.base}/api/health`)).arrayBuffer();
  const healthMs = (performance.now() - t) / reps;
  if (server.stderr().trim()) notes.push(`(j) API vote server stderr: ${server.stderr().trim().slice(-1000)}`);
  await server.stop();
  {
    const lost = acknowledged - (await stored('http'));
    const unlogged = 2 * (n + warm) - (await logged()) + logBefore;
    const refused = n + warm - acknowledged;
    row(
      'the API over HTTP (`next start`, Bearer token, JSON)',
      httpMs,
      engineMs2,
      `lost ${lost}, unlogged ${unlogged}, refused ${refused}`,
      !lost && !unlogged && !refused,
    );
  }
  // In process, each lookup the route makes around the use case (the same DAL functions, on this
  // process's pool): what an API vote adds to the engine's, besides HTTP.
  const steps: [string, (i: number) => Promise<unknown>][] = [
    ['token by hash', (i) => findApiTokenByHash(pg.db, hashApiToken(tokens[i % tokens.length]!))],
    ['organization by slug', () => getOrganizationAccessBySlug(pg.db, org.slug)],
    ['proposal by number', () => findProposalRef(pg.db, orgId, org.proposalNumber)],
    ['membership and role (authorizeMember, the form)', (i) => getActingMembership(pg.db, orgId, voter(i).userId)],
    // What an API write reads now instead of the four above: one statement.
    [
      'token, organization, membership and proposal in one statement (findApiWriteGrant, the API)',
      (i) => findApiWriteGrant(pg.db, hashApiToken(tokens[i % tokens.length]!), org.slug, org.proposalNumber),
    ],
    // A key of its own: the voters' own ballot allowances are left as they are.
    ['rate limit point on its own (a committed write)', (i) => consumeLimit(pg.db, 'ballot', `bench-api-step-${i}`)],
    // The same point inside a transaction with nothing else: what it adds to the vote's own transaction is one statement, not a commit.
    ['rate limit point in a transaction (BEGIN, the point, COMMIT)', (i) => pg.db.transaction((tx) => consumeLimitIn(tx, 'ballot', `bench-api-tx-${i}`))],
  ];
  const stepMs: string[] = [];
  for (const [name, fn] of steps) {
    for (let i = 0; i < 5; i++) await fn(i);
    const t1 = performance.now();
    for (let i = 0; i < reps; i++) await fn(i);
    stepMs.push(`${name} ${ms((performance.now() - t1) / reps)}`);
  }
  notes.push(`(j) In process, each lookup around the use case (mean of ${reps}): ${stepMs.join('; ')}.`);
  if (failures.length) notes.push(`(j) API votes not acknowledged: ${failures.join(' | ')}`);
  notes.push(
    `(j) API vote, where the time goes (PostgreSQL, sequential): over HTTP ${ms(httpMs / n)}; ` +
      `the engine's castBallot ${ms(engineMs2 / n)}; the same POST refused by the schema over HTTP (token, organization, membership and proposal read in one statement, no vote) ${ms(floorMs)}; ` +
      `GET /api/health (HTTP and a database ping) ${ms(healthMs)}.`,
  );
}
