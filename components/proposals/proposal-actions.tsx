import { useRuleWords } from '@/components/governance/rule-words';
import {
  backEmergencyMotionAction,
  openVotingAction,
  publishProposalAction,
  declareRecusalAction,
  reviseProposalAction,
  withdrawProposalAction,
} from '@/app/o/[slug]/proposals/actions';
import { MarkdownField } from '@/components/proposals/markdown-preview';
import { ActionForm } from '@/components/ui/action-form';
import { useFormatter, useTranslations } from 'next-intl';
import type { ProposalAction } from '@/lib/governance/permissions';
import type { FoundingStatus } from '@/lib/governance/founding';
import type { Phase, ProposalTypeSpec } from '@/lib/governance/types';

type Props = {
  ids: { orgId: string; proposalId: string };
  actions: Set<ProposalAction>;
  phase: Phase;
  type: ProposalTypeSpec;
  status: 'draft' | 'published' | 'withdrawn';
  /** Why voting cannot open, if something blocks it. */
  blocked: string | null;
  /** The emergency procedure was asked for (the proposal's effect). */
  emergency: boolean;
  /** Its motion, while it can still be backed: backers so far, the number needed, and whether the viewer may back it now. */
  motion: { backers: number; required: number; mayBack: boolean } | null;
  /** Names of the deciding bodies, in stage order, and the first one. */
  bodyNames: string[];
  current: { title: string; body: string } | undefined;
  /** For a draft: where the founding period stands (publishing the organization's first proposal closes it). */
  founding: FoundingStatus | null;
};

const inputClass = 'block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm';

