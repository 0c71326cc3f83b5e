import { MarkdownText } from '@/components/governance/markdown';
import type { CommentView } from '@/db/read/types';
import { postCommentAction, deleteCommentAction, editCommentAction } from '@/app/o/[slug]/proposals/actions';
import { ActionForm } from '@/components/ui/action-form';

const stanceStyles: Record<CommentView['stance'], string> = {
  support: 'bg-emerald-50 text-emerald-800',
  concern: 'bg-amber-50 text-amber-900',
  object: 'bg-red-50 text-red-800',
  none: '',
};

export function StanceFields({ idPrefix }: { idPrefix: string }) {
  return (
    <fieldset className="flex flex-wrap gap-3 text-sm">
      <legend className="sr-only">Your stance</legend>
      {(['none', 'support', 'concern', 'object'] as const).map((s) => (
        <label key={s} className="flex items-center gap-1">
          <input type="radio" name="stance" value={s} defaultChecked={s === 'none'} id={`${idPrefix}-${s}`} />
          {s === 'none' ? 'No stance' : s[0]!.toUpperCase() + s.slice(1)}
        </label>
      ))}
    </fieldset>
  );
}

/** A threaded discussion: replies nest under their parent; the subject's reply is marked. */
const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** `canEditOwn`: the viewer may change their own comments now (the server checks again). */
export function CommentThread({
  comments,
  orgId,
  proposalId,
  canComment,
  viewerId = null,
  canEditOwn = false,
}: {
  comments: CommentView[];
  orgId: string;
  proposalId: string;
  canComment: boolean;
  viewerId?: string | null;
  canEditOwn?: boolean;
}) {
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
              aria-label={`Comment by ${c.authorName ?? 'a member'}`}
              className={`rounded-xl border p-4 ${c.isSubjectReply ? 'border-amber-300 bg-amber-50' : 'border-zinc-200 bg-white'}`}
            >
              <header className="mb-2 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                <span className="font-semibold text-zinc-900">{c.authorName ?? 'A member'}</span>
                {c.isSubjectReply ? <span className="rounded bg-amber-200 px-1.5 py-0.5 font-semibold text-amber-950">Right of reply</span> : null}
                {c.stance !== 'none' ? <span className={`rounded px-1.5 py-0.5 font-semibold ${stanceStyles[c.stance]}`}>{c.stance}</span> : null}
                <time dateTime={c.createdAt.toISOString()}>{utc(c.createdAt)}</time>
                {c.editedAt && !c.deletedAt ? <span>· edited {utc(c.editedAt)}</span> : null}
              </header>
              {c.deletedAt ? (
                <p className="text-sm italic text-zinc-600">Comment deleted by its author on {utc(c.deletedAt)}.</p>
              ) : (
                <MarkdownText>{c.body}</MarkdownText>
              )}
              {c.history.length > 1 ? (
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer font-medium text-zinc-700">History ({c.history.length} versions)</summary>
                  <ol className="mt-2 space-y-2">
                    {c.history.map((v) => (
                      <li key={v.revision} className="rounded-lg border border-zinc-100 bg-zinc-50 p-3">
                        <p className="mb-1 text-xs text-zinc-500">
                          Version {v.revision} · {utc(v.createdAt)}
                        </p>
                        <MarkdownText>{v.body}</MarkdownText>
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
              {canEditOwn && viewerId === c.authorId && !c.deletedAt ? (
                <div className="mt-3 flex flex-wrap gap-4 text-sm">
                  <details>
                    <summary className="cursor-pointer font-medium text-brand-700">Edit</summary>
                    <ActionForm
                      action={editCommentAction}
                      hidden={{ orgId, proposalId, commentId: c.id }}
                      submitLabel="Save changes"
                      variant="secondary"
                      label="Edit your comment"
                      className="mt-2"
                    >
                      <label htmlFor={`edit-${c.id}`} className="sr-only">
                        Your comment
                      </label>
                      <textarea
                        id={`edit-${c.id}`}
                        name="body"
                        rows={4}
                        maxLength={10000}
                        required
                        defaultValue={c.body}
                        className="block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm"
                      />
                      <p className="text-xs text-zinc-600">Everyone can see that you edited it, and every earlier version.</p>
                    </ActionForm>
                  </details>
                  {!c.isSubjectReply ? (
                    <details>
                      <summary className="cursor-pointer font-medium text-red-800">Delete</summary>
                      <ActionForm
                        action={deleteCommentAction}
                        hidden={{ orgId, proposalId, commentId: c.id }}
                        submitLabel="Delete my comment"
                        variant="secondary"
                        label="Delete your comment"
                        className="mt-2"
                      >
                        <p className="text-xs text-zinc-600">
                          The text is no longer shown (the database keeps it); a note says you deleted it and when. The deletion is on the public record.
                        </p>
                      </ActionForm>
                    </details>
                  ) : null}
                </div>
              ) : null}
              {canComment && depth < 4 ? (
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer font-medium text-brand-700">Reply</summary>
                  <ActionForm
                    action={postCommentAction}
                    hidden={{ orgId, proposalId, parentId: c.id }}
                    submitLabel="Post reply"
                    variant="secondary"
                    label={`Reply to ${c.authorName ?? 'comment'}`}
                    className="mt-2"
                  >
                    <label htmlFor={`reply-${c.id}`} className="sr-only">
                      Your reply
                    </label>
                    <textarea
                      id={`reply-${c.id}`}
                      name="body"
                      rows={3}
                      maxLength={10000}
                      required
                      className="block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm"
                    />
                    <StanceFields idPrefix={`reply-${c.id}`} />
                  </ActionForm>
                </details>
              ) : null}
            </article>
            {render(c.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return comments.length === 0 ? <p className="text-sm text-zinc-600">No comments yet.</p> : <>{render(null, 0)}</>;
}
