import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { listNames } from '@/components/proposals/list-names';
import type { ChoiceMethodKey } from '@/lib/governance/types';
import { isRanked } from '@/lib/governance/choice';

export type ReceiptAnswer =
  | { kind: 'none' }
  | { kind: 'malformed'; typed: string }
  | { kind: 'not_closed' }
  | { kind: 'no_receipts' }
  | { kind: 'not_found'; receipt: string; memberWide: boolean }
  | {
      kind: 'found';
      receipt: string;
      method: ChoiceMethodKey;
      options: readonly string[];
      preferences: readonly number[];
      /** A member-wide vote's ballot: the weight it carried (its voter's own and their delegators'); null for a seat's. */
      weight: number | null;
      csv: string;
    };

/**
 * The receipt form (a GET form: it works without JavaScript, and changes nothing) and what a code
 * stands for. Before the close it says only that ballots are published then — not whether the
 * code exists, which the page never looks up before the close.
 */
export function ReceiptLookup({ action, answer, typed }: { action: string; answer: ReceiptAnswer; typed: string }) {
  const t = useTranslations('choiceBallot.receipt');
  const invalid = answer.kind === 'malformed';
  return (
    <div className="max-w-2xl space-y-4">
      <form method="get" action={action} className="space-y-2 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm" role="search" aria-label={t('title')}>
        <label htmlFor="receipt-code" className="block text-sm font-medium text-zinc-900">
          {t('code')}
        </label>
        <p id="receipt-code-hint" className="text-xs text-zinc-600">
          {t.rich('hint', { ex: example })}
        </p>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="receipt-code"
            name="code"
            defaultValue={typed}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            aria-describedby={invalid ? 'receipt-code-hint receipt-code-error' : 'receipt-code-hint'}
            aria-invalid={invalid || undefined}
            className="min-h-11 w-full min-w-0 rounded-lg border border-zinc-300 px-3 py-2 font-mono text-sm uppercase tracking-wider sm:max-w-sm"
          />
          <button
            type="submit"
            className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800"
          >
            {t('find')}
          </button>
        </div>
        {invalid ? (
          <p id="receipt-code-error" role="alert" className="text-sm text-red-700">
            {t.rich('malformed', { ex: example })}
          </p>
        ) : null}
      </form>
      <Answer answer={answer} />
    </div>
  );
}

const example = (chunks: ReactNode) => <span className="whitespace-nowrap font-mono">{chunks}</span>;

function Answer({ answer }: { answer: ReceiptAnswer }) {
  const t = useTranslations('choiceBallot.receipt');
  const tb = useTranslations('choiceBallot');
  const locale = useLocale();
  /** 'Ranks Ada first, then Curie.', 'Approves Ada and Curie.', 'Chooses Ada.' */
  const describe = (method: ChoiceMethodKey, options: readonly string[], preferences: readonly number[]): string => {
    const names = preferences.map((i) => options[i] ?? tb('optionN', { n: i + 1 }));
    if (isRanked(method))
      return t('ranks', {
        first: names[0] ?? '',
        then: names
          .slice(1)
          .map((name) => tb('then', { name }))
          .join(''),
      });
    return t(method === 'approval' ? 'approves' : 'chooses', { names: listNames(locale, names) });
  };
  const box = 'rounded-xl border p-4 text-sm';
  switch (answer.kind) {
    case 'none':
    case 'malformed':
      return null;
    case 'not_closed':
      return (
        <p role="status" className={`${box} border-zinc-200 bg-zinc-50 text-zinc-700`}>
          {t('notClosed')}
        </p>
      );
    case 'no_receipts':
      return (
        <p role="status" className={`${box} border-zinc-200 bg-zinc-50 text-zinc-700`}>
          {t('noReceipts')}
        </p>
      );
    case 'not_found':
      return (
        <p role="status" className={`${box} border-amber-200 bg-amber-50 text-amber-900`}>
          {t.rich('notFound', { receipt: answer.receipt, code: (chunks) => <code className="font-mono">{chunks}</code> })}
          {answer.memberWide ? ` ${t('notFoundDelegated')}` : null}
        </p>
      );
    case 'found':
      return (
        <div role="status" className={`${box} border-emerald-200 bg-emerald-50 text-emerald-950`}>
          <p>{t.rich('found', { receipt: answer.receipt, code: (chunks) => <code className="whitespace-nowrap font-mono font-semibold">{chunks}</code> })}</p>
          <p className="mt-2 font-medium">{describe(answer.method, answer.options, answer.preferences)}</p>
          {answer.weight !== null ? <p className="mt-1">{t('weight', { weight: answer.weight })}</p> : null}
          <p className="mt-2 text-xs">
            {t.rich('counted', {
              csv: (chunks) => (
                <a className="underline" href={answer.csv} download>
                  {chunks}
                </a>
              ),
            })}
          </p>
        </div>
      );
  }
}
