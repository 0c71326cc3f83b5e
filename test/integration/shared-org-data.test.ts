// The signed-in organization page and proposal page share what every viewer sees alike across viewers of
// one organization version (lib/public-cache/org-data.ts). Here, in one process as the app runs: a change
// — a vote, a comment, a new proposal, through an action here or written as another instance would — is
// visible to another signed-in viewer on the very next read; a viewer's own ballot right after casting it;
// and what is one viewer's (their drafts, whether they follow) never reaches another.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { memberships, organizations, proposals, seats, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { followState } from '@/db/read/follow-state';
import { loadOrganizationPage } from '@/db/read/org-page';
import { findProposalForPage } from '@/db/read/proposal-page';
import { loadProposalView } from '@/db/read/proposal-view';
import { initialActionState } from '@/lib/actions/state';
import { loadOrgPage } from '@/lib/auth/org-page';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { castBallotAction, followProposalAction, postCommentAction } = await import('@/app/o/[slug]/proposals/actions');

type Person = { id: string; email: string; name: string | null };
let handle: DatabaseHandle & { drop: () => Promise<void> };
let orgId: string;
let slug: string;
let voting: { id: string; number: number };
let seatHolders: Person[] = [];
let plainMember: Person;

withTestDatabase({ app: true }, async (ready) => {
  handle = ready;
  ({ orgId } = await seedDemo(handle.db));
  const { db } = handle;
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId));
  slug = org!.slug;
  const [p] = await db
    .select({ id: proposals.id, number: proposals.number })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.title, 'Approve the 2027 operating budget')));
  voting = p!;
  seatHolders = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(seats)
    .innerJoin(users, eq(users.id, seats.holderUserId))
    .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, 'board'), isNotNull(seats.holderUserId), isNull(seats.retiredAt)));
  const holderIds = new Set(seatHolders.map((s) => s.id));
  const members = await db
    .select({ id: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'member'), isNotNull(memberships.acceptedAt)));
  plainMember = members.find((m) => !holderIds.has(m.id))!;
});
beforeEach(() => signInAs(null));

/** The organization page's data as its page.tsx reads it, for whoever is signed in. */
async function overviewAs(who: Person) {
  signInAs(who);
  const ctx = await loadOrgPage(slug);
  return loadOrganizationPage(ctx.org.id, ctx.user?.id ?? null, new Date(), ctx);
}

/** The proposal page's data as its page.tsx reads it, for whoever is signed in. */
async function proposalAs(who: Person, number = voting.number) {
  signInAs(who);
  const ctx = await loadOrgPage(slug);
  const loaded = (await findProposalForPage(ctx.org.id, number, who.id))!;
  return loadProposalView(ctx.org.id, loaded, { role: ctx.membership?.role ?? null, userId: who.id }, new Date(), { version: ctx.version });
}

describe('shared per-version reads of signed-in pages', () => {
  it('a vote by one seat holder is on the next read of another, and the voter sees their own ballot at once', async () => {
    const [a, b] = seatHolders;
    const before = await overviewAs(a!);
    await proposalAs(a!);
    await proposalAs(b!);
    signInAs(b!);
    const cast = await castBallotAction(initialActionState, form({ orgId, proposalId: voting.id, choice: 'no', rationale: 'Too much for rent.' }));
    expect(cast.ok).toBe(true);
    // The voter's own ballot, on their very next read.
    const mine = await proposalAs(b!);
    expect(mine.votes.find((v) => v.voterUserId === b!.id)?.rationale).toBe('Too much for rent.');
    // Another viewer: the decision log's new head and the ballot's entry in the record.
    const after = await overviewAs(a!);
    expect(after.head!.size).toBe(before.head!.size + 1);
    const theirs = await proposalAs(a!);
    expect(theirs.logRows.some((e) => e.kind === 'ballot.cast' && e.actorId === b!.id)).toBe(true);
    // A change of mind, again at once.
    signInAs(b!);
    expect((await castBallotAction(initialActionState, form({ orgId, proposalId: voting.id, choice: 'yes', rationale: 'Convinced.' }))).ok).toBe(true);
    expect((await proposalAs(b!)).votes.find((v) => v.voterUserId === b!.id)?.choice).toBe('yes');
    expect((await overviewAs(a!)).head!.size).toBe(before.head!.size + 2);
  });

  it('a comment is on the next read of every viewer', async () => {
    const [a, b] = seatHolders;
    await proposalAs(a!);
    signInAs(b!);
    expect((await postCommentAction(initialActionState, form({ orgId, proposalId: voting.id, body: 'A comment the cache must not hide.' }))).ok).toBe(true);
    expect((await proposalAs(a!)).comments.some((c) => c.body === 'A comment the cache must not hide.')).toBe(true);
    expect((await proposalAs(plainMember)).comments.some((c) => c.body === 'A comment the cache must not hide.')).toBe(true);
  });

  it('a proposal published elsewhere (not through this process) is listed on the next read', async () => {
    const [a, b] = seatHolders;
    await overviewAs(a!);
    const at = new Date();
    const body = 'A body long enough for the rules to accept it.';
    const draft = await createDraft(
      handle.db,
      { userId: b!.id, role: 'member' },
      { orgId, typeKey: 'resolution', title: 'Published behind the cache', body, subjectUserId: null, effect: {}, emergency: false },
      at,
    );
    // A draft is its author's alone: not listed for anyone else, and not put in the shared read by its author's.
    expect((await overviewAs(b!)).overview.proposals.some((p) => p.id === draft.id)).toBe(true);
    expect((await overviewAs(a!)).overview.proposals.some((p) => p.id === draft.id)).toBe(false);
    expect((await overviewAs(plainMember)).overview.proposals.some((p) => p.id === draft.id)).toBe(false);
    await publishProposal(handle.db, { userId: b!.id, role: 'member' }, { orgId, proposalId: draft.id }, at);
    expect((await overviewAs(a!)).overview.proposals.some((p) => p.id === draft.id && p.title === 'Published behind the cache')).toBe(true);
  });

  it("one viewer's own state (their draft, whether they follow) never reaches another", async () => {
    const [a, b] = seatHolders;
    const at = new Date();
    const body = 'A body long enough for the rules to accept it.';
    const secret = await createDraft(
      handle.db,
      { userId: a!.id, role: 'member' },
      { orgId, typeKey: 'resolution', title: 'A private draft of one member', body, subjectUserId: null, effect: {}, emergency: false },
      at,
    );
    // The author first, then the others, then the author again: each read the same version.
    for (const who of [a!, b!, plainMember, a!, b!]) {
      const { overview } = await overviewAs(who);
      expect(overview.proposals.some((p) => p.id === secret.id)).toBe(who.id === a!.id);
    }
    signInAs(a!);
    expect((await followProposalAction(initialActionState, form({ orgId, proposalId: voting.id, follow: 'true' }))).ok).toBe(true);
    expect(await followState(orgId, voting.id, a!.id)).toEqual({ canFollow: true, following: true });
    expect(await followState(orgId, voting.id, plainMember.id)).toEqual({ canFollow: true, following: false });
    // The proposal page's shared parts carry nothing of the viewer's: the same for both.
    const [forA, forB] = [await proposalAs(a!), await proposalAs(b!)];
    expect(forA.comments).toEqual(forB.comments);
    expect(forA.logRows).toEqual(forB.logRows);
    expect(forA.seats).toEqual(forB.seats);
  });
});
