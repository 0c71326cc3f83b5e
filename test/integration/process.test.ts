/**
 * The charter on every path: observers holding seats, ratification of emergency decisions,
 * revisions classified by the change itself. Engine use cases and the server actions the app calls.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, outbox, proposalRevisions, proposals } from '@/db/schema';
import { getActiveCharter } from '@/db/queries/charters';
import { readLogRange } from '@/db/queries/log';
import { loadProposal } from '@/db/queries/proposals';
import { initialActionState } from '@/lib/actions/state';
import { emergencyStatus } from '@/lib/governance/emergency';
import { proposalPhase } from '@/lib/governance/phase';
import { backEmergencyMotion } from '@/lib/use-cases/emergency';
import { reviseProposal } from '@/lib/use-cases/drafts';
import { listRatifiableDecisions } from '@/db/queries/emergency';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { enqueueRatificationReminders } from '@/lib/use-cases/ratification';
import { timedPass } from '@/lib/use-cases/worker';
import { expectFieldRefusal, form, session, signInAs, withTestDatabase, writableRowCounts } from './helpers';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import type { Actor } from '@/lib/use-cases/actor';
import { DAY, HOUR, castBallots, clockFrom, draftProposal, publishedProposal, refusal } from './fixtures/scenario';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const proposalActions = await import('@/app/o/[slug]/proposals/actions');

const T0 = new Date('2026-05-04T09:00:00Z');
const at = clockFrom(T0);

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

type Org = FoundedOrganization;

/** Nonprofit template, 9 board seats filled by people 0–8 (person 0 is the admin); person 9 a plain member. */
const setupOrg = (slug: string): Promise<Org> => foundOrganization(db, { slug, seated: 9, at: T0 });

async function logOf(orgId: string) {
  return readLogRange(db, orgId, 0, 100_000);
}

const body = 'A body long enough for the rules to accept it, with reasons.';

/** An emergency resolution backed by 7 of 9 board seats, voted yes by all: passes at about at(4). */
async function passedEmergency(org: Org, title = 'Emergency roof repair'): Promise<string> {
  const id = await publishedProposal(db, org.people[1]!, org.orgId, { typeKey: 'emergency_resolution', title, body, emergency: true }, at(1));
  for (let i = 0; i < 7; i++) await backEmergencyMotion(db, org.people[i]!, { orgId: org.orgId, proposalId: id }, at(1, 1));
  expect(await recordTransitions(db, id, org.orgId, at(3, 1))).toEqual(['discussion_closed', 'stage_0_opened']);
  await castBallots(db, org, id, [0, 1, 2, 3, 4, 5, 6, 7, 8], 'yes', at(3, 2));
  expect(await recordTransitions(db, id, org.orgId, at(5))).toEqual(['stage_0_closed', 'passed']);
  return id;
}

async function statusOf(orgId: string, id: string, when: Date) {
  const loaded = (await loadProposal(db, orgId, id))!;
  const charter = (await getActiveCharter(db, orgId))!.document;
  return { phase: proposalPhase(loaded.record, charter, when), emergency: emergencyStatus(loaded.record, charter, when) };
}

/** A normal resolution that ratifies `target`, drafted and published at `day`, voted yes, recorded through its decision. */
async function ratify(org: Org, target: string, day: number): Promise<{ id: string; done: string[] }> {
  const id = await publishedProposal(db, org.people[2]!, org.orgId, { title: 'Ratify the roof repair', body, effect: { ratifies: target } }, at(day));
  expect(await recordTransitions(db, id, org.orgId, at(day + 7, 1))).toEqual(['discussion_closed', 'stage_0_opened']);
  await castBallots(db, org, id, [0, 1, 2, 3, 4, 5, 6, 7, 8], 'yes', at(day + 7, 2));
  const done = await recordTransitions(db, id, org.orgId, at(day + 15));
  return { id, done };
}

