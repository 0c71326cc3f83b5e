import Link from '@/components/ui/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { PublicLogRow } from '@/db/read/types';
import { useLogText } from './log-text';

/**
 * One decision-log entry, read from its hashed bytes: a readable line, who acted (by the name
 * recorded at the time, with today's beside it when it changed), and the exact hashed entry
 * behind a disclosure. The summary and the actor come in the reader's language (lib/transparency/summary, docs/i18n.md).
 */
export function LogEntryItem({
  entry,
  summary,
  actor,
  proposalHref,
}: {
  entry: PublicLogRow;
  summary: string;
  actor: string | null;
  proposalHref: string | null;
}) {
  const t = useTranslations('log.entry');
  const format = useFormatter();
  const say = useLogText();
  return (
    <li id={`entry-${entry.seq}`} className="rounded-xl border border-zinc-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-mono text-xs text-zinc-600">#{entry.seq}</span>
        <span className="min-w-0 flex-1 font-medium text-zinc-900">
          {proposalHref ? (
            <Link href={proposalHref} className="hover:underline">
              {summary}
            </Link>
          ) : (
            summary
          )}
        </span>
        <time dateTime={entry.at.toISOString()} className="text-xs text-zinc-600">
          {format.dateTime(entry.at, 'long')}
        </time>
      </div>
      {entry.actorId ? <p className="mt-1 text-xs text-zinc-600">{t('by', { name: actor ?? t('aMember') })}</p> : null}
      {entry.problemText ? (
        <p className="mt-2 rounded bg-red-50 px-2 py-1 text-xs font-semibold text-red-900">{t('doesNotVerify', { problem: say(entry.problemText) })}</p>
      ) : null}
      <details className="mt-2 group">
        <summary className="cursor-pointer text-xs font-medium text-brand-700">
          {t('raw')} <span className="font-mono text-zinc-600">({entry.kind})</span>
        </summary>
        <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 font-mono text-xs text-zinc-800">{entry.entry}</pre>
        <dl className="mt-2 grid gap-x-3 font-mono text-xs text-zinc-700 sm:grid-cols-[auto_1fr]">
          {/* The fields' names in the export: not translated. */}
          <dt className="text-zinc-600">
            <code>prevHash</code>
          </dt>
          <dd className="break-all">{entry.prevHash}</dd>
          <dt className="text-zinc-600">
            <code>hash</code>
          </dt>
          <dd className="break-all">{entry.hash}</dd>
        </dl>
      </details>
    </li>
  );
}
