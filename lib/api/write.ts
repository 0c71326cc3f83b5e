import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { findMeetingId, findPetitionId, findSeatId, findWrittenConsentId } from '@/db/queries/api';
import { getMembership } from '@/db/queries/memberships';
import { fieldErrorsOf } from '@/lib/actions/action';
import { actingWith } from '@/lib/actions/authorize';
import { performAsMember } from '@/lib/actions/operations';
import type { OrgOperation } from '@/lib/actions/operations';
import { now } from '@/lib/clock';
import { RuleRefusal } from '@/lib/governance/refusal';
import { translatorFor } from '@/lib/i18n/catalogue';
import { zodErrorsIn } from '@/lib/i18n/field-errors';
import { settled, writableOrganization } from './auth';
import type { ApiWriteContext } from './auth';
import { apiLocale, invalidInput, problem } from './problem';

/** At most this much JSON per write: a comment's 10,000 characters and more fit many times over. */
const maxBodyBytes = 64 * 1024;

/** The body as text, or null once it passes `maxBodyBytes` (read no further: a huge body is not buffered whole). */
async function boundedText(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body's own faults, in the request's language (`apiProblems.body`). */
function bodyFault(request: Request, fault: 'tooLarge' | 'notJson' | 'invalidJson' | 'notObject'): Record<string, string[]> {
  return { _form: [translatorFor(apiLocale(request))(`apiProblems.body.${fault}`)] };
}

async function jsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  const type = request.headers.get('content-type');
  const text = await boundedText(request);
  if (text === null) return invalidInput(request, bodyFault(request, 'tooLarge'));
  // An action without fields (publish) may be posted with no body at all.
  if (type === null && text === '') return {};
  if (!/^application\/json\b/i.test(type ?? ''))
    return problem(request, 'action.invalid_input', undefined, { status: 415, errors: bodyFault(request, 'notJson') });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return invalidInput(request, bodyFault(request, 'invalidJson'));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalidInput(request, bodyFault(request, 'notObject'));
  return body as Record<string, unknown>;
}

type Answer<S extends z.ZodType<{ orgId: string }>, R> = (input: z.output<S>, result: R) => Record<string, unknown>;

/**
 * What the path names below the organization: a proposal or a meeting by its number (a string
 * from the path), another of its rows by its id (checked by the operation's schema, found or
 * refused by its use case, as the form's hidden field is), or nothing.
 */
type Target =
  | { kind: 'proposal' | 'meeting' | 'petition' | 'written_consent'; number: string; fields?: Record<string, string> }
  | { kind: 'id'; field: string; id: string; fields?: Record<string, string> }
  | { kind: 'seat'; bodyKey: string; position: string }
  | { kind: 'member'; userId: string; fields?: Record<string, string> }
  | null;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const wellFormedNumber = (n: string) => (/^\d{1,10}$/.test(n) ? Number(n) : null);

/**
 * A write through the API, in the order the server action checks it (lib/actions/action.ts):
 * the caller by their token (401), in this organization (403 `api.other_organization`), allowed
 * to write (403 `api.read_only`); for a proposal's write, the proposal (404, drafts only for their
 * author, as the pages show them), for a meeting's, a petition's or a written consent's, it by its number (404); for a member's, a caller
 * who may act at all, then the member by their user id (404 `membership.not_member`); the body parsed by the
 * form's own schema with the path's organization (and proposal or meeting) (400 with each field's
 * errors); the member's role (lib/actions/authorize.ts `actingWith`, the decision
 * `authorizeMember` makes for the form: 403 `action.forbidden` as the form answers); then the
 * operation — its rate limit and its use case (lib/actions/operations.ts). A rule's refusal is a
 * problem with the rule's code.
 */
async function apiWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  slug: string,
  target: Target,
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status: number,
): Promise<Response> {
  const number = target && target.kind !== 'id' && target.kind !== 'member' ? wellFormedNumber(target.kind === 'seat' ? target.position : target.number) : null;
  const ctx = await writableOrganization(request, slug, target?.kind === 'proposal' ? number : null, now());
  if (ctx instanceof Response) return ctx;
  return settled(ctx.touched, await checkedWrite(request, ctx, target, number, op, answer, status));
}

