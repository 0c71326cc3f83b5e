import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCommentChange } from './comments';

const base = { change: 'edit' as const, isAuthor: true, commentsOpen: true, deleted: false, isSubjectReply: false };

describe('changing a comment', () => {
  it('the author edits or deletes while comments are open', () => {
    expect(checkCommentChange(base)).toEqual({ ok: true });
    expect(checkCommentChange({ ...base, change: 'delete' })).toEqual({ ok: true });
  });

  it('refuses anyone else, a closed discussion, a deleted comment, an unchanged text, and deleting a right of reply', () => {
    expect(checkCommentChange({ ...base, isAuthor: false })).toMatchObject({
      ok: false,
      code: 'comment.not_author',
      reason: 'Only the author of a comment can edit it.',
    });
    expect(checkCommentChange({ ...base, commentsOpen: false })).toMatchObject({ ok: false, code: 'comment.edit_closed' });
    expect(checkCommentChange({ ...base, deleted: true })).toMatchObject({ ok: false, code: 'comment.deleted' });
    expect(checkCommentChange({ ...base, unchanged: true })).toMatchObject({ ok: false, code: 'comment.unchanged' });
    expect(checkCommentChange({ ...base, change: 'delete', isSubjectReply: true }).ok).toBe(false);
    expect(checkCommentChange({ ...base, isSubjectReply: true }).ok).toBe(true);
  });

  it('property: nothing is allowed unless the author asks while comments are open on a live comment', () => {
    fc.assert(
      fc.property(
        fc.record({
          change: fc.constantFrom('edit' as const, 'delete' as const),
          isAuthor: fc.boolean(),
          commentsOpen: fc.boolean(),
          deleted: fc.boolean(),
          isSubjectReply: fc.boolean(),
          unchanged: fc.boolean(),
        }),
        (c) => {
          if (checkCommentChange(c).ok) expect(c.isAuthor && c.commentsOpen && !c.deleted).toBe(true);
        },
      ),
    );
  });
});
