import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { proposals } from '@/db/schema';
import { getActiveCharter, listSeats } from '@/db/queries/charters';
import { initialActionState } from '@/lib/actions/state';
import { charterFromTemplate } from '@/lib/governance/charter';
import { bodyField, charterToForm, newBodyFields, newTypeFields, stageField, typeField } from '@/lib/governance/charter-form';
import type { Charter } from '@/lib/governance/types';
import { foundingAppoint } from '@/lib/use-cases/founding';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { foundOrganization, insertUser } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { castBallots, clockFrom } from './fixtures/scenario';
import { expectRedirect, form, session, signInAs, withTestDatabase, writableRowCounts } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { createProposalAction } = await import('@/app/o/[slug]/proposals/actions');

// The action drafts at the real time; the scenario starts just before it and runs into the future.
const T0 = new Date(Date.now() - 3_600_000);
const at = clockFrom(T0);

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

/** The nonprofit template with a members' assembly of 5 charter seats (so its ratification stage can pass). */
function startingCharter(): Charter {
  const charter = charterFromTemplate('nonprofit_board');
  const members = charter.bodies.find((b) => b.key === 'members')!;
  members.charterSeats = 5;
  members.minSeatsForCriticalDecisions = 3;
  return charter;
}

async function setup(slug: string): Promise<FoundedOrganization> {
  const org = await foundOrganization(db, { slug, seated: 7, at: T0, charter: startingCharter() });
  const assembly = (await listSeats(db, org.orgId)).filter((s) => s.bodyKey === 'members');
  for (let i = 0; i < 5; i++)
    await foundingAppoint(db, org.admin, { orgId: org.orgId, seatId: assembly[i]!.seatId, userId: org.people[i + 3]!.userId }, at(0, 2));
  return org;
}

const signInPerson = (slug: string, org: FoundedOrganization, i: number) =>
  signInAs({ id: org.people[i]!.userId, email: `${slug}-${i}@example.org`, name: null });

/** The editor's form as the browser posts it: the current charter's fields, next version as the base, with `changes` typed in. */
function editorForm(org: FoundedOrganization, charter: Charter, changes: Record<string, string>, extra: Record<string, string> = {}): FormData {
  const base = { ...charter, version: charter.version + 1 };
  return form({
    orgId: org.orgId,
    typeKey: 'charter_amendment',
    title: 'Grow the board to 11 seats',
    body: 'Two more seats for resident directors, elected by the assembly.',
    charterBase: JSON.stringify(base),
    ...charterToForm(base),
    ...changes,
    ...extra,
  });
}

const amendmentIndex = (c: Charter) => c.proposalTypes.findIndex((t) => t.effect === 'charter_amendment');

