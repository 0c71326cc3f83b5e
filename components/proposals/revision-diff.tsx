import { diffWords } from 'diff';
import { useTranslations } from 'next-intl';

/** Word-level difference between two revisions: insertions underlined green, deletions struck red. */
export function RevisionDiff({ before, after }: { before: string; after: string }) {
  const t = useTranslations('choiceBallot.diff');
  const parts = diffWords(before, after);
  return (
    <pre className="whitespace-pre-wrap break-words rounded-lg bg-zinc-50 p-3 font-sans text-sm leading-relaxed">
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
            <span className="sr-only">{t('added')}</span>
            {p.value}
            <span className="sr-only">]</span>
          </ins>
        ) : p.removed ? (
          <del key={i} className="bg-red-100 text-red-900">
            <span className="sr-only">{t('removed')}</span>
            {p.value}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </pre>
  );
}
