import { useTranslations } from 'next-intl';
import type { ProposalStatus } from '@/lib/governance/status';

const toneStyles: Record<ProposalStatus['tone'], string> = {
  neutral: 'bg-zinc-100 text-zinc-700 ring-zinc-300',
  active: 'bg-brand-50 text-brand-800 ring-brand-100',
  waiting: 'bg-amber-50 text-amber-900 ring-amber-200',
  blocked: 'bg-red-50 text-red-800 ring-red-200',
  passed: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  failed: 'bg-orange-50 text-orange-900 ring-orange-200',
};

/** The badge from the rules' status (proposalStatus): "Blocked: board below strength" rather than a bare phase name. */
export function StatusBadge({ status }: { status: Pick<ProposalStatus, 'label' | 'tone'> }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${toneStyles[status.tone]}`}>
      {status.label}
    </span>
  );
}

/** A proposal's badge in the reader's language: the rules' status (proposalStatus), named by its phase (messages `status.*`). */
export function ProposalStatusBadge({ status }: { status: Pick<ProposalStatus, 'label' | 'tone' | 'phase' | 'ratifyBy'> }) {
  const t = useTranslations('status');
  return <StatusBadge status={{ tone: status.tone, label: proposalStatusLabel(status, t) }} />;
}

function proposalStatusLabel(status: Pick<ProposalStatus, 'label' | 'tone' | 'phase' | 'ratifyBy'>, t: ReturnType<typeof useTranslations<'status'>>): string {
  if (status.tone === 'blocked') {
    const below = /^Blocked: (.+) below strength$/.exec(status.label);
    return below ? t('blockedBelowStrength', { body: below[1]! }) : t('blocked');
  }
  const kind = status.phase.kind;
  if (kind === 'voting' && status.label === 'Open for objections') return t('consent');
  if (kind === 'passed') return status.ratifyBy ? t('passedAwaitingRatification') : status.label === 'Passed and ratified' ? t('passedRatified') : t('passed');
  return t(kind);
}
