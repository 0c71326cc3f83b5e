import { useId } from 'react';
import { ScrollTable } from '@/components/ui/column-header-row';
import { roundActionText, roundTotal, tieText, transfersByRound } from '@/lib/governance/count-report';
import { signed } from '@/lib/governance/exact-decimal';
import type { Round, TallyResult } from '@/lib/governance/methods/types';

type Props = {
  /** Candidate names in ballot-paper order; a candidate's id is its index. */
  candidates: readonly string[];
  result: TallyResult;
};

const subheading = 'text-xs font-semibold uppercase tracking-wide text-zinc-500';
const cell = 'px-3 py-2 text-right align-top tabular-nums whitespace-nowrap';
const rowHeader = 'sticky left-0 z-10 min-w-32 max-w-48 sm:min-w-44 sm:max-w-64 bg-white px-3 py-2 text-left align-top font-medium [overflow-wrap:anywhere]';

/** The round a candidate was elected or excluded in, as a phrase for their row ("Elected in round 2"), or null. */
function fate(id: number, rounds: readonly Round[]): string | null {
  for (const r of rounds) {
    if (r.elected.includes(id)) return `Elected in round ${r.number}`;
    if (r.excluded.includes(id)) return `Excluded in round ${r.number}`;
  }
  return null;
}

/** A figure in the table, with what happened to the candidate in that round written beside it (not shown by colour alone). */
function VotesCell({ votes, elected, excluded }: { votes: string; elected: boolean; excluded: boolean }) {
  return (
    <td className={`${cell} ${elected ? 'bg-emerald-50 font-semibold' : ''} ${excluded ? 'bg-zinc-100' : ''}`}>
      {votes}
      {elected ? <span className="block text-xs font-semibold text-emerald-900">Elected</span> : null}
      {excluded ? <span className="block text-xs font-semibold text-zinc-700">Excluded</span> : null}
    </td>
  );
}

/**
 * A finished count: who was elected, in order; every round's figures in a table that scrolls
 * sideways on a phone (each column headed with what the round did); the votes that moved between
 * rounds as bars with their exact signed numbers; and every tie and how it was broken. All the
 * figures are the count's own exact decimals; only the bar widths are rounded.
 */
export function CountRounds({ candidates, result }: Props) {
  const baseId = useId();
  const { rounds } = result;
  const hasQuota = rounds.some((r) => r.quota !== undefined);
  const transfers = transfersByRound(result, candidates);
  const figureRow = (label: string, values: readonly string[], className = '') => (
    <tr className={`border-b border-zinc-100 ${className}`}>
      <th scope="row" className={rowHeader}>
        {label}
      </th>
      {values.map((v, i) => (
        <td key={i} className={cell}>
          {v}
        </td>
      ))}
    </tr>
  );

  return (
    <div className="min-w-0 space-y-6 text-sm">
      <section aria-labelledby={`${baseId}-elected`}>
        <h3 id={`${baseId}-elected`} className={subheading}>
          Elected, in order of election
        </h3>
        {result.elected.length > 0 ? (
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {result.elected.map((id) => (
              <li key={id} className="font-medium [overflow-wrap:anywhere]">
                {candidates[id]}
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-2 text-zinc-600">Nobody was elected.</p>
        )}
      </section>

      <section aria-labelledby={`${baseId}-rounds`}>
        <h3 id={`${baseId}-rounds`} className={subheading}>
          The count, round by round
        </h3>
        <ScrollTable
          label="Table of rounds, scrolls sideways"
          className="mt-2 overflow-x-auto rounded-lg border border-zinc-200"
          tableClassName="min-w-full border-collapse"
          caption={
            <caption className="px-3 py-2 text-left text-xs text-zinc-600">
              Votes held at the end of each round, from {result.totalValid} valid {result.totalValid === '1' ? 'ballot' : 'ballots'}.
            </caption>
          }
          head={{
            className: 'border-b border-zinc-200 align-bottom',
            cellClassName: 'min-w-36 px-3 py-2 text-right text-xs font-semibold text-zinc-700',
            columns: [
              { label: 'Candidate', className: 'sticky left-0 z-10 bg-white px-3 py-2 text-left text-xs font-semibold text-zinc-700' },
              ...rounds.map((r) => (
                <>
                  Round {r.number}
                  <span className="block font-normal">{roundActionText(r, candidates)}</span>
                </>
              )),
            ],
          }}
        >
          <tbody>
            {candidates.map((name, id) => {
              const outcome = fate(id, rounds);
              return (
                <tr key={id} className="border-b border-zinc-100">
                  <th scope="row" className={rowHeader}>
                    {name}
                    {outcome ? <span className="block text-xs font-normal text-zinc-600">{outcome}</span> : null}
                  </th>
                  {rounds.map((r) => (
                    <VotesCell key={r.number} votes={r.votes[id] ?? '0'} elected={r.elected.includes(id)} excluded={r.excluded.includes(id)} />
                  ))}
                </tr>
              );
            })}
            {figureRow(
              'Non-transferable (no further choice)',
              rounds.map((r) => r.nonTransferable),
            )}
            {figureRow(
              'Residue (lost to rounding)',
              rounds.map((r) => r.residue),
            )}
            {hasQuota
              ? figureRow(
                  'Quota (votes needed to be elected)',
                  rounds.map((r) => r.quota ?? '—'),
                  'text-zinc-600',
                )
              : null}
          </tbody>
          <tfoot className="font-semibold">{figureRow('Total', rounds.map(roundTotal), 'border-t-2 border-zinc-300')}</tfoot>
        </ScrollTable>
      </section>

      {transfers.length > 0 ? (
        <section aria-labelledby={`${baseId}-transfers`}>
          <h3 id={`${baseId}-transfers`} className={subheading}>
            Votes moved in each round
          </h3>
          <p className="mt-1 text-xs text-zinc-600">
            Each bar is a change from the round before, drawn to the scale of that round’s largest change: solid for votes gained, outlined for votes lost.
          </p>
          <ol className="mt-2 space-y-4">
            {transfers.map((t) => (
              <li key={t.round}>
                <p className="font-medium [overflow-wrap:anywhere]">{t.heading}</p>
                {t.bars.length === 0 ? (
                  <p className="mt-1 text-zinc-600">No votes moved.</p>
                ) : (
                  <ul className="mt-1 space-y-1">
                    {t.bars.map((bar) => (
                      <li key={bar.label} className="grid grid-cols-[minmax(0,8rem)_minmax(0,1fr)_auto] items-center gap-2">
                        <span className="min-w-0 [overflow-wrap:anywhere]">{bar.label}</span>
                        <span aria-hidden="true" className="h-3">
                          <span
                            className={`block h-3 rounded-sm ${bar.sign > 0 ? 'bg-brand-600' : 'border-2 border-orange-700 bg-white'}`}
                            style={{ width: `${bar.percent}%` }}
                          />
                        </span>
                        <span className="text-right tabular-nums whitespace-nowrap">{signed(bar.change)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {result.ties.length > 0 ? (
        <section aria-labelledby={`${baseId}-ties`}>
          <h3 id={`${baseId}-ties`} className={subheading}>
            Ties
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {result.ties.map((tie, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                {tieText(tie, candidates)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
