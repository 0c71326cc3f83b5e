/**
 * Who may change a comment after posting it, and when. Pure: no I/O, no clock.
 *
 * Lessons: only the author speaks for their words, and only while the proposal is open for
 * comments — once voting has closed, the discussion that led to the decision stays as it was.
 * Every version is kept and each change is logged, so an edit cannot quietly rewrite what
 * others replied to. The subject's right-of-reply statement can be edited but not deleted:
 * it is what let voting open.
 */
import type { RuleResult } from './roles';

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
  if (!c.isAuthor) return { ok: false, reason: `Only the author of a comment can ${c.change} it.` };
  if (c.deleted) return { ok: false, reason: 'This comment has been deleted.' };
  if (!c.commentsOpen)
    return { ok: false, reason: `Comments can be ${c.change === 'edit' ? 'edited' : 'deleted'} only while the proposal is open for comments.` };
  if (c.change === 'delete' && c.isSubjectReply)
    return { ok: false, reason: 'Your right-of-reply statement stays on the record; you can still edit it while comments are open.' };
  if (c.change === 'edit' && c.unchanged) return { ok: false, reason: 'The text is the same as before: nothing to save.' };
  return { ok: true };
}
