import type { useTranslations } from 'next-intl';
import { proposalItemOf } from '@/lib/governance/proposal-item';

type TMeetings = ReturnType<typeof useTranslations<'meetings'>>;

/**
 * A roll call's motion in the reader's language: one taken from a proposal on the agenda (stored in English as
 * "Proposal #4: …", `proposalNumber` the number the roll call stores beside it) as `meetings.proposalMotion`; one the
 * organization typed, whatever it says, as given. The meeting page, the held-motions notice, the new-proposal form's
 * list of held motions and the proposal page's ratification line all name a motion through this.
 */
export function motionWords(tm: TMeetings, motion: string, proposalNumber: number | null): string {
  const item = proposalItemOf(motion, proposalNumber);
  return item ? tm('proposalMotion', item) : motion;
}
