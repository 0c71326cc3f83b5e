import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageMessages } from '@/components/i18n/page-messages';
import { loadWebhookSettings } from '@/db/read/webhooks';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { RegisterWebhookForm } from '@/components/webhooks/register-webhook-form';
import { WebhookDeliveryList } from '@/components/webhooks/webhook-delivery-list';
import { loadMemberPage } from '@/lib/auth/member-page';
import { logKindLabels } from '@/lib/transparency/summary';
import { webhookKindLabels } from '@/lib/validation/webhook';
import { deleteWebhookAction, replayWebhookDeliveryAction, setWebhookEnabledAction } from './actions';
import { ArchivedNote } from '@/components/organizations/archived-note';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('webhooksTitle') };
}

type Props = { params: Promise<{ slug: string }> };

const card = 'mb-8 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6';

/** Admins only: endpoints that receive the decision log's entries as signed POSTs, and what became of each delivery. */
export default async function WebhooksPage({ params }: Props) {
  const { org } = await loadMemberPage(params, '/settings/webhooks', { adminOnly: true });
  const { endpoints, deliveries } = await loadWebhookSettings(org.id);
  const t = await getTranslations('settings');
  const tl = await getTranslations('log');
  // A kind's name: the decision log's (log.kinds, whose English is logKindLabels'), else the few only webhooks name (settings.webhookKinds).
  const kindName = (kind: string) =>
    kind in logKindLabels ? tl(`kinds.${kind}` as 'kinds.ballot.cast') : t(`webhookKinds.${kind}` as 'webhookKinds.witness.added');
  const kinds = Object.keys(webhookKindLabels).map((kind) => ({ kind, label: kindName(kind) }));
  // Archived: only disabling is taken (lib/use-cases/webhooks.ts); the forms that would be refused are not offered.
  const archived = org.archivedAt !== null;
  return (
    <PageMessages namespaces={['settings']}>
      <MemberPageShell org={org} current="members" title={t('webhooksTitle')} description={t('webhooksDescription')}>
        {archived ? <ArchivedNote className="mb-6">{t('webhooksArchived')}</ArchivedNote> : null}
        <LabelledSection id="endpoints" title={t('endpoints')} className={card} headingClassName="mb-3 text-lg font-semibold">
          {endpoints.length === 0 ? (
            <p className="text-sm text-zinc-600">{t('noEndpoints')}</p>
          ) : (
            <ul className="space-y-5 text-sm">
              {endpoints.map((e) => (
                <li key={e.id} className="space-y-2 border-b border-zinc-100 pb-4 last:border-0 last:pb-0">
                  <p className="break-all font-mono text-xs text-zinc-900">{e.url}</p>
                  <p className="text-zinc-700">
                    <span className={e.enabled ? 'font-medium text-emerald-800' : 'font-medium text-zinc-600'}>{e.enabled ? t('enabled') : t('disabled')}</span>
                    {' · '}
                    {e.kinds === null ? t('everyKind') : e.kinds.join(', ')}
                    {' · '}
                    {t('registeredOn', { at: new Date(e.createdAt) })}
                  </p>
                  <div className="flex flex-wrap items-start gap-4">
                    {archived && !e.enabled ? null : (
                      <ActionForm
                        action={setWebhookEnabledAction}
                        hidden={{ orgId: org.id, endpointId: e.id, enabled: e.enabled ? 'false' : 'true' }}
                        submitLabel={e.enabled ? t('disable') : t('enable')}
                        variant="secondary"
                        label={t(e.enabled ? 'disableLabel' : 'enableLabel', { url: e.url })}
                      />
                    )}
                    {archived ? null : (
                      <ActionForm
                        action={deleteWebhookAction}
                        hidden={{ orgId: org.id, endpointId: e.id }}
                        submitLabel={t('delete')}
                        variant="secondary"
                        label={t('deleteLabel', { url: e.url })}
                      >
                        <label className="flex items-start gap-2 text-sm text-zinc-800">
                          <input type="checkbox" name="confirmDelete" value="yes" className="mt-0.5 size-4 shrink-0" />
                          <span>{t('deleteConfirm')}</span>
                        </label>
                      </ActionForm>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </LabelledSection>
        {archived ? null : (
          <LabelledSection id="register" title={t('registerTitle')} className={card} headingClassName="mb-3 text-lg font-semibold">
            <RegisterWebhookForm orgId={org.id} kinds={kinds} />
          </LabelledSection>
        )}
        <LabelledSection id="deliveries" title={t('recentDeliveries')} className={card} headingClassName="mb-3 text-lg font-semibold">
          <WebhookDeliveryList orgId={org.id} deliveries={deliveries} replayAction={archived ? null : replayWebhookDeliveryAction} />
        </LabelledSection>
      </MemberPageShell>
    </PageMessages>
  );
}
