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
  const invalid = answer.kind === 'malformed';
  return (
    <div className="max-w-2xl space-y-4">
      <form
        method="get"
        action={action}
        className="space-y-2 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm"
        role="search"
        aria-label="Find a ballot by its receipt"
      >
        <label htmlFor="receipt-code" className="block text-sm font-medium text-zinc-900">
          Receipt code
        </label>
        <p id="receipt-code-hint" className="text-xs text-zinc-600">
          20 letters and digits in five groups of four, as shown when the ballot was cast and in the e-mail: for example{' '}
          <span className="whitespace-nowrap font-mono">K7Q2-9MZD-3TXA-E8WB-PN4R</span>.
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
            Find ballot
          </button>
        </div>
        {invalid ? (
          <p id="receipt-code-error" role="alert" className="text-sm text-red-700">
            That is not a receipt code: a receipt is 20 letters and digits (no I, L, O or U) in five groups of four, like{' '}
            <span className="whitespace-nowrap font-mono">K7Q2-9MZD-3TXA-E8WB-PN4R</span>.
          </p>
        ) : null}
      </form>
      <Answer answer={answer} />
    </div>
  );
}

function Answer({ answer }: { answer: ReceiptAnswer }) {
  const box = 'rounded-xl border p-4 text-sm';
  switch (answer.kind) {
    case 'none':
    case 'malformed':
      return null;
    case 'not_closed':
      return (
        <p role="status" className={`${box} border-zinc-200 bg-zinc-50 text-zinc-700`}>
          Ballots are published when voting closes. Until then no receipt is looked up, so this page cannot say anything about a code.
        </p>
      );
    case 'no_receipts':
      return (
        <p role="status" className={`${box} border-zinc-200 bg-zinc-50 text-zinc-700`}>
          This vote closed before receipts were published: its ballots are published without them.
        </p>
      );
    case 'not_found':
      return (
        <p role="status" className={`${box} border-amber-200 bg-amber-50 text-amber-900`}>
          No counted ballot has the receipt <code className="font-mono">{answer.receipt}</code>. Check the code. A ballot you changed has a new receipt, and
          only your last ballot&rsquo;s receipt is published.
          {answer.memberWide
            ? ' A member who delegated their vote and did not vote themselves has no receipt: they are counted in their delegate’s ballot.'
            : ''}
        </p>
      );
    case 'found':
      return (
        <div role="status" className={`${box} border-emerald-200 bg-emerald-50 text-emerald-950`}>
          <p>
            Receipt <code className="whitespace-nowrap font-mono font-semibold">{answer.receipt}</code> stands for this counted ballot:
          </p>
          <p className="mt-2 font-medium">{describeBallot(answer.method, answer.options, answer.preferences)}</p>
          {answer.weight !== null ? (
            <p className="mt-1">
              It counted with a weight of {answer.weight}: its voter&rsquo;s own vote and those of the members counted through them as delegate.
            </p>
          ) : null}
          <p className="mt-2 text-xs">
            It is one of the ballots the published count counted. Every counted ballot, with its receipt, is in the{' '}
            <a className="underline" href={answer.csv} download>
              ballots CSV
            </a>
            .
          </p>
        </div>
      );
  }
}

/** 'Ranks Ada first, then Curie.', 'Approves Ada and Curie.', 'Chooses Ada.' */
export function describeBallot(method: ChoiceMethodKey, options: readonly string[], preferences: readonly number[]): string {
  const names = preferences.map((i) => options[i] ?? `option ${i + 1}`);
  if (isRanked(method)) return `Ranks ${names[0]} first${names.length > 1 ? `, then ${names.slice(1).join(', then ')}` : ''}.`;
  const list = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return method === 'approval' ? `Approves ${list}.` : `Chooses ${list}.`;
}
