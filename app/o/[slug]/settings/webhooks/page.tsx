import type { Metadata } from 'next';
import { loadWebhookSettings } from '@/db/read/webhooks';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { RegisterWebhookForm } from '@/components/webhooks/register-webhook-form';
import { WebhookDeliveryList } from '@/components/webhooks/webhook-delivery-list';
import { loadMemberPage } from '@/lib/auth/member-page';
import { webhookKindLabels } from '@/lib/validation/webhook';
import { deleteWebhookAction, replayWebhookDeliveryAction, setWebhookEnabledAction } from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

type Props = { params: Promise<{ slug: string }> };

const card = 'mb-8 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6';

/** Admins only: endpoints that receive the decision log's entries as signed POSTs, and what became of each delivery. */
export default async function WebhooksPage({ params }: Props) {
  const { org } = await loadMemberPage(params, '/settings/webhooks', { adminOnly: true });
  const { endpoints, deliveries } = await loadWebhookSettings(org.id);
  const kinds = Object.entries(webhookKindLabels).map(([kind, label]) => ({ kind, label }));
  return (
    <MemberPageShell
      org={org}
      current="members"
      title="Webhooks"
      description="Each new entry of this organization's decision log is POSTed as JSON to the endpoints below, signed per the Standard Webhooks specification. Failed deliveries are retried with growing waits (30 seconds up to 12 hours, 8 attempts), then kept as dead letters you can replay."
    >
      <LabelledSection id="endpoints" title="Endpoints" className={card} headingClassName="mb-3 text-lg font-semibold">
        {endpoints.length === 0 ? (
          <p className="text-sm text-zinc-600">No endpoints yet.</p>
        ) : (
          <ul className="space-y-5 text-sm">
            {endpoints.map((e) => (
              <li key={e.id} className="space-y-2 border-b border-zinc-100 pb-4 last:border-0 last:pb-0">
                <p className="break-all font-mono text-xs text-zinc-900">{e.url}</p>
                <p className="text-zinc-700">
                  <span className={e.enabled ? 'font-medium text-emerald-800' : 'font-medium text-zinc-600'}>{e.enabled ? 'Enabled' : 'Disabled'}</span>
                  {' · '}
                  {e.kinds === null ? 'every kind of entry' : e.kinds.join(', ')}
                  {' · '}registered {e.createdAt.slice(0, 10)}
                </p>
                <div className="flex flex-wrap items-start gap-4">
                  <ActionForm
                    action={setWebhookEnabledAction}
                    hidden={{ orgId: org.id, endpointId: e.id, enabled: e.enabled ? 'false' : 'true' }}
                    submitLabel={e.enabled ? 'Disable' : 'Enable'}
                    variant="secondary"
                    label={`${e.enabled ? 'Disable' : 'Enable'} the endpoint ${e.url}`}
                  />
                  <ActionForm
                    action={deleteWebhookAction}
                    hidden={{ orgId: org.id, endpointId: e.id }}
                    submitLabel="Delete"
                    variant="secondary"
                    label={`Delete the endpoint ${e.url}`}
                  >
                    <label className="flex items-start gap-2 text-sm text-zinc-800">
                      <input type="checkbox" name="confirmDelete" value="yes" className="mt-0.5 size-4 shrink-0" />
                      <span>Delete it and its delivery history</span>
                    </label>
                  </ActionForm>
                </div>
              </li>
            ))}
          </ul>
        )}
      </LabelledSection>
      <LabelledSection id="register" title="Register an endpoint" className={card} headingClassName="mb-3 text-lg font-semibold">
        <RegisterWebhookForm orgId={org.id} kinds={kinds} />
      </LabelledSection>
      <LabelledSection id="deliveries" title="Recent deliveries" className={card} headingClassName="mb-3 text-lg font-semibold">
        <WebhookDeliveryList orgId={org.id} deliveries={deliveries} replayAction={replayWebhookDeliveryAction} />
      </LabelledSection>
    </MemberPageShell>
  );
}
