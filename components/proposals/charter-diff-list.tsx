import { useTranslations } from 'next-intl';
import { useCharterDiffWords } from '@/components/proposals/charter-diff-words';
import type { CharterDiffPart } from '@/lib/governance/charter-diff';

/**
 * What a charter amendment changes, one sentence a line, in the reader's language (lib/governance/charter-diff.ts's parts,
 * worded by charter-diff-words.ts). Null: the fields cannot be read yet.
 */
export function CharterDiffList({
  lines,
  heading,
  live = false,
  empty,
  problems = [],
}: {
  lines: CharterDiffPart[] | null;
  heading: string;
  live?: boolean;
  empty?: string;
  /** What stops the fields from making a valid charter, as the server would say it. */
  problems?: string[];
}) {
  const t = useTranslations('newProposal.charter');
  const say = useCharterDiffWords();
  return (
    <section aria-labelledby="charter-diff-heading" className="rounded-xl border border-brand-200 bg-brand-50/40 p-4">
      <h3 id="charter-diff-heading" className="text-sm font-semibold text-zinc-900">
        {heading}
      </h3>
      <div aria-live={live ? 'polite' : undefined}>
        {lines === null ? (
          <p className="mt-2 text-sm text-zinc-700">{t('unreadable')}</p>
        ) : lines.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-700">{empty ?? t('noChanges')}</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm break-words text-zinc-900">
            {lines.map((l) => (
              <li key={l.text}>{say(l)}</li>
            ))}
          </ul>
        )}
        {problems.length > 0 ? (
          <>
            <p className="mt-3 text-sm font-medium text-red-800">{t('refused')}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm break-words text-red-800">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
