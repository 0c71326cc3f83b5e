// How the log names the person behind an entry: the name recorded when the entry was written,
// and today's name beside it when the two differ. Pure: both names are looked up by the caller.

/** How the public pages show a deleted account (its pseudonym is public in its `account.deleted` entries). */
export const deletedAccountLabel = (pseudonym: string): string => `${pseudonym} (deleted account)`;

/**
 * "Ana Ruiz (now Ana Ruiz-Smith)". `recorded` is the name recorded with the entry: undefined when
 * there is no record (entries written before names were recorded), null when the person had no
 * name then. `current` is today's public name, or null (no name, or no longer a member). Null
 * when there is no name to show at all: the caller says "a member".
 */
export function actorAsRecorded(recorded: string | null | undefined, current: string | null): string | null {
  if (recorded === undefined) return current;
  if (current === null) return recorded;
  // A deleted account's recorded names are its pseudonym, which today's label already shows.
  if (current === recorded || (recorded !== null && current === deletedAccountLabel(recorded))) return current;
  return `${recorded ?? 'A member'} (now ${current})`;
}
