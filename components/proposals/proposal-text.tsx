import { useTranslations } from 'next-intl';
import { MarkdownText } from '@/components/governance/markdown';
import { CharterDiffList } from '@/components/proposals/charter-diff-list';
import { RevisionDiff } from '@/components/proposals/revision-diff';
import type { ProposalPageData } from '@/db/read/proposal-page';
import type { CharterDiffPart } from '@/lib/governance/charter-diff';

/** The current text and, below it, every revision as a diff against the one before. */
export function ProposalText({
  revisions,
  charterChanges = null,
  charterVersion,
}: {
  revisions: ProposalPageData['revisions'];
  /** A charter amendment's changes against the charter it was drafted under (null: not an amendment). */
  charterChanges?: CharterDiffPart[] | null;
  charterVersion?: number;
}) {
  const current = revisions.at(-1);
  const t = useTranslations('text');
  return (
    <section aria-labelledby="text" className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="text" className="mb-3 text-lg font-semibold">
        {t('heading')} {current ? <span className="text-sm font-normal text-zinc-500">{t('revision', { revision: current.revision })}</span> : null}
      </h2>
      {current ? <MarkdownText>{current.body}</MarkdownText> : null}
      {charterChanges ? (
        <div className="mt-6">
          <CharterDiffList
            lines={charterChanges}
            heading={charterVersion ? t('amendmentChangesVersion', { version: charterVersion }) : t('amendmentChanges')}
            empty={t('amendmentNone')}
          />
        </div>
      ) : null}
      {revisions.length > 1 ? (
        <details className="mt-6">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('history', { count: revisions.length })}</summary>
          <ol className="mt-3 space-y-4">
            {revisions.slice(1).map((r, i) => (
              <li key={r.revision}>
                <p className="mb-1 text-xs text-zinc-500">
                  {t('revisionLine', { revision: r.revision, at: r.createdAt, substantive: String(r.substantive) })}
                  {r.substantive && r.substantiveReasons.length > 0 ? ` (${r.substantiveReasons.join(' ')})` : ''}
                  {r.authorMarkedEditorial && r.substantive ? t('markedEditorial') : ''}
                  {r.changeNote ? ` · “${r.changeNote}”` : ''}
                </p>
                <RevisionDiff before={revisions[i]!.body} after={r.body} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
