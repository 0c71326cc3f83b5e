import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { loadDeliveryOverview } from '@/db/read/member-pages';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { ColumnHeaderRow } from '@/components/ui/column-header-row';
import { DescriptionList } from '@/components/ui/description-list';
import { loadMemberPage } from '@/lib/auth/member-page';
import { deliveryFailureOfStored } from '@/lib/notify/delivery-failure';
import { kindLabels } from '@/lib/notify/kinds';
import type { NotificationKind } from '@/lib/notify/kinds';
import { RetryForm } from './retry-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('deliveryTitle') };
}

type Props = { params: Promise<{ slug: string }> };

/** Admins only: the outbox's state and its dead letters (addresses shown), with retry. */
export default async function DeliveryPage({ params }: Props) {
  const { org } = await loadMemberPage(params, '/delivery', { adminOnly: true });
  const { counts, dead } = await loadDeliveryOverview(org.id);
  const t = await getTranslations('settings');
  const kindName = (kind: string) => (kind in kindLabels ? t(`kinds.${kind as NotificationKind}`) : kind);
  // The worker's sentence read back as its code and SMTP status, worded in the reader's language; any other stored text as stored.
  const lastError = (stored: string | null) => {
    const failure = stored === null ? null : deliveryFailureOfStored(stored);
    return failure ? t(`deliveryErrors.${failure.code}`, { status: String(failure.status ?? '') }) : stored;
  };
  return (
    <MemberPageShell org={org} current="notifications" title={t('deliveryTitle')} description={t('deliveryDescription')}>
      <DescriptionList
        className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-4"
        itemClassName="rounded-xl border border-zinc-200 bg-white p-4"
        termClassName="text-xs uppercase tracking-wide text-zinc-600"
        detailClassName="text-2xl font-bold text-zinc-900"
        items={[
          [t('waiting'), counts.pending],
          [t('inDigests'), counts.digest],
          [t('sent'), counts.sent + counts.digested],
          [t('failed'), counts.dead],
        ]}
      />
      <section aria-labelledby="dead-letters">
        <div className="mb-3 flex items-center justify-between gap-4">
          <h2 id="dead-letters" className="text-lg font-semibold">
            {t('deadLetters')}
          </h2>
          {dead.length > 0 ? <RetryForm orgId={org.id} outboxId="" label={t('retryAll')} pendingLabel={t('retrying')} /> : null}
        </div>
        {dead.length === 0 ? (
          <p className="text-zinc-600">{t('noFailed')}</p>
        ) : (
          <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-600">
                <ColumnHeaderRow
                  cellClassName="px-4 py-3"
                  columns={[
                    t('recipient'),
                    t('notice'),
                    t('attempts'),
                    t('lastError'),
                    <span key="retry" className="sr-only">
                      {t('retry')}
                    </span>,
                  ]}
                />
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {dead.map((d) => (
                  <tr key={d.id} className="align-top">
                    <td className="px-4 py-3">{d.email}</td>
                    <td className="px-4 py-3">{kindName(d.kind)}</td>
                    <td className="px-4 py-3">{d.attempts}</td>
                    <td className="max-w-xs break-words px-4 py-3 text-zinc-700">{lastError(d.lastError)}</td>
                    <td className="px-4 py-3">
                      <RetryForm orgId={org.id} outboxId={d.id} label={t('retry')} pendingLabel={t('retrying')} />
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
