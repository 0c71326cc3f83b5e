import type { Metadata } from 'next';
import { loadDeliveryOverview } from '@/db/read/member-pages';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { ColumnHeaderRow } from '@/components/ui/column-header-row';
import { DescriptionList } from '@/components/ui/description-list';
import { loadMemberPage } from '@/lib/auth/member-page';
import { kindLabels } from '@/lib/notify/kinds';
import type { NotificationKind } from '@/lib/notify/kinds';
import { RetryForm } from './retry-form';

export const metadata: Metadata = { title: 'E-mail delivery' };

type Props = { params: Promise<{ slug: string }> };

/** Admins only: the outbox's state and its dead letters (addresses shown), with retry. */
export default async function DeliveryPage({ params }: Props) {
  const { org } = await loadMemberPage(params, '/delivery', { adminOnly: true });
  const { counts, dead } = await loadDeliveryOverview(org.id);
  return (
    <MemberPageShell
      org={org}
      current="notifications"
      title="E-mail delivery"
      description="Notices waiting, sent, and those the mail server refused after every retry."
    >
      <DescriptionList
        className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-4"
        itemClassName="rounded-xl border border-zinc-200 bg-white p-4"
        termClassName="text-xs uppercase tracking-wide text-zinc-600"
        detailClassName="text-2xl font-bold text-zinc-900"
        items={[
          ['Waiting', counts.pending],
          ['In digests', counts.digest],
          ['Sent', counts.sent + counts.digested],
          ['Failed (dead letters)', counts.dead],
        ]}
      />
      <section aria-labelledby="dead-letters">
        <div className="mb-3 flex items-center justify-between gap-4">
          <h2 id="dead-letters" className="text-lg font-semibold">
            Dead letters
          </h2>
          {dead.length > 0 ? <RetryForm orgId={org.id} outboxId="" label="Retry all" /> : null}
        </div>
        {dead.length === 0 ? (
          <p className="text-zinc-600">No failed deliveries.</p>
        ) : (
          <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-600">
                <ColumnHeaderRow
                  cellClassName="px-4 py-3"
                  columns={[
                    'Recipient',
                    'Notice',
                    'Attempts',
                    'Last error',
                    <span key="retry" className="sr-only">
                      Retry
                    </span>,
                  ]}
                />
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {dead.map((d) => (
                  <tr key={d.id} className="align-top">
                    <td className="px-4 py-3">{d.email}</td>
                    <td className="px-4 py-3">{kindLabels[d.kind as NotificationKind] ?? d.kind}</td>
                    <td className="px-4 py-3">{d.attempts}</td>
                    <td className="max-w-xs break-words px-4 py-3 text-zinc-700">{d.lastError}</td>
                    <td className="px-4 py-3">
                      <RetryForm orgId={org.id} outboxId={d.id} label="Retry" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </MemberPageShell>
  );
}