describe('ratifying an emergency decision', () => {
  it('a normal proposal ratifies a passed emergency decision, which then does not lapse; reminders go out once each', async () => {
    const org = await setupOrg('ratify-ok');
    const target = await passedEmergency(org);
    const { deadline } = (await statusOf(org.orgId, target, at(5))).emergency;
    expect(deadline).not.toBeNull();
    expect((await listRatifiableDecisions(db, org.orgId, at(5))).map((d) => d.id)).toEqual([target]);

    // A week before the deadline, then a day before: one reminder each, logged with its count.
    const weekBefore = new Date(deadline!.getTime() - 7 * DAY + HOUR);
    expect(await enqueueRatificationReminders(db, new Date(weekBefore.getTime() - 2 * HOUR))).toBe(0);
    expect(await enqueueRatificationReminders(db, weekBefore)).toBe(10);
    expect(await enqueueRatificationReminders(db, new Date(weekBefore.getTime() + HOUR))).toBe(0);
    const dayBefore = new Date(deadline!.getTime() - 23 * HOUR);
    expect(await enqueueRatificationReminders(db, dayBefore)).toBe(10);
    expect(await enqueueRatificationReminders(db, dayBefore)).toBe(0);
    const reminders = (await logOf(org.orgId)).filter((e) => e.kind === 'emergency.ratification_reminder_sent');
    expect(reminders.map((e) => [e.payload.leadHours, e.payload.recipients])).toEqual([
      [168, 10],
      [24, 10],
    ]);
    expect(await db.$count(outbox, and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'ratification_reminder')))).toBe(20);

    const { id, done } = await ratify(org, target, 6);
    expect(done).toEqual(['stage_0_closed', 'passed']);
    const kinds = (await logOf(org.orgId)).map((e) => e.kind);
    expect(kinds).toContain('proposal.ratified');
    const ratified = (await logOf(org.orgId)).find((e) => e.kind === 'proposal.ratified')!;
    expect(ratified.subject).toBe(`proposal:${target}`);
    const [ratifier] = await db.select({ number: proposals.number }).from(proposals).where(eq(proposals.id, id));
    expect(ratified.payload.byProposalNumber).toBe(ratifier!.number);

    // After the deadline it stands: ratified, not lapsed; the worker records nothing more and sends no lapse notice.
    const after = new Date(deadline!.getTime() + DAY);
    expect(await recordTransitions(db, target, org.orgId, after)).toEqual([]);
    expect(await statusOf(org.orgId, target, after)).toMatchObject({ phase: { kind: 'passed' }, emergency: { ratified: true, lapsed: false } });
    expect(await db.$count(outbox, and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'emergency_lapsed')))).toBe(0);
    expect(await listRatifiableDecisions(db, org.orgId, at(25))).toEqual([]);
  }, 60_000);

  it('the worker pass that the app and `npm run worker` both run sends the ratification reminders', async () => {
    // `npm run worker` (scripts/worker.ts) once listed its own steps and left the reminders out.
    const org = await setupOrg('ratify-worker');
    const target = await passedEmergency(org);
    const { deadline } = (await statusOf(org.orgId, target, at(5))).emergency;
    const weekBefore = new Date(deadline!.getTime() - 7 * DAY + HOUR);
    expect(await timedPass(db, weekBefore)).toMatchObject({ ratificationReminders: 10 });
    expect(await timedPass(db, weekBefore)).toMatchObject({ ratificationReminders: 0 });
    expect((await logOf(org.orgId)).filter((e) => e.kind === 'emergency.ratification_reminder_sent')).toHaveLength(1);
  }, 60_000);

  it('an unratified emergency decision lapses with a logged lapse notice to everyone it concerns', async () => {
    const org = await setupOrg('ratify-lapse');
    const target = await passedEmergency(org);
    const { deadline } = (await statusOf(org.orgId, target, at(5))).emergency;
    expect(await recordTransitions(db, target, org.orgId, new Date(deadline!.getTime() + HOUR))).toEqual(['lapsed']);
    expect((await logOf(org.orgId)).map((e) => e.kind)).toContain('proposal.lapsed');
    expect(await db.$count(outbox, and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'emergency_lapsed')))).toBe(10);
    // No reminder after the lapse.
    expect(await enqueueRatificationReminders(db, new Date(deadline!.getTime() + 2 * HOUR))).toBe(0);
  }, 60_000);

  it('refuses to ratify anything but a passed, unlapsed emergency decision of the organization, by a normal proposal', async () => {
    const org = await setupOrg('ratify-forged');
    const other = await setupOrg('ratify-forged-other');
    const target = await passedEmergency(org);
    const normal = await draftProposal(db, org.people[1]!, org.orgId, { title: 'A normal resolution', body }, at(2));
    const draftRatifying = async (ratifies: unknown, typeKey = 'resolution', emergency = false, who = org.people[2]!, orgId = org.orgId) =>
      await refusal(() => draftProposal(db, who, orgId, { typeKey, title: 'Ratify something', body, effect: { ratifies }, emergency }, at(6)));
    expect((await draftRatifying(normal)).code).toBe('ratification.not_emergency');
    expect(await draftRatifying('not-a-uuid')).toMatchObject({ code: 'ratification.target_required', field: 'ratifiesProposalId' });
    expect((await draftRatifying(target, 'emergency_resolution', true)).code).toBe('ratification.emergency_type');
    expect((await draftRatifying(target, 'emergency_resolution', false)).code).toBe('ratification.emergency_type');
    // Another organization's decision is not found from this one.
    expect((await draftRatifying(target, 'resolution', false, other.people[2]!, other.orgId)).code).toBe('ratification.target_required');
    // A lapsed one can no longer be ratified.
    const { deadline } = (await statusOf(org.orgId, target, at(5))).emergency;
    const lapsedAt = new Date(deadline!.getTime() + HOUR);
    expect(
      await refusal(() => draftProposal(db, org.people[2]!, org.orgId, { title: 'Ratify too late', body, effect: { ratifies: target } }, lapsedAt)),
    ).toMatchObject({ code: 'ratification.lapsed' });

    // Through the server action, as the app calls it: nothing written.
    signInAs({ id: org.people[2]!.userId, email: 'p2@example.org', name: 'p2' });
    const before = await writableRowCounts(db);
    const state = await proposalActions.createProposalAction(
      initialActionState,
      form({ orgId: org.orgId, typeKey: 'resolution', title: 'Ratify a normal one', body, ratifiesProposalId: normal }),
    );
    expectFieldRefusal(state, 'ratifiesProposalId', 'ratification.not_emergency');
    expect(await writableRowCounts(db)).toEqual(before);
  }, 60_000);

  it('re-checks at publication and when the ratifier passes: a decision that lapsed meanwhile is not ratified, and the log says why', async () => {
    const org = await setupOrg('ratify-late');
    const target = await passedEmergency(org);
    const { deadline } = (await statusOf(org.orgId, target, at(5))).emergency;
    // Drafted in time, published in time, but its vote ends after the deadline.
    const day = Math.floor((deadline!.getTime() - T0.getTime()) / DAY) - 3;
    const { id, done } = await ratify(org, target, day);
    expect(done).toEqual(['stage_0_closed', 'passed']);
    const entries = await logOf(org.orgId);
    expect(entries.map((e) => e.kind)).not.toContain('proposal.ratified');
    const refused = entries.find((e) => e.kind === 'proposal.ratification_refused')!;
    expect(refused.subject).toBe(`proposal:${id}`);
    expect(refused.payload.reason).toMatch(/lapsed on/);
    expect((await statusOf(org.orgId, target, at(day + 15))).phase.kind).toBe('lapsed');

    // Publication re-checks too: a draft made in time cannot be published after the lapse.
    const target2 = await passedEmergency(org, 'Emergency fence repair');
    const late = await draftProposal(db, org.people[2]!, org.orgId, { title: 'Ratify the fence', body, effect: { ratifies: target2 } }, at(6));
    const deadline2 = (await statusOf(org.orgId, target2, at(5))).emergency.deadline!;
    expect(
      await refusal(() => publishProposal(db, org.people[2]!, { orgId: org.orgId, proposalId: late }, new Date(deadline2.getTime() + HOUR))),
    ).toMatchObject({ code: 'ratification.lapsed' });
  }, 60_000);
});

