import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { notifyEvents, objections, proposalStages, proposals } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import type { Charter, TallyResult } from '@/lib/governance/types';
import { declareRecusal } from '@/lib/use-cases/recusal';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { nodeSha256 } from '@/lib/log/node-hash';
import { notificationMail } from '@/lib/notify/templates';
import type { NotificationPayload } from '@/lib/notify/templates';
import { checkBallotDisclosures } from '@/lib/log/verify-ballots';
import { checkExport } from '@/scripts/verify';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { form, session, signInAs, testMailContext, withTestDatabase, writableRowCounts } from './helpers';
import { objectionSteps, signInVoter } from './objection-steps';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const proposalActions = await import('@/app/o/[slug]/proposals/actions');
const { raiseObjectionAction, castBallotAction } = proposalActions;
const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

/** The nonprofit board with a decision by consent: the board resolution's timing, no ballots. */
const withConsent = (c: Charter): Charter => {
  const resolution = c.proposalTypes.find((t) => t.key === 'resolution')!;
  return { ...c, proposalTypes: [...c.proposalTypes, { ...resolution, key: 'board_consent', name: 'Board decision by consent', consent: true }] };
};

const consentOrg = (slug: string) =>
  createStormOrg(db, { slug, seats: 5, voteClosesAt: new Date(Date.now() + 86_400_000), typeKey: 'board_consent', charterEdit: withConsent });

const as = signInVoter;
const { raise, withdraw } = objectionSteps(proposalActions);

const mailContext = (org: StormOrg) => testMailContext(org.slug);

async function exportOf(org: StormOrg) {
  const res = await exportJson(new Request(`http://quorate.test/api/o/${org.slug}/log/export`), { params: Promise.resolve({ slug: org.slug }) });
  return JSON.parse(await res.text()) as { entries: { kind: string; subject: string; actorId: string | null; payload: Record<string, unknown> }[] };
}

const standing = async (org: StormOrg) =>
  (await db.select().from(objections).where(eq(objections.proposalId, org.proposalId))).filter((o) => o.withdrawnAt === null);

