/**
 * The /api/v1 comment edits and deletions added in 1.5.0: the author's PATCH and DELETE run the
 * edit and delete forms' own operations (lib/actions/operations.ts): the same versions, log
 * entries and refusal codes as the forms; a read-only token, another organization's token, a
 * body failing the schema or a rule's "no" answer a problem and leave the comment as it was.
 */
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { commentRevisions, comments, decisionLog, proposals } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { foundWithOtherOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { publishedProposal } from './fixtures/scenario';
import { form, session } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const HOUR = 3_600_000;
const T0 = new Date(Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR);

let db: Database;
let org: FoundedOrganization;
let otherOrgId = '';
let number = 0;
let proposalId = '';
/** A write token of person 3, a member who wrote none of these comments. */
let token3 = '';
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => {
    ({ org, otherOrgId } = await foundWithOtherOrganization(db, { slug: 'api-comment-edits', seated: 3, at: new Date(T0.getTime() - 24 * HOUR) }));
    proposalId = await publishedProposal(
      db,
      org.people[1]!,
      org.orgId,
      { title: 'Plant trees', body: 'A body long enough for the rules to accept it, with reasons.' },
      T0,
    );
    number = (await db.select({ number: proposals.number }).from(proposals).where(eq(proposals.id, proposalId)))[0]!.number;
    token3 = await token(org.people[3]!.userId, org.orgId);
  },
);
const proposalActions = await import('@/app/o/[slug]/proposals/actions');

const path = (id: string) => `/${org.slug}/proposals/${number}/comments/${id}`;
const rowOf = async (id: string) => (await db.select().from(comments).where(eq(comments.id, id)))[0]!;

/** Person `who` posts a comment through the API; its id. */
async function posted(who: number, body: string): Promise<string> {
  const res = await call('POST', `/${org.slug}/proposals/${number}/comments`, await token(org.people[who]!.userId, org.orgId), { body });
  expect(res.status).toBe(201);
  return (res.body.comment as { id: string }).id;
}

/** Refused as `refusedAndUnchanged` says, and the comment's text, revisions and deletion as they were. */
async function refusedCommentUnchanged(id: string, status: number, code: string, run: () => ReturnType<typeof call>) {
  const before = { row: await rowOf(id), revisions: await db.$count(commentRevisions, eq(commentRevisions.commentId, id)) };
  const body = await refusedAndUnchanged(status, code, run);
  expect({ row: await rowOf(id), revisions: await db.$count(commentRevisions, eq(commentRevisions.commentId, id)) }).toEqual(before);
  return body;
}

