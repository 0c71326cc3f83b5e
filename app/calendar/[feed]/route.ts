import { loadPersonalCalendar } from '@/db/read/calendar';
import { appOrigin } from '@/lib/auth/origin';
import { calendarTokenFromSegment, hashCalendarToken } from '@/lib/auth/calendar-token';
import { now } from '@/lib/clock';
import { buildICalendar, icalendarHeaders } from '@/lib/transparency/icalendar';
import { plainNotFound } from '@/lib/transparency/public-org';

export const dynamic = 'force-dynamic';

/**
 * A person's private calendar, `/calendar/<token>.ics`: the token is the only credential (calendar
 * apps cannot sign in). A malformed, unknown or replaced token gets the same plain 404 as an
 * unknown organization's feed, so an address says nothing about whether it ever worked.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ feed: string }> }): Promise<Response> {
  const { feed } = await params;
  const token = calendarTokenFromSegment(feed);
  if (!token) return plainNotFound();
  const at = now();
  const origin = await appOrigin();
  const calendar = await loadPersonalCalendar(hashCalendarToken(token), at, origin);
  if (!calendar) return plainNotFound();
  const text = buildICalendar({
    name: 'Quorate — my organizations',
    description: 'When the comment windows and votes close in the organizations you belong to. Private: keep this address to yourself.',
    uidHost: new URL(origin).hostname,
    url: `${origin}/account`,
    stamp: at,
    items: calendar.items,
  });
  // The address is a secret: no shared cache keeps the answer, no page it links to learns it.
  return new Response(text, { headers: { ...icalendarHeaders('private, no-store'), 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' } });
}
