import type { useTranslations } from 'next-intl';
import type { PetitionPhase } from '@/lib/governance/petition';
import { petitionStatus } from '@/lib/governance/petition-words';
import type { ProposalStatus } from '@/lib/governance/status';

type Translator = ReturnType<typeof useTranslations<'petitions'>>;

/** A petition's badge and line in the reader's language: the rules' status (petitionStatus), worded by its phase (messages `petitions.status*`). */
export function petitionStatusIn(phase: PetitionPhase, t: Translator): { label: string; tone: ProposalStatus['tone']; line: string } {
  const { tone } = petitionStatus(phase);
  switch (phase.kind) {
    case 'open':
      return { tone, label: t('statusLabel_open'), line: t('statusLine_open', { at: phase.closesAt }) };
    case 'closed':
      return { tone, label: t('statusLabel_closed'), line: t('statusLine_closed', { at: phase.at }) };
    case 'awaiting_answer':
      return { tone, label: t('statusLabel_awaiting_answer'), line: t('statusLine_awaiting_answer', { at: phase.dueAt }) };
    case 'overdue':
      return { tone, label: t('statusLabel_overdue'), line: t('statusLine_overdue', { at: phase.dueAt }) };
    case 'answered':
      return {
        tone,
        label: t(phase.late ? 'statusLabel_answeredLate' : 'statusLabel_answered'),
        line: t('statusLine_answered', { at: phase.at, late: String(phase.late) }),
      };
  }
}
