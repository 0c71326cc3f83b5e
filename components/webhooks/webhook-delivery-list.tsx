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
  replayAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

const statusLabel = { pending: 'Waiting', delivered: 'Delivered', dead: 'Dead letter' } as const;
const statusLook = {
  pending: 'bg-amber-50 text-amber-900 border-amber-300',
  delivered: 'bg-emerald-50 text-emerald-900 border-emerald-300',
  dead: 'bg-red-50 text-red-900 border-red-300',
} as const;

/** The latest deliveries: which entry, to where, its fate, the receiver's answer (first 500 characters); a dead letter can be replayed. */
export function WebhookDeliveryList({ orgId, deliveries, replayAction }: Props) {
  if (deliveries.length === 0) return <p className="text-sm text-zinc-600">No deliveries yet. Each new entry of the decision log makes one per endpoint.</p>;
  return (
    <ul className="space-y-4 text-sm" aria-label="Webhook deliveries">
      {deliveries.map((d) => (
        <li key={d.id} className="space-y-1 border-b border-zinc-100 pb-4 last:border-0 last:pb-0" aria-label={`Delivery of entry ${d.seq}, ${d.kind}`}>
          <p className="flex flex-wrap items-center gap-2">
            <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${statusLook[d.status]}`}>{statusLabel[d.status]}</span>
            <span className="font-medium text-zinc-900">
              Entry {d.seq} · <code className="text-xs">{d.kind}</code>
            </span>
          </p>
          <p className="break-all font-mono text-xs text-zinc-600">{d.url}</p>
          <p className="text-zinc-700">
            {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
            {d.lastStatus !== null ? ` · last answer HTTP ${d.lastStatus}` : d.lastAttemptAt ? ' · no HTTP answer' : ''}
            {d.lastAttemptAt ? ` · last tried ${minute(d.lastAttemptAt)}` : ''}
            {d.status === 'pending' ? ` · next attempt ${minute(d.nextAttemptAt)}` : ''}
            {d.deliveredAt ? ` · delivered ${minute(d.deliveredAt)}` : ''}
          </p>
          {d.lastResponse ? (
            <pre className="max-h-32 overflow-auto whitespace-pre-wrap break-all rounded-lg bg-zinc-50 p-2 font-mono text-xs text-zinc-700">
              {d.lastResponse}
            </pre>
          ) : null}
          {d.status === 'dead' ? (
            <ActionForm
              action={replayAction}
              hidden={{ orgId, deliveryId: d.id }}
              submitLabel="Replay"
              variant="secondary"
              label={`Replay the delivery of entry ${d.seq}`}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
