/** The charter's petition rules in words, for the charter summary and the petition pages. Pure. */
import { ratioText } from './charter';
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
