'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useMemo, useRef } from 'react';
import { castBallotAction } from '@/app/o/[slug]/proposals/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, refusalLine } from '@/lib/actions/state';
import { useStageVote } from './stage-vote';

type Props = {
  ids: { orgId: string; proposalId: string };
  stageIndex: number;
  bodyName: string;
  /** The seat holder's current ballot on this stage, as the server has it. */
  myChoice: string | null;
  /** Shown above the choices when voting is not open (the server refuses early ballots either way). */
  notOpenNote: string | null;
};

const choices = ['yes', 'no', 'abstain'] as const;
const inputClass = 'block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm';

/**
 * The seat holder's ballot. Each choice is a whole padded label (a 44 px target). After a ballot is
 * recorded, focus moves to the line saying what the server recorded; a refusal takes focus instead.
 * The action answers with the ballot it recorded, not the page re-rendered: this form shows it, and
 * tells the stage's counts (StageVoteProvider, when the stage panel has one). Without JavaScript the
 * form posts the page, which renders fresh with the same line.
 */
export function BallotForm({ ids, stageIndex, bodyName, myChoice, notOpenNote }: Props) {
  const [state, formAction] = useActionState(castBallotAction, initialActionState);
  const t = useTranslations('ballot');
  const stageVote = useStageVote();
  const recordedRef = useRef<HTMLParagraphElement>(null);
  const recorded = state.ok ? (state.recorded?.choice ?? null) : null;
  // What the server holds: the choice this form just recorded, else the page's.
  const current = recorded ?? myChoice;
  // A refusal keeps what was chosen and written (the action echoes it back); a success shows the server's record.
  const kept = !state.ok ? state.values : undefined;
  const checked = kept?.choice ?? current;
  // One refusal line, new with each answer: field errors say what to fix (this form highlights no field).
  const refusal = useMemo(() => refusalLine(state), [state]);
  const record = stageVote?.record;
  useEffect(() => {
    // A new state object arrives with every answer: a success moves focus to what was recorded, and the stage's counts with it.
    if (!state.ok) return;
    if (recorded && record) record(recorded);
    recordedRef.current?.focus();
  }, [state, recorded, record]);
  return (
    <form action={formAction} aria-label={t('form', { body: bodyName })} className="mt-4 space-y-3 border-t border-zinc-100 pt-4">
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {notOpenNote ? <p className="text-xs text-zinc-600">{notOpenNote}</p> : null}
      <fieldset>
        <legend className="text-sm font-medium">{t('legend')}</legend>
        <div className="mt-2 flex flex-wrap gap-2 text-sm">
          {choices.map((c) => (
            <label
              key={c}
              className="flex min-h-11 grow cursor-pointer items-center gap-2 rounded-lg border border-zinc-300 px-3 py-2 hover:bg-zinc-50 [overflow-wrap:normal] has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="choice" value={c} defaultChecked={checked === c} className="h-4 w-4 shrink-0" /> {t('choice', { choice: c })}
            </label>
          ))}
        </div>
      </fieldset>
      <div role="status" aria-live="polite">
        {state.ok && state.message ? (
          <p ref={recordedRef} tabIndex={-1} className="rounded bg-emerald-50 px-2 py-1 text-sm text-emerald-900">
            {/* The server's line is English; the form says what it recorded in the reader's language. */}
            {recorded ? t('recorded', { choice: recorded }) : state.message}
          </p>
        ) : current ? (
          <p className="rounded px-1 py-0.5 text-xs text-zinc-700">{t('current', { choice: current })}</p>
        ) : null}
      </div>
      <label htmlFor={`rationale-${stageIndex}`} className="block text-sm font-medium">
        {t('rationale')}
      </label>
      <textarea
        key={kept?.rationale ?? ''}
        id={`rationale-${stageIndex}`}
        name="rationale"
        rows={2}
        maxLength={2000}
        defaultValue={kept?.rationale ?? ''}
        className={inputClass}
      />
      {/* Success is confirmed above; this shows refusals, and takes focus with them. */}
      <FormMessage state={refusal} focusOnMessage />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
