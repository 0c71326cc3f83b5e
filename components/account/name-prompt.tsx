import { loadNamePromptDue } from '@/db/read/name-prompt';
import { getSessionUser } from '@/lib/auth/session';
import { NamePromptForm } from './name-prompt-form';

/**
 * "What should others call you?" at the top of every page for a signed-in person without a name:
 * right after their first sign-in, on whatever page they were going to, and again
 * `namePromptQuietDays` after a "Skip for now". It never blocks the page.
 */
export async function NamePrompt() {
  const user = await getSessionUser();
  if (!user) return null;
  return <NamePromptForm due={user.name === null && (await loadNamePromptDue(user.id))} />;
}
