'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useEffect, useMemo, useRef } from 'react';
import { castChoiceBallotAction } from '@/app/o/[slug]/proposals/actions';
import { ApprovalBallot } from '@/components/proposals/approval-ballot';
import { ChoiceBallot } from '@/components/proposals/choice-ballot';
import { listNames } from '@/components/proposals/list-names';
import { RankedBallot } from '@/components/proposals/ranked-ballot';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, refusalLine } from '@/lib/actions/state';

export type ChoiceBallotSpec = {
  kind: 'ranked' | 'approval' | 'single';
  options: readonly string[];
  winners: number;
  maxApprovals?: number;
};

type Props = {
  ids: { orgId: string; proposalId: string };
  bodyName: string;
  ballot: ChoiceBallotSpec;
  /** The seat holder's own current ballot (never anyone else's), as the server has it. */
  mine: readonly number[] | null;
  /** That ballot's receipt code, shown to its voter only. */
  receipt: string | null;
  notOpenNote: string | null;
};

/**
 * A secret ballot of a choice among options, in the form its method takes: a ranking (buttons, or
 * drag and drop; rank fields without JavaScript), approvals (checkboxes) or one choice (radios).
 * After a ballot is recorded, focus moves to the line saying so; a refusal takes focus instead.
 */
export function ChoiceBallotForm({ ids, bodyName, ballot, mine, receipt, notOpenNote }: Props) {
  const t = useTranslations('choiceBallot');
  const locale = useLocale();
  const [state, formAction] = useActionState(castChoiceBallotAction, initialActionState);
  const recordedRef = useRef<HTMLParagraphElement>(null);
  const refusal = useMemo(() => refusalLine(state), [state]);
  useEffect(() => {
    if (state.ok) recordedRef.current?.focus();
  }, [state]);
  // 'ranks Ada first, then Curie', 'approves Ada and Curie', 'chooses Ada'.
  const described = mine ? describe() : null;
  function describe(): string {
    const names = mine!.map((i) => ballot.options[i] ?? t('optionN', { n: i + 1 }));
    if (ballot.kind === 'ranked')
      return t('ranks', {
        first: names[0] ?? '',
        then: names
          .slice(1)
          .map((name) => t('then', { name }))
          .join(''),
      });
    return t(ballot.kind === 'approval' ? 'approves' : 'chooses', { names: listNames(locale, names) });
  }
  return (
    <form action={formAction} aria-label={t('formLabel', { body: bodyName })} className="mt-4 space-y-3 border-t border-zinc-100 pt-4">
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {notOpenNote ? <p className="text-xs text-zinc-600">{notOpenNote}</p> : null}
      {ballot.kind === 'ranked' ? (
        // Keyed by the ballot on record, so a recorded change shows as the starting ranking.
        <RankedBallot key={mine?.join(',') ?? ''} name="preferences" candidates={ballot.options} allowPartial initial={mine ?? []} />
      ) : ballot.kind === 'approval' ? (
        <ApprovalBallot
          key={mine?.join(',') ?? ''}
          name="preferences"
          candidates={ballot.options}
          {...(ballot.maxApprovals !== undefined ? { maxApprovals: ballot.maxApprovals } : {})}
          initial={mine ?? []}
          legend={t('approveLegend')}
        />
      ) : (
        <ChoiceBallot key={mine?.join(',') ?? ''} name="preferences" candidates={ballot.options} initial={mine?.[0] ?? null} legend={t('chooseOneOption')} />
      )}
      <div role="status" aria-live="polite">
        {described ? (
          <p ref={recordedRef} tabIndex={-1} className="rounded px-1 py-0.5 text-xs text-zinc-700">
            {t('yours', { recorded: String(Boolean(state.ok)), described })}
          </p>
        ) : null}
        {described && receipt ? (
          <div className="mt-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-xs text-zinc-800">
            <p>{t('yourReceipt')}</p>
            <code className="my-1 block whitespace-nowrap font-mono text-sm font-semibold tracking-wide text-zinc-900" data-receipt>
              {receipt}
            </code>
            <p>{t('receiptKeep')}</p>
          </div>
        ) : null}
      </div>
      <p className="text-xs text-zinc-600">{t('secrecy')}</p>
      <FormMessage state={refusal} focusOnMessage />
      <SubmitButton>{t('cast')}</SubmitButton>
    </form>
  );
}
