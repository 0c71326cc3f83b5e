/**
 * Stakeholder groups (set by an admin, logged) and membership weights (set only by a passed
 * proposal with the membership_weight effect, logged). Forged POSTs with a weight field change no
 * weight: no action reads one.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, organizations } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { charterFromTemplate } from '@/lib/governance/charter';
import type { Charter, ProposalTypeSpec } from '@/lib/governance/types';
import { postComment } from '@/lib/use-cases/comments';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { castBallots, clockFrom, publishedProposal, refusal } from './fixtures/scenario';
import { expectFieldRefusal, expectRedirect, form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const memberActions = await import('@/app/o/[slug]/members/actions');
const { createProposalAction } = await import('@/app/o/[slug]/proposals/actions');

let db: Database;
withTestDatabase({ app: true }, (ready) => (db = ready.db));
beforeEach(() => signInAs(null));

const t0 = new Date(Date.UTC(2031, 0, 5, 9));
const at = clockFrom(t0);

/** The nonprofit charter with a board-decided weight change (subject, 24-hour reply). */
function charterWithWeights(): Charter {
  const charter = charterFromTemplate('nonprofit_board');
  const weightType: ProposalTypeSpec = {
    key: 'weight_change',
    name: 'Change of a member’s voting weight',
    effect: 'membership_weight',
    minCommentWindowHours: 7 * 24,
    lateRevisionWindowHours: 24,
    lateRevisionExtensionHours: 24,
    stages: [
      {
        bodyKey: 'board',
        votingWindowHours: 72,
        quorum: { num: 1, den: 2, inclusive: true },
        threshold: { num: 1, den: 2, inclusive: false },
        thresholdBase: 'votes_cast',
      },
    ],
    critical: false,
    consultationAudience: 'members',
    requiresSubject: true,
    replyWindowHours: 24,
    emergency: null,
  };
  charter.proposalTypes.push(weightType);
  return charter;
}

const membershipOf = async (org: FoundedOrganization, i: number) =>
  (
    await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, org.people[i]!.userId)))
  )[0]!;

const logOf = (orgId: string, kind: string) =>
  db
    .select()
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.kind, kind)))
    .orderBy(decisionLog.seq);

describe('stakeholder groups', () => {
  it('an admin sets, changes and clears a member’s group; each change is logged with before and after', async () => {
    const org = await foundOrganization(db, { slug: 'groups-set', seated: 0, at: t0 });
    const m = await membershipOf(org, 3);
    signInAsPerson(org, 0);
    const set = (group: string) => memberActions.setStakeholderGroupAction(initialActionState, form({ orgId: org.orgId, membershipId: m.id, group }));
    expect(await set('  local   residents ')).toMatchObject({ ok: true, message: 'Stakeholder group set to “local residents”.' });
    expect((await membershipOf(org, 3)).stakeholderGroup).toBe('local residents');
    expect(await set('employees')).toMatchObject({ ok: true });
    expect(await set('')).toMatchObject({ ok: true, message: 'Stakeholder group cleared.' });
    expect((await membershipOf(org, 3)).stakeholderGroup).toBeNull();
    const entries = await logOf(org.orgId, 'membership.group_changed');
    expect(entries.map((e) => e.payload)).toEqual([
      { membershipId: m.id, userId: org.people[3]!.userId, from: null, to: 'local residents' },
      { membershipId: m.id, userId: org.people[3]!.userId, from: 'local residents', to: 'employees' },
      { membershipId: m.id, userId: org.people[3]!.userId, from: 'employees', to: null },
    ]);
    expect(entries.every((e) => e.actorId === org.people[0]!.userId && e.subject === `membership:${m.id}`)).toBe(true);
    // Clearing again, or setting the same group, changes nothing and says so.
    expectFieldRefusal(await set(''), 'group', 'membership.group_unchanged_none');
    await set('employees');
    expectFieldRefusal(await set(' employees '), 'group', 'membership.group_unchanged');
    expect(await logOf(org.orgId, 'membership.group_changed')).toHaveLength(4);
  });

  it('refuses bad names with the rule’s words, and writes nothing', async () => {
    const org = await foundOrganization(db, { slug: 'groups-bad', seated: 0, at: t0 });
    const m = await membershipOf(org, 3);
    signInAsPerson(org, 0);
    for (const group of ['residents!', 'a'.repeat(41), '<script>', 'under_score', 'zero\u200bwidth', 'x'.repeat(500)]) {
      const state = await memberActions.setStakeholderGroupAction(initialActionState, form({ orgId: org.orgId, membershipId: m.id, group }));
      expect(state, group).toMatchObject({ ok: false, code: 'action.invalid_input' });
      expect(state.fieldErrors?.group?.[0], group).toMatch(/stakeholder group is 1 to 40 characters|short name/);
    }
    expect((await membershipOf(org, 3)).stakeholderGroup).toBeNull();
    expect(await logOf(org.orgId, 'membership.group_changed')).toEqual([]);
  });

  it('refuses non-admins, other organizations’ members and archived organizations', async () => {
    const org = await foundOrganization(db, { slug: 'groups-refused', seated: 0, at: t0 });
    const other = await foundOrganization(db, { slug: 'groups-other', seated: 0, at: t0 });
    const m = await membershipOf(org, 3);
    await db
      .update(memberships)
      .set({ role: 'secretary' })
      .where(eq(memberships.id, (await membershipOf(org, 2)).id));
    const post = (membershipId = m.id) =>
      memberActions.setStakeholderGroupAction(initialActionState, form({ orgId: org.orgId, membershipId, group: 'residents' }));
    signInAsPerson(org, 2); // a secretary
    expect(await post()).toMatchObject({ ok: false, code: 'membership.group_admin_only' });
    signInAsPerson(org, 3); // the member themself
    expect(await post()).toMatchObject({ ok: false, code: 'membership.group_admin_only' });
    signInAsPerson(other, 0); // an admin elsewhere
    expect(await post()).toMatchObject({ ok: false, code: 'action.forbidden' });
    signInAsPerson(org, 0);
    expect(await post((await membershipOf(other, 3)).id)).toMatchObject({ ok: false, code: 'membership.not_member' });
    await db
      .update(organizations)
      .set({ archivedAt: at(1) })
      .where(eq(organizations.id, org.orgId));
    expect(await post()).toMatchObject({ ok: false, code: 'organization.archived' });
    expect((await membershipOf(org, 3)).stakeholderGroup).toBeNull();
    expect(await logOf(org.orgId, 'membership.group_changed')).toEqual([]);
  });
});

