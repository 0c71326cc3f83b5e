import 'server-only';
import { getDb } from '@/db/client';
import { getNamePromptState } from '@/db/queries/users';
import { now } from '@/lib/clock';
import { namePromptDue } from '@/lib/governance/name-prompt';

/** Whether to ask this person for the name others see, now (lib/governance/name-prompt.ts). */
export async function loadNamePromptDue(userId: string): Promise<boolean> {
  const state = await getNamePromptState(getDb(), userId);
  return state !== null && namePromptDue(state, now());
}
