import { useFormatter, useTranslations } from 'next-intl';
import { MarkdownText } from '@/components/governance/markdown';
import { MarkdownField } from '@/components/proposals/markdown-preview';
import type { CommentView } from '@/db/read/types';
import { postCommentAction, deleteCommentAction, editCommentAction } from '@/app/o/[slug]/proposals/actions';
import { ActionForm } from '@/components/ui/action-form';
import type { ComponentProps } from 'react';

const stanceStyles: Record<CommentView['stance'], string> = {
  support: 'bg-emerald-50 text-emerald-800',
  concern: 'bg-amber-50 text-amber-900',
  object: 'bg-red-50 text-red-800',
  none: '',
};

export function StanceFields({ idPrefix }: { idPrefix: string }) {
  const t = useTranslations('comments');
  return (
    <fieldset className="flex flex-wrap gap-2 text-sm">
      <legend className="sr-only">{t('stanceLegend')}</legend>
      {(['none', 'support', 'concern', 'object'] as const).map((s) => (
        // The whole label is the target: at least 44 × 44 px, as the ballot's choices.
        <label
          key={s}
          className="flex min-h-11 min-w-11 cursor-pointer items-center gap-2 rounded-lg border border-zinc-300 px-3 py-2 hover:bg-zinc-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
        >
          <input type="radio" name="stance" value={s} defaultChecked={s === 'none'} id={`${idPrefix}-${s}`} className="h-4 w-4 shrink-0" />
          {t('stance', { stance: s })}
        </label>
      ))}
    </fieldset>
  );
}

/** A comment's text box, labelled for screen readers only. */
function CommentBodyField({ id, label, rows, defaultValue }: { id: string; label: string; rows: number; defaultValue?: string }) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <MarkdownField
        id={id}
        name="body"
        rows={rows}
        maxLength={10000}
        required
        defaultValue={defaultValue}
        className="block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm"
      />
    </>
  );
}

type DisclosedActionFormProps = Omit<ComponentProps<typeof ActionForm>, 'variant' | 'className'> & {
  summary: string;
  /** A summary in red, for an action that cannot be undone. */
  danger?: boolean;
  className?: string;
};

/** An action on a comment, offered behind a disclosure whose summary opens its form. */
function DisclosedActionForm({ summary, danger = false, className, ...form }: DisclosedActionFormProps) {
  return (
    <details className={className}>
      <summary className={`cursor-pointer font-medium ${danger ? 'text-red-800' : 'text-brand-700'}`}>{summary}</summary>
      <ActionForm {...form} variant="secondary" className="mt-2" />
    </details>
  );
}

/** The author's edit and delete forms for their comment; a right-of-reply statement cannot be deleted. */
function OwnCommentActions({ orgId, proposalId, comment }: { orgId: string; proposalId: string; comment: CommentView }) {
  const hidden = { orgId, proposalId, commentId: comment.id };
  const t = useTranslations('comments');
  return (
    <div className="mt-3 flex flex-wrap gap-4 text-sm">
      <DisclosedActionForm summary={t('edit')} action={editCommentAction} hidden={hidden} submitLabel={t('saveChanges')} label={t('editLabel')}>
        <CommentBodyField id={`edit-${comment.id}`} label={t('yourComment')} rows={4} defaultValue={comment.body} />
        <p className="text-xs text-zinc-600">{t('editNote')}</p>
      </DisclosedActionForm>
      {!comment.isSubjectReply ? (
        <DisclosedActionForm summary={t('delete')} danger action={deleteCommentAction} hidden={hidden} submitLabel={t('deleteSubmit')} label={t('deleteLabel')}>
          <p className="text-xs text-zinc-600">{t('deleteNote')}</p>
        </DisclosedActionForm>
      ) : null}
    </div>
  );
}

