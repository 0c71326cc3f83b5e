/**
 * Member-wide votes through the production path: the roll snapshotted by the worker as voting
 * opens (its hash logged), ballots by members on the roll (others refused), delegations followed
 * down their chains with a direct vote overriding, the close counted against the roll, and the
 * public export recounted by `npm run verify` — which catches a forged roll.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, delegations, memberships, notificationPrefs, outbox, proposalFollows, proposalStages, rollEntries, users } from '@/db/schema';
import { listWaitingForMyVote } from '@/db/queries/my-votes';
import { listRoll } from '@/db/queries/rolls';
import { loadMemberStage } from '@/db/read/member-stage';
import { findProposalByNumber, findProposalForPage } from '@/db/read/proposal-page';
import { rollText } from '@/lib/governance/electorate';
import { charterFromTemplate } from '@/lib/governance/templates';
import type { Charter, TallyResult } from '@/lib/governance/types';
import { pendingFanouts } from '@/db/queries/fanout';
import { runDigests } from '@/lib/notify/delivery';
import { expandFanouts } from '@/lib/notify/fanout';
import { enqueueTimedNotices } from '@/lib/notify/outbox';
import { notificationMail } from '@/lib/notify/templates';
import type { NotificationPayload } from '@/lib/notify/templates';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft } from '@/lib/use-cases/drafts';
import { foundOrganization } from '@/lib/use-cases/founding';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { checkExport } from '@/scripts/verify';
import { session, signInAs, testMailContext, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');

const DAY = 86_400_000;
let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

type Person = { id: string; name: string };
const actor = (p: Person) => ({ userId: p.id, role: 'member' as const });

/** A cooperative with an admin, ten members (four of them worker members), an observer and a pending invitation. */
async function cooperative(slug: string, at: Date, edit: (c: Charter) => Charter = (c) => c) {
  const names = ['Admin', 'Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Eve', 'Fay', 'Gus', 'Hal', 'Ida', 'Obs', 'Pending'];
  const rows = await db
    .insert(users)
    .values(names.map((name) => ({ email: `${slug}-${name.toLowerCase()}@example.org`, name, emailVerified: at })))
    .returning({ id: users.id, name: users.name });
  const people = rows.map((r) => ({ id: r.id, name: r.name! }));
  const org = await db.transaction((tx) =>
    foundOrganization(tx, {
      slug,
      name: `Coop ${slug}`,
      mission: 'Member votes.',
      createdBy: people[0]!.id,
      templateKey: 'cooperative',
      charter: edit(charterFromTemplate('cooperative')),
      at,
    }),
  );
  await db.insert(memberships).values(
    people.slice(1).map((p, i) => ({
      orgId: org.id,
      userId: p.id,
      role: p.name === 'Obs' ? ('observer' as const) : ('member' as const),
      stakeholderGroup: i < 4 ? 'Workers' : null,
      acceptedAt: p.name === 'Pending' ? null : at,
      createdAt: at,
    })),
  );
  const by = (name: string) => people.find((p) => p.name === name)!;
  return { orgId: org.id, slug, people, by };
}

async function delegate(orgId: string, from: Person, to: Person, at: Date, scope: { typeKey?: string; proposalId?: string } = {}) {
  await db
    .insert(delegations)
    .values({ orgId, delegatorUserId: from.id, delegateUserId: to.id, typeKey: scope.typeKey ?? null, proposalId: scope.proposalId ?? null, createdAt: at });
}

async function referendum(orgId: string, author: Person, at: Date, typeKey = 'member_referendum') {
  const draft = await createDraft(
    db,
    actor(author),
    {
      orgId,
      typeKey,
      title: 'Open a second shop',
      body: 'All members decide whether the cooperative opens a second shop.',
      subjectUserId: null,
      effect: {},
      emergency: false,
    },
    at,
  );
  await publishProposal(db, actor(author), { orgId, proposalId: draft.id }, at);
  return draft;
}

async function entries(orgId: string) {
  return (await db.select().from(decisionLog).where(eq(decisionLog.orgId, orgId)).orderBy(asc(decisionLog.seq))) as {
    kind: string;
    payload: Record<string, unknown>;
  }[];
}

async function exportOf(slug: string) {
  const res = await exportJson(new Request(`http://quorate.test/api/o/${slug}/log/export`), { params: Promise.resolve({ slug }) });
  return JSON.parse(await res.text()) as {
    entries: { kind: string; payload: Record<string, unknown> }[];
    attachments: { name: string; scheme: string; sha256: string; body: string }[];
  };
}

