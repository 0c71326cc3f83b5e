import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, notifyEvents, objections, outbox, proposalRevisions, proposalStages, proposals } from '@/db/schema';
import { findProposalByNumber, loadProposalPage } from '@/db/read/proposal-page';
import { initialActionState } from '@/lib/actions/state';
import { findType } from '@/lib/governance/charter';
import { proposalPhase } from '@/lib/governance/phase';
import { proposalStatus } from '@/lib/governance/status';
import type { Charter } from '@/lib/governance/types';
import { notificationMail } from '@/lib/notify/templates';
import type { NotificationPayload } from '@/lib/notify/templates';
import { reviseProposal } from '@/lib/use-cases/drafts';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { checkExport } from '@/scripts/verify';
import { createStormOrg, STORM_PROPOSAL_BODY } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { form, session, signInAs, testMailContext, withTestDatabase, writableRowCounts } from './helpers';
import { objectionSteps, signInVoter } from './objection-steps';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const proposalActions = await import('@/app/o/[slug]/proposals/actions');
const { reviseProposalAction } = proposalActions;
const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

const HOUR = 3_600_000;

/** The nonprofit board with a decision by consent (the board resolution's timing: a 24-hour late-revision window and extension). */
const withConsent = (c: Charter): Charter => {
  const resolution = c.proposalTypes.find((t) => t.key === 'resolution')!;
  return { ...c, proposalTypes: [...c.proposalTypes, { ...resolution, key: 'board_consent', name: 'Board decision by consent', consent: true }] };
};

/** A board decision in its window (voters[0] is the author), closing `closesInHours` from now; yes/no unless `consent`. */
const orgInWindow = (slug: string, closesInHours: number, consent = true) =>
  createStormOrg(db, {
    slug,
    seats: 5,
    voteClosesAt: new Date(Date.now() + closesInHours * HOUR),
    ...(consent ? { typeKey: 'board_consent', charterEdit: withConsent } : {}),
  });

const as = signInVoter;
const { raise, withdraw } = objectionSteps(proposalActions);
const REVISED = `${STORM_PROPOSAL_BODY} The night shift names one of the two key holders.`;
const revise = (org: StormOrg, i: number, body = REVISED, extra: Record<string, string> = {}) => {
  as(org, i);
  return reviseProposalAction(
    initialActionState,
    form({ orgId: org.orgId, proposalId: org.proposalId, title: 'Storm resolution', body, changeNote: 'Meets the night shift objection.', ...extra }),
  );
};

const standing = async (org: StormOrg) =>
  (await db.select().from(objections).where(eq(objections.proposalId, org.proposalId))).filter((o) => o.withdrawnAt === null);
const stageClose = async (org: StormOrg) =>
  (await db.select({ closesAt: proposalStages.closesAt }).from(proposalStages).where(eq(proposalStages.proposalId, org.proposalId)))[0]!.closesAt!;
const revisedEntries = (org: StormOrg) =>
  db
    .select({ at: decisionLog.at, actorId: decisionLog.actorId, payload: decisionLog.payload })
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, 'proposal.revised')))
    .orderBy(asc(decisionLog.seq));

async function exportOf(org: StormOrg) {
  const res = await exportJson(new Request(`http://quorate.test/api/o/${org.slug}/log/export`), { params: Promise.resolve({ slug: org.slug }) });
  return JSON.parse(await res.text()) as Parameters<typeof checkExport>[0];
}

