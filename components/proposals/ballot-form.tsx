'use client';

import { useActionState, useEffect, useMemo, useRef } from 'react';
import { castBallotAction } from '@/app/o/[slug]/proposals/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, refusalLine } from '@/lib/actions/state';

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
 */
export function BallotForm({ ids, stageIndex, bodyName, myChoice, notOpenNote }: Props) {
  const [state, formAction] = useActionState(castBallotAction, initialActionState);
  const recordedRef = useRef<HTMLParagraphElement>(null);
  // A refusal keeps what was chosen and written (the action echoes it back); a success shows the server's record.
  const kept = !state.ok ? state.values : undefined;
  const checked = kept?.choice ?? myChoice;
  // One refusal line, new with each answer: field errors say what to fix (this form highlights no field).
  const refusal = useMemo(() => refusalLine(state), [state]);
  useEffect(() => {
    // A new state object arrives with every answer; on a success the page has re-rendered with the new choice.
    if (state.ok) recordedRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} aria-label={`Your vote, ${bodyName}`} className="mt-4 space-y-3 border-t border-zinc-100 pt-4">
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {notOpenNote ? <p className="text-xs text-zinc-600">{notOpenNote}</p> : null}
      <fieldset>
        <legend className="text-sm font-medium">Your vote</legend>
        <div className="mt-2 flex flex-wrap gap-2 text-sm">
          {choices.map((c) => (
            <label
              key={c}
              className="flex min-h-11 grow cursor-pointer items-center gap-2 rounded-lg border border-zinc-300 px-3 py-2 hover:bg-zinc-50 [overflow-wrap:normal] has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="choice" value={c} defaultChecked={checked === c} className="h-4 w-4 shrink-0" /> {c[0]!.toUpperCase() + c.slice(1)}
            </label>
          ))}
        </div>
      </fieldset>
      <div role="status" aria-live="polite">
        {myChoice ? (
          <p ref={recordedRef} tabIndex={-1} className="rounded px-1 py-0.5 text-xs text-zinc-700">
            {state.ok ? 'Recorded: you' : 'You'} voted {myChoice}; you can change it until voting closes.
          </p>
        ) : null}
      </div>
      <label htmlFor={`rationale-${stageIndex}`} className="block text-sm font-medium">
        Rationale (optional, public after close)
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
      {/* Success is confirmed above and in the page's flash region; this shows refusals, and takes focus with them. */}
      <FormMessage state={refusal} focusOnMessage />
      <SubmitButton>Cast vote</SubmitButton>
    </form>
  );
}
