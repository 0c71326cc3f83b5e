import Link from 'next/link';
import { postCommentAction } from '@/app/o/[slug]/proposals/actions';
import { CommentThread, StanceFields } from '@/components/proposals/comment-thread';
import { FollowButton } from '@/components/proposals/follow-button';
import { MarkdownField } from '@/components/proposals/markdown-preview';
import { ActionForm } from '@/components/ui/action-form';
import { followState } from '@/db/read/follow-state';
import type { CommentView } from '@/db/read/types';
import type { ProposalAction } from '@/lib/governance/permissions';

type Props = {
  slug: string;
  number: number;
  ids: { orgId: string; proposalId: string };
  comments: CommentView[];
  actions: Set<ProposalAction>;
  viewerId: string | null;
  /** A type with the consultation gate, before voting opens: how many concerns were raised in the window, and which still need the author's answer. */
  gate?: { concerns: number; unansweredIds: string[] } | null;
};

const inputClass = 'block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm';

/** The comment thread, the subject's right of reply, and the form for a new comment. */
export async function DiscussionSection({ slug, number, ids, comments, actions, viewerId, gate = null }: Props) {
  const follow = await followState(ids.orgId, ids.proposalId, viewerId);
  return (
    <section aria-labelledby="discussion">
      <h2 id="discussion" className="mb-3 text-lg font-semibold">
        Discussion ({comments.length})
      </h2>
      {follow.canFollow ? <FollowButton slug={slug} ids={ids} following={follow.following} /> : null}
      {gate ? <GateNote gate={gate} comments={comments} /> : null}
      <CommentThread
        awaitingAnswer={new Set(gate?.unansweredIds ?? [])}
        comments={comments}
        orgId={ids.orgId}
        proposalId={ids.proposalId}
        canComment={actions.has('comment')}
        viewerId={viewerId}
        canEditOwn={actions.has('comment') || actions.has('reply')}
      />
      {actions.has('reply') ? (
        <div className="mt-4 rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h3 className="font-semibold text-amber-950">Your right of reply</h3>
          <p className="mb-2 text-sm text-amber-900">
            This proposal concerns you. Your reply is published beside it, and no vote opens before you reply or the reply window ends.
          </p>
          <ActionForm action={postCommentAction} hidden={{ ...ids, asReply: 'true' }} submitLabel="Post my reply" label="Right of reply">
            <label htmlFor="reply-body" className="sr-only">
              Your reply
            </label>
            <MarkdownField id="reply-body" name="body" rows={5} maxLength={10000} required className={inputClass} />
          </ActionForm>
        </div>
      ) : null}
      {actions.has('comment') ? (
        <div className="mt-4 rounded-xl border border-zinc-200 bg-white p-4">
          <ActionForm action={postCommentAction} hidden={ids} submitLabel="Post comment" label="New comment">
            <label htmlFor="comment-body" className="block text-sm font-medium">
              Add a comment
            </label>
            <MarkdownField id="comment-body" name="body" rows={4} maxLength={10000} required className={inputClass} describedBy="comment-hint" />
            <p id="comment-hint" className="text-xs text-zinc-600">
              Markdown supported. Comments are public on this organization&rsquo;s transparency pages. Posting a comment makes you follow this proposal, so you
              get an e-mail when someone replies.
            </p>
            <StanceFields idPrefix="new-comment" />
          </ActionForm>
        </div>
      ) : !viewerId ? (
        <p className="mt-4 text-sm text-zinc-600">
          <Link href={`/signin?callbackUrl=/o/${slug}/proposals/${number}`} className="font-medium text-brand-700 underline">
            Sign in
          </Link>{' '}
          to take part if you are a member.
        </p>
      ) : null}
    </section>
  );
}

/** The consultation gate, stated where the concerns are: what still needs the author's answer before voting can open. */
function GateNote({ gate, comments }: { gate: { concerns: number; unansweredIds: string[] }; comments: CommentView[] }) {
  const open = gate.unansweredIds.length;
  const byId = new Map(comments.map((c) => [c.id, c]));
  return (
    <div
      role="note"
      data-consultation-gate
      className={`mb-4 rounded-xl border p-4 text-sm ${open ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-emerald-200 bg-emerald-50 text-emerald-950'}`}
    >
      <p className="font-semibold">
        {open === 0
          ? gate.concerns === 0
            ? 'Before voting opens, the author must answer each concern or objection raised in the comment window. None has been raised.'
            : `Every concern or objection raised in the comment window (${gate.concerns}) has the author’s answer.`
          : `${open} of ${gate.concerns} ${gate.concerns === 1 ? 'concern or objection' : 'concerns or objections'} raised in the comment window still ${open === 1 ? 'needs' : 'need'} the author’s public answer. Voting cannot open until each is answered.`}
      </p>
      {open > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {gate.unansweredIds.map((id) => (
            <li key={id}>
              <a className="underline" href={`#comment-${id}`}>
                {byId.get(id)?.authorName ?? 'A member'}’s {byId.get(id)?.stance === 'object' ? 'objection' : 'concern'}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
