import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { translatorFor } from '@/lib/i18n/catalogue';
import { negotiateLocale } from '@/lib/i18n/locales';
import { applyUnsubscribe } from '@/lib/notify/preferences';
import { verifyUnsubscribeToken } from '@/lib/notify/unsubscribe-token';

/**
 * RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` here, without
 * cookies or sign-in — the signed token is the authority, and it can only turn notices off.
 * GET never changes anything (link scanners pre-open links); it sends people to the page.
 * The confirmation page's own form posts here too, with `from=page`, and is redirected back.
 * Its plain-text answers are in the language the request's `Accept-Language` asks for, else English (no cookie).
 */
export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get('t');
  const locale = negotiateLocale(request.headers.get('accept-language')) ?? 'en';
  const t = translatorFor(locale);
  const headers = { 'content-type': 'text/plain; charset=utf-8', 'content-language': locale, vary: 'Accept-Language' };
  const claim = verifyUnsubscribeToken(env().authSecret, token);
  if (!claim) return new Response(t('unsubscribe.routeInvalid'), { status: 400, headers });
  try {
    await applyUnsubscribe(getDb(), claim, now());
  } catch (error) {
    // The organization or person was deleted since: there is nothing left to send.
    console.error('[unsubscribe] failed:', error instanceof Error ? error.message : error);
  }
  const form = await request.formData().catch(() => null);
  if (form?.get('from') === 'page') {
    return new Response(null, { status: 303, headers: { location: `/unsubscribe?t=${encodeURIComponent(token!)}&done=1` } });
  }
  return new Response(t('unsubscribe.routeDone'), { status: 200, headers });
}

export function GET(request: Request): Response {
  const token = new URL(request.url).searchParams.get('t') ?? '';
  return new Response(null, { status: 303, headers: { location: `/unsubscribe?t=${encodeURIComponent(token)}` } });
}
