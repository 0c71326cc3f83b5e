import Link from '@/components/ui/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { PublicLogRow } from '@/db/read/types';
import { useLogText } from '@/components/transparency/log-text';

/** Entries of the record not listed (between its oldest and newest shown): a member-wide vote's ballots. */
type Gap = { count: number; afterSeq: number; beforeSeq: number };

/** The proposal's entries in the decision log, newest first, each checked against its hash; a long record shows its oldest and newest entries and counts the rest. */
export function ProposalRecord({
  slug,
  number,
  isDraft,
  logRows,
  gap = null,
}: {
  slug: string;
  number: number;
  isDraft: boolean;
  logRows: PublicLogRow[];
  gap?: Gap | null;
}) {
  const inOrder = [...logRows].reverse();
  const beforeGap = gap ? inOrder.filter((e) => e.seq <= gap.afterSeq) : inOrder;
  const afterGap = gap ? inOrder.filter((e) => e.seq > gap.afterSeq) : [];
  const t = useTranslations('record');
  return (
    <section aria-labelledby="record" className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="record" className="mb-3 text-lg font-semibold">
        {t('heading')}
      </h2>
      {logRows.length === 0 ? (
        <p className="text-sm text-zinc-600">{t('empty')}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {beforeGap.map((e) => (
            <RecordLine key={e.seq} e={e} />
          ))}
          {gap ? (
            <li className="rounded-lg bg-zinc-50 px-2 py-1 text-zinc-700">
              {t('gap', { count: gap.count, after: gap.afterSeq, before: gap.beforeSeq })}{' '}
              <Link href={`/o/${slug}/log?proposal=${number}&before=${gap.beforeSeq}`} className="font-medium text-brand-700 hover:underline">
                {t('gapLink')}
              </Link>
              .
            </li>
          ) : null}
          {afterGap.map((e) => (
            <RecordLine key={e.seq} e={e} />
          ))}
        </ol>
      )}
      {!isDraft ? (
        <Link href={`/o/${slug}/log?proposal=${number}`} className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
          {t('inLog')}
        </Link>
      ) : null}
    </section>
  );
}

function RecordLine({ e }: { e: PublicLogRow }) {
  const t = useTranslations('record');
  const format = useFormatter();
  const say = useLogText();
  return (
    <li className="flex gap-2">
      <span className="shrink-0 font-mono text-xs whitespace-nowrap text-zinc-500">#{e.seq}</span>
      {/* Kind and time wrap together, beside the number: a time pushed to the next line stays with its entry. */}
      <span className="flex min-w-0 flex-wrap gap-x-2">
        <span className="font-medium">{e.kind}</span>
        <time className="text-zinc-500" dateTime={e.at.toISOString()}>
          {format.dateTime(e.at, 'long')}
        </time>
        {e.problemText ? <span className="font-semibold text-red-800">{t('doesNotVerify', { problem: say(e.problemText) })}</span> : null}
      </span>
    </li>
  );
}
