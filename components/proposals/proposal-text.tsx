import { MarkdownText } from '@/components/governance/markdown';
import { CharterDiffList } from '@/components/proposals/charter-diff-list';
import { RevisionDiff } from '@/components/proposals/revision-diff';
import type { ProposalPageData } from '@/db/read/proposal-page';
import { formatUtc } from '@/lib/governance/time';

/** The current text and, below it, every revision as a diff against the one before. */
export function ProposalText({
  revisions,
  charterChanges = null,
  charterVersion,
}: {
  revisions: ProposalPageData['revisions'];
  /** A charter amendment's changes against the charter it was drafted under (null: not an amendment). */
  charterChanges?: string[] | null;
  charterVersion?: number;
}) {
  const current = revisions.at(-1);
  return (
    <section aria-labelledby="text" className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="text" className="mb-3 text-lg font-semibold">
        Text {current ? <span className="text-sm font-normal text-zinc-500">(revision {current.revision})</span> : null}
      </h2>
      {current ? <MarkdownText>{current.body}</MarkdownText> : null}
      {charterChanges ? (
        <div className="mt-6">
          <CharterDiffList
            lines={charterChanges}
            heading={`What this amendment changes in the charter${charterVersion ? ` (version ${charterVersion})` : ''}`}
            empty="It changes none of the charter’s settings."
          />
        </div>
      ) : null}
      {revisions.length > 1 ? (
        <details className="mt-6">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Revision history ({revisions.length} revisions)</summary>
          <ol className="mt-3 space-y-4">
            {revisions.slice(1).map((r, i) => (
              <li key={r.revision}>
                <p className="mb-1 text-xs text-zinc-500">
                  Revision {r.revision} · {formatUtc(r.createdAt)} · {r.substantive ? 'substantive' : 'editorial'}
                  {r.substantive && r.substantiveReasons.length > 0 ? ` (${r.substantiveReasons.join(' ')})` : ''}
                  {r.authorMarkedEditorial && r.substantive ? ' · marked editorial by the author, but the change itself is substantive' : ''}
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
