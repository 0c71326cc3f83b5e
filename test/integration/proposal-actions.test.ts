import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDatabaseHandleForTests } from '@/db/client';
import type { DatabaseHandle } from '@/db/client';
import { comments, decisionLog, organizations, proposals, seats, users, votes } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import { initialActionState } from '@/lib/actions/state';
import { consumeLimit } from '@/lib/rate-limit';
import { expectRedirect, form, session, signInAs } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => revalidated.push(path), revalidateTag: () => {} }));

const { createProposalAction, castBallotAction, postCommentAction, publishProposalAction, openVotingAction, declareRecusalAction, withdrawProposalAction } =
  await import('@/app/o/[slug]/proposals/actions');
const { appointFoundingHolderAction, resignSeatAction } = await import('@/app/o/[slug]/seats/actions');

let handle: DatabaseHandle & { drop: () => Promise<void> };
let orgId: string;
let otherOrgId: string;
const people: Record<string, { id: string; email: string; name: string | null }> = {};
const proposalByNumber: Record<number, string> = {};

async function counts() {
  const db = handle.db;
  return {
    proposals: await db.$count(proposals),
    comments: await db.$count(comments),
    votes: await db.$count(votes),
    log: await db.$count(decisionLog),
    seatsHeld: (await db.select().from(seats)).filter((s) => s.holderUserId).length,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandleForTests(handle);
  ({ orgId } = await seedDemo(handle.db));
  for (const u of await handle.db.select().from(users)) people[u.email.split('@')[0]!] = u;
  const [outsider] = await handle.db.insert(users).values({ email: 'outsider@example.org', name: 'Outsider' }).returning();
  people.outsider = outsider!;
  const [other] = await handle.db.insert(organizations).values({ slug: 'other-org', name: 'Other' }).returning();
  otherOrgId = other!.id;
  for (const p of await handle.db.select().from(proposals).where(eq(proposals.orgId, orgId))) proposalByNumber[p.number] = p.id;
});
afterAll(async () => {
  setDatabaseHandleForTests(undefined);
  await handle.drop();
});
beforeEach(() => signInAs(null));

const asUser = (key: string) => signInAs({ id: people[key]!.id, email: people[key]!.email, name: people[key]!.name });

