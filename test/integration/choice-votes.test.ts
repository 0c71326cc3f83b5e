import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { notifyEvents, proposals, proposalStages, votes } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import type { Charter, ChoiceMethodSpec, TallyResult } from '@/lib/governance/types';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { checkExport, formatVerdict } from '@/scripts/verify';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { runTally } from '@/scripts/tally';
import { notificationMail } from '@/lib/notify/templates';
import type { NotificationPayload } from '@/lib/notify/templates';
import { form, session, signInAs, testMailContext, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { castChoiceBallotAction, castBallotAction } = await import('@/app/o/[slug]/proposals/actions');
const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');
const { GET: bltRoute } = await import('@/app/o/[slug]/proposals/[number]/ballots.blt/route');
const { GET: csvRoute } = await import('@/app/o/[slug]/proposals/[number]/ballots.csv/route');

const CANDIDATES = ['Ada', 'Babbage', 'Curie', 'Darwin', 'Euler', 'Faraday', 'Gauss', 'Hopper'];

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

/** The nonprofit board with its choice type counted by `method`. */
const withMethod = (method: ChoiceMethodSpec) => (c: Charter) => ({
  ...c,
  proposalTypes: c.proposalTypes.map((t) => (t.key === 'board_choice' ? { ...t, method } : t)),
});

/** A board of `seats` whose choice among `options`, counted by `method`, is in voting (closing in a day). */
function choiceOrg(slug: string, seats: number, options: string[], method: ChoiceMethodSpec): Promise<StormOrg> {
  return createStormOrg(db, {
    slug,
    seats,
    voteClosesAt: new Date(Date.now() + 86_400_000),
    typeKey: 'board_choice',
    options,
    charterEdit: withMethod(method),
  });
}

async function ballot(org: StormOrg, i: number, fields: Record<string, string>) {
  const voter = org.voters[i]!;
  signInAs({ id: voter.userId, email: voter.email, name: `voter ${i}` });
  return castChoiceBallotAction(initialActionState, form({ orgId: org.orgId, proposalId: org.proposalId, ...fields }));
}

async function exportOf(org: StormOrg) {
  const res = await exportJson(new Request(`http://quorate.test/api/o/${org.slug}/log/export`), { params: Promise.resolve({ slug: org.slug }) });
  return JSON.parse(await res.text()) as { entries: { kind: string; subject: string; payload: Record<string, unknown> }[] };
}

describe('a choice among options, through the server actions, the close and the public export', () => {
  it('elects 3 of 8 by Scottish STV with secret ballots, publishes the anonymous ballots, and the recount agrees', async () => {
    const org = await choiceOrg('stv-board', 9, CANDIDATES, { key: 'scottish_stv', winners: 3 });
    const [row] = await db.select({ options: proposals.options }).from(proposals).where(eq(proposals.id, org.proposalId));
    expect(row!.options).toEqual(CANDIDATES);

    // Six ballots: three with the JavaScript ranking, one from the no-JavaScript rank selects, two changed.
    expect((await ballot(org, 0, { preferences: '0,1,2' })).ok).toBe(true);
    expect((await ballot(org, 1, { preferences: '0,2' })).ok).toBe(true);
    expect((await ballot(org, 2, { preferences: '3,4' })).ok).toBe(true);
    expect((await ballot(org, 3, { 'preferences.rank.3': '1', 'preferences.rank.5': '2', 'preferences.rank.0': '' })).ok).toBe(true);
    expect((await ballot(org, 4, { preferences: '7' })).ok).toBe(true);
    expect((await ballot(org, 4, { preferences: '6,7' })).ok).toBe(true); // a change of mind: only the last counts
    expect((await ballot(org, 5, { preferences: '1,0' })).ok).toBe(true);

    // Bad ballots are refused in words and change nothing.
    const repeated = await ballot(org, 6, { preferences: '2,2' });
    expect(repeated).toMatchObject({ ok: false, message: expect.stringContaining('Curie more than once') });
    const unknown = await ballot(org, 6, { preferences: '2,8' });
    expect(unknown).toMatchObject({ ok: false, message: expect.stringContaining('not in this vote') });
    const gap = await ballot(org, 6, { 'preferences.rank.1': '1', 'preferences.rank.2': '3' });
    expect(gap.ok).toBe(false);
    expect(gap.fieldErrors?.preferences?.[0]).toMatch(/rank 2 is missing/);
    const junk = await ballot(org, 6, { preferences: 'zero' });
    expect(junk.ok).toBe(false);
    // Field names that are Object.prototype's own (found by the action fuzzer: a refusal then threw).
    const prototypeKeys = await ballot(org, 6, { preferences: '1', constructor: 'x'.repeat(3000), ['__proto__']: 'y', toString: 'z'.repeat(2001) });
    expect(prototypeKeys.ok).toBe(false);
    expect(Object.keys(prototypeKeys.fieldErrors ?? {}).sort()).toEqual(['constructor', 'toString']);
    // A yes/no ballot on a choice is refused.
    signInAs({ id: org.voters[6]!.userId, email: org.voters[6]!.email, name: 'voter 6' });
    const yes = await castBallotAction(initialActionState, form({ orgId: org.orgId, proposalId: org.proposalId, choice: 'yes', rationale: '' }));
    expect(yes.ok).toBe(false);
    expect(await db.select().from(votes).where(eq(votes.seatId, org.voters[6]!.seatId))).toHaveLength(0);

    // While voting is open nothing public shows a preference.
    const open = await exportOf(org);
    const casts = open.entries.filter((e) => e.kind === 'ballot.cast');
    expect(casts).toHaveLength(7);
    for (const e of casts)
      expect(Object.keys(e.payload).sort()).toEqual(['commitment', 'commitmentScheme', 'number', 'seatId', 'secret', 'stageIndex', 'voteId']);
    expect(JSON.stringify(open.entries)).not.toMatch(/"preferences"/);

    // The close counts, publishes, and the public export verifies and recounts.
    const steps = await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000));
    expect(steps).toEqual(['stage_0_closed', 'passed']);
    const [stage] = await db.select({ tally: proposalStages.tally }).from(proposalStages).where(eq(proposalStages.proposalId, org.proposalId));
    const tally = stage!.tally as TallyResult;
    expect(tally.cast).toBe(6);
    const count = tally.choice!.count!;
    expect(count.method).toBe('scottish_stv');
    expect(count.ballots).toEqual([
      [1, 0, 1, 2],
      [1, 0, 2],
      [1, 1, 0],
      [1, 3, 4],
      [1, 3, 5],
      [1, 6, 7],
    ]);
    expect(count.result.elected.map((i) => CANDIDATES[i])).toHaveLength(3);
    // Droop quota of 6 ballots for 3 seats: floor(6 / 4) + 1 = 2.
    expect(count.result.rounds[0]!.quota).toBe('2.00000');

    // The decision's notice names what was chosen.
    const [decided] = await db
      .select({ payload: notifyEvents.payload })
      .from(notifyEvents)
      .where(eq(notifyEvents.key, `decided:${org.proposalId}`));
    expect((decided!.payload as { chosen?: string[] }).chosen).toEqual(count.result.elected.map((i) => CANDIDATES[i]));
    const mail = notificationMail({ kind: 'decision', payload: decided!.payload as NotificationPayload, ...testMailContext(org.slug) });
    expect(mail.subject).toContain(`chose ${count.result.elected.map((i) => CANDIDATES[i]).join(', ')}`);

    const closed = (await exportOf(org)).entries.find((e) => e.kind === 'voting.closed')!;
    const rollCall = closed.payload.rollCall as Record<string, unknown>[];
    expect(rollCall).toHaveLength(6);
    for (const item of rollCall) expect(Object.keys(item).sort()).toEqual(['choice', 'seatId', 'voteId', 'voterUserId']);
    expect(rollCall.every((item) => item.choice === 'secret')).toBe(true);

    const check = await checkExport(await exportOf(org));
    expect(check.report.problems).toEqual([]);
    expect(check.recounted).toBe(1);
    expect(formatVerdict(check)).toMatch(/Recounts: 1 closed choice recounted/);

    // The BLT download recounts offline to the logged result with `npm run tally` and the published seed.
    const routeParams = { params: Promise.resolve({ slug: org.slug, number: String(org.proposalNumber) }) };
    const blt = await bltRoute(new Request('http://quorate.test/x'), routeParams);
    expect(blt.status).toBe(200);
    const bltText = await blt.text();
    expect(bltText.split('\n')[0]).toBe('8 3');
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-blt-'));
    writeFileSync(path.join(dir, 'ballots.blt'), bltText);
    let out = '';
    const deps = { fetch, stdout: (t: string) => void (out += t), stderr: () => {}, defaultStateDir: '', now: () => new Date() };
    const code = await runTally(['--method', 'scottish-stv', '--seed', count.lotSeed, '--json', path.join(dir, 'ballots.blt')], deps);
    expect(code).toBe(0);
    expect(JSON.parse(out).elected).toEqual(count.result.elected.map((i) => CANDIDATES[i]));
    const csv = await (await csvRoute(new Request('http://quorate.test/x'), routeParams)).text();
    expect(csv.split('\r\n')[0]).toBe('receipt,count,preference 1,preference 2,preference 3');
    // One row per ballot, each with its receipt.
    expect(csv.split('\r\n').filter((l) => /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4},1,/.test(l))).toHaveLength(6);
    expect(csv.split('\r\n').some((l) => /^[0-9A-Z-]{24},1,Ada,Babbage,Curie$/.test(l))).toBe(true);
    // Nothing in either file names a voter.
    for (const v of org.voters) for (const body of [bltText, csv]) expect(body).not.toContain(v.email.split('@')[0]!);

    // A forged count in the export is caught by the recount.
    const forged = await exportOf(org);
    const forgedClose = forged.entries.find((e) => e.kind === 'voting.closed')!;
    const forgedCount = (forgedClose.payload.tally as TallyResult).choice!.count!;
    forgedCount.ballots = [[6, 7, 6]];
    const caught = await checkExport(forged);
    expect(caught.report.problems.map((p) => p.kind)).toContain('recount_mismatch');
  });

  it('a plurality choice below its quorum records no count and fails its quorum', async () => {
    const org = await choiceOrg('plurality-board', 5, ['Hall', 'Park', 'Online'], { key: 'plurality', winners: 1 });
    expect((await ballot(org, 0, { preferences: '1' })).ok).toBe(true);
    const two = await ballot(org, 1, { preferences: '0,1' });
    expect(two).toMatchObject({ ok: false, message: expect.stringContaining('at most 1') });
    const steps = await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000));
    expect(steps).toEqual(['stage_0_closed', 'failed_quorum']);
    const [stage] = await db.select({ tally: proposalStages.tally }).from(proposalStages).where(eq(proposalStages.proposalId, org.proposalId));
    expect((stage!.tally as TallyResult).choice?.count?.result.elected).toEqual([1]);
  });
});
