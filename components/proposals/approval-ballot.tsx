import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { BallotOption } from './ballot-option';

type Props = {
  /** The form fields: `<name>.approve.<id>` = "on" for each approved candidate (its index in `candidates`), since one name repeated would keep only one value. */
  name: string;
  /** Candidate or option names in ballot-paper order. */
  candidates: readonly string[];
  /** The most a ballot may approve, when the vote has a limit; the server refuses more. */
  maxApprovals?: number;
  /** The ids approved so far (e.g. a ballot already cast). */
  initial?: readonly number[];
  legend?: string;
  disabled?: boolean;
};

/** An approval ballot: a checkbox per candidate. Works without JavaScript; the limit is shown, and checked by the server. */
export function ApprovalBallot({ name, candidates, maxApprovals, initial = [], legend, disabled }: Props) {
  const t = useTranslations('choiceBallot');
  const hintId = useId();
  const limited = maxApprovals !== undefined && maxApprovals < candidates.length;
  return (
    <fieldset aria-describedby={hintId} disabled={disabled} className="min-w-0">
      <legend className="text-sm font-medium text-zinc-900">{legend ?? t('approveCandidates')}</legend>
      <p id={hintId} className="mt-1 text-xs text-zinc-600">
        {limited ? t('upTo', { max: maxApprovals }) : t('asMany')}
      </p>
      <div className="mt-2 space-y-2">
        {candidates.map((candidate, id) => (
          <BallotOption key={id} type="checkbox" name={`${name}.approve.${id}`} value="on" label={candidate} defaultChecked={initial.includes(id)} />
        ))}
      </div>
    </fieldset>
  );
}
