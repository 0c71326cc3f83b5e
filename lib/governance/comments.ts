/**
 * Who may change a comment after posting it, and when. Pure: no I/O, no clock.
 *
 * Lessons: only the author speaks for their words, and only while the proposal is open for
 * comments — once voting has closed, the discussion that led to the decision stays as it was.
 * Every version is kept and each change is logged, so an edit cannot quietly rewrite what
 * others replied to. The subject's right-of-reply statement can be edited but not deleted:
 * it is what let voting open.
 */
import { refused } from './refusal';
import type { RuleResult } from './types';

export type CommentChange = {
  change: 'edit' | 'delete';
  isAuthor: boolean;
  /** The proposal's phase lets this person comment now (the same rule as posting). */
  commentsOpen: boolean;
  deleted: boolean;
  isSubjectReply: boolean;
  /** Edit only: the new text is the same as the current one. */
  unchanged?: boolean;
};

export function checkCommentChange(c: CommentChange): RuleResult {
  if (!c.isAuthor) return refused('comment.not_author', { change: c.change });
  if (c.deleted) return refused('comment.deleted');
  if (!c.commentsOpen) return refused(c.change === 'edit' ? 'comment.edit_closed' : 'comment.delete_closed');
  if (c.change === 'delete' && c.isSubjectReply) return refused('comment.reply_kept');
  if (c.change === 'edit' && c.unchanged) return refused('comment.unchanged');
  return { ok: true };
}
