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
import { ratioText } from '@/lib/governance/charter';
import type { ProposalAction } from '@/lib/governance/permissions';
import { vacantSeatsText } from '@/lib/governance/founding';
import type { FoundingStatus } from '@/lib/governance/founding';
import { formatHours } from '@/lib/governance/time';
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
  return (
    <>
      {actions.has('recuse') ? (
        <section aria-labelledby="recuse" className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
          <h2 id="recuse" className="font-semibold">
            Declare a conflict
          </h2>
          <ActionForm action={declareRecusalAction} hidden={ids} submitLabel="Recuse myself" variant="secondary" label="Recusal">
            <label htmlFor="recusal-reason" className="block text-sm">
              The conflict, in a sentence (public)
            </label>
            <textarea id="recusal-reason" name="reason" rows={2} maxLength={1000} required className={inputClass} />
          </ActionForm>
        </section>
      ) : null}

      {motion && type.emergency ? (
        <section aria-labelledby="emergency" className="rounded-2xl border border-red-200 bg-red-50 p-5">
          <h2 id="emergency" className="font-semibold text-red-900">
            Emergency motion
          </h2>
          <p className="mt-1 text-sm text-red-900">
            {motion.backers} of {motion.required} seat holders needed have backed shortening the window to {formatHours(type.emergency.minCommentWindowHours)}.
            The decision lapses unless ratified within {type.emergency.ratifyWithinDays} days.
          </p>
          {motion.mayBack ? (
            <ActionForm
              action={backEmergencyMotionAction}
              hidden={ids}
              submitLabel="Back the emergency motion"
              variant="secondary"
              label="Back the emergency motion"
              className="mt-3"
            />
          ) : null}
        </section>
      ) : null}

      {actions.has('open_voting') && phase.kind === 'ready_for_voting' && !blocked ? (
        <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
          <ActionForm action={openVotingAction} hidden={ids} submitLabel="Open voting now" variant="secondary" label="Open voting">
            <p className="text-sm text-zinc-600">The window has passed. Voting opens automatically; you can open it now.</p>
          </ActionForm>
        </section>
      ) : null}

      {actions.has('publish') ? (
        <section aria-labelledby="publish" className="rounded-2xl border border-brand-100 bg-brand-50 p-5">
          <h2 id="publish" className="font-semibold">
            Publish
          </h2>
          <p className="mb-3 text-sm text-zinc-700">
            Publishing starts the {formatHours(type.minCommentWindowHours)} comment window and notifies every seat holder of {bodyNames.join(' and ')}. It
            cannot be unpublished, only withdrawn.
          </p>
          <ActionForm action={publishProposalAction} hidden={ids} submitLabel="Publish proposal" label="Publish proposal">
            {emergency && type.emergency ? (
              <p className="text-sm text-zinc-700">
                Emergency procedure requested: the window shortens to {formatHours(type.emergency.minCommentWindowHours)} only once{' '}
                {ratioText(type.emergency.motionThreshold)} of the {bodyNames[0]}&rsquo;s charter seats back the motion, each in person.
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
              {status === 'draft' ? 'Edit draft' : 'Revise'}
            </summary>
            <ActionForm action={reviseProposalAction} hidden={ids} submitLabel="Save revision" variant="secondary" label="Revise proposal" className="mt-3">
              <label htmlFor="rev-title" className="block text-sm font-medium">
                Title
              </label>
              <input id="rev-title" name="title" defaultValue={current.title} maxLength={160} className={inputClass} />
              <label htmlFor="rev-body" className="block text-sm font-medium">
                Text
              </label>
              <MarkdownField id="rev-body" name="body" defaultValue={current.body} rows={8} maxLength={50000} className={inputClass} />
              <label htmlFor="rev-note" className="block text-sm font-medium">
                What changed
              </label>
              <input id="rev-note" name="changeNote" maxLength={500} className={inputClass} />
              {status === 'published' && phase.kind === 'voting' && type.consent ? (
                <p className="text-sm text-zinc-700">
                  Objections stay standing after a revision: each objector decides whether it answers theirs and withdraws it, and is told of it by e-mail. A
                  revision within {formatHours(type.lateRevisionWindowHours)} of the close keeps the window open at least{' '}
                  {formatHours(type.lateRevisionExtensionHours)} after it.
                </p>
              ) : null}
              {status === 'published' ? (
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="substantive" value="false" className="mt-1" /> Editorial only (typos, formatting). The change itself is checked
                  as well: a changed number, date, amount or name, a word such as “not” or “must”, a new title or more than a tenth of the text is substantive
                  whatever this box says
                  {phase.kind === 'voting' ? '' : ', and a late substantive revision extends the comment window'}
                </label>
              ) : null}
            </ActionForm>
          </details>
        </section>
      ) : null}

      {actions.has('withdraw') ? (
        <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
          <details>
            <summary className="cursor-pointer font-semibold">Withdraw</summary>
            <ActionForm
              action={withdrawProposalAction}
              hidden={ids}
              submitLabel="Withdraw proposal"
              variant="secondary"
              label="Withdraw proposal"
              className="mt-3"
            >
              <label htmlFor="withdraw-reason" className="block text-sm">
                Why (public)
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
  if (vacantSeats === 0) {
    return <p className="text-sm text-zinc-700">This is the first publication: it closes founding appointments. Every seat is filled.</p>;
  }
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p id="founding-close-text">
        Publishing closes founding appointments: {vacantSeatsText(vacantSeats)} still vacant and will then be filled by appointment proposals.
      </p>
      <label className="flex min-h-11 items-center gap-3 font-medium">
        <input type="checkbox" name="confirmFoundingClose" value="yes" aria-describedby="founding-close-text" className="h-5 w-5" /> I understand
      </label>
    </div>
  );
}