describe('proposal actions: validation', () => {
  it('creates a draft and redirects to it', async () => {
    asUser('linus');
    const to = await expectRedirect(() =>
      createProposalAction(
        initialActionState,
        form({ orgId, typeKey: 'resolution', title: 'Plant fruit trees on the green', body: 'Twelve apple and pear trees along the south edge of the green.' }),
      ),
    );
    expect(to).toMatch(/^\/o\/riverbend-commons\/proposals\/\d+$/);
  });

  it.each([
    ['a short title', { title: 'Hi', body: 'A body long enough to pass the check.' }, 'title', 'A title is at least 5 characters.'],
    ['a 5,000-character title', { title: 't'.repeat(5000), body: 'A body long enough to pass the check.' }, 'title', 'A title is at most 160 characters.'],
    ['an empty body', { title: 'A fine title', body: '   ' }, 'body', 'The proposal text is at least 20 characters: say what is decided and why.'],
    [
      'a removal without a subject',
      { typeKey: 'officer_removal', title: 'Remove someone', body: 'A body long enough to pass the check.' },
      'subjectUserId',
      'A removal of an officer or director must name its subject.',
    ],
    [
      'an unknown type',
      { typeKey: 'coup', title: 'Take over', body: 'A body long enough to pass the check.' },
      'typeKey',
      'Choose a proposal type from the charter.',
    ],
  ])('refuses %s with a clear error and writes nothing', async (_l, fields, field, message) => {
    asUser('linus');
    const before = await counts();
    const state = await createProposalAction(initialActionState, form({ orgId, typeKey: 'resolution', ...fields }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.[field]).toEqual([message]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a ballot with no choice', async () => {
    asUser('grace');
    const state = await castBallotAction(initialActionState, form({ orgId, proposalId: proposalByNumber[7]!, choice: 'maybe' }));
    expect(state.fieldErrors?.choice).toEqual(['Choose yes, no or abstain.']);
  });
});

describe('proposal actions: authorization against forged POSTs', () => {
  const cases: [string, string | null, () => Promise<{ ok: boolean; message?: string }>][] = [
    ['signed out: comment', null, () => postCommentAction(initialActionState, form({ orgId, proposalId: proposalByNumber[8]!, body: 'Hello' }))],
    ['outsider: comment', 'outsider', () => postCommentAction(initialActionState, form({ orgId, proposalId: proposalByNumber[8]!, body: 'Hello' }))],
    ['observer: comment', 'tim', () => postCommentAction(initialActionState, form({ orgId, proposalId: proposalByNumber[8]!, body: 'Hello' }))],
    [
      'observer: draft',
      'tim',
      () =>
        createProposalAction(
          initialActionState,
          form({ orgId, typeKey: 'resolution', title: 'Observer motion', body: 'Observers cannot raise proposals at all.' }),
        ),
    ],
    [
      'member without a board seat: vote',
      'kenji',
      () => castBallotAction(initialActionState, form({ orgId, proposalId: proposalByNumber[7]!, choice: 'yes' })),
    ],
    [
      'board member: vote on a proposal of another org id',
      'grace',
      () => castBallotAction(initialActionState, form({ orgId: otherOrgId, proposalId: proposalByNumber[7]!, choice: 'yes' })),
    ],
    [
      'non-author: publish a draft',
      'grace',
      () => publishProposalAction(initialActionState, form({ orgId, proposalId: proposalByNumber[9]!, emergencyMotionYes: '0' })),
    ],
    [
      'non-author: withdraw',
      'linus',
      () => withdrawProposalAction(initialActionState, form({ orgId, proposalId: proposalByNumber[8]!, reason: 'Because I say so.' })),
    ],
    ['member: open voting', 'linus', () => openVotingAction(initialActionState, form({ orgId, proposalId: proposalByNumber[5]! }))],
    [
      'not the subject: right of reply',
      'linus',
      () => postCommentAction(initialActionState, form({ orgId, proposalId: proposalByNumber[5]!, body: 'I reply for Omar', asReply: 'true' })),
    ],
    [
      'secretary: open voting on a critical proposal below strength',
      'grace',
      () => openVotingAction(initialActionState, form({ orgId, proposalId: proposalByNumber[5]! })),
    ],
    [
      'member without seat: recuse',
      'kenji',
      () => declareRecusalAction(initialActionState, form({ orgId, proposalId: proposalByNumber[7]!, reason: 'No seat at all.' })),
    ],
    [
      'admin: founding appointment after publication',
      'ada',
      () => appointFoundingHolderAction(initialActionState, form({ orgId, seatId: '00000000-0000-4000-8000-000000000000', userId: people.kenji!.id })),
    ],
    [
      'member: resign a seat they do not hold',
      'kenji',
      () => resignSeatAction(initialActionState, form({ orgId, seatId: '00000000-0000-4000-8000-000000000000' })),
    ],
  ];

  it.each(cases)('%s is refused and changes nothing', async (_label, who, run) => {
    if (who) asUser(who);
    const before = await counts();
    const state = await run();
    expect(state.ok).toBe(false);
    expect(state.message).toBeTruthy();
    expect(await counts()).toEqual(before);
  });

  it('a board member can vote on the open budget, and the ballot and its log entry land together', async () => {
    asUser('priya');
    const before = await counts();
    revalidated.length = 0;
    const state = await castBallotAction(initialActionState, form({ orgId, proposalId: proposalByNumber[7]!, choice: 'yes' }));
    // The reply is the ballot recorded, not the page re-rendered: nothing revalidated (and no flash cookie, which would re-render it too).
    expect(state).toEqual({ ok: true, message: 'Your vote (yes) is recorded. You can change it until voting closes.', recorded: { choice: 'yes' } });
    expect(revalidated).toEqual([]);
    const after = await counts();
    expect(after.votes).toBe(before.votes + 1);
    expect(after.log).toBe(before.log + 1);
    // Any other change still re-renders the organization's pages (the spy sees it).
    const comment = await postCommentAction(initialActionState, form({ orgId, proposalId: proposalByNumber[7]!, body: 'A comment after my vote.' }));
    expect(comment.ok).toBe(true);
    expect(revalidated).toEqual(['/o/riverbend-commons']);
  });
});

describe('rate limits', () => {
  it('allows 10 comments a minute per person, then refuses with when to retry; others are unaffected', async () => {
    asUser('noor');
    expect((await postCommentAction(initialActionState, form({ orgId, proposalId: proposalByNumber[8]!, body: 'Point 1' }))).ok).toBe(true);
    // Spend the rest of Noor's budget directly (fast, so the test never straddles the window).
    for (let i = 0; i < 9; i++) expect((await consumeLimit(handle.db, 'comment', people.noor!.id)).ok).toBe(true);
    const refused = await postCommentAction(initialActionState, form({ orgId, proposalId: proposalByNumber[8]!, body: 'One more' }));
    expect(refused).toMatchObject({
      ok: false,
      code: 'rate_limit.exceeded',
      message: expect.stringMatching(/^Too many comments in a short time\. Try again in \d+ seconds\.$/),
    });
    expect(refused.values?.body).toBe('One more'); // nothing typed is lost
    asUser('kenji');
    expect((await postCommentAction(initialActionState, form({ orgId, proposalId: proposalByNumber[8]!, body: 'Still heard' }))).ok).toBe(true);
  });
});