async function checkedWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  { org, caller, membership, proposal }: ApiWriteContext,
  target: Target,
  number: number | null,
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status: number,
): Promise<Response> {
  if (caller.scope !== 'write') return problem(request, 'api.read_only');
  const path: Record<string, string> = { orgId: org.id };
  if (target?.kind === 'proposal') {
    if (!proposal || (proposal.status === 'draft' && proposal.authorId !== caller.userId)) return problem(request, 'api.not_found', { what: 'proposal' });
    path.proposalId = proposal.id;
  } else if (target?.kind === 'meeting') {
    const meetingId = number === null ? null : await findMeetingId(getDb(), org.id, number);
    if (!meetingId) return problem(request, 'api.not_found', { what: 'meeting' });
    path.meetingId = meetingId;
  } else if (target?.kind === 'petition') {
    const petitionId = number === null ? null : await findPetitionId(getDb(), org.id, number);
    if (!petitionId) return problem(request, 'api.not_found', { what: 'petition' });
    path.petitionId = petitionId;
  } else if (target?.kind === 'written_consent') {
    const consentId = number === null ? null : await findWrittenConsentId(getDb(), org.id, number);
    if (!consentId) return problem(request, 'api.not_found', { what: 'written consent' });
    path.consentId = consentId;
  } else if (target?.kind === 'seat') {
    const seatId = number === null ? null : await findSeatId(getDb(), org.id, target.bodyKey, number);
    if (!seatId) return problem(request, 'api.not_found', { what: 'seat' });
    path.seatId = seatId;
  } else if (target?.kind === 'member') {
    // A member by their user id (as the member list gives it): their accepted membership here, else 404 with the form's code.
    // Who is a member is not told to a caller who could not act here at all (a non-member of a public organization).
    if (!actingWith(membership, op.minimumRole)) return problem(request, 'action.forbidden');
    const member = uuidPattern.test(target.userId) ? await getMembership(getDb(), org.id, target.userId) : null;
    if (!member) return problem(request, 'membership.not_member', undefined, { status: 404 });
    path.membershipId = member.membershipId;
    Object.assign(path, target.fields);
  } else if (target?.kind === 'id') {
    path[target.field] = target.id;
    Object.assign(path, target.fields);
  }
  // A field the method or the path says (follow: PUT or DELETE; a comment's or a roll call's id), as the form's hidden field.
  if (target && target.kind !== 'id' && target.kind !== 'seat' && target.kind !== 'member') Object.assign(path, target.fields);
  const body = await jsonObject(request);
  if (body instanceof Response) return body;
  // The path names the organization (and the proposal or meeting): the same fields in the body are overridden.
  // zod's own words (a check without a schema message) in the request's language, as the forms word them.
  const error = zodErrorsIn(apiLocale(request));
  const parsed = error ? op.schema.safeParse({ ...body, ...path }, { error }) : op.schema.safeParse({ ...body, ...path });
  if (!parsed.success) return invalidInput(request, fieldErrorsOf(parsed.error));
  const acting = actingWith(membership, op.minimumRole);
  if (!acting) return problem(request, 'action.forbidden');
  let result: R;
  try {
    result = await performAsMember(op, acting, parsed.data);
  } catch (error) {
    if (!(error instanceof RuleRefusal)) throw error;
    return problem(request, error.code, error.params, error.field ? { errors: { [error.field]: [error.message] } } : {});
  }
  return Response.json(answer(parsed.data, result), { status, headers: { 'Cache-Control': 'no-store' } });
}

/** A write to one proposal (`/orgs/{slug}/proposals/{number}/…`): 201 unless `status` says otherwise. */
export function proposalWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; number: string },
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 201,
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'proposal', number: params.number }, op, answer, status);
}

/**
 * A write to one proposal whose method says one of the form's hidden fields (`fields`, e.g. PUT
 * `follow: "true"`, DELETE `follow: "false"`): those override the same fields in the body. 200 unless `status` says otherwise.
 */
export function proposalWriteWith<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; number: string },
  fields: Record<string, string>,
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 200,
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'proposal', number: params.number, fields }, op, answer, status);
}

/** A write to one meeting (`/orgs/{slug}/meetings/{number}/…`): 200 unless `status` says otherwise. */
export function meetingWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; number: string },
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 200,
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'meeting', number: params.number }, op, answer, status);
}

/** A write to one meeting with fields the path says (a roll call's id), as the form's hidden fields: 200 unless `status` says otherwise. */
export function meetingWriteWith<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; number: string },
  fields: Record<string, string>,
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 200,
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'meeting', number: params.number, fields }, op, answer, status);
}

/** A write to the organization (`/orgs/{slug}/…`), such as a new draft or a meeting: 201 unless `status` says otherwise (leaving: 200). */
export function organizationWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string },
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 201,
): Promise<Response> {
  return apiWrite(request, params.slug, null, op, answer, status);
}

/** A write to one petition (`/orgs/{slug}/petitions/{number}/…`): 201 unless `status` says otherwise. */
export function petitionWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; number: string },
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 201,
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'petition', number: params.number }, op, answer, status);
}

/**
 * A write to one of the organization's rows named by its id in the path (`/orgs/{slug}/delegations/{id}/…`):
 * the id is the schema's `field`, as the form's hidden field; 200 unless `status` says otherwise.
 */
export function rowWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; id: string },
  field: string,
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 200,
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'id', field, id: params.id }, op, answer, status);
}

/**
 * A write to one of the organization's rows named by its id in the path whose method says one of the form's other
 * fields (`fields`: PUT or DELETE a webhook endpoint's `enabled`, DELETE's `confirmDelete: "yes"`), as the form's hidden fields.
 */
export function rowWriteWith<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; id: string },
  field: string,
  fields: Record<string, string>,
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 200,
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'id', field, id: params.id, fields }, op, answer, status);
}

/** A write to one written consent (`/orgs/{slug}/written-consents/{number}/…`): 200 unless `status` says otherwise. */
export function writtenConsentWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; number: string },
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 200,
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'written_consent', number: params.number }, op, answer, status);
}

/** A write to one seat, by its body's key and its position in the body (`/orgs/{slug}/bodies/{key}/seats/{position}/…`): 200 unless `status` says otherwise. */
export function seatWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; key: string; position: string },
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  status = 200,
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'seat', bodyKey: params.key, position: params.position }, op, answer, status);
}

/**
 * A write to one member, by their user id in the path (`/orgs/{slug}/members/{userId}/…`), as the form's hidden
 * membership id: 404 `membership.not_member` when they are not an accepted member; `fields` the method says (none by default). 200.
 */
export function memberWrite<S extends z.ZodType<{ orgId: string }>, R>(
  request: Request,
  params: { slug: string; userId: string },
  op: OrgOperation<S, R>,
  answer: Answer<S, R>,
  fields: Record<string, string> = {},
): Promise<Response> {
  return apiWrite(request, params.slug, { kind: 'member', userId: params.userId, fields }, op, answer, 200);
}
