// How the log names the person behind an entry: the name recorded when the entry was written,
// and today's name beside it when the two differ. Pure: both names are looked up by the caller.

/** How the public pages show a deleted account (its pseudonym is public in its `account.deleted` entries). */
export const deletedAccountLabel = (pseudonym: string): string => `${pseudonym} (deleted account)`;

/**
 * How a language says "Ana Ruiz (now Ana Ruiz-Smith)" and "A member" (the `logSummary.actor` messages), and a deleted
 * account's "deleted-… (deleted account)" (`verifyWords.deletedAccount`).
 */
export type ActorWords = { now: (recorded: string, current: string) => string; aMember: string; deleted: (pseudonym: string) => string };

/** The English, as the log has always said it. */
export const englishActorWords: ActorWords = { now: (recorded, current) => `${recorded} (now ${current})`, aMember: 'A member', deleted: deletedAccountLabel };

/**
 * "Ana Ruiz (now Ana Ruiz-Smith)". `recorded` is the name recorded with the entry: undefined when
 * there is no record (entries written before names were recorded), null when the person had no
 * name then. `current` is today's public name, or null (no name, or no longer a member). Null
 * when there is no name to show at all: the caller says "a member".
 */
export function actorAsRecorded(recorded: string | null | undefined, current: string | null, words: ActorWords = englishActorWords): string | null {
  if (recorded === undefined) return current;
  if (current === null) return recorded;
  // A deleted account's recorded names are its pseudonym, which today's label already shows.
  if (current === recorded || (recorded !== null && current === words.deleted(recorded))) return current;
  return words.now(recorded ?? words.aMember, current);
}