describe('a decision by consent, through the server actions, the close and the public export', () => {
  it('is rejected when an objection stands at the close: raise, replace, withdraw, re-raise; bad input and forged posts write nothing', async () => {
    const org = await consentOrg('consent-rejected');

    expect(await raise(org, 1, 'It leaves the night shift without a say.')).toMatchObject({ ok: true });
    expect(await raise(org, 1, 'It leaves the night shift and the weekend team without a say.')).toMatchObject({ ok: true }); // replaces
    expect(await raise(org, 2, 'The budget line for this is not approved yet.')).toMatchObject({ ok: true });
    expect(await withdraw(org, 2)).toMatchObject({ ok: true });
    expect(await raise(org, 2, 'On reflection the budget question still stands.')).toMatchObject({ ok: true }); // re-raised
    expect(await withdraw(org, 3)).toMatchObject({ ok: false, message: 'You have no standing objection to withdraw.' });
    const now = await standing(org);
    expect(now.map((o) => o.reason).sort()).toEqual([
      'It leaves the night shift and the weekend team without a say.',
      'On reflection the budget question still stands.',
    ]);

    // Refusals in words, nothing written.
    const before = await writableRowCounts(db);
    const short = await raise(org, 3, '  no  ');
    expect(short.ok).toBe(false);
    expect(short.fieldErrors?.reason?.[0]).toMatch(/at least 10 characters/);
    const long = await raise(org, 3, 'x'.repeat(2001));
    expect(long.fieldErrors?.reason?.[0]).toMatch(/at most 2,000/);
    // A forged POST by a member who holds no seat, and by someone outside the organization.
    signInAs({ id: org.admin.userId, email: org.admin.email, name: 'admin' });
    const notSeated = await raiseObjectionAction(
      initialActionState,
      form({ orgId: org.orgId, proposalId: org.proposalId, reason: 'I object without a seat.' }),
    );
    expect(notSeated).toMatchObject({ ok: false, message: 'Only members holding a board seat can object to this proposal.' });
    // A recused seat cannot object.
    await declareRecusal(
      db,
      { userId: org.voters[4]!.userId, role: 'member' },
      { orgId: org.orgId, proposalId: org.proposalId, reason: 'My employer bids.' },
      new Date(),
    );
    const afterRecusal = await writableRowCounts(db);
    expect(await raise(org, 4, 'I object although I declared a conflict.')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/conflict of interest/),
    });
    // No ballots in a decision by consent.
    as(org, 3);
    const ballot = await castBallotAction(initialActionState, form({ orgId: org.orgId, proposalId: org.proposalId, choice: 'yes' }));
    expect(ballot.ok).toBe(false);
    expect(await writableRowCounts(db)).toEqual({ ...before, log: afterRecusal.log });

    // The objections are public at once, in the log.
    const open = await exportOf(org);
    const raised = open.entries.filter((e) => e.kind === 'objection.raised');
    expect(raised).toHaveLength(4);
    expect(raised[0]!.payload).toEqual({
      number: org.proposalNumber,
      stageIndex: 0,
      seatId: org.voters[1]!.seatId,
      reason: 'It leaves the night shift without a say.',
    });
    expect(open.entries.filter((e) => e.kind === 'objection.withdrawn')).toHaveLength(1);

    // The close: rejected, the two standing objections recorded with objector and reason.
    const steps = await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000));
    expect(steps).toEqual(['stage_0_closed', 'rejected']);
    const [stage] = await db.select({ tally: proposalStages.tally }).from(proposalStages).where(eq(proposalStages.proposalId, org.proposalId));
    expect(stage!.tally as TallyResult).toMatchObject({ outcome: 'rejected', consent: { objections: 2 }, cast: 0 });
    const closed = (await exportOf(org)).entries.find((e) => e.kind === 'voting.closed')!;
    expect(closed.payload.rollCall).toEqual([]);
    expect(closed.payload.objections).toMatchObject([
      { seatId: org.voters[1]!.seatId, objectorUserId: org.voters[1]!.userId, reason: 'It leaves the night shift and the weekend team without a say.' },
      { seatId: org.voters[2]!.seatId, objectorUserId: org.voters[2]!.userId, reason: 'On reflection the budget question still stands.' },
    ]);
    const [row] = await db.select({ outcome: proposals.outcome }).from(proposals).where(eq(proposals.id, org.proposalId));
    expect(row!.outcome).toBe('rejected');
    // The decision's notice says how many objections stood, not an empty tally.
    const [decided] = await db
      .select({ payload: notifyEvents.payload })
      .from(notifyEvents)
      .where(eq(notifyEvents.key, `decided:${org.proposalId}`));
    const mail = notificationMail({ ...mailContext(org), kind: 'decision', payload: decided!.payload as NotificationPayload });
    expect(mail.text).toContain('Decided by consent: 2 objections stood when the window closed.');
    expect(mail.text).not.toMatch(/0 yes/);

    // After the close nothing changes: a withdrawal is refused and writes nothing.
    const late = await withdraw(org, 1);
    expect(late.ok).toBe(false);
    expect(late.message).toMatch(/closed|not open/);

    const check = await checkExport(await exportOf(org));
    expect(check.report.problems).toEqual([]);
  });

  it('passes when no objection stands at the close (one raised and withdrawn), and the log check catches a close that leaves one out', async () => {
    const org = await consentOrg('consent-passed');
    // The window's notice asks for objections, not votes.
    const [opened] = await db
      .select({ payload: notifyEvents.payload })
      .from(notifyEvents)
      .where(eq(notifyEvents.key, `voting:${org.proposalId}:0`));
    const openMail = notificationMail({ ...mailContext(org), kind: 'voting_open', payload: opened!.payload as NotificationPayload });
    expect(openMail.subject).toContain(`The consent window is open on #${org.proposalNumber}`);
    expect(openMail.text).not.toMatch(/Cast your vote/);
    expect(await raise(org, 0, 'Can we name who keeps the keys first?')).toMatchObject({ ok: true });
    expect(await withdraw(org, 0)).toMatchObject({ ok: true });
    const steps = await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000));
    expect(steps).toEqual(['stage_0_closed', 'passed']);
    const exported = await exportOf(org);
    const closed = exported.entries.find((e) => e.kind === 'voting.closed')!;
    expect(closed.payload).toMatchObject({ rollCall: [], objections: [], tally: { outcome: 'passed', consent: { objections: 0 } } });
    const decided = exported.entries.find((e) => e.kind === 'proposal.decided')!;
    expect(decided.payload.outcome).toBe('passed');
    expect((await checkExport(exported)).report.problems).toEqual([]);

    // A forged log without the withdrawal: an objection stood that the close does not list.
    const forged = exported.entries.filter((e) => e.kind !== 'objection.withdrawn');
    expect(checkBallotDisclosures(forged, nodeSha256).problems.map((p) => p.message)).toEqual([
      `the close leaves out the objection of seat ${org.voters[0]!.seatId}, raised and not withdrawn before it`,
    ]);
  });
});
