/** A written consent's status in words, for its pages and the org page. Pure: `now` is a parameter. */
import type { ProposalStatus } from './status';
import { formatUtc } from './time';
import type { WrittenConsentPhase } from './written-consent';

/** "3 days 4 hours", "5 hours", "under an hour": the time left to sign. */
export function timeLeftWords(until: Date, now: Date): string {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return 'no time';
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return hours === 0 ? 'under an hour' : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return `${days} ${days === 1 ? 'day' : 'days'}${rest > 0 ? ` ${rest} ${rest === 1 ? 'hour' : 'hours'}` : ''}`;
}

/** The badge and line for a written consent's phase. */
export function writtenConsentStatus(phase: WrittenConsentPhase, now: Date): { label: string; tone: ProposalStatus['tone']; line: string } {
  switch (phase.kind) {
    case 'open':
      return {
        label: 'Open for signatures',
        tone: 'active',
        line: `${timeLeftWords(phase.expiresAt, now)} left: it expires ${formatUtc(phase.expiresAt)} unless every signer has signed.`,
      };
    case 'adopted':
      return { label: 'Adopted', tone: 'passed', line: `Adopted ${formatUtc(phase.at)}, at the last signature.` };
    case 'withdrawn':
      return { label: 'Withdrawn', tone: 'neutral', line: `Withdrawn ${formatUtc(phase.at)}; it never took effect.` };
    case 'lapsed':
      return {
        label: 'Lapsed',
        tone: 'failed',
        line: `A signer left the body before every signature was given${phase.at ? ` (recorded ${formatUtc(phase.at)})` : ''}: it can never be adopted.`,
      };
    case 'expired':
      return { label: 'Expired', tone: 'failed', line: `Expired ${formatUtc(phase.at)} without every signature; it never took effect.` };
  }
}