describe('the charter editor', () => {
  it('stores the amendment it builds as the proposal’s document; the charter changes only once the proposal passes', async () => {
    const org = await setup('editor-pass');
    const current = (await getActiveCharter(db, org.orgId))!;
    signInPerson('editor-pass', org, 1);
    const to = await expectRedirect(() => createProposalAction(initialActionState, editorForm(org, current.document, { [bodyField(0, 'seats')]: '11' })));
    const number = Number(to.split('/').at(-1));
    const [row] = await db.select().from(proposals).where(eq(proposals.number, number));
    const expected: Charter = structuredClone({ ...current.document, version: current.version + 1 });
    expected.bodies[0]!.charterSeats = 11;
    expect((row!.effect as { proposedCharter: Charter }).proposedCharter).toEqual(expected);

    // A draft, then a published proposal in discussion and in voting: the charter in force is still version 1.
    await publishProposal(db, org.people[1]!, { orgId: org.orgId, proposalId: row!.id }, at(1));
    expect(await recordTransitions(db, row!.id, org.orgId, at(15, 1))).toEqual(['discussion_closed', 'stage_0_opened']);
    await castBallots(db, org, row!.id, [0, 1, 2, 3, 4, 5], 'yes', at(16));
    expect(await recordTransitions(db, row!.id, org.orgId, at(22, 2))).toEqual(['stage_0_closed', 'stage_1_opened']);
    expect((await getActiveCharter(db, org.orgId))!.version).toBe(1);
    expect((await listSeats(db, org.orgId)).filter((s) => s.bodyKey === 'board')).toHaveLength(9);

    await castBallots(db, org, row!.id, [3, 4, 5], 'yes', at(23));
    expect(await recordTransitions(db, row!.id, org.orgId, at(29, 3))).toEqual(['stage_1_closed', 'passed']);
    const active = (await getActiveCharter(db, org.orgId))!;
    expect(active.version).toBe(2);
    expect(active.document).toEqual(expected);
    expect((await listSeats(db, org.orgId)).filter((s) => s.bodyKey === 'board')).toHaveLength(11);
  });

  it('refuses a number that is not one, beside its field, and writes nothing', async () => {
    const org = await setup('editor-typo');
    const current = (await getActiveCharter(db, org.orgId))!;
    signInPerson('editor-typo', org, 1);
    const before = await writableRowCounts(db);
    const state = await createProposalAction(initialActionState, editorForm(org, current.document, { [bodyField(0, 'seats')]: 'eleven' }));
    expect(state).toMatchObject({ ok: false, code: 'action.invalid_input' });
    expect(state.fieldErrors?.[bodyField(0, 'seats')]).toEqual(['The Board’s charter seats must be a whole number.']);
    expect(state.values?.[bodyField(0, 'seats')]).toBe('eleven'); // what was typed comes back
    expect(await writableRowCounts(db)).toEqual(before);
  });

  it('refuses an amendment that would let a simple majority amend the charter, with the rule beside the type', async () => {
    const org = await setup('editor-weaken');
    const current = (await getActiveCharter(db, org.orgId))!;
    const k = amendmentIndex(current.document);
    signInPerson('editor-weaken', org, 1);
    const before = await writableRowCounts(db);
    const state = await createProposalAction(
      initialActionState,
      editorForm(org, current.document, { [stageField(k, 0, 'tn')]: '1', [stageField(k, 0, 'td')]: '2', [stageField(k, 0, 'ti')]: 'more_than' }),
    );
    expect(state).toMatchObject({ ok: false, code: 'action.invalid_input' });
    expect(state.fieldErrors?.[`ch.t${k}`]?.join(' ')).toMatch(/at least 2\/3 of charter seats voting yes/);
    expect(await writableRowCounts(db)).toEqual(before);
  });

  it('refuses a forged base charter of another version: the draft step checks against the charter in force', async () => {
    const org = await setup('editor-forged');
    const current = (await getActiveCharter(db, org.orgId))!;
    signInPerson('editor-forged', org, 1);
    const before = await writableRowCounts(db);
    const stale = { ...current.document, version: 7 };
    const fd = editorForm(org, current.document, { [bodyField(0, 'seats')]: '11' });
    fd.set('charterBase', JSON.stringify(stale));
    const state = await createProposalAction(initialActionState, fd);
    expect(state).toMatchObject({ ok: false, code: 'amendment.charter_invalid' });
    expect(state.fieldErrors?.proposedCharter?.[0]).toMatch(/drafted against charter version 7/);
    expect(await writableRowCounts(db)).toEqual(before);
  });

  it('refuses an amendment that would delete held seats', async () => {
    const org = await setup('editor-shrink');
    const current = (await getActiveCharter(db, org.orgId))!;
    signInPerson('editor-shrink', org, 1);
    const before = await writableRowCounts(db);
    const state = await createProposalAction(
      initialActionState,
      editorForm(org, current.document, { [bodyField(0, 'seats')]: '5', [bodyField(0, 'critical')]: '4', 'ch.b0.c0.min': '3', 'ch.b0.c1.key': '' }),
    );
    expect(state).toMatchObject({ ok: false, code: 'amendment.retires_held_seats' });
    expect(await writableRowCounts(db)).toEqual(before);
  });

  it('refuses the editor’s form from someone outside the organization', async () => {
    const org = await setup('editor-outsider');
    const current = (await getActiveCharter(db, org.orgId))!;
    const outsider = await insertUser(db, 'editor-outsider-x@example.org', 'Outsider');
    signInAs({ id: outsider, email: 'editor-outsider-x@example.org', name: 'Outsider' });
    const before = await writableRowCounts(db);
    const state = await createProposalAction(initialActionState, editorForm(org, current.document, { [bodyField(0, 'seats')]: '11' }));
    expect(state).toMatchObject({ ok: false, code: 'action.forbidden' });
    expect(await writableRowCounts(db)).toEqual(before);
  });

  it('stores an amendment that adds a committee and a type it decides, with keys made from their names', async () => {
    const org = await setup('editor-add');
    const current = (await getActiveCharter(db, org.orgId))!;
    const [i, k] = [current.document.bodies.length, current.document.proposalTypes.length];
    signInPerson('editor-add', org, 1);
    const added = {
      ...newBodyFields(i),
      ...newTypeFields(k, i),
      [bodyField(i, 'name')]: 'Finance committee',
      [bodyField(i, 'seats')]: '4',
      [typeField(k, 'name')]: 'Spending under 500',
    };
    const to = await expectRedirect(() => createProposalAction(initialActionState, editorForm(org, current.document, added)));
    // Proposal numbers are per organization: this organization's.
    const [row] = await db
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, org.orgId), eq(proposals.number, Number(to.split('/').at(-1)))));
    const proposed = (row!.effect as { proposedCharter: Charter }).proposedCharter;
    expect(proposed.bodies.slice(0, i)).toEqual(current.document.bodies);
    expect(proposed.bodies[i]).toMatchObject({ key: 'finance_committee', name: 'Finance committee', charterSeats: 4 });
    expect(proposed.proposalTypes[k]).toMatchObject({ key: 'spending_under_500', effect: 'resolution', stages: [{ bodyKey: 'finance_committee' }] });
  });

  it('stores an amendment that switches a resolution to a choice among options, and one to consent; refuses a choice for a two-stage type beside the field', async () => {
    const org = await setup('editor-decide');
    const current = (await getActiveCharter(db, org.orgId))!;
    const k = current.document.proposalTypes.findIndex((t) => t.key === 'resolution');
    signInPerson('editor-decide', org, 1);
    const choice = {
      [typeField(k, 'decide')]: 'choice',
      [typeField(k, 'method')]: 'approval',
      [typeField(k, 'winners')]: '2',
      [typeField(k, 'approvals')]: '3',
    };
    const to = await expectRedirect(() => createProposalAction(initialActionState, editorForm(org, current.document, choice)));
    const [row] = await db
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, org.orgId), eq(proposals.number, Number(to.split('/').at(-1)))));
    const proposed = (row!.effect as { proposedCharter: Charter }).proposedCharter;
    const expected: Charter = structuredClone({ ...current.document, version: current.version + 1 });
    expected.proposalTypes[k]!.method = { key: 'approval', winners: 2, maxApprovals: 3 };
    expect(proposed).toEqual(expected);

    const toConsent = await expectRedirect(() =>
      createProposalAction(initialActionState, editorForm(org, current.document, { [typeField(k, 'decide')]: 'consent' })),
    );
    const [consentRow] = await db
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, org.orgId), eq(proposals.number, Number(toConsent.split('/').at(-1)))));
    expect((consentRow!.effect as { proposedCharter: Charter }).proposedCharter.proposalTypes[k]).toEqual({
      ...current.document.proposalTypes[k],
      consent: true,
    });

    // The charter amendment has two stages (board, then assembly): a choice is refused by the rules, in words, beside "How it is decided".
    const a = amendmentIndex(current.document);
    const before = await writableRowCounts(db);
    const state = await createProposalAction(initialActionState, editorForm(org, current.document, { [typeField(a, 'decide')]: 'choice' }));
    expect(state).toMatchObject({ ok: false, code: 'action.invalid_input' });
    expect(state.fieldErrors?.[typeField(a, 'decide')]).toContain(
      '“Charter amendment” chooses among options, so it has exactly one deciding stage (it has 2).',
    );
    expect(state.values?.[typeField(a, 'decide')]).toBe('choice');
    expect(await writableRowCounts(db)).toEqual(before);
  });

  it('refuses to remove a body a type still uses, in plain words beside the type, and writes nothing', async () => {
    const org = await setup('editor-remove');
    const current = (await getActiveCharter(db, org.orgId))!;
    const members = current.document.bodies.findIndex((b) => b.key === 'members');
    signInPerson('editor-remove', org, 1);
    const before = await writableRowCounts(db);
    const state = await createProposalAction(initialActionState, editorForm(org, current.document, { [bodyField(members, 'removed')]: 'on' }));
    expect(state).toMatchObject({ ok: false, code: 'action.invalid_input' });
    const k = amendmentIndex(current.document);
    expect(state.fieldErrors?.[`ch.t${k}`]).toContain(
      '“Charter amendment”, stage 2 is decided by the Member assembly, which this amendment removes. Choose another body to decide it, or remove this type too.',
    );
    expect(await writableRowCounts(db)).toEqual(before);
  });
});
