import { useTranslations } from 'next-intl';
import { BallotOption } from './ballot-option';

type Props = {
  /** The form field: the chosen candidate's id (its index in `candidates`). */
  name: string;
  /** Candidate or option names in ballot-paper order. */
  candidates: readonly string[];
  /** The id chosen so far (e.g. a ballot already cast). */
  initial?: number | null;
  legend?: string;
  disabled?: boolean;
};

/** A single-choice ballot: a radio button per candidate. Works without JavaScript. */
export function ChoiceBallot({ name, candidates, initial = null, legend, disabled }: Props) {
  const t = useTranslations('choiceBallot');
  return (
    <fieldset disabled={disabled} className="min-w-0">
      <legend className="text-sm font-medium text-zinc-900">{legend ?? t('chooseOneCandidate')}</legend>
      <div className="mt-2 space-y-2">
        {candidates.map((candidate, id) => (
          <BallotOption key={id} type="radio" name={name} value={String(id)} label={candidate} defaultChecked={initial === id} />
        ))}
      </div>
    </fieldset>
  );
}
