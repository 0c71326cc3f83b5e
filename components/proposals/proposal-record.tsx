import Link from 'next/link';
import type { PublicLogRow } from '@/db/read/types';
import { formatUtc } from '@/lib/governance/time';

/** The proposal's entries in the decision log, newest first, each checked against its hash. */
export function ProposalRecord({ slug, number, isDraft, logRows }: { slug: string; number: number; isDraft: boolean; logRows: PublicLogRow[] }) {
  return (
    <section aria-labelledby="record" className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="record" className="mb-3 text-lg font-semibold">
        Record
      </h2>
      {logRows.length === 0 ? (
        <p className="text-sm text-zinc-600">Nothing logged yet: drafts are not part of the public record.</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {[...logRows].reverse().map((e) => (
            <li key={e.seq} className="flex gap-2">
              <span className="shrink-0 font-mono text-xs whitespace-nowrap text-zinc-500">#{e.seq}</span>
              {/* Kind and time wrap together, beside the number: a time pushed to the next line stays with its entry. */}
              <span className="flex min-w-0 flex-wrap gap-x-2">
                <span className="font-medium">{e.kind}</span>
                <time className="text-zinc-500" dateTime={e.at.toISOString()}>
                  {formatUtc(e.at)}
                </time>
                {e.problem ? <span className="font-semibold text-red-800">does not verify: {e.problem}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
      {!isDraft ? (
        <Link href={`/o/${slug}/log?proposal=${number}`} className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
          This proposal in the decision log
        </Link>
      ) : null}
    </section>
  );
}
