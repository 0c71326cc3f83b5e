import { useTranslations } from 'next-intl';
import { MarkdownText } from '@/components/governance/markdown';
import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/state';
import { closedMatterKinds } from '@/lib/governance/minutes';
import type { ClosedMatterKind, MinutesApproval } from '@/lib/governance/minutes';

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

type TMinutes = ReturnType<typeof useTranslations<'meetings.minutesView'>>;

function status(t: TMinutes, m: NonNullable<MinutesView['minutes']>): string {
  if (m.sealedAt === null)
    return t('draftStatus', {
      revision: m.revision,
      approvals: m.approval.approvals,
      needed: m.approval.needed,
      rejections: m.approval.rejections,
      rejected: String(m.approval.state === 'rejected'),
    });
  return t('sealedStatus', { at: m.sealedAt, revision: m.revision });
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
  const t = useTranslations('meetings.minutesView');
  return (
    <div className="space-y-4 text-sm">
      {m === null ? <p className="text-zinc-600">{t('none')}</p> : null}
      {m ? (
        <>
          <p className={`font-semibold ${m.sealedAt ? 'text-emerald-800' : 'text-zinc-800'}`}>{status(t, m)}</p>
          {m.closedMatter ? (
            <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
              {t('closedSession', { matter: t('matter', { kind: m.closedMatter }) })}{' '}
              {m.disclosedAt
                ? t('disclosed', { at: m.disclosedAt })
                : m.disclosesAt
                  ? t('disclosesAt', { at: m.disclosesAt })
                  : t('disclosesAfter', { days: view.disclosureDays })}
            </p>
          ) : null}
          <p className="break-all text-zinc-600">
            {t('sha')} <code>{m.sha256}</code>
          </p>
          {m.text !== null ? (
            <div className="rounded-xl border border-zinc-200 p-4" data-testid="minutes-text">
              <MarkdownText>{m.text}</MarkdownText>
            </div>
          ) : m.sealedAt ? (
            <p className="text-zinc-700">{t('sealedHidden')}</p>
          ) : (
            <p className="text-zinc-700">{t('draftReaders')}</p>
          )}
          {writable && view.viewer.mayAnswer ? (
            <div className="flex flex-wrap gap-3">
              <ActionForm
                action={answerAction}
                hidden={{ orgId, meetingId, revision: String(m.revision), answer: 'approve' }}
                submitLabel={t('approveRevision', { revision: m.revision })}
                pendingLabel={t('approving')}
                label={t('approveLabel')}
              >
                {null}
              </ActionForm>
              <ActionForm
                action={answerAction}
                hidden={{ orgId, meetingId, revision: String(m.revision), answer: 'reject' }}
                submitLabel={t('rejectRevision', { revision: m.revision })}
                pendingLabel={t('rejecting')}
                variant="secondary"
                label={t('rejectLabel')}
              >
                {null}
              </ActionForm>
            </div>
          ) : null}
          {view.viewer.ownAnswer ? <p className="text-zinc-700">{t('ownAnswer', { answer: view.viewer.ownAnswer })}</p> : null}
        </>
      ) : null}
      {writable && view.viewer.mayDraft ? (
        <details className="rounded-xl border border-zinc-200 p-4" open={m === null}>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
            {m ? t('revise', { next: m.revision + 1 }) : t('draft')}
          </summary>
          <ActionForm
            action={draftAction}
            hidden={{ orgId, meetingId }}
            submitLabel={t('saveDraft')}
            pendingLabel={t('saving')}
            label={t('draft')}
            className="mt-3"
          >
            <label htmlFor="minutes-text" className={labelCls}>
              {t('text')}
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
              {t('closed')}
            </label>
            <select id="minutes-closed" name="closedMatter" className={input} defaultValue={m?.closedMatter ?? ''}>
              <option value="">{t('notClosed')}</option>
              {closedMatterKinds.map((k) => (
                <option key={k} value={k}>
                  {t('closedOption', { matter: t('matter', { kind: k }), days: view.disclosureDays })}
                </option>
              ))}
            </select>
          </ActionForm>
        </details>
      ) : null}
    </div>
  );
}
