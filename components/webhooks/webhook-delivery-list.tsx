import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/state';

export type WebhookDeliveryRow = {
  id: string;
  url: string;
  seq: number;
  kind: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastResponse: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
};

type Props = {
  orgId: string;
  deliveries: WebhookDeliveryRow[];
  /** Null: no replay offered (an archived organization refuses it). */
  replayAction: ((prev: ActionState, formData: FormData) => Promise<ActionState>) | null;
};

const statusLook = {
  pending: 'bg-amber-50 text-amber-900 border-amber-300',
  delivered: 'bg-emerald-50 text-emerald-900 border-emerald-300',
  dead: 'bg-red-50 text-red-900 border-red-300',
} as const;

/** The latest deliveries: which entry, to where, its fate, the receiver's answer (first 500 characters); a dead letter can be replayed. */
export function WebhookDeliveryList({ orgId, deliveries, replayAction }: Props) {
  const t = useTranslations('settings');
  if (deliveries.length === 0) return <p className="text-sm text-zinc-600">{t('noDeliveries')}</p>;
  return (
    <ul className="space-y-4 text-sm" aria-label={t('deliveriesLabel')}>
      {deliveries.map((d) => (
        <li
          key={d.id}
          className="space-y-1 border-b border-zinc-100 pb-4 last:border-0 last:pb-0"
          aria-label={t('deliveryLabel', { seq: d.seq, kind: d.kind })}
        >
          <p className="flex flex-wrap items-center gap-2">
            <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${statusLook[d.status]}`}>{t(`status_${d.status}`)}</span>
            <span className="font-medium text-zinc-900">
              {t('entry', { seq: d.seq })} · <code className="text-xs">{d.kind}</code>
            </span>
          </p>
          <p className="break-all font-mono text-xs text-zinc-600">{d.url}</p>
          <p className="text-zinc-700">
            {[
              t('attemptCount', { count: d.attempts }),
              d.lastStatus !== null ? t('lastAnswer', { status: d.lastStatus }) : d.lastAttemptAt ? t('noAnswer') : null,
              d.lastAttemptAt ? t('lastTried', { at: new Date(d.lastAttemptAt) }) : null,
              d.status === 'pending' ? t('nextAttempt', { at: new Date(d.nextAttemptAt) }) : null,
              d.deliveredAt ? t('deliveredAt', { at: new Date(d.deliveredAt) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {d.lastResponse ? (
            <pre className="max-h-32 overflow-auto whitespace-pre-wrap break-all rounded-lg bg-zinc-50 p-2 font-mono text-xs text-zinc-700">
              {d.lastResponse}
            </pre>
          ) : null}
          {d.status === 'dead' && replayAction ? (
            <ActionForm
              action={replayAction}
              hidden={{ orgId, deliveryId: d.id }}
              submitLabel={t('replay')}
              variant="secondary"
              label={t('replayLabel', { seq: d.seq })}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