/** The forms beside the vote: recuse, back the emergency motion, open voting, publish, revise, withdraw — each only when the rules allow it. */
export function ProposalActions({ ids, actions, phase, type, status, blocked, emergency, motion, bodyNames, current, founding }: Props) {
  const t = useTranslations('proposalActions');
  const format = useFormatter();
  const { hours: formatHours, ratio: ratioText } = useRuleWords();
  return (
    <>
      {actions.has('recuse') ? (
        <section aria-labelledby="recuse" className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
          <h2 id="recuse" className="font-semibold">
            {t('recuseTitle')}
          </h2>
          <ActionForm action={declareRecusalAction} hidden={ids} submitLabel={t('recuseSubmit')} variant="secondary" label={t('recuseLabel')}>
            <label htmlFor="recusal-reason" className="block text-sm">
              {t('recuseReason')}
            </label>
            <textarea id="recusal-reason" name="reason" rows={2} maxLength={1000} required className={inputClass} />
          </ActionForm>
        </section>
      ) : null}

      {motion && type.emergency ? (
        <section aria-labelledby="emergency" className="rounded-2xl border border-red-200 bg-red-50 p-5">
          <h2 id="emergency" className="font-semibold text-red-900">
            {t('emergencyTitle')}
          </h2>
          <p className="mt-1 text-sm text-red-900">
            {t('emergencyStatus', {
              backers: motion.backers,
              required: motion.required,
              duration: formatHours(type.emergency.minCommentWindowHours),
              days: type.emergency.ratifyWithinDays,
            })}
          </p>
          {motion.mayBack ? (
            <ActionForm
              action={backEmergencyMotionAction}
              hidden={ids}
              submitLabel={t('emergencyBack')}
              variant="secondary"
              label={t('emergencyBack')}
              className="mt-3"
            />
          ) : null}
        </section>
      ) : null}

      {actions.has('open_voting') && phase.kind === 'ready_for_voting' && !blocked ? (
        <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
          <ActionForm action={openVotingAction} hidden={ids} submitLabel={t('openVotingSubmit')} variant="secondary" label={t('openVotingLabel')}>
            <p className="text-sm text-zinc-600">{t('openVotingHint')}</p>
          </ActionForm>
        </section>
      ) : null}

      {actions.has('publish') ? (
        <section aria-labelledby="publish" className="rounded-2xl border border-brand-100 bg-brand-50 p-5">
          <h2 id="publish" className="font-semibold">
            {t('publishTitle')}
          </h2>
          <p className="mb-3 text-sm text-zinc-700">
            {t('publishHint', { duration: formatHours(type.minCommentWindowHours), bodies: format.list(bodyNames, { type: 'conjunction' }) })}
          </p>
          <ActionForm action={publishProposalAction} hidden={ids} submitLabel={t('publishSubmit')} label={t('publishSubmit')}>
            {emergency && type.emergency ? (
              <p className="text-sm text-zinc-700">
                {t('publishEmergency', {
                  duration: formatHours(type.emergency.minCommentWindowHours),
                  ratio: ratioText(type.emergency.motionThreshold),
                  body: bodyNames[0] ?? '',
                })}
              </p>
            ) : null}
            {founding?.open ? <FoundingClose vacantSeats={founding.vacantSeats} /> : null}
          </ActionForm>
        </section>
      ) : null}

      {actions.has('edit') && current ? (
        <section aria-labelledby="revise" className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
          <details>
            <summary id="revise" className="cursor-pointer font-semibold">
              {status === 'draft' ? t('editDraft') : t('revise')}
            </summary>
            <ActionForm
              action={reviseProposalAction}
              hidden={ids}
              submitLabel={t('saveRevision')}
              variant="secondary"
              label={t('reviseLabel')}
              className="mt-3"
            >
              <label htmlFor="rev-title" className="block text-sm font-medium">
                {t('title')}
              </label>
              <input id="rev-title" name="title" defaultValue={current.title} maxLength={160} className={inputClass} />
              <label htmlFor="rev-body" className="block text-sm font-medium">
                {t('text')}
              </label>
              <MarkdownField id="rev-body" name="body" defaultValue={current.body} rows={8} maxLength={50000} className={inputClass} />
              <label htmlFor="rev-note" className="block text-sm font-medium">
                {t('whatChanged')}
              </label>
              <input id="rev-note" name="changeNote" maxLength={500} className={inputClass} />
              {status === 'published' && phase.kind === 'voting' && type.consent ? (
                <p className="text-sm text-zinc-700">
                  {t('consentRevision', { late: formatHours(type.lateRevisionWindowHours), extension: formatHours(type.lateRevisionExtensionHours) })}
                </p>
              ) : null}
              {status === 'published' ? (
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="substantive" value="false" className="mt-1" />{' '}
                  <span>
                    {t('editorial')}
                    {phase.kind === 'voting' ? '' : t('editorialExtends')}
                  </span>
                </label>
              ) : null}
            </ActionForm>
          </details>
        </section>
      ) : null}

      {actions.has('withdraw') ? (
        <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
          <details>
            <summary className="cursor-pointer font-semibold">{t('withdraw')}</summary>
            <ActionForm
              action={withdrawProposalAction}
              hidden={ids}
              submitLabel={t('withdrawSubmit')}
              variant="secondary"
              label={t('withdrawSubmit')}
              className="mt-3"
            >
              <label htmlFor="withdraw-reason" className="block text-sm">
                {t('withdrawReason')}
              </label>
              <textarea id="withdraw-reason" name="reason" rows={2} maxLength={1000} className={inputClass} />
            </ActionForm>
          </details>
        </section>
      ) : null}
    </>
  );
}

/**
 * The organization's first publication closes founding appointments: said on the publish form,
 * and while seats are vacant the publisher ticks "I understand" (the server refuses without it).
 */
function FoundingClose({ vacantSeats }: { vacantSeats: number }) {
  const t = useTranslations('proposalActions');
  if (vacantSeats === 0) {
    return <p className="text-sm text-zinc-700">{t('foundingAllFilled')}</p>;
  }
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p id="founding-close-text">{t('foundingVacant', { count: vacantSeats })}</p>
      <label className="flex min-h-11 items-center gap-3 font-medium">
        <input type="checkbox" name="confirmFoundingClose" value="yes" aria-describedby="founding-close-text" className="h-5 w-5" /> {t('understand')}
      </label>
    </div>
  );
}
