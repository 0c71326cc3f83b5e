import 'server-only';
import type { Database } from '@/db/client';
import { insertCalendarFeed, replaceCalendarFeedToken } from '@/db/queries/calendar';
import { hashCalendarToken, newCalendarToken } from '@/lib/auth/calendar-token';
import { refuse } from '@/lib/governance/refusal';

/**
 * A person's private calendar feed: `create` gives them their first token, `rotate` replaces it
 * (the old address stops working at once). Returns the new token, which is stored only as its
 * hash: the caller shows it once. Not a governance event: nothing is logged.
 */
export async function issueCalendarFeed(db: Database, p: { userId: string; mode: 'create' | 'rotate'; at: Date }): Promise<string> {
  const token = newCalendarToken();
  const hash = hashCalendarToken(token);
  if (p.mode === 'create') {
    if (!(await insertCalendarFeed(db, p.userId, hash, p.at))) refuse('calendar.already_created');
  } else if (!(await replaceCalendarFeedToken(db, p.userId, hash, p.at))) {
    refuse('calendar.none_to_rotate');
  }
  return token;
}
