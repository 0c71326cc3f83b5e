/**
 * "A script using only the OpenAPI document and a token can publish a proposal, comment, vote and
 * read the result" (issue 16): scripts/api-journey.ts reads /api/v1/openapi.json, finds each
 * operation by operationId and calls it with a token, against the route handlers under
 * app/api/v1 (test/integration/api-routes.ts finds them on disk; nothing tells the script a path).
 * The clock is driven as the other integration tests drive it, and the worker's transitions
 * (recordTransitions) open and close the vote.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, proposals } from '@/db/schema';
import type * as ClockModule from '@/lib/clock';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { ApiClient, comment, publish, result, vote } from '@/scripts/api-journey';
import { apiV1Fetch } from './api-routes';
import { foundWithNamedPeople } from './fixtures/organization';
import { session } from './helpers';
import { apiV1File } from './support/api-v1-file';

const DAY = 86_400_000;
const T0 = new Date('2026-07-01T12:00:00Z');
const clock = { now: T0 };
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(clock.now) }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let orgId = '';
const ids: Record<string, string> = {};
const voters = ['author', 'seat1', 'seat2', 'seat3', 'seat4'];

apiV1File(
  (handle) => (db = handle),
  async () => {
    const founded = await foundWithNamedPeople(db, {
      slug: 'journey',
      name: 'Journey',
      people: voters,
      domain: 'journey.example.org',
      founder: 'author',
      members: voters.slice(1),
      seated: voters,
      at: new Date(T0.getTime() - 10 * DAY),
    });
    Object.assign(ids, founded.ids);
    ({ orgId } = founded);
  },
);

describe('a script with only the OpenAPI document and a token', () => {
  it('publishes a proposal, comments, votes and reads the result', async () => {
    const fetch = apiV1Fetch();
    const base = 'http://quorate.test';
    const token = async (who: string) =>
      (await issueApiToken(db, ids[who]!, { name: 'journey', scope: 'write', orgId, expiresInDays: 90 }, new Date(clock.now))).token;
    const clients: Record<string, ApiClient> = {};
    for (const who of voters) clients[who] = await ApiClient.connect(base, await token(who), fetch);

    clock.now = T0;
    const number = await publish(
      clients.author!,
      'journey',
      {
        typeKey: 'resolution',
        title: 'Replace the boiler',
        body: 'The boiler is thirty years old; replace it before winter.',
      },
      // The first publication closes founding appointments while seats are vacant: the script says it understands.
      { confirmFoundingClose: true },
    );
    const row = (await db.select().from(proposals).where(eq(proposals.orgId, orgId)))[0]!;
    expect(row).toMatchObject({ number, status: 'published' });

    // In the comment window: a comment, and no vote yet (the rules' refusal, as a problem).
    clock.now = new Date(T0.getTime() + DAY);
    expect(await comment(clients.seat1!, 'journey', number, 'Which model? The quote is high.')).toMatch(/^[0-9a-f-]{36}$/);
    const early = await clients.seat1!.call('castBallot', { slug: 'journey', number }, { choice: 'yes' });
    expect(early.status).toBe(409);
    expect(await result(clients.seat1!, 'journey', number)).toMatchObject({ decided: false, outcome: null });

    // The comment window passes; the worker opens voting.
    clock.now = new Date(T0.getTime() + 8 * DAY);
    await recordTransitions(db, row.id, orgId, clock.now);
    for (const [i, who] of voters.entries()) await vote(clients[who]!, 'journey', number, i === 4 ? 'no' : 'yes');
    const during = await result(clients.author!, 'journey', number);
    expect(during).toMatchObject({ decided: false, outcome: null });
    expect(during.stages.every((s) => s.tally === null)).toBe(true);

    // Voting closes; the worker records the decision.
    clock.now = new Date(T0.getTime() + 20 * DAY);
    await recordTransitions(db, row.id, orgId, clock.now);
    const after = await result(clients.seat2!, 'journey', number);
    expect(after).toMatchObject({ decided: true, outcome: 'passed' });
    expect(after.stages[0]).toMatchObject({ closed: true, tally: { yes: 4, no: 1, cast: 5 } });

    // Every step is in the decision log, as the forms leave it.
    const kinds = (
      await db
        .select({ kind: decisionLog.kind })
        .from(decisionLog)
        .where(eq(decisionLog.subject, `proposal:${row.id}`))
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['proposal.published', 'comment.posted', 'ballot.cast', 'proposal.decided']));
    expect(kinds.filter((k) => k === 'ballot.cast')).toHaveLength(5);
  });

  it('an operation the document does not name is not guessed', async () => {
    const client = await ApiClient.connect('http://quorate.test', 'qrt_x', apiV1Fetch());
    await expect(client.call('deleteOrganization', { slug: 'journey' })).rejects.toThrow(/no operation deleteOrganization/);
  });
});
