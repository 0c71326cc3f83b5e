import type { ProposalStatus } from '@/lib/governance/status';
import type { Phase } from '@/lib/governance/types';

const styles: Record<Phase['kind'], string> = {
  draft: 'bg-zinc-100 text-zinc-700 ring-zinc-300',
  discussion: 'bg-sky-50 text-sky-800 ring-sky-200',
  awaiting_reply: 'bg-amber-50 text-amber-900 ring-amber-200',
  ready_for_voting: 'bg-violet-50 text-violet-800 ring-violet-200',
  voting: 'bg-brand-50 text-brand-800 ring-brand-100',
  passed: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  rejected: 'bg-red-50 text-red-800 ring-red-200',
  failed_quorum: 'bg-orange-50 text-orange-900 ring-orange-200',
  lapsed: 'bg-zinc-100 text-zinc-700 ring-zinc-300',
  withdrawn: 'bg-zinc-100 text-zinc-600 ring-zinc-300',
};

export const phaseNames: Record<Phase['kind'], string> = {
  draft: 'Draft',
  discussion: 'In discussion',
  awaiting_reply: 'Awaiting reply',
  ready_for_voting: 'Vote pending',
  voting: 'Voting',
  passed: 'Passed',
  rejected: 'Rejected',
  failed_quorum: 'Failed quorum',
  lapsed: 'Lapsed',
  withdrawn: 'Withdrawn',
};

export function PhaseBadge({ phase }: { phase: Phase }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${styles[phase.kind]}`}>
      {phaseNames[phase.kind]}
    </span>
  );
}

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
