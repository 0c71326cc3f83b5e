import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDatabaseHandleForTests } from '@/db/client';
import type { DatabaseHandle } from '@/db/client';
import { commentRevisions, comments, decisionLog, proposals, users } from '@/db/schema';
import { listComments } from '@/db/queries/proposal-reads';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import { initialActionState } from '@/lib/actions/state';
import { form, session, signInAs } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { postCommentAction: commentAction, editCommentAction, deleteCommentAction } = await import('@/app/o/[slug]/proposals/actions');

let handle: DatabaseHandle & { drop: () => Promise<void> };
let orgId: string;
const people: Record<string, { id: string; email: string; name: string | null }> = {};
let open: string; // #8, in discussion
let decided: string;

const asUser = (key: string) => signInAs({ id: people[key]!.id, email: people[key]!.email, name: people[key]!.name });
async function written() {
  const db = handle.db;
  return {
    comments: await db.select().from(comments).orderBy(asc(comments.id)),
    revisions: await db.$count(commentRevisions),
    log: await db.$count(decisionLog),
  };
}
const logOf = async (kind: string) =>
  handle.db
    .select()
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.kind, kind)))
    .orderBy(asc(decisionLog.seq));

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandleForTests(handle);
  ({ orgId } = await seedDemo(handle.db));
  for (const u of await handle.db.select().from(users)) people[u.email.split('@')[0]!] = u;
  open = (
    await handle.db
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), eq(proposals.number, 8)))
  )[0]!.id;
  decided = (
    await handle.db
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), isNotNull(proposals.outcome)))
  )[0]!.id;
});
afterAll(async () => {
  setDatabaseHandleForTests(undefined);
  await handle.drop();
});
beforeEach(() => signInAs(null));

async function post(who: string, body: string): Promise<string> {
  asUser(who);
  expect((await commentAction(initialActionState, form({ orgId, proposalId: open, body }))).ok).toBe(true);
  const [row] = await handle.db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.proposalId, open), eq(comments.body, body)));
  return row!.id;
}

describe('editing and deleting comments', () => {
  it('the author edits: every version kept, the page shows the history, the edit is logged with the new text hash', async () => {
    const id = await post('linus', 'Tress along the south edge, please.');
    asUser('linus');
    expect(await editCommentAction(initialActionState, form({ orgId, proposalId: open, commentId: id, body: 'Trees along the south edge, please.' }))).toEqual({
      ok: true,
      message: 'Comment updated. Earlier versions stay visible in its history.',
    });
    expect(
      (await editCommentAction(initialActionState, form({ orgId, proposalId: open, commentId: id, body: 'Trees along the south and east edges.' }))).ok,
    ).toBe(true);
    const view = (await listComments(handle.db, open)).find((c) => c.id === id)!;
    expect(view.body).toBe('Trees along the south and east edges.');
    expect(view.editedAt).not.toBeNull();
    expect(view.history.map((h) => [h.revision, h.body])).toEqual([
      [1, 'Tress along the south edge, please.'],
      [2, 'Trees along the south edge, please.'],
      [3, 'Trees along the south and east edges.'],
    ]);
    const edits = await logOf('comment.edited');
    expect(edits.map((e) => e.payload)).toEqual([
      expect.objectContaining({ commentId: id, revision: 2, number: 8 }),
      expect.objectContaining({ commentId: id, revision: 3, bodyHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    // Saving the same text again is refused: no empty versions, no log noise.
    const before = await written();
    expect(
      (await editCommentAction(initialActionState, form({ orgId, proposalId: open, commentId: id, body: 'Trees along the south and east edges.' }))).ok,
    ).toBe(false);
    expect(await written()).toEqual(before);
  });

  it.each([
    ['another member', 'margaret', 'comment.not_author'],
    ['an admin (no moderation)', 'ada', 'comment.not_author'],
    ['a signed-out visitor', null, 'action.signed_out'],
  ] as const)('a forged edit and delete by %s are refused and write nothing', async (_l, who, code) => {
    const id = await post('noor', `Noor's view, forged-edit case ${who ?? 'anon'}.`);
    if (who) asUser(who);
    else signInAs(null);
    const before = await written();
    expect(await editCommentAction(initialActionState, form({ orgId, proposalId: open, commentId: id, body: 'Words Noor never wrote.' }))).toMatchObject({
      ok: false,
      code,
    });
    expect(await deleteCommentAction(initialActionState, form({ orgId, proposalId: open, commentId: id }))).toMatchObject({ ok: false, code });
    expect(await written()).toEqual(before);
  });

  it('a comment id from another proposal is refused', async () => {
    const id = await post('linus', 'On proposal 8 only.');
    asUser('linus');
    const before = await written();
    expect(await editCommentAction(initialActionState, form({ orgId, proposalId: decided, commentId: id, body: 'Moved.' }))).toMatchObject({
      ok: false,
      code: 'comment.not_on_proposal',
    });
    expect(await written()).toEqual(before);
  });

  it('after the discussion has closed, the author can neither edit nor delete', async () => {
    const [old] = await handle.db.select().from(comments).where(eq(comments.proposalId, decided)).limit(1);
    expect(old).toBeDefined();
    const author = Object.keys(people).find((k) => people[k]!.id === old!.authorId)!;
    asUser(author);
    const before = await written();
    expect(await editCommentAction(initialActionState, form({ orgId, proposalId: decided, commentId: old!.id, body: 'Rewriting history.' }))).toMatchObject({
      ok: false,
      code: 'comment.edit_closed',
    });
    expect(await deleteCommentAction(initialActionState, form({ orgId, proposalId: decided, commentId: old!.id }))).toMatchObject({
      ok: false,
      code: 'comment.delete_closed',
    });
    expect(await written()).toEqual(before);
  });

  it('the author deletes: a tombstone (row kept, text not shown), logged once; no edit or second delete afterwards', async () => {
    const id = await post('margaret', 'I object to the pear trees.');
    asUser('margaret');
    expect(await deleteCommentAction(initialActionState, form({ orgId, proposalId: open, commentId: id }))).toEqual({ ok: true, message: 'Comment deleted.' });
    const [row] = await handle.db.select().from(comments).where(eq(comments.id, id));
    expect(row!.deletedAt).not.toBeNull();
    const view = (await listComments(handle.db, open)).find((c) => c.id === id)!;
    expect(view).toMatchObject({ body: '', history: [] });
    expect(view.deletedAt).not.toBeNull();
    expect((await logOf('comment.deleted')).map((e) => e.payload)).toEqual([{ number: 8, commentId: id }]);
    const before = await written();
    expect(await deleteCommentAction(initialActionState, form({ orgId, proposalId: open, commentId: id }))).toMatchObject({
      ok: false,
      code: 'comment.deleted',
    });
    expect(await editCommentAction(initialActionState, form({ orgId, proposalId: open, commentId: id, body: 'Back from the dead.' }))).toMatchObject({
      ok: false,
      code: 'comment.deleted',
    });
    expect(await written()).toEqual(before);
  });
});
