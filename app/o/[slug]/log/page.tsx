import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { getLogHead, listLogEntries } from '@/db/queries/log';
import { OrgNav } from '@/components/governance/org-nav';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrgPage } from '@/lib/auth/org-page';
import { formatUtc } from '@/lib/governance/time';

export const metadata: Metadata = { title: 'Decision log' };

const pageSize = 50;

export default async function LogPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string }> }) {
  const { slug } = await params;
  const { before } = await searchParams;
  const { org, membership } = await loadOrgPage(slug);
  const db = getDb();
  const beforeSeq = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
  const [entries, head] = await Promise.all([listLogEntries(db, org.id, { before: beforeSeq, limit: pageSize }), getLogHead(db, org.id)]);
  const last = entries.at(-1);

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="log" isMember={Boolean(membership)} />
      <PageHeader
        title="Decision log"
        description="Every governance event, append-only and hash-chained: each entry's hash covers the one before it, so no entry can be changed, removed or reordered without breaking every hash after it."
      />
      {head ? (
        <p className="mb-4 break-all rounded-lg border border-zinc-200 bg-white px-4 py-3 font-mono text-xs text-zinc-700">
          {head.size} entries · head {head.headHash} · Merkle root {head.root}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <EmptyState title="The log is empty." />
      ) : (
        <ol className="space-y-2">
          {entries.map((e) => (
            <li key={e.seq} className="rounded-xl border border-zinc-200 bg-white p-4 text-sm">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-mono text-xs text-zinc-500">#{e.seq}</span>
                <span className="font-semibold">{e.kind}</span>
                <time dateTime={e.at.toISOString()} className="text-zinc-500">
                  {formatUtc(e.at)}
                </time>
                {e.subject ? <span className="text-xs text-zinc-500">{e.subject}</span> : null}
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-brand-700">Entry and hash</summary>
                <pre className="mt-2 overflow-x-auto rounded bg-zinc-50 p-2 text-xs">{JSON.stringify(e.payload, null, 2)}</pre>
                <p className="mt-1 break-all font-mono text-xs text-zinc-500">
                  prev {e.prevHash}
                  <br />
                  hash {e.hash}
                </p>
              </details>
            </li>
          ))}
        </ol>
      )}
      {last && last.seq > 1 ? (
        <nav aria-label="Pagination" className="mt-6">
          <Link href={`/o/${org.slug}/log?before=${last.seq}`} className="rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-50">
            Older entries
          </Link>
        </nav>
      ) : null}
    </div>
  );
}
