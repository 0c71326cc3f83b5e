import { formatMessage } from '@/lib/governance/messages';
import type { MessageParams, RefusalCode } from '@/lib/governance/messages';
import { catalogues } from '@/lib/i18n/catalogue';
import { negotiateLocale } from '@/lib/i18n/locales';
import type { Locale } from '@/lib/i18n/locales';
import { fieldErrorsIn, refusalIn } from '@/lib/i18n/refusals';

/**
 * RFC 9457 problem details, as every /api/v1 error answers: `type` names the problem by its
 * refusal code (`urn:quorate:problem:<code>`), `code` is the code itself (the same code the forms'
 * refusals carry, lib/governance/messages.ts), `detail` the catalogue's wording, and `errors` each
 * field's messages when a body failed its schema. The human words (`title`, `detail`, `errors`) are in
 * the request's language (`apiLocale`); the machine fields are not.
 */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: RefusalCode;
  errors?: Record<string, string[]>;
};

/** The status a refusal code answers with: who may not, too many, nothing by that id (404), or a rule's "no" about the proposal's state (409). */
export function statusOfRefusal(code: RefusalCode): number {
  if (code === 'action.forbidden' || code === 'api.read_only' || code === 'api.other_organization') return 403;
  if (code === 'rate_limit.exceeded') return 429;
  if (code === 'api.unauthenticated') return 401;
  if (
    code === 'api.not_found' ||
    code === 'webhook.not_found' ||
    code === 'webhook.delivery_not_found' ||
    code === 'invitation.not_found_for_admin' ||
    code === 'witness.not_registered'
  )
    return 404;
  if (code === 'action.invalid_input') return 400;
  return 409;
}

type Extra = { status?: number; errors?: Record<string, string[]> };

/** The language of an API request: the best of its `Accept-Language` among those Quorate speaks, else English (no cookie, no account setting). */
export function apiLocale(request: Request): Locale {
  return negotiateLocale(request.headers.get('accept-language')) ?? 'en';
}

/** The thing `api.not_found` names (its English, e.g. `written consent`) in `locale`, when the catalogue has it (`apiProblems.what`). */
function thingIn(locale: Locale, what: string): string {
  const key = what.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
  const things = catalogues[locale].apiProblems.what as Record<string, string>;
  return things[key] ?? what;
}

/**
 * The problem in `locale`: `title` (by status, `apiProblems.titles`), `detail` (the refusal's catalogue
 * message, lib/i18n/refusals.ts, else its English: the pass-through codes) and `errors` (as the forms
 * translate field errors) in that language; `type`, `code` and `status` are the same in every language.
 */
export function problemBody(locale: Locale, code: RefusalCode, params?: MessageParams, extra: Extra = {}): Problem {
  const status = extra.status ?? statusOfRefusal(code);
  const titles = catalogues[locale].apiProblems.titles as Record<string, string>;
  const english = formatMessage(code, params);
  const localParams = typeof params?.what === 'string' && code === 'api.not_found' ? { ...params, what: thingIn(locale, params.what) } : params;
  return {
    type: `urn:quorate:problem:${code}`,
    title: titles[String(status)] ?? titles.other!,
    status,
    detail: locale === 'en' ? english : (refusalIn(locale, code, localParams) ?? english),
    code,
    ...(extra.errors ? { errors: fieldErrorsIn(locale, extra.errors) } : {}),
  };
}

/**
 * A problem response (`application/problem+json`, never cached) in the request's language (`apiLocale`),
 * named by `Content-Language`; a 401 names the scheme it wants.
 */
export function problem(request: Request, code: RefusalCode, params?: MessageParams, extra: Extra = {}): Response {
  const locale = apiLocale(request);
  const body = problemBody(locale, code, params, extra);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Content-Language': locale,
      'Cache-Control': 'no-store',
      Vary: 'Accept-Language',
      ...(body.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="quorate"' } : {}),
    },
  });
}

/** A body that failed its schema: 400 with each field's messages (`_form` for the whole body). */
export function invalidInput(request: Request, errors: Record<string, string[]>): Response {
  return problem(request, 'action.invalid_input', undefined, { errors });
}