/** A threaded discussion: replies nest under their parent; the subject's reply is marked. */
/** `canEditOwn`: the viewer may change their own comments now (the server checks again). */
export function CommentThread({
  comments,
  orgId,
  proposalId,
  canComment,
  viewerId = null,
  canEditOwn = false,
  awaitingAnswer = new Set<string>(),
}: {
  comments: CommentView[];
  orgId: string;
  proposalId: string;
  canComment: boolean;
  viewerId?: string | null;
  canEditOwn?: boolean;
  /** Concerns the consultation gate is waiting on: each gets a badge until the author answers it. */
  awaitingAnswer?: ReadonlySet<string>;
}) {
  const t = useTranslations('comments');
  const tc = useTranslations('common');
  const format = useFormatter();
  const utc = (d: Date) => format.dateTime(d, 'long');
  const children = new Map<string | null, CommentView[]>();
  for (const c of comments) {
    const key = c.parentId && comments.some((p) => p.id === c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const render = (parent: string | null, depth: number): React.ReactNode => {
    const list = children.get(parent) ?? [];
    if (list.length === 0) return null;
    return (
      <ul className={depth > 0 ? 'ml-4 mt-3 space-y-3 border-l-2 border-zinc-100 pl-4' : 'space-y-4'}>
        {list.map((c) => (
          <li key={c.id} id={`comment-${c.id}`}>
            <article
              aria-label={t('commentBy', { name: c.authorName ?? tc('aMemberLower') })}
              className={`rounded-xl border p-4 ${c.isSubjectReply ? 'border-amber-300 bg-amber-50' : 'border-zinc-200 bg-white'}`}
            >
              <header className="mb-2 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                <span className="font-semibold text-zinc-900">{c.authorName ?? tc('aMember')}</span>
                {c.isSubjectReply ? <span className="rounded bg-amber-200 px-1.5 py-0.5 font-semibold text-amber-950">{t('rightOfReply')}</span> : null}
                {c.stance !== 'none' ? (
                  <span className={`rounded px-1.5 py-0.5 font-semibold ${stanceStyles[c.stance]}`}>{t('stanceBadge', { stance: c.stance })}</span>
                ) : null}
                {awaitingAnswer.has(c.id) ? (
                  <span className="rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5 font-semibold text-amber-900">{t('awaitingAnswer')}</span>
                ) : null}
                <time dateTime={c.createdAt.toISOString()}>{utc(c.createdAt)}</time>
                {c.editedAt && !c.deletedAt ? <span>{t('edited', { at: c.editedAt })}</span> : null}
              </header>
              {c.deletedAt ? <p className="text-sm italic text-zinc-600">{t('deleted', { at: c.deletedAt })}</p> : <MarkdownText>{c.body}</MarkdownText>}
              {c.history.length > 1 ? (
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer font-medium text-zinc-700">{t('history', { count: c.history.length })}</summary>
                  <ol className="mt-2 space-y-2">
                    {c.history.map((v) => (
                      <li key={v.revision} className="rounded-lg border border-zinc-100 bg-zinc-50 p-3">
                        <p className="mb-1 text-xs text-zinc-500">{t('version', { revision: v.revision, at: v.createdAt })}</p>
                        <MarkdownText>{v.body}</MarkdownText>
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
              {canEditOwn && viewerId === c.authorId && !c.deletedAt ? <OwnCommentActions orgId={orgId} proposalId={proposalId} comment={c} /> : null}
              {canComment && depth < 4 ? (
                <DisclosedActionForm
                  className="mt-3 text-sm"
                  summary={t('reply')}
                  action={postCommentAction}
                  hidden={{ orgId, proposalId, parentId: c.id }}
                  submitLabel={t('postReply')}
                  label={t('replyTo', { name: c.authorName ?? t('comment') })}
                >
                  <CommentBodyField id={`reply-${c.id}`} label={t('yourReply')} rows={3} />
                  <StanceFields idPrefix={`reply-${c.id}`} />
                </DisclosedActionForm>
              ) : null}
            </article>
            {render(c.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return comments.length === 0 ? <p className="text-sm text-zinc-600">{t('none')}</p> : <>{render(null, 0)}</>;
}
