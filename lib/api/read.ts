import 'server-only';
import type { z } from 'zod';
import { fieldErrorsOf } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { hasRole } from '@/lib/governance/roles';
import { zodErrorsIn } from '@/lib/i18n/field-errors';
import { readableOrganization } from './auth';
import type { ApiCaller, ApiReadContext } from './auth';
import { apiLocale, invalidInput, problem } from './problem';

/**
 * A read's JSON. Anonymous reads of a public organization may be cached briefly by anyone, as
 * the public pages' exports are; a token's answer is its owner's alone (never stored by a shared cache).
 */
export function readResponse(body: unknown, caller: ApiCaller, org: { isPublic: boolean }): Response {
  const shared = caller.kind === 'anonymous' && org.isPublic;
  return Response.json(body, {
    headers: {
      'Cache-Control': shared ? 'public, max-age=5, stale-while-revalidate=30' : 'private, no-store',
      Vary: 'Authorization',
      ...(shared ? { 'Access-Control-Allow-Origin': '*' } : {}),
    },
  });
}

/** The query string parsed by `schema`, or a 400 problem naming each bad parameter (in the request's language, as `problem`). */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.output<T> | Response {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const error = zodErrorsIn(apiLocale(request));
  const parsed = error ? schema.safeParse(query, { error }) : schema.safeParse(query);
  return parsed.success ? parsed.data : invalidInput(request, fieldErrorsOf(parsed.error));
}

/**
 * One page of a list read whole (as its page reads it): the items from `cursor` (an offset, the
 * previous page's `next_cursor`; the first page without one), at most `limit`, and the cursor of
 * the next page (null on the last).
 */
export function pageOf<T>(items: readonly T[], cursor: number | null, limit: number): { items: T[]; next_cursor: string | null } {
  const from = cursor ?? 0;
  const to = from + limit;
  return { items: items.slice(from, to), next_cursor: to < items.length ? String(to) : null };
}

/**
 * GET of one thing of the organization by its number in the path (a petition, a written consent, a
 * meeting's roll calls or minutes): the organization as the caller may read it, the number well formed
 * (1 to 999,999,999, else not looked up), `load` with the organization, the number, the caller's user id
 * and the time; nothing found is a 404 naming `what`.
 */
export async function readOneByNumber<T>(
  request: Request,
  params: Promise<{ slug: string; number: string }>,
  what: string,
  load: (orgId: string, number: number, viewerId: ApiReadContext['viewerId'], at: Date) => Promise<T | null>,
): Promise<Response> {
  const { slug, number } = await params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const found = /^[1-9]\d{0,8}$/.test(number) ? await load(ctx.org.id, Number(number), ctx.viewerId, at) : null;
  if (!found) return problem(request, 'api.not_found', { what });
  return readResponse(found, ctx.caller, ctx.org);
}

/**
 * A read of the organization's configuration for its admins (its webhooks, pending invitations and witnesses): a token (401 without), of an admin of
 * the organization (403 `action.forbidden`, the answer the settings forms give anyone else); a read-only token will do.
 */
export async function adminReadable(request: Request, slug: string): Promise<ApiReadContext | Response> {
  const ctx = await readableOrganization(request, slug, now());
  if (ctx instanceof Response) return ctx;
  if (ctx.caller.kind === 'anonymous') return problem(request, 'api.unauthenticated');
  if (!hasRole(ctx.membership?.role, 'admin')) return problem(request, 'action.forbidden');
  return ctx;
}
