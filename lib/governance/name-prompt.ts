// When Quorate asks a person for the name others see. Pure: time is a parameter.

/** How long "Skip for now" quiets the name prompt before it asks again. */
export const namePromptQuietDays = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether to ask "What should others call you?": only while the person has no name, and not
 * within `namePromptQuietDays` of their last "Skip for now".
 */
export function namePromptDue(person: { name: string | null; skippedAt: Date | null }, now: Date): boolean {
  if (person.name !== null && person.name !== '') return false;
  return person.skippedAt === null || now.getTime() - person.skippedAt.getTime() >= namePromptQuietDays * DAY_MS;
}
