/** The charter's petition rules in words, for the charter summary and the petition pages. Pure. */
import { ratioText } from './charter';
import type { PetitionPhase } from './petition';
import type { ProposalStatus } from './status';
import { formatUtc } from './time';
import type { Charter } from './types';

/** One paragraph on petitions, or null when the charter provides none. */
export function petitionRulesText(charter: Charter): string | null {
  const spec = charter.petitions;
  if (!spec) return null;
  const body = charter.bodies.find((b) => b.key === spec.answeringBodyKey)?.name ?? spec.answeringBodyKey;
  return (
    `Any member (not an observer) may open a petition to the ${body.toLowerCase()}, for all members or for one stakeholder group. ` +
    `Members of that constituency sign once each and may revoke their signature; the count is public` +
    `${spec.signerNamesPublic ? ', and so are the signers’ names' : ', the signers’ names are not'}. ` +
    `It needs ${ratioText(spec.thresholdOfMembers)} of the members (or ${ratioText(spec.thresholdOfGroup)} of the group), counted when it opens, within ${spec.signingDays} days. ` +
    `Once it has them, the ${body.toLowerCase()} must answer publicly within ${spec.answerWithinDays} days; a missed deadline is flagged on the public pages.`
  );
}

/** A petition's badge and line for its phase, from the rules (the pages never re-derive it). */
export function petitionStatus(phase: PetitionPhase): { label: string; tone: ProposalStatus['tone']; line: string } {
  switch (phase.kind) {
    case 'open':
      return { label: 'Open for signatures', tone: 'active', line: `Signing closes ${formatUtc(phase.closesAt)} unless it reaches its threshold.` };
    case 'closed':
      return { label: 'Closed', tone: 'neutral', line: `Signing closed ${formatUtc(phase.at)} short of its threshold: no answer is owed.` };
    case 'awaiting_answer':
      return { label: 'Threshold reached', tone: 'waiting', line: `The answer is due by ${formatUtc(phase.dueAt)}.` };
    case 'overdue':
      return { label: 'Answer overdue', tone: 'blocked', line: `The answer was due by ${formatUtc(phase.dueAt)} and has not been given.` };
    case 'answered':
      return {
        label: phase.late ? 'Answered late' : 'Answered',
        tone: phase.late ? 'failed' : 'passed',
        line: `Answered ${formatUtc(phase.at)}${phase.late ? ', after the charter’s deadline' : ''}.`,
      };
  }
}
