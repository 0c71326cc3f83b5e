'use client';

import { useActionState, useEffect, useMemo, useRef } from 'react';
import { castChoiceBallotAction } from '@/app/o/[slug]/proposals/actions';
import { ApprovalBallot } from '@/components/proposals/approval-ballot';
import { ChoiceBallot } from '@/components/proposals/choice-ballot';
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
  const [state, formAction] = useActionState(castChoiceBallotAction, initialActionState);
  const recordedRef = useRef<HTMLParagraphElement>(null);
  const refusal = useMemo(() => refusalLine(state), [state]);
  useEffect(() => {
    if (state.ok) recordedRef.current?.focus();
  }, [state]);
  const described = mine ? describe(ballot, mine) : null;
  return (
    <form action={formAction} aria-label={`Your secret ballot, ${bodyName}`} className="mt-4 space-y-3 border-t border-zinc-100 pt-4">
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
          legend="Approve the options you support"
        />
      ) : (
        <ChoiceBallot key={mine?.join(',') ?? ''} name="preferences" candidates={ballot.options} initial={mine?.[0] ?? null} legend="Choose one option" />
      )}
      <div role="status" aria-live="polite">
        {described ? (
          <p ref={recordedRef} tabIndex={-1} className="rounded px-1 py-0.5 text-xs text-zinc-700">
            {state.ok ? 'Recorded: your' : 'Your'} secret ballot {described}. You can change it until voting closes; only you see it here.
          </p>
        ) : null}
        {described && receipt ? (
          <div className="mt-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-xs text-zinc-800">
            <p>Your receipt:</p>
            <code className="my-1 block whitespace-nowrap font-mono text-sm font-semibold tracking-wide text-zinc-900" data-receipt>
              {receipt}
            </code>
            <p>Keep it to find your ballot after the close. It was also e-mailed to you, and to nobody else. A changed ballot gets a new receipt.</p>
          </div>
        ) : null}
      </div>
      <p className="text-xs text-zinc-600">
        Secret ballot: the record shows that you voted, never how. The counted ballots are published without names when voting closes.
      </p>
      <FormMessage state={refusal} focusOnMessage />
      <SubmitButton>Cast secret ballot</SubmitButton>
    </form>
  );
}

/** 'ranks Ada first, then Curie', 'approves Ada and Curie', 'chooses Ada'. */
function describe(ballot: ChoiceBallotSpec, mine: readonly number[]): string {
  const names = mine.map((i) => ballot.options[i] ?? `option ${i + 1}`);
  const list = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  if (ballot.kind === 'ranked') return `ranks ${names[0]} first${names.length > 1 ? `, then ${names.slice(1).join(', then ')}` : ''}`;
  if (ballot.kind === 'approval') return `approves ${list}`;
  return `chooses ${list}`;
}