describe('an observer who holds a seat', () => {
  it('cannot vote, recuse, back a motion or comment through forged server actions: nothing is written', async () => {
    const org = await setupOrg('seated-observer');
    const observer = org.people[3]!;
    await db
      .update(memberships)
      .set({ role: 'observer' })
      .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, observer.userId)));
    const emergency = await draftProposal(
      db,
      org.people[1]!,
      org.orgId,
      { typeKey: 'emergency_resolution', title: 'Emergency boiler', body, emergency: true },
      at(1),
    );
    const voting = await draftProposal(db, org.people[1]!, org.orgId, { title: 'Open meetings', body }, at(1));
    // Published relative to the real clock the actions read.
    const realNow = Date.now();
    await publishProposal(db, org.people[1]!, { orgId: org.orgId, proposalId: emergency }, new Date(realNow - HOUR));
    await publishProposal(db, org.people[1]!, { orgId: org.orgId, proposalId: voting }, new Date(realNow - 8 * DAY));
    expect(await recordTransitions(db, voting, org.orgId, new Date(realNow - HOUR))).toEqual(['discussion_closed', 'stage_0_opened']);

    signInAs({ id: observer.userId, email: 'observer@example.org', name: 'observer' });
    const before = await writableRowCounts(db);
    const attempts = [
      await proposalActions.castBallotAction(initialActionState, form({ orgId: org.orgId, proposalId: voting, choice: 'yes' })),
      await proposalActions.declareRecusalAction(initialActionState, form({ orgId: org.orgId, proposalId: voting, reason: 'A forged conflict.' })),
      await proposalActions.declareRecusalAction(initialActionState, form({ orgId: org.orgId, proposalId: emergency, reason: 'A forged conflict.' })),
      await proposalActions.backEmergencyMotionAction(initialActionState, form({ orgId: org.orgId, proposalId: emergency })),
      await proposalActions.postCommentAction(initialActionState, form({ orgId: org.orgId, proposalId: voting, body: 'A forged comment.' })),
    ];
    for (const state of attempts) expect(state).toMatchObject({ ok: false, code: 'proposal.observer_cannot_act' });
    expect(await writableRowCounts(db)).toEqual(before);

    // The same person as a member may: the seat was never the problem.
    await db
      .update(memberships)
      .set({ role: 'member' })
      .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, observer.userId)));
    expect((await proposalActions.castBallotAction(initialActionState, form({ orgId: org.orgId, proposalId: voting, choice: 'yes' }))).ok).toBe(true);
  }, 60_000);
});

