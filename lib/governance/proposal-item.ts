/**
 * A proposal taken as a meeting's agenda item, or as the motion of a roll call on that item, is stored (the roll
 * call's motion, a meeting notice's agenda line) in English: "Proposal #4: <title>". The pages and the e-mails say it
 * in the reader's language (`meetings.proposalMotion`) from its number and title: `proposalItemOf` reads them back.
 * Anything else (what the organization typed itself) is shown as given.
 *
 * Pure: no I/O, no framework.
 */

/** The English a proposal taken as an agenda item or a motion is stored as. */
export function proposalItemText(number: number, title: string): string {
  return `Proposal #${number}: ${title}`;
}

const stored = /^Proposal #([1-9]\d*): ([\s\S]*)$/;

/**
 * The number and title of a stored text that is a proposal taken as an item, else null. `reference` is what the row
 * stores beside the text: the proposal's number (the text must name that one), null (the item is not a proposal: the
 * text is the organization's, whatever it says); undefined for a row stored before it carried one (the pattern alone).
 */
export function proposalItemOf(text: string, reference?: number | null): { number: number; title: string } | null {
  const m = stored.exec(text);
  if (!m) return null;
  const number = Number(m[1]);
  if (reference !== undefined && reference !== number) return null;
  return { number, title: m[2]! };
}