describe('a member-wide referendum with delegations', () => {
  it('snapshots the roll, follows delegations, lets a direct vote override, counts against the roll, and recounts from the export', async () => {
    const start = new Date(Date.now() - 30 * DAY);
    const c = await cooperative('coop-members', start);
    const [ana, ben, cleo, dev, eli, eve, fay, gus] = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Eve', 'Fay', 'Gus'].map(c.by) as Person[];
    // Chains: Cleo → Ben → Ana; Dev → Cleo (three hops to Ana: beyond the cap of 3? no — Dev→Cleo→Ben→Ana is 3); Eli ↔ Eve (a cycle); Fay → Gus, but Fay votes herself.
    await delegate(c.orgId, cleo!, ben!, start);
    await delegate(c.orgId, ben!, ana!, start);
    await delegate(c.orgId, dev!, cleo!, start);
    await delegate(c.orgId, eli!, eve!, start);
    await delegate(c.orgId, eve!, eli!, start);
    await delegate(c.orgId, fay!, gus!, start, { typeKey: 'member_referendum' });
    // Ben reads his notices in a daily digest.
    await db.insert(notificationPrefs).values({ userId: ben!.id, orgId: c.orgId, kind: 'voting_open', mode: 'digest' });
    const draft = await referendum(c.orgId, ana!, new Date(start.getTime() + 1000));
    const opensAt = new Date(start.getTime() + 14 * DAY + 2000);
    expect(await recordTransitions(db, draft.id, c.orgId, opensAt)).toEqual(['discussion_closed', 'stage_0_opened']);
    // The voting-open notices to the roll commit with the opening as an audience, and the mail worker writes their rows, once.
    const votingOpenRows = () => db.$count(outbox, and(eq(outbox.orgId, c.orgId), eq(outbox.kind, 'voting_open')));
    expect(await votingOpenRows()).toBe(0);
    expect(await pendingFanouts(db)).toBe(1);
    expect(await expandFanouts(db, opensAt)).toBe(11);
    expect(await expandFanouts(db, opensAt)).toBe(0);
    expect(await pendingFanouts(db)).toBe(0);
    expect(await votingOpenRows()).toBe(11);

    // The roll: the admin and the members who accepted, not the observer nor the pending invitation.
    const roll = await listRoll(db, draft.id, 0);
    expect(roll.map((e) => e.userId).sort()).toEqual(
      c.people
        .filter((p) => p.name !== 'Obs' && p.name !== 'Pending')
        .map((p) => p.id)
        .sort(),
    );
    const opened = (await entries(c.orgId)).find((e) => e.kind === 'voting.opened')!;
    const logged = opened.payload.roll as { size: number; weight: number; hash: string };
    expect(logged).toMatchObject({ size: 11, weight: 11, hash: createHash('sha256').update(rollText(roll)).digest('hex') });
    // A delegation made after the opening does not change this vote's roll.
    await delegate(c.orgId, c.by('Hal'), ana!, new Date(opensAt.getTime() + 1));
    expect((await listRoll(db, draft.id, 0)).find((e) => e.userId === c.by('Hal').id)!.delegateUserId).toBeNull();

    const during = new Date(opensAt.getTime() + DAY);
    const vote = (p: Person, choice: 'yes' | 'no' | 'abstain') =>
      castBallot(db, actor(p), { orgId: c.orgId, proposalId: draft.id, choice, rationale: null }, during);
    await vote(ana!, 'yes');
    await vote(gus!, 'no');
    await vote(fay!, 'yes'); // overrides her delegation to Gus
    await vote(c.by('Ida'), 'no');
    await vote(c.by('Ida'), 'abstain'); // the last ballot counts
    // "Waiting for your vote": Hal (on the roll, no ballot) sees it; Ben sees that his delegate Ana voted for him; Ana, who voted, does not.
    expect(await listWaitingForMyVote(db, c.orgId, c.by('Hal').id, during)).toEqual([expect.objectContaining({ number: draft.number, delegate: null })]);
    expect(await listWaitingForMyVote(db, c.orgId, ben!.id, during)).toEqual([expect.objectContaining({ delegate: { name: 'Ana', voted: true } })]);
    expect(await listWaitingForMyVote(db, c.orgId, ana!.id, during)).toEqual([]);
    // Ben's digest the next day: the vote waiting for him (his delegate has voted), and where his vote goes.
    await runDigests(db, new Date(opensAt.getTime() + 1.5 * DAY));
    const [digest] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipientUserId, ben!.id), eq(outbox.kind, 'digest')));
    const text = notificationMail({ ...testMailContext(c.slug), kind: 'digest', payload: digest!.payload as NotificationPayload }).text;
    expect(text).toContain(`Waiting for your vote: #${draft.number} Open a second shop`);
    expect(text).toContain('your delegate has voted for you; you may still vote');
    expect(text).toContain('Your delegation: your vote goes to Ana in every member-wide vote unless you vote yourself');
    // Everyone on the roll was told voting opened; a day before the close, only members not yet counted are reminded:
    // not Ben, Cleo and Dev (Ana voted for them), nor the voters; Eli and Eve (a loop), Hal and the admin are.
    const told = await db
      .select({ userId: outbox.recipientUserId })
      .from(outbox)
      .where(and(eq(outbox.orgId, c.orgId), eq(outbox.kind, 'voting_open')));
    expect(told.map((r) => r.userId).sort()).toEqual(roll.map((e) => e.userId).sort());
    await enqueueTimedNotices(db, new Date(opensAt.getTime() + 6.5 * DAY));
    const reminded = await db
      .select({ userId: outbox.recipientUserId })
      .from(outbox)
      .where(and(eq(outbox.orgId, c.orgId), eq(outbox.kind, 'vote_reminder')));
    expect(reminded.map((r) => r.userId).sort()).toEqual([c.by('Admin'), eli!, eve!, c.by('Hal')].map((p) => p.id).sort());
    // The observer and the pending invitation are not on the roll.
    await expect(castBallot(db, actor(c.by('Obs')), { orgId: c.orgId, proposalId: draft.id, choice: 'yes', rationale: null }, during)).rejects.toMatchObject({
      code: 'voting.not_on_roll',
    });
    // A ballot after the close is refused, even before the worker records it.
    const closesAt = new Date(opensAt.getTime() + 7 * DAY);
    await expect(castBallot(db, actor(ben!), { orgId: c.orgId, proposalId: draft.id, choice: 'no', rationale: null }, closesAt)).rejects.toThrow();

    // Hal follows the referendum, and has turned decision notices off; Ida follows it too.
    await db.insert(proposalFollows).values([
      { orgId: c.orgId, proposalId: draft.id, userId: c.by('Hal').id },
      { orgId: c.orgId, proposalId: draft.id, userId: c.by('Ida').id },
    ]);
    await db.insert(notificationPrefs).values({ userId: c.by('Hal').id, orgId: c.orgId, kind: 'decision', mode: 'off' });
    expect(await recordTransitions(db, draft.id, c.orgId, new Date(closesAt.getTime() + 1000))).toEqual(['stage_0_closed', 'passed']);
    // Before the worker writes the decision's rows, the follow notice already knows whom it will reach: Ida is not told twice; Hal, who gets no decision mail, is told as a follower.
    const followedDecision = await db
      .select({ u: outbox.recipientUserId })
      .from(outbox)
      .where(and(eq(outbox.orgId, c.orgId), eq(outbox.kind, 'followed_activity')));
    expect(followedDecision.map((r) => r.u)).toEqual([c.by('Hal').id]);
    // The decision goes to every member accepted by then (the observer too, not the pending invitation), written by the worker.
    const decisionTo = async () =>
      (
        await db
          .select({ u: outbox.recipientUserId })
          .from(outbox)
          .where(and(eq(outbox.orgId, c.orgId), eq(outbox.kind, 'decision')))
      )
        .map((r) => r.u)
        .sort();
    expect(await decisionTo()).toEqual([]);
    await expandFanouts(db, new Date(closesAt.getTime() + 2000));
    expect(await decisionTo()).toEqual(
      c.people
        .filter((p) => p.name !== 'Pending' && p.name !== 'Hal')
        .map((p) => p.id)
        .sort(),
    );
    const [stage] = await db
      .select()
      .from(proposalStages)
      .where(and(eq(proposalStages.proposalId, draft.id), eq(proposalStages.stageIndex, 0)));
    const tally = stage!.tally as TallyResult;
    // Yes: Ana with Ben, Cleo and Dev (4), Fay (1). No: Gus (1). Abstain: Ida. Eli and Eve loop: not counted; Hal, Admin did not vote.
    expect(tally).toMatchObject({ yes: 5, no: 1, abstain: 1, cast: 7, charterSeats: 11, quorumRequired: 3, outcome: 'passed' });
    expect(tally.members).toEqual({ rollSize: 11, rollWeight: 11, voters: 4, directWeight: 4, represented: 3, delegatedWeight: 3 });

    // The page's view: Ben's delegate, the open ballot's delegation graph, participation by group (as snapshotted).
    const loaded = (await findProposalByNumber(c.orgId, draft.number))!;
    const charter = charterFromTemplate('cooperative');
    const body = charter.bodies.find((b) => b.key === 'membership')! as Parameters<typeof loadMemberStage>[2];
    const view = await loadMemberStage(
      loaded,
      0,
      body,
      charter.proposalTypes.find((t) => t.key === 'member_referendum')!,
      ben!.id,
    );
    expect(view.me).toEqual({ onRoll: true, weight: 1, delegateName: 'Ana', carries: { people: 2, weight: 2 } });
    expect(view.graph!.delegates.map((d) => `${d.name} ← ${d.delegators.join(', ')}`).sort()).toEqual(
      ['Ana ← Ben', 'Ben ← Cleo', 'Cleo ← Dev', 'Eli ← Eve', 'Eve ← Eli', 'Gus ← Fay'].sort(),
    );
    // A member without a name is shown as "A member" in the public graph, never by e-mail address.
    await db.update(users).set({ name: null }).where(eq(users.id, gus!.id));
    const unnamed = await loadMemberStage(
      loaded,
      0,
      body,
      charter.proposalTypes.find((t) => t.key === 'member_referendum')!,
      null,
    );
    expect(unnamed.graph!.delegates.map((d) => `${d.name} ← ${d.delegators.join(', ')}`)).toContain('A member ← Fay');
    expect(JSON.stringify(unnamed)).not.toContain('@');
    expect(view.participation).toEqual([
      { group: 'Workers', members: 4, voted: 1, counted: 4 },
      { group: null, members: 7, voted: 3, counted: 3 },
    ]);
    // The roll call is read a page at a time from the ballots counted (the direct votes: Ida's last ballot only).
    expect(view.voters).toBe(4);
    expect(view.rollCall).toMatchObject({ page: 1, pages: 1, total: 4 });
    expect(view.rollCall!.lines.map((l) => `${l.voterName} ${l.choice}`).sort()).toEqual(['Ana yes', 'Fay yes', 'Gus no', 'Ida abstain']);
    // The page's own load keeps, of the member ballots, only the viewer's.
    const forAna = (await findProposalForPage(c.orgId, draft.number, ana!.id))!;
    expect(forAna.record.stages[0]!.ballots.map((b) => b.voterUserId)).toEqual([ana!.id]);
    expect((await findProposalForPage(c.orgId, draft.number, null))!.record.stages[0]!.ballots).toEqual([]);
    expect(forAna.record.stages[0]!.roll).toEqual(loaded.record.stages[0]!.roll);

    // The export verifies and its recount agrees; a forged roll or ballot does not.
    const exported = await exportOf(c.slug);
    const check = await checkExport(exported);
    expect(check.report.problems).toEqual([]);
    expect(check.report.ok).toBe(true);
    expect(check.memberVotesRecounted).toBe(1);
    // The roll and roll call are an attachment the close names by hash, not inline in the entry.
    const close = exported.entries.find((e) => e.kind === 'voting.closed')!;
    const ref = (close.payload.members as { disclosure: { name: string; sha256: string; bytes: number } }).disclosure;
    expect(close.payload.rollCall).toBeUndefined();
    const attachment = exported.attachments.find((a) => a.name === ref.name)!;
    expect(createHash('sha256').update(attachment.body).digest('hex')).toBe(ref.sha256);
    expect(Buffer.byteLength(attachment.body)).toBe(ref.bytes);
    const gusWeighs = (body: string, weight: number) => {
      const parsed = JSON.parse(body) as { roll: [string, number, string | null][] };
      parsed.roll.find((line) => line[0] === gus!.id)![1] = weight;
      return JSON.stringify(parsed);
    };
    // A forged roll (Gus given the weight of three) in the attachment alone: its hash no longer matches the close.
    const forged = structuredClone(exported);
    forged.attachments.find((a) => a.name === ref.name)!.body = gusWeighs(attachment.body, 3);
    const caught = await checkExport(forged);
    expect(caught.report.problems.map((p) => p.kind)).toContain('attachment_mismatch');
    expect(caught.report.ok).toBe(false);
    // Forged with the hash the close names too: the chain breaks, and the recount still catches the roll.
    const both = structuredClone(forged);
    const forgedBody = both.attachments.find((a) => a.name === ref.name)!.body;
    (both.entries.find((e) => e.kind === 'voting.closed')!.payload.members as { disclosure: { sha256: string } }).disclosure.sha256 = createHash('sha256')
      .update(forgedBody)
      .digest('hex');
    const rewritten = await checkExport(both);
    expect(rewritten.report.problems.map((p) => p.kind)).toContain('hash_mismatch');
    expect(rewritten.report.problems.filter((p) => p.kind === 'roll_mismatch').map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('the published roll hashes to'), expect.stringContaining('the recount gives 3 no')]),
    );
  });

  it('caps chains at the charter’s depth, and a member outside a stakeholder group is not on its roll', async () => {
    const start = new Date(Date.now() - 30 * DAY);
    const c = await cooperative('coop-workers', start);
    const [ana, ben, cleo, dev, eli] = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli'].map(c.by) as Person[];
    // workers_vote allows chains of one delegation: Dev → Cleo → Ana reaches Ana in two, so Dev is not counted.
    await delegate(c.orgId, cleo!, ana!, start);
    await delegate(c.orgId, dev!, cleo!, start);
    const draft = await referendum(c.orgId, ana!, new Date(start.getTime() + 1000), 'workers_vote');
    const opensAt = new Date(start.getTime() + 7 * DAY + 2000);
    await recordTransitions(db, draft.id, c.orgId, opensAt);
    const roll = await db.select().from(rollEntries).where(eq(rollEntries.proposalId, draft.id));
    expect(roll.map((e) => e.userId).sort()).toEqual([ana!.id, ben!.id, cleo!.id, dev!.id].sort());
    const during = new Date(opensAt.getTime() + DAY);
    await castBallot(db, actor(ana!), { orgId: c.orgId, proposalId: draft.id, choice: 'yes', rationale: null }, during);
    await expect(castBallot(db, actor(eli!), { orgId: c.orgId, proposalId: draft.id, choice: 'yes', rationale: null }, during)).rejects.toMatchObject({
      code: 'voting.not_on_roll',
    });
    await recordTransitions(db, draft.id, c.orgId, new Date(opensAt.getTime() + 5 * DAY + 1000));
    const [stage] = await db.select().from(proposalStages).where(eq(proposalStages.proposalId, draft.id));
    expect(stage!.tally).toMatchObject({ yes: 2, cast: 2, charterSeats: 4, members: { voters: 1, represented: 1 } });
  });

  it('a share-weighted vote counts each member with their weight, and a delegate carries the weight delegated to them', async () => {
    const start = new Date(Date.now() - 30 * DAY);
    const c = await cooperative('coop-shares', start);
    const [ana, ben, cleo, dev] = ['Ana', 'Ben', 'Cleo', 'Dev'].map(c.by) as Person[];
    // Set as the test's starting state; in the product only a passed membership_weight proposal changes a weight (member-groups-weights.test.ts).
    for (const [p, weight] of [
      [ana!, 40],
      [ben!, 25],
      [cleo!, 10],
      [dev!, 0],
    ] as const)
      await db
        .update(memberships)
        .set({ weight })
        .where(and(eq(memberships.orgId, c.orgId), eq(memberships.userId, p.id)));
    await delegate(c.orgId, cleo!, ana!, start);
    const draft = await referendum(c.orgId, ana!, new Date(start.getTime() + 1000), 'capital_decision');
    const opensAt = new Date(start.getTime() + 14 * DAY + 2000);
    await recordTransitions(db, draft.id, c.orgId, opensAt);
    // The roll: 11 members, Ana 40 + Ben 25 + Cleo 10 + Dev 0 + 7 others with 1.
    const opened = (await entries(c.orgId)).find((e) => e.kind === 'voting.opened')!;
    expect(opened.payload.roll).toMatchObject({ size: 11, weight: 82 });
    const during = new Date(opensAt.getTime() + DAY);
    await castBallot(db, actor(ana!), { orgId: c.orgId, proposalId: draft.id, choice: 'yes', rationale: null }, during);
    await castBallot(db, actor(ben!), { orgId: c.orgId, proposalId: draft.id, choice: 'no', rationale: null }, during);
    await castBallot(db, actor(dev!), { orgId: c.orgId, proposalId: draft.id, choice: 'no', rationale: null }, during);
    await recordTransitions(db, draft.id, c.orgId, new Date(opensAt.getTime() + 7 * DAY + 1000));
    const [stage] = await db.select().from(proposalStages).where(eq(proposalStages.proposalId, draft.id));
    // Yes 50 (Ana 40 + Cleo 10) against no 25 (+ Dev's 0): exactly 2/3 of 75 — passes "at least 2/3".
    expect(stage!.tally).toMatchObject({ yes: 50, no: 25, cast: 75, charterSeats: 82, quorumRequired: 28, outcome: 'passed' });
    const check = await checkExport(await exportOf(c.slug));
    expect(check.report.problems).toEqual([]);
  });
});
