import { MarkdownText } from '@/components/governance/markdown';
import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/state';
import { closedMatterKinds, closedMatterWords } from '@/lib/governance/minutes';
import type { ClosedMatterKind, MinutesApproval } from '@/lib/governance/minutes';
import { formatUtc } from '@/lib/governance/time';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export type MinutesView = {
  minutes: {
    revision: number;
    sha256: string;
    text: string | null;
    closedMatter: ClosedMatterKind | null;
    matterWords: string | null;
    draftedAt: Date;
    draftedBy: string | null;
    sealedAt: Date | null;
    disclosesAt: Date | null;
    disclosedAt: Date | null;
    approval: MinutesApproval;
  } | null;
  viewer: { holdsSeat: boolean; keepsRecord: boolean; mayDraft: boolean; ownAnswer?: 'approved' | 'rejected' | null; mayAnswer?: boolean };
  disclosureDays: number;
  prefill: string | null;
};

const input =
  'mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const labelCls = 'block text-sm font-medium text-zinc-900';

function status(m: NonNullable<MinutesView['minutes']>): string {
  if (m.sealedAt === null)
    return `Draft, revision ${m.revision}: ${m.approval.approvals} of ${m.approval.needed} approvals needed (a majority of the body’s charter seats)${m.approval.rejections > 0 ? `, ${m.approval.rejections} rejected` : ''}${m.approval.state === 'rejected' ? ' — rejected: the secretary revises it' : ''}.`;
  return `Approved and sealed ${formatUtc(m.sealedAt)} (revision ${m.revision}).`;
}

/** The minutes of a meeting: the sealed text (or, for a closed session, its hash until its disclosure date), the draft to approve, and the secretary's editor. */
export function MeetingMinutes({
  view,
  orgId,
  meetingId,
  draftAction,
  answerAction,
  writable,
}: {
  view: MinutesView;
  orgId: string;
  meetingId: string;
  draftAction: Action;
  answerAction: Action;
  writable: boolean;
}) {
  const m = view.minutes;
  return (
    <div className="space-y-4 text-sm">
      {m === null ? <p className="text-zinc-600">No minutes yet. The secretary drafts them once the meeting has started.</p> : null}
      {m ? (
        <>
          <p className={`font-semibold ${m.sealedAt ? 'text-emerald-800' : 'text-zinc-800'}`}>{status(m)}</p>
          {m.closedMatter ? (
            <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
              Closed session ({m.matterWords}).{' '}
              {m.disclosedAt
                ? `The sealed text was disclosed ${formatUtc(m.disclosedAt)}.`
                : m.disclosesAt
                  ? `The sealed text is disclosed ${formatUtc(m.disclosesAt)}; until then only the body’s seat holders read it.`
                  : `Once sealed, the text stays with the body’s seat holders for ${view.disclosureDays} days, then is disclosed.`}
            </p>
          ) : null}
          <p className="break-all text-zinc-600">
            SHA-256 of the text: <code>{m.sha256}</code>
          </p>
          {m.text !== null ? (
            <div className="rounded-xl border border-zinc-200 p-4" data-testid="minutes-text">
              <MarkdownText>{m.text}</MarkdownText>
            </div>
          ) : m.sealedAt ? (
            <p className="text-zinc-700">
              The text is sealed: its hash is in the public log, and the verifier checks the text against it when it is disclosed.
            </p>
          ) : (
            <p className="text-zinc-700">A draft is read by the body’s seat holders and the secretary until it is approved.</p>
          )}
          {writable && view.viewer.mayAnswer ? (
            <div className="flex flex-wrap gap-3">
              <ActionForm
                action={answerAction}
                hidden={{ orgId, meetingId, revision: String(m.revision), answer: 'approve' }}
                submitLabel={`Approve revision ${m.revision}`}
                pendingLabel="Approving…"
                label="Approve the minutes"
              >
                {null}
              </ActionForm>
              <ActionForm
                action={answerAction}
                hidden={{ orgId, meetingId, revision: String(m.revision), answer: 'reject' }}
                submitLabel={`Reject revision ${m.revision}`}
                pendingLabel="Rejecting…"
                variant="secondary"
                label="Reject the minutes"
              >
                {null}
              </ActionForm>
            </div>
          ) : null}
          {view.viewer.ownAnswer ? <p className="text-zinc-700">You {view.viewer.ownAnswer} this revision.</p> : null}
        </>
      ) : null}
      {writable && view.viewer.mayDraft ? (
        <details className="rounded-xl border border-zinc-200 p-4" open={m === null}>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
            {m ? `Revise the minutes (revision ${m.revision + 1} asks every seat holder again)` : 'Draft the minutes'}
          </summary>
          <ActionForm
            action={draftAction}
            hidden={{ orgId, meetingId }}
            submitLabel="Save the draft"
            pendingLabel="Saving…"
            label="Draft the minutes"
            className="mt-3"
          >
            <label htmlFor="minutes-text" className={labelCls}>
              Minutes (Markdown)
            </label>
            <textarea
              id="minutes-text"
              name="text"
              required
              rows={16}
              maxLength={50_000}
              className={`${input} font-mono text-sm`}
              defaultValue={m?.text ?? view.prefill ?? ''}
            />
            <label htmlFor="minutes-closed" className={labelCls}>
              Closed session
            </label>
            <select id="minutes-closed" name="closedMatter" className={input} defaultValue={m?.closedMatter ?? ''}>
              <option value="">No: the minutes are published when sealed</option>
              {closedMatterKinds.map((k) => (
                <option key={k} value={k}>
                  Yes, {closedMatterWords[k]}: sealed, disclosed after {view.disclosureDays} days
                </option>
              ))}
            </select>
          </ActionForm>
        </details>
      ) : null}
    </div>
  );
}
