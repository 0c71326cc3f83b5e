import { loadOrganizationCalendar } from '@/db/read/calendar';
import { appOrigin } from '@/lib/auth/origin';
import { now } from '@/lib/clock';
import { buildICalendar, icalendarHeaders } from '@/lib/transparency/icalendar';
import { loadReadableOrg, plainNotFound, publicExportCacheControl, readerCacheHeaders } from '@/lib/transparency/public-org';

export const dynamic = 'force-dynamic';

/**
 * An organization's calendar (iCalendar): when the comment windows and votes of its published
 * proposals close — what its public pages show, never a draft. `?body=<key>` keeps what one body
 * decides. A private organization's is served only to its members' sessions (which calendar apps
 * do not have: members subscribe to their personal feed instead); otherwise the plain 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const org = await loadReadableOrg(slug);
  if (!org) return plainNotFound();
  const bodyParam = new URL(request.url).searchParams.get('body');
  const bodyKey = bodyParam === null || bodyParam === '' ? null : bodyParam;
  if (bodyKey !== null && (bodyKey.length > 64 || !/^[A-Za-z0-9_-]+$/.test(bodyKey))) return plainNotFound();
  const at = now();
  const origin = await appOrigin();
  const calendar = await loadOrganizationCalendar(org, bodyKey, at, origin);
  if (!calendar) return plainNotFound();
  const host = new URL(origin).hostname;
  const text = buildICalendar({
    name: calendar.body ? `${org.name} — ${calendar.body.name}` : org.name,
    description: calendar.body
      ? `When the ${calendar.body.name}'s votes and the comment windows of its proposals close.`
      : `When the comment windows and votes of ${org.name}'s proposals close.`,
    uidHost: host,
    url: `${origin}/o/${org.slug}`,
    stamp: at,
    items: calendar.items,
  });
  return new Response(text, { headers: { ...icalendarHeaders(publicExportCacheControl), ...readerCacheHeaders(org, {}) } });
}
