import { formatMessage } from '@/lib/governance/messages';
import type { MessageParams, RefusalCode } from '@/lib/governance/messages';

/**
 * RFC 9457 problem details, as every /api/v1 error answers: `type` names the problem by its
 * refusal code (`urn:quorate:problem:<code>`), `code` is the code itself (the same code the forms'
 * refusals carry, lib/governance/messages.ts), `detail` the catalogue's wording, and `errors` each
 * field's messages when a body failed its schema.
 */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: RefusalCode;
  errors?: Record<string, string[]>;
};

const titles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Refused by the rules',
  415: 'Unsupported media type',
  429: 'Too many requests',
};

/** The status a refusal code answers with: who may not, too many, or a rule's "no" about the proposal's state (409). */
export function statusOfRefusal(code: RefusalCode): number {
  if (code === 'action.forbidden' || code === 'api.read_only' || code === 'api.other_organization') return 403;
  if (code === 'rate_limit.exceeded') return 429;
  if (code === 'api.unauthenticated') return 401;
  if (code === 'api.not_found') return 404;
  if (code === 'action.invalid_input') return 400;
  return 409;
}

export function problemBody(code: RefusalCode, params?: MessageParams, extra: { status?: number; errors?: Record<string, string[]> } = {}): Problem {
  const status = extra.status ?? statusOfRefusal(code);
  return {
    type: `urn:quorate:problem:${code}`,
    title: titles[status] ?? 'Error',
    status,
    detail: formatMessage(code, params),
    code,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
}

/** A problem response (`application/problem+json`, never cached); a 401 names the scheme it wants. */
export function problem(code: RefusalCode, params?: MessageParams, extra: { status?: number; errors?: Record<string, string[]> } = {}): Response {
  const body = problemBody(code, params, extra);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(body.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="quorate"' } : {}),
    },
  });
}

/** A body that failed its schema: 400 with each field's messages (`_form` for the whole body). */
export function invalidInput(errors: Record<string, string[]>): Response {
  return problem('action.invalid_input', undefined, { errors });
}