describe('the author revises a decision by consent during its window, through the server action', () => {
  it('early in the window: logged as a revision, shown in the history, the objection still stands and its objector is told; the close does not move', async () => {
    const org = await orgInWindow('consent-revise-early', 48);
    expect(await raise(org, 1, 'It leaves the night shift without a say on the keys.')).toMatchObject({ ok: true });

    const [row] = await db.select({ discussionClosesAt: proposals.discussionClosesAt }).from(proposals).where(eq(proposals.id, org.proposalId));
    expect(await revise(org, 0)).toMatchObject({ ok: true, message: 'Revision saved.' });

    // Versioned: revision 2 with its text, and the page's read model lists it (the revision history).
    const revisions = await db.select().from(proposalRevisions).where(eq(proposalRevisions.proposalId, org.proposalId));
    expect(revisions.map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(revisions.find((r) => r.revision === 2)!.body).toBe(REVISED);
    const loaded = (await findProposalByNumber(org.orgId, org.proposalNumber))!;
    const page = await loadProposalPage(org.orgId, loaded, { role: 'member', userId: org.voters[0]!.userId }, new Date());
    expect(page.revisions.map((r) => r.body)).toEqual([STORM_PROPOSAL_BODY, REVISED]);
    // The author is still offered the revision form in the window; a seat holder is not.
    expect(page.actions.has('edit')).toBe(true);

    // Logged as every published revision is, with the window's close and the objections still standing.
    const [entry] = await revisedEntries(org);
    expect(entry!.actorId).toBe(org.voters[0]!.userId);
    expect(entry!.payload).toMatchObject({
      number: org.proposalNumber,
      revision: 2,
      extended: false,
      stageIndex: 0,
      objectionsCloseAt: org.closesAt.toISOString(),
      objectionsExtended: false,
      standingObjections: 1,
    });
    // The comment window, long closed, is not touched.
    expect(entry!.payload.discussionClosesAt).toBe(row!.discussionClosesAt!.toISOString());
    const [after] = await db.select({ discussionClosesAt: proposals.discussionClosesAt }).from(proposals).where(eq(proposals.id, org.proposalId));
    expect(after!.discussionClosesAt).toEqual(row!.discussionClosesAt);

    // The objection stands: only its objector withdraws it.
    expect((await standing(org)).map((o) => o.objectorUserId)).toEqual([org.voters[1]!.userId]);
    expect((await stageClose(org)).getTime()).toBe(org.closesAt.getTime());

    // The objector is told by e-mail (the followed-activity revision notice), the author is not.
    const [event] = await db
      .select()
      .from(notifyEvents)
      .where(eq(notifyEvents.key, `follow:${org.proposalId}:revision:2`));
    expect(event).toBeDefined();
    const recipients = await db.select({ userId: outbox.recipientUserId }).from(outbox).where(eq(outbox.eventId, event!.id));
    expect(recipients.map((r) => r.userId)).toEqual([org.voters[1]!.userId]);
    const mail = notificationMail({ ...testMailContext(org.slug), kind: 'followed_activity', payload: event!.payload as NotificationPayload });
    expect(mail.text).toContain('Objections raised before this revision still stand: only each objector can withdraw theirs.');
    expect(mail.text).toMatch(/Objections close /);

    // A seat holder who is not the author cannot revise: refused with its code, nothing written.
    const before = await writableRowCounts(db);
    expect(await revise(org, 2)).toMatchObject({ ok: false, code: 'proposal.revise_not_allowed' });
    expect(await writableRowCounts(db)).toEqual(before);

    // The objector decides: withdrawn, and it passes at the close.
    expect(await withdraw(org, 1)).toMatchObject({ ok: true });
    expect(await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000))).toEqual(['stage_0_closed', 'passed']);
    // Closed: the author can no longer revise.
    const closed = await reviseProposal(
      db,
      { userId: org.voters[0]!.userId, role: 'member' },
      { orgId: org.orgId, proposalId: org.proposalId, title: 'Storm resolution', body: `${REVISED} Again.`, changeNote: '', substantive: true },
      new Date(org.closesAt.getTime() + 2000),
    ).catch((e: unknown) => e);
    expect(closed).toMatchObject({ code: 'proposal.revise_not_allowed' });
    expect((await checkExport(await exportOf(org))).report.problems).toEqual([]);
  });

  it('late in the window: the close moves to 24 hours after the revision, logged; the objection still stands and rejects it at the new close', async () => {
    const org = await orgInWindow('consent-revise-late', 20);
    expect(await raise(org, 1, 'The budget line for the new keys is not approved yet.')).toMatchObject({ ok: true });

    // An editorial fix, ticked as such: late in the window it extends the close all the same.
    expect(await revise(org, 0, `${STORM_PROPOSAL_BODY}`.replace('storm-test', 'storm‑test'), { substantive: 'false' })).toMatchObject({ ok: true });
    const [entry] = await revisedEntries(org);
    const newClose = await stageClose(org);
    expect(newClose.getTime()).toBe(entry!.at.getTime() + 24 * HOUR);
    expect(newClose.getTime()).toBeGreaterThan(org.closesAt.getTime());
    expect(entry!.payload).toMatchObject({ objectionsExtended: true, objectionsCloseAt: newClose.toISOString(), standingObjections: 1 });
    // The close moves once: a second late revision is refused and changes nothing, so the rejection cannot be put off forever.
    const again = await revise(org, 0, `${STORM_PROPOSAL_BODY} Once more.`, { substantive: 'true' });
    expect(again).toMatchObject({ ok: false, code: 'proposal.revise_consent_fixed' });
    expect(await revisedEntries(org)).toHaveLength(1);
    expect((await stageClose(org)).getTime()).toBe(newClose.getTime());

    // The phase derives the new close: still open at the old one; the status says so in plain words.
    const loaded = (await findProposalByNumber(org.orgId, org.proposalNumber))!;
    const charter = (await loadProposalPage(org.orgId, loaded, { role: null, userId: null }, new Date())).charter;
    const afterOldClose = new Date(org.closesAt.getTime() + 1000);
    expect(proposalPhase(loaded.record, charter, afterOldClose)).toEqual({ kind: 'voting', stageIndex: 0, closesAt: newClose });
    expect(proposalStatus({ record: loaded.record, charter, strengths: {}, now: afterOldClose }).label).toBe('Open for objections');
    expect(findType(charter, loaded.row.typeKey).consent).toBe(true);

    // The worker closes nothing at the old close; at the new one the standing objection rejects it.
    expect(await recordTransitions(db, org.proposalId, org.orgId, afterOldClose)).toEqual([]);
    expect((await standing(org)).length).toBe(1);
    expect(await recordTransitions(db, org.proposalId, org.orgId, new Date(newClose.getTime() + 1000))).toEqual(['stage_0_closed', 'rejected']);
    expect((await checkExport(await exportOf(org))).report.problems).toEqual([]);
  });

  it('refuses a revision once the worker has recorded the close, even at an instant before it', async () => {
    const org = await orgInWindow('consent-revise-recorded', 30);
    expect(await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000))).toEqual(['stage_0_closed', 'passed']);
    const before = await writableRowCounts(db);
    const late = await reviseProposal(
      db,
      { userId: org.voters[0]!.userId, role: 'member' },
      { orgId: org.orgId, proposalId: org.proposalId, title: 'Storm resolution', body: REVISED, changeNote: '', substantive: true },
      new Date(org.closesAt.getTime() - HOUR),
    ).catch((e: unknown) => e);
    expect(late).toMatchObject({ code: 'proposal.revise_window_closed' });
    expect(await writableRowCounts(db)).toEqual(before);
  });
});

describe('a yes/no proposal cannot be revised once voting opens', () => {
  it('a forged POST of the revise action by its author is refused with its code and writes nothing', async () => {
    const org = await orgInWindow('yesno-revise-voting', 48, false);
    const before = await writableRowCounts(db);
    const refused = await revise(org, 0);
    expect(refused).toMatchObject({ ok: false, code: 'proposal.revise_not_allowed' });
    expect(refused.message).toMatch(/the proposal is voting/);
    expect(await writableRowCounts(db)).toEqual(before);
    expect(await db.$count(proposalRevisions, eq(proposalRevisions.proposalId, org.proposalId))).toBe(1);
  });
});
