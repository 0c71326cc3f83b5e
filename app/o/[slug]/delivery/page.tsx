import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findOrgForMember, loadDeliveryOverview } from '@/db/read/member-pages';
import { OrgNav } from '@/components/governance/org-nav';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { kindLabels } from '@/lib/notify/kinds';
import type { NotificationKind } from '@/lib/notify/kinds';
import { RetryForm } from './retry-form';

export const metadata: Metadata = { title: 'E-mail delivery' };

type Props = { params: Promise<{ slug: string }> };

/** Admins only: the outbox's state and its dead letters (addresses shown), with retry. */
export default async function DeliveryPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/delivery`);
  const found = await findOrgForMember(slug, user.id);
  if (!found) notFound();
  const { org, membership } = found;
  if (!membership || membership.role !== 'admin') notFound();
  const { counts, dead } = await loadDeliveryOverview(org.id);
  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="notifications" isMember />
      <PageHeader title="E-mail delivery" description="Notices waiting, sent, and those the mail server refused after every retry." />
      <dl className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {(
          [
            ['Waiting', counts.pending],
            ['In digests', counts.digest],
            ['Sent', counts.sent + counts.digested],
            ['Failed (dead letters)', counts.dead],
          ] as const
        ).map(([label, n]) => (
          <div key={label} className="rounded-xl border border-zinc-200 bg-white p-4">
            <dt className="text-xs uppercase tracking-wide text-zinc-600">{label}</dt>
            <dd className="text-2xl font-bold text-zinc-900">{n}</dd>
          </div>
        ))}
      </dl>
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
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Recipient
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Notice
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Attempts
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Last error
                  </th>
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">Retry</span>
                  </th>
                </tr>
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
    </div>
  );
}