describe('PATCH /api/v1/orgs/{slug}/proposals/{number}/comments/{id}', () => {
  it('the author edits: the new text, every version kept and the edit logged, as the edit form does', async () => {
    const id = await posted(2, 'Tress along the south edge, please.');
    const author = await token(org.people[2]!.userId, org.orgId);
    const res = await call('PATCH', path(id), author, { body: '  Trees along the south edge, please.  ' });
    expect(res).toMatchObject({ status: 200, body: { ok: true, comment: { id, revision: 2 } } });
    expect((await rowOf(id)).body).toBe('Trees along the south edge, please.');
    const versions = await db.select().from(commentRevisions).where(eq(commentRevisions.commentId, id)).orderBy(asc(commentRevisions.revision));
    expect(versions.map((v) => v.body)).toEqual(['Tress along the south edge, please.', 'Trees along the south edge, please.']);
    expect(await db.$count(decisionLog, eq(decisionLog.kind, 'comment.edited'))).toBe(1);
    // The form edits the same comment next: revision 3.
    signInAsPerson(org, 2);
    expect(
      await proposalActions.editCommentAction(initialActionState, form({ orgId: org.orgId, proposalId, commentId: id, body: 'Trees along both edges.' })),
    ).toMatchObject({ ok: true });
    expect(await db.$count(commentRevisions, eq(commentRevisions.commentId, id))).toBe(3);
  });

  it('refuses a read-only token, another organization’s token, a bad body, and someone else’s comment with the form’s code; nothing changes', async () => {
    const id = await posted(2, 'Benches along the path.');
    const author = org.people[2]!.userId;
    await scopesRefused(author, otherOrgId, 'PATCH', path(id), { body: 'Benches and bins.' });
    const write = await token(author, org.orgId);
    const empty = await refusedCommentUnchanged(id, 400, 'action.invalid_input', () => call('PATCH', path(id), write, { body: '   ' }));
    expect(empty.errors).toEqual({ body: ['Write a comment.'] });
    const long = await refusedCommentUnchanged(id, 400, 'action.invalid_input', () => call('PATCH', path(id), write, { body: 'x'.repeat(10_001) }));
    expect(long.errors).toEqual({ body: ['A comment is at most 10,000 characters.'] });
    await refusedCommentUnchanged(id, 400, 'action.invalid_input', () => call('PATCH', path('not-an-id'), write, { body: 'Benches.' }));
    // Another member, not its author: the rules' refusal, the same code as the form's.
    const other = await refusedCommentUnchanged(id, 409, 'comment.not_author', () => call('PATCH', path(id), token3, { body: 'Hijacked.' }));
    signInAsPerson(org, 3);
    const byForm = await proposalActions.editCommentAction(initialActionState, form({ orgId: org.orgId, proposalId, commentId: id, body: 'Hijacked.' }));
    expect(byForm).toMatchObject({ ok: false, code: other.code });
    // The same text again: the rules' "nothing to save", as the form says.
    await refusedCommentUnchanged(id, 409, 'comment.unchanged', () => call('PATCH', path(id), write, { body: 'Benches along the path.' }));
    await refusedCommentUnchanged(id, 404, 'api.not_found', () => call('PATCH', `/${org.slug}/proposals/9999/comments/${id}`, write, { body: 'Benches.' }));
  });
});

describe('DELETE /api/v1/orgs/{slug}/proposals/{number}/comments/{id}', () => {
  it('the author deletes: a tombstone, logged once, as the delete form does; a second delete is refused with the form’s code', async () => {
    const id = await posted(2, 'A fountain, maybe.');
    const author = await token(org.people[2]!.userId, org.orgId);
    expect(await call('DELETE', path(id), author)).toMatchObject({ status: 200, body: { ok: true, comment: { id, deleted: true } } });
    expect((await rowOf(id)).deletedAt).not.toBeNull();
    expect(await db.$count(decisionLog, eq(decisionLog.kind, 'comment.deleted'))).toBe(1);
    const twice = await refusedCommentUnchanged(id, 409, 'comment.deleted', () => call('DELETE', path(id), author));
    signInAsPerson(org, 2);
    expect(await proposalActions.deleteCommentAction(initialActionState, form({ orgId: org.orgId, proposalId, commentId: id }))).toMatchObject({
      ok: false,
      code: twice.code,
    });
    // Nor edited once deleted.
    await refusedCommentUnchanged(id, 409, twice.code!, () => call('PATCH', path(id), author, { body: 'A fountain after all.' }));
  });

  it('refuses a read-only token, another organization’s token and someone else’s comment with the form’s code; nothing changes', async () => {
    const id = await posted(2, 'A pond.');
    await scopesRefused(org.people[2]!.userId, otherOrgId, 'DELETE', path(id));
    const other = await refusedCommentUnchanged(id, 409, 'comment.not_author', () => call('DELETE', path(id), token3));
    signInAsPerson(org, 3);
    expect(await proposalActions.deleteCommentAction(initialActionState, form({ orgId: org.orgId, proposalId, commentId: id }))).toMatchObject({
      ok: false,
      code: other.code,
    });
    expect((await rowOf(id)).deletedAt).toBeNull();
  });
});
