import type { useTranslations } from 'next-intl';
import type { ProposalStatus } from '@/lib/governance/status';
import type { WrittenConsentPhase } from '@/lib/governance/written-consent';
import { writtenConsentStatus } from '@/lib/governance/written-consent-words';

type Translator = ReturnType<typeof useTranslations<'writtenConsents'>>;

/** "3 days 4 hours", "5 hours", "under an hour": the time left to sign, in the reader's language (as timeLeftWords). */
function timeLeftIn(until: Date, now: Date, t: Translator): string {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return t('left_none');
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  if (days === 0) return hours === 0 ? t('left_underHour') : t('left_hours', { hours });
  return t('left_days', { days, hours: hours % 24 });
}

/** A written consent's badge and line in the reader's language: the rules' tone (writtenConsentStatus), worded by its phase (messages `writtenConsents.status*`). */
export function writtenConsentStatusIn(phase: WrittenConsentPhase, now: Date, t: Translator): { label: string; tone: ProposalStatus['tone']; line: string } {
  const { tone } = writtenConsentStatus(phase, now);
  switch (phase.kind) {
    case 'open':
      return { tone, label: t('statusLabel_open'), line: t('statusLine_open', { left: timeLeftIn(phase.expiresAt, now, t), at: phase.expiresAt }) };
    case 'adopted':
      return { tone, label: t('statusLabel_adopted'), line: t('statusLine_adopted', { at: phase.at }) };
    case 'withdrawn':
      return { tone, label: t('statusLabel_withdrawn'), line: t('statusLine_withdrawn', { at: phase.at }) };
    case 'lapsed':
      return { tone, label: t('statusLabel_lapsed'), line: phase.at ? t('statusLine_lapsedAt', { at: phase.at }) : t('statusLine_lapsed') };
    case 'expired':
      return { tone, label: t('statusLabel_expired'), line: t('statusLine_expired', { at: phase.at }) };
  }
}