describe('revisions classified by the change itself', () => {
  /** `author` revises the proposal at `at`, ticking the change “editorial”. */
  const reviseAsEditorial = (org: Org, author: Actor, proposalId: string, text: { title: string; body: string; changeNote: string }, at: Date) =>
    reviseProposal(db, author, { orgId: org.orgId, proposalId, ...text, substantive: false }, at);

  const closesAt = async (id: string) => (await db.select().from(proposals).where(eq(proposals.id, id)))[0]!.discussionClosesAt!;

  it('a full rewrite ticked “editorial” one minute before the window closes still extends it, and the log says why', async () => {
    const org = await setupOrg('rewrite');
    const author = org.people[9]!;
    const id = await publishedProposal(
      db,
      author,
      org.orgId,
      { title: 'Open board meetings', body: 'Board meetings are open to residents, who may speak for three minutes each.' },
      at(1),
    );
    const close = await closesAt(id);
    const oneMinuteBefore = new Date(close.getTime() - 60_000);
    const rewrite = 'The treasurer is paid a stipend from next year, set by the board each spring.';
    await reviseAsEditorial(org, author, id, { title: 'Open board meetings', body: rewrite, changeNote: 'typo' }, oneMinuteBefore);
    expect((await closesAt(id)).getTime()).toBeGreaterThan(close.getTime());
    const [row] = await db
      .select()
      .from(proposalRevisions)
      .where(and(eq(proposalRevisions.proposalId, id), eq(proposalRevisions.revision, 2)));
    expect(row).toMatchObject({ substantive: true, authorMarkedEditorial: true });
    expect(row!.substantiveReasons).toContain('More than a tenth of the text changed.');
    const entry = (await logOf(org.orgId)).find((e) => e.kind === 'proposal.revised')!;
    expect(entry.payload).toMatchObject({ substantive: true, authorMarkedEditorial: true, extended: true });
    expect(entry.payload.substantiveReasons).toContain('More than a tenth of the text changed.');

    // A real typo fix ticked editorial extends nothing.
    const close2 = await closesAt(id);
    const spacing = 'The treasurer is  paid a stipend from next year, set by the board each spring.';
    await reviseAsEditorial(org, author, id, { title: 'Open board meetings', body: spacing, changeNote: 'spacing' }, new Date(close2.getTime() - 60_000));
    expect((await closesAt(id)).getTime()).toBe(close2.getTime());
  }, 60_000);

  it('small “editorial” steps cannot add up to a rewrite: each is measured against the last substantive text too', async () => {
    const org = await setupOrg('salami');
    const author = org.people[9]!;
    const words = Array.from({ length: 40 }, (_, i) => `clause${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const text = (changed: number) => words.map((w, i) => (i < changed ? `other${w}` : w)).join(' ');
    const id = await publishedProposal(db, author, org.orgId, { title: 'Garden rules', body: text(0) }, at(1));
    // 2 more of 40 words each time (a twentieth of the text), ticked editorial: the third step
    // makes 6 of 40 changed since the published text, over a tenth.
    for (const changed of [2, 4, 6]) {
      await reviseAsEditorial(org, author, id, { title: 'Garden rules', body: text(changed), changeNote: 'wording' }, at(2));
    }
    const rows = await db
      .select({ revision: proposalRevisions.revision, substantive: proposalRevisions.substantive })
      .from(proposalRevisions)
      .where(eq(proposalRevisions.proposalId, id));
    expect(rows.sort((a, b) => a.revision - b.revision).map((r) => r.substantive)).toEqual([true, false, false, true]);
  }, 60_000);
});
