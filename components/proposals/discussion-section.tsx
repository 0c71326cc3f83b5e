import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { useTranslations } from 'next-intl';
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
  const t = await getTranslations('discussion');
  return (
    <section aria-labelledby="discussion">
      <h2 id="discussion" className="mb-3 text-lg font-semibold">
        {t('heading', { count: comments.length })}
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
          <h3 className="font-semibold text-amber-950">{t('replyHeading')}</h3>
          <p className="mb-2 text-sm text-amber-900">{t('replyIntro')}</p>
          <ActionForm action={postCommentAction} hidden={{ ...ids, asReply: 'true' }} submitLabel={t('postReply')} label={t('replyForm')}>
            <label htmlFor="reply-body" className="sr-only">
              {t('yourReply')}
            </label>
            <MarkdownField id="reply-body" name="body" rows={5} maxLength={10000} required className={inputClass} />
          </ActionForm>
        </div>
      ) : null}
      {actions.has('comment') ? (
        <div className="mt-4 rounded-xl border border-zinc-200 bg-white p-4">
          <ActionForm action={postCommentAction} hidden={ids} submitLabel={t('postComment')} label={t('newComment')}>
            <label htmlFor="comment-body" className="block text-sm font-medium">
              {t('addComment')}
            </label>
            <MarkdownField id="comment-body" name="body" rows={4} maxLength={10000} required className={inputClass} describedBy="comment-hint" />
            <p id="comment-hint" className="text-xs text-zinc-600">
              {t('commentHint')}
            </p>
            <StanceFields idPrefix="new-comment" />
          </ActionForm>
        </div>
      ) : !viewerId ? (
        <p className="mt-4 text-sm text-zinc-600">
          <Link href={`/signin?callbackUrl=/o/${slug}/proposals/${number}`} className="font-medium text-brand-700 underline">
            {t('signIn')}
          </Link>{' '}
          {t('toTakePart')}
        </p>
      ) : null}
    </section>
  );
}

/** The consultation gate, stated where the concerns are: what still needs the author's answer before voting can open. */
function GateNote({ gate, comments }: { gate: { concerns: number; unansweredIds: string[] }; comments: CommentView[] }) {
  const open = gate.unansweredIds.length;
  const byId = new Map(comments.map((c) => [c.id, c]));
  const t = useTranslations('discussion');
  const tc = useTranslations('common');
  return (
    <div
      role="note"
      data-consultation-gate
      className={`mb-4 rounded-xl border p-4 text-sm ${open ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-emerald-200 bg-emerald-50 text-emerald-950'}`}
    >
      <p className="font-semibold">
        {open === 0 ? (gate.concerns === 0 ? t('gateNone') : t('gateAllAnswered', { count: gate.concerns })) : t('gateOpen', { open, count: gate.concerns })}
      </p>
      {open > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {gate.unansweredIds.map((id) => (
            <li key={id}>
              <a className="underline" href={`#comment-${id}`}>
                {t('gateItem', { name: byId.get(id)?.authorName ?? tc('aMember'), stance: byId.get(id)?.stance === 'object' ? 'object' : 'concern' })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
