/**
 * When a secret ballot's published result may show how individuals voted (docs/vote-methods.md,
 * "Small electorates"). The counted ballots are published without voters, and the roll call says
 * who voted; with few ballots, or ballots all alike, the two together can tell how someone voted:
 *
 * - fewer than `SMALL_BALLOT_COUNT` (3) counted ballots: with one, the voter's ballot is the
 *   published one; with two, each voter knows the other's;
 * - every counted ballot identical (two or more): everyone who voted voted that way.
 *
 * Before voting opens the ballots are unknown, so the warning is about the electorate: fewer than
 * `SMALL_BALLOT_COUNT` seat holders who may vote means fewer than that many ballots at most.
 * Pure: the page asks it before the vote (`electorateSecrecyWarning`) and with the result
 * (`resultSecrecyWarning`).
 */

export const SMALL_BALLOT_COUNT = 3;

export type SecrecyWarning = { reason: 'small_electorate' | 'few_ballots' | 'identical_ballots'; count: number; text: string };

/** Before or during the vote: a warning when fewer than 3 seat holders may vote (0 warns of nothing: nobody can vote). */
export function electorateSecrecyWarning(voters: number): SecrecyWarning | null {
  if (voters < 1 || voters >= SMALL_BALLOT_COUNT) return null;
  const who = voters === 1 ? 'Only 1 seat holder can vote' : `Only ${voters} seat holders can vote`;
  return {
    reason: 'small_electorate',
    count: voters,
    text: `${who}: the ballots are secret, but the published result may show how individuals voted.`,
  };
}

/** With the result: a warning when fewer than 3 ballots were counted, or all of them are the same. */
export function resultSecrecyWarning(ballots: readonly (readonly number[])[]): SecrecyWarning | null {
  const n = ballots.length;
  if (n === 0) return null;
  const text = `With ${n} ${n === 1 ? 'ballot' : 'ballots'}, the result may show how individuals voted.`;
  if (n < SMALL_BALLOT_COUNT) return { reason: 'few_ballots', count: n, text };
  const first = ballots[0]!.join(',');
  if (ballots.every((b) => b.join(',') === first)) return { reason: 'identical_ballots', count: n, text: `${text} Every ballot is the same.` };
  return null;
}

/** The counted ballots, one per voter, from a published count's merged lines `[count, ...preferences]`. */
export function unmergeBallots(merged: readonly (readonly number[])[]): number[][] {
  return merged.flatMap(([count, ...preferences]) => Array.from({ length: count ?? 0 }, () => preferences));
}
