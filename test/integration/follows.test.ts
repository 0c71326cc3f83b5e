import { randomUUID } from 'node:crypto';
import { and, asc, eq, like } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { comments, memberships, outbox, proposalFollows, proposals, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { initialActionState } from '@/lib/actions/state';
import { formatMessage } from '@/lib/governance/messages';
import { savePreferences } from '@/lib/notify/preferences';
import { setFollowing } from '@/lib/use-cases/follows';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { followProposalAction, postCommentAction, reviseProposalAction } = await import('@/app/o/[slug]/proposals/actions');

let handle: DatabaseHandle & { drop: () => Promise<void> };
let orgId: string;
const people: Record<string, { id: string; email: string; name: string | null }> = {};
let open: string; // #8, in discussion, by margaret
let draft: string;

const asUser = (key: string) => signInAs({ id: people[key]!.id, email: people[key]!.email, name: people[key]!.name });
const follows = () => handle.db.select().from(proposalFollows).orderBy(asc(proposalFollows.userId));
const isFollowing = async (key: string, proposalId = open) => (await follows()).some((f) => f.userId === people[key]!.id && f.proposalId === proposalId);
/** The followed_activity rows a person has, and what each is about (from the event key). */
async function followedRows(key: string) {
  return handle.db
    .select({ key: outbox.idempotencyKey, status: outbox.status })
    .from(outbox)
    .where(and(eq(outbox.recipientUserId, people[key]!.id), eq(outbox.kind, 'followed_activity')))
    .orderBy(asc(outbox.createdAt));
}
const follow = (proposalId: string, on = true, extra: Record<string, string> = {}) =>
  followProposalAction(initialActionState, form({ orgId, proposalId, follow: String(on), ...extra }));

async function comment(who: string, body: string, parentId?: string): Promise<string> {
  asUser(who);
  expect((await postCommentAction(initialActionState, form({ orgId, proposalId: open, body, ...(parentId ? { parentId } : {}) }))).ok).toBe(true);
  const [row] = await handle.db.select({ id: comments.id }).from(comments).where(eq(comments.body, body));
  return row!.id;
}

withTestDatabase({ app: true }, async (ready) => {
  handle = ready;
  ({ orgId } = await seedDemo(handle.db));
  for (const u of await handle.db.select().from(users)) people[u.email.split('@')[0]!] = u;
  const rows = await handle.db.select().from(proposals).where(eq(proposals.orgId, orgId));
  open = rows.find((p) => p.number === 8)!.id;
  draft = rows.find((p) => p.status === 'draft')!.id;
});
beforeEach(() => signInAs(null));

describe('following a proposal: who may', () => {
  it('a member follows and unfollows; twice is the same as once', async () => {
    asUser('linus');
    const on = await follow(open);
    expect(on.ok).toBe(true);
    expect(on.message).toMatch(/You follow this proposal/);
    expect((await follow(open)).ok).toBe(true);
    expect((await follows()).filter((f) => f.userId === people.linus!.id && f.proposalId === open)).toHaveLength(1);
    expect(await follow(open, false)).toEqual({ ok: true, message: 'You no longer follow this proposal.' });
    expect(await isFollowing('linus')).toBe(false);
  });

  it('an observer is refused, by the action and by the use case with a forged role; nothing is written', async () => {
    asUser('tim');
    const r = await follow(open);
    expect(r.ok).toBe(false);
    expect(r.message).toBe(formatMessage('action.forbidden'));
    await expect(
      setFollowing(handle.db, { userId: people.tim!.id, role: 'member' }, { orgId, proposalId: open, follow: true }, new Date()),
    ).rejects.toMatchObject({
      code: 'follow.members_only',
    });
    expect(await isFollowing('tim')).toBe(false);
  });

  it('a pending invitee is refused; nothing is written', async () => {
    const [invitee] = await handle.db.insert(users).values({ email: 'invitee@example.org', name: 'Ivy Invitee' }).returning();
    await handle.db.insert(memberships).values({ orgId, userId: invitee!.id, role: 'member', acceptedAt: null });
    signInAs({ id: invitee!.id, email: invitee!.email, name: invitee!.name });
    expect((await follow(open)).message).toBe(formatMessage('action.forbidden'));
    await expect(setFollowing(handle.db, { userId: invitee!.id, role: 'member' }, { orgId, proposalId: open, follow: true }, new Date())).rejects.toMatchObject(
      {
        code: 'follow.members_only',
      },
    );
    expect((await follows()).some((f) => f.userId === invitee!.id)).toBe(false);
  });

  it('forged ids are refused: another organization, an unknown proposal, a private draft; a forged userId is ignored', async () => {
    asUser('linus');
    expect((await followProposalAction(initialActionState, form({ orgId: randomUUID(), proposalId: open, follow: 'true' }))).message).toBe(
      formatMessage('action.forbidden'),
    );
    expect((await follow(randomUUID())).message).toBe(formatMessage('proposal.not_found'));
    expect((await follow(draft)).message).toBe(formatMessage('follow.not_published'));
    expect((await follow('not-an-id')).ok).toBe(false);
    // margaret follows; linus tries to unfollow her by naming her id: only linus's own (absent) follow is touched.
    asUser('margaret');
    expect((await follow(open)).ok).toBe(true);
    asUser('linus');
    expect((await follow(open, false, { userId: people.margaret!.id })).ok).toBe(true);
    expect(await isFollowing('margaret')).toBe(true);
    expect((await follows()).some((f) => f.proposalId === draft)).toBe(false);
    asUser('margaret');
    await follow(open, false);
  });
});

describe('what followers are told', () => {
  it('one notice per comment to each follower, none to the commenter; commenting follows, so the commenter hears of replies', async () => {
    asUser('grace');
    expect((await follow(open)).ok).toBe(true);
    const before = (await followedRows('grace')).length;
    const id = await comment('linus', 'Streaming would need a volunteer each meeting.');
    const graceRows = await followedRows('grace');
    expect(graceRows).toHaveLength(before + 1);
    expect(graceRows.at(-1)!.key).toContain(`follow:${open}:comment:${id}`);
    expect(await followedRows('linus')).toHaveLength(0);
    expect(await isFollowing('linus')).toBe(true);

    const reply = await comment('grace', 'I can do the first three.', id);
    const linusRows = await followedRows('linus');
    expect(linusRows).toHaveLength(1);
    expect(linusRows[0]!.key).toContain(`follow:${open}:reply:${reply}`);
    expect(await followedRows('grace')).toHaveLength(before + 1);
  });

  it('preference "off" gives no row; "digest" holds it for the digest', async () => {
    await savePreferences(handle.db, people.grace!.id, orgId, { followed_activity: 'off' }, new Date());
    const before = (await followedRows('grace')).length;
    await comment('linus', 'A second thought on streaming.');
    expect(await followedRows('grace')).toHaveLength(before);
    await savePreferences(handle.db, people.grace!.id, orgId, { followed_activity: 'digest' }, new Date());
    await comment('linus', 'A third thought on streaming.');
    const rows = await followedRows('grace');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.status).toBe('digest');
    await savePreferences(handle.db, people.grace!.id, orgId, { followed_activity: 'immediate' }, new Date());
  });

  it('one notice per revision', async () => {
    const before = (await followedRows('linus')).length;
    asUser('margaret');
    const r = await reviseProposalAction(
      initialActionState,
      form({
        orgId,
        proposalId: open,
        title: 'Open board meetings to residents',
        body: 'All board meetings are open to residents and streamed, except for items on individual tenants or staff, which are minuted in summary.',
        changeNote: 'Streaming',
        substantive: 'true',
      }),
    );
    expect(r.ok).toBe(true);
    const rows = await followedRows('linus');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.key).toContain(`follow:${open}:revision:`);
    expect((await followedRows('margaret')).filter((x) => x.key.includes(':revision:'))).toHaveLength(0);
  });

  it('status changes: one notice for voting opened and one for the decision, not on top of the event’s own notice', async () => {
    asUser('ada');
    expect((await follow(open)).ok).toBe(true);
    // linus turned the general notices off, but follows this proposal: he hears through following.
    await savePreferences(handle.db, people.linus!.id, orgId, { voting_open: 'off', decision: 'off' }, new Date());
    const about = async (who: string, event: string) =>
      (
        await handle.db
          .select({ key: outbox.idempotencyKey })
          .from(outbox)
          .where(and(eq(outbox.recipientUserId, people[who]!.id), like(outbox.idempotencyKey, `%${open}%`)))
      ).filter((r) => r.key.includes(event));
    const [p] = await handle.db.select().from(proposals).where(eq(proposals.id, open));
    const voting = new Date(p!.discussionClosesAt!.getTime() + 60_000);
    expect(await recordTransitions(handle.db, open, orgId, voting)).toContain('stage_0_opened');
    const decided = await recordTransitions(handle.db, open, orgId, new Date(voting.getTime() + 90 * 86_400_000));
    expect(decided.some((s) => ['passed', 'rejected', 'failed_quorum'].includes(s))).toBe(true);
    const via: Record<string, string[]> = {};
    for (const who of ['linus', 'grace', 'ada']) {
      const opened = await about(who, 'voting');
      const outcome = await about(who, 'decided');
      expect(opened, who).toHaveLength(1);
      expect(outcome, who).toHaveLength(1);
      via[who] = [opened[0]!.key.split(':')[0]!, outcome[0]!.key.split(':')[0]!];
    }
    expect(via).toEqual({ linus: ['follow', 'follow'], grace: ['voting', 'decided'], ada: ['voting', 'decided'] });
  });
});
