import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { listNames } from '@/components/proposals/list-names';
import { ScrollTable } from '@/components/ui/column-header-row';
import { roundTotal, transfersByRound } from '@/lib/governance/count-report';
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

/** The round a candidate was elected or excluded in, for their row ("Elected in round 2"), or null. */
function fate(id: number, rounds: readonly Round[]): { elected: boolean; round: number } | null {
  for (const r of rounds) {
    if (r.elected.includes(id)) return { elected: true, round: r.number };
    if (r.excluded.includes(id)) return { elected: false, round: r.number };
  }
  return null;
}

/** A figure in the table, with what happened to the candidate in that round written beside it (not shown by colour alone). */
function VotesCell({ votes, elected, excluded }: { votes: string; elected: boolean; excluded: boolean }) {
  const t = useTranslations('choiceBallot.count');
  return (
    <td className={`${cell} ${elected ? 'bg-emerald-50 font-semibold' : ''} ${excluded ? 'bg-zinc-100' : ''}`}>
      {votes}
      {elected ? <span className="block text-xs font-semibold text-emerald-900">{t('elected')}</span> : null}
      {excluded ? <span className="block text-xs font-semibold text-zinc-700">{t('excluded')}</span> : null}
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
  const t = useTranslations('choiceBallot.count');
  const tb = useTranslations('choiceBallot');
  const locale = useLocale();
  const baseId = useId();
  const { rounds } = result;
  const nameOf = (id: number) => candidates[id] ?? tb('candidateN', { n: id + 1 });
  const names = (ids: readonly number[]) => listNames(locale, ids.map(nameOf));
  /** What a round did, short enough for a column heading: "Bo excluded; their votes passed on" (as `roundActionText` says it in English). */
  const action = (round: Round): string => {
    const { kind, candidates: ids } = round.action;
    switch (kind) {
      case 'first_count':
        return t('firstCount');
      case 'surplus':
      case 'iteration':
        return ids.length === 0 ? t('surplusNone') : ids.length === 1 ? t('surplusOne', { name: nameOf(ids[0]!) }) : t('surplusMany', { names: names(ids) });
      case 'exclusion':
        return t('exclusion', { names: names(ids), count: ids.length });
      case 'final':
        return round.elected.length > 0 ? t('remainingFilled') : t('finalResult');
    }
  };
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
          {t('electedHeading')}
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
          <p className="mt-2 text-zinc-600">{t('nobodyElected')}</p>
        )}
      </section>

      <section aria-labelledby={`${baseId}-rounds`}>
        <h3 id={`${baseId}-rounds`} className={subheading}>
          {t('roundsHeading')}
        </h3>
        <ScrollTable
          label={t('tableLabel')}
          className="mt-2 overflow-x-auto rounded-lg border border-zinc-200"
          tableClassName="min-w-full border-collapse"
          caption={
            <caption className="px-3 py-2 text-left text-xs text-zinc-600">
              {t('caption', { total: result.totalValid, one: String(result.totalValid === '1') })}
            </caption>
          }
          head={{
            className: 'border-b border-zinc-200 align-bottom',
            cellClassName: 'min-w-36 px-3 py-2 text-right text-xs font-semibold text-zinc-700',
            columns: [
              { label: t('candidate'), className: 'sticky left-0 z-10 bg-white px-3 py-2 text-left text-xs font-semibold text-zinc-700' },
              ...rounds.map((r) => (
                <>
                  {t('round', { n: r.number })}
                  <span className="block font-normal">{action(r)}</span>
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
                    {outcome ? (
                      <span className="block text-xs font-normal text-zinc-600">
                        {t(outcome.elected ? 'electedInRound' : 'excludedInRound', { n: outcome.round })}
                      </span>
                    ) : null}
                  </th>
                  {rounds.map((r) => (
                    <VotesCell key={r.number} votes={r.votes[id] ?? '0'} elected={r.elected.includes(id)} excluded={r.excluded.includes(id)} />
                  ))}
                </tr>
              );
            })}
            {figureRow(
              t('nonTransferableRow'),
              rounds.map((r) => r.nonTransferable),
            )}
            {figureRow(
              t('residueRow'),
              rounds.map((r) => r.residue),
            )}
            {hasQuota
              ? figureRow(
                  t('quotaRow'),
                  rounds.map((r) => r.quota ?? '—'),
                  'text-zinc-600',
                )
              : null}
          </tbody>
          <tfoot className="font-semibold">{figureRow(t('total'), rounds.map(roundTotal), 'border-t-2 border-zinc-300')}</tfoot>
        </ScrollTable>
      </section>

      {transfers.length > 0 ? (
        <section aria-labelledby={`${baseId}-transfers`}>
          <h3 id={`${baseId}-transfers`} className={subheading}>
            {t('transfersHeading')}
          </h3>
          <p className="mt-1 text-xs text-zinc-600">{t('transfersNote')}</p>
          <ol className="mt-2 space-y-4">
            {transfers.map((moved) => (
              <li key={moved.round}>
                <p className="font-medium [overflow-wrap:anywhere]">
                  {t('transferHeading', { n: moved.round, action: action(rounds.find((r) => r.number === moved.round)!) })}
                </p>
                {moved.bars.length === 0 ? (
                  <p className="mt-1 text-zinc-600">{t('noneMoved')}</p>
                ) : (
                  <ul className="mt-1 space-y-1">
                    {moved.bars.map((bar) => (
                      <li key={bar.label} className="grid grid-cols-[minmax(0,8rem)_minmax(0,1fr)_auto] items-center gap-2">
                        <span className="min-w-0 [overflow-wrap:anywhere]">
                          {bar.of === 'non_transferable' ? t('nonTransferable') : bar.of === 'residue' ? t('residue') : nameOf(bar.of)}
                        </span>
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
            {t('tiesHeading')}
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {result.ties.map((tie, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                {t('tie', { names: names(tie.among), purpose: tie.purpose, round: tie.round, by: tie.by, chosen: nameOf(tie.chosen) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