describe('membership weights', () => {
  /** A weight-change proposal for person 7, published at day 1 by person 2; the board (persons 0–8) decides. */
  async function weightProposal(slug: string, weight: number) {
    const org = await foundOrganization(db, { slug, seated: 9, at: t0, charter: charterWithWeights() });
    const subject = org.people[7]!;
    const id = await publishedProposal(
      db,
      org.people[2]!,
      org.orgId,
      {
        typeKey: 'weight_change',
        title: 'Weight for person 7',
        body: 'Person 7 holds forty shares of the cooperative.',
        subjectUserId: subject.userId,
        effect: { weight },
      },
      at(1),
    );
    await postComment(db, subject, { orgId: org.orgId, proposalId: id, parentId: null, body: 'I agree.', stance: 'none', asReply: true }, at(2));
    expect(await recordTransitions(db, id, org.orgId, at(8, 1))).toEqual(['discussion_closed', 'stage_0_opened']);
    return { org, id };
  }

  it('only a passed proposal changes a weight, logged with before, after and the proposal', async () => {
    const { org, id } = await weightProposal('weights-pass', 40);
    expect((await membershipOf(org, 7)).weight).toBe(1); // not before the decision
    await castBallots(db, org, id, [0, 1, 2, 3, 4], 'yes', at(9));
    expect(await recordTransitions(db, id, org.orgId, at(11, 2))).toEqual(['stage_0_closed', 'passed']);
    const m = await membershipOf(org, 7);
    expect(m.weight).toBe(40);
    const [entry] = await logOf(org.orgId, 'membership.weight_changed');
    expect(entry).toMatchObject({
      actorId: null,
      subject: `membership:${m.id}`,
      payload: { membershipId: m.id, userId: org.people[7]!.userId, from: 1, to: 40, proposalNumber: 1 },
    });
    // Nobody else's weight moved.
    for (const i of [0, 1, 2, 8]) expect((await membershipOf(org, i)).weight).toBe(1);
  });

  it('a rejected proposal changes nothing', async () => {
    const { org, id } = await weightProposal('weights-reject', 40);
    await castBallots(db, org, id, [0, 1, 2, 3, 4], 'no', at(9));
    expect(await recordTransitions(db, id, org.orgId, at(11, 2))).toEqual(['stage_0_closed', 'rejected']);
    expect((await membershipOf(org, 7)).weight).toBe(1);
    expect(await logOf(org.orgId, 'membership.weight_changed')).toEqual([]);
  });

  it('a subject who left before the decision: nothing changes, the log says why', async () => {
    const { org, id } = await weightProposal('weights-left', 3);
    await db.delete(memberships).where(eq(memberships.id, (await membershipOf(org, 7)).id));
    await castBallots(db, org, id, [0, 1, 2, 3, 4], 'yes', at(9));
    expect(await recordTransitions(db, id, org.orgId, at(11, 2))).toEqual(['stage_0_closed', 'passed']);
    expect(await logOf(org.orgId, 'membership.weight_changed')).toEqual([]);
    const [skipped] = await logOf(org.orgId, 'membership.weight_change_skipped');
    expect(skipped!.payload).toMatchObject({ userId: org.people[7]!.userId, proposalNumber: 1, reason: expect.stringMatching(/no longer a member/) });
  });

  it('the draft needs a valid, different weight for a member, and only this effect takes one', async () => {
    const org = await foundOrganization(db, { slug: 'weights-draft', seated: 9, at: t0, charter: charterWithWeights() });
    const draft = (typeKey: string, effect: Record<string, unknown>, subjectUserId: string | null = org.people[7]!.userId) =>
      refusal(() =>
        publishedProposal(
          db,
          org.people[2]!,
          org.orgId,
          { typeKey, title: 'Weight for person 7', body: 'A body long enough for the rules.', subjectUserId, effect },
          at(1),
        ),
      );
    expect((await draft('weight_change', {})).code).toBe('proposal.weight_required');
    expect((await draft('weight_change', { weight: -1 })).code).toBe('membership.weight_invalid');
    expect((await draft('weight_change', { weight: 1_000_000_001 })).code).toBe('membership.weight_invalid');
    expect((await draft('weight_change', { weight: 1 })).code).toBe('membership.weight_unchanged');
    expect((await draft('weight_change', { weight: 5 }, null)).code).toBe('proposal.subject_required');
    expect((await draft('resolution', { weight: 5 }, null)).code).toBe('proposal.weight_not_allowed');
  });

  it('the new-proposal form posts the weight; a weight for another type is refused', async () => {
    const org = await foundOrganization(db, { slug: 'weights-form', seated: 9, at: t0, charter: charterWithWeights() });
    signInAsPerson(org, 2);
    const fields = { orgId: org.orgId, title: 'Weight for person 7', body: 'Person 7 holds forty shares of the cooperative.' };
    const to = await expectRedirect(() =>
      createProposalAction(initialActionState, form({ ...fields, typeKey: 'weight_change', subjectUserId: org.people[7]!.userId, newWeight: ' 40 ' })),
    );
    expect(to).toMatch(/\/proposals\/1$/);
    expectFieldRefusal(
      await createProposalAction(initialActionState, form({ ...fields, typeKey: 'resolution', newWeight: '40' })),
      'newWeight',
      'proposal.weight_not_allowed',
    );
    const bad = await createProposalAction(
      initialActionState,
      form({ ...fields, typeKey: 'weight_change', subjectUserId: org.people[7]!.userId, newWeight: '2.5' }),
    );
    expect(bad).toMatchObject({ ok: false, code: 'action.invalid_input' });
    expect(bad.fieldErrors?.newWeight).toBeTruthy();
  });

  it('forged POSTs of the member actions with a weight field change no weight', async () => {
    const org = await foundOrganization(db, { slug: 'weights-forged', seated: 0, at: t0 });
    const m = await membershipOf(org, 3);
    signInAsPerson(org, 0); // an admin: the most anyone can do outside a proposal
    const forged = { orgId: org.orgId, membershipId: m.id, weight: '1000', newWeight: '1000' };
    expect(await memberActions.setStakeholderGroupAction(initialActionState, form({ ...forged, group: 'residents' }))).toMatchObject({ ok: true });
    expect(await memberActions.changeMemberRoleAction(initialActionState, form({ ...forged, role: 'secretary' }))).toMatchObject({ ok: true });
    expect(await memberActions.removeMemberAction(initialActionState, form({ ...forged, membershipId: (await membershipOf(org, 4)).id }))).toMatchObject({
      ok: true,
    });
    const after = await membershipOf(org, 3);
    expect(after).toMatchObject({ stakeholderGroup: 'residents', role: 'secretary', weight: 1 });
    const weights = await db.select({ weight: memberships.weight }).from(memberships).where(eq(memberships.orgId, org.orgId));
    expect(weights.every((w) => w.weight === 1)).toBe(true);
    expect(await logOf(org.orgId, 'membership.weight_changed')).toEqual([]);
  });
});
