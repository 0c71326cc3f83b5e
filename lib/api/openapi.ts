import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { bodies, logPage, organization, problem, proposal, proposalChanged, proposalSummary, result } from './openapi-models';
import {
  ballotBodySchema,
  commentBodySchema,
  createProposalBodySchema,
  logQuerySchema,
  proposalListQuerySchema,
  publishBodySchema,
  withdrawBodySchema,
} from './schemas';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes parse with
 * (lib/api/schemas.ts, themselves the forms' schemas). Served at /api/v1/openapi.json and
 * listed by /api/v1/docs. Pure: no database, no request.
 */

const slug = z.string().meta({ description: "The organization's slug, as in /o/{slug}." });
const number = z.string().regex(/^\d+$/).meta({ description: "The proposal's number in the organization." });

const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'A problem', content: { 'application/problem+json': { schema: problem } } }]));

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

const readSecurity: Record<string, string[]>[] = [{}, { bearer: [] }];

/** Every operation: method, path and what it does (the docs page lists these). */
export const operations: { method: 'get' | 'post'; path: string; operation: ZodOpenApiOperationObject }[] = [
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}',
    operation: {
      operationId: 'getOrganization',
      summary: 'An organization, its charter version and its bodies with seats and holders',
      security: readSecurity,
      requestParams: { path: z.object({ slug }) },
      responses: { '200': json(organization, 'The organization'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/proposals',
    operation: {
      operationId: 'listProposals',
      summary: 'Proposals, newest first, a page at a time',
      security: readSecurity,
      requestParams: { path: z.object({ slug }), query: proposalListQuerySchema },
      responses: {
        '200': json(z.object({ proposals: z.array(proposalSummary), next_cursor: z.string().nullable() }), 'One page; next_cursor is null on the last'),
        ...problems(400, 401, 403, 404),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/proposals/{number}',
    operation: {
      operationId: 'getProposal',
      summary: 'A proposal: its phase, stages, and each stage’s count once closed',
      security: readSecurity,
      requestParams: { path: z.object({ slug, number }) },
      responses: { '200': json(proposal, 'The proposal'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/comments',
    operation: {
      operationId: 'postComment',
      summary: 'Comment on a proposal (write token), as the comment form does',
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug, number }) },
      requestBody: { required: true, content: { 'application/json': { schema: commentBodySchema } } },
      responses: {
        '201': json(z.object({ ok: z.literal(true), comment: z.object({ id: z.string() }) }), 'Posted'),
        ...problems(400, 401, 403, 404, 409, 415, 429),
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/ballots',
    operation: {
      operationId: 'castBallot',
      summary: 'Vote yes, no or abstain in the open stage (write token), as the ballot form does',
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug, number }) },
      requestBody: { required: true, content: { 'application/json': { schema: ballotBodySchema } } },
      responses: {
        '201': json(
          z.object({ ok: z.literal(true), ballot: z.object({ choice: z.enum(['yes', 'no', 'abstain']) }) }),
          'Recorded; it can be changed until voting closes',
        ),
        ...problems(400, 401, 403, 404, 409, 415, 429),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/bodies',
    operation: {
      operationId: 'listBodies',
      summary: 'The bodies: every seat, who holds it, and each vacancy with its deadline',
      security: readSecurity,
      requestParams: { path: z.object({ slug }) },
      responses: { '200': json(bodies, 'The bodies of the active charter'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/log',
    operation: {
      operationId: 'listLogEntries',
      summary: 'The decision log, newest first, a page at a time (the entries the public log serves)',
      security: readSecurity,
      requestParams: { path: z.object({ slug }), query: logQuerySchema },
      responses: { '200': json(logPage, 'One page; next_cursor is null on the last'), ...problems(400, 401, 403, 404) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals',
    operation: {
      operationId: 'createProposal',
      summary: 'Create a draft proposal (write token), as the new-proposal form does; publish it next',
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug }) },
      requestBody: { required: true, content: { 'application/json': { schema: createProposalBodySchema } } },
      responses: { '201': json(proposalChanged, 'The draft, visible to its author only'), ...problems(400, 401, 403, 404, 409, 415) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/publish',
    operation: {
      operationId: 'publishProposal',
      summary: 'Publish a draft (write token, its author): the comment window opens and seat holders get notice',
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug, number }) },
      requestBody: { required: false, content: { 'application/json': { schema: publishBodySchema } } },
      responses: { '200': json(proposalChanged, 'Published'), ...problems(400, 401, 403, 404, 409, 415) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/withdraw',
    operation: {
      operationId: 'withdrawProposal',
      summary: 'Withdraw a proposal (its author, before voting opens) with a reason (write token), as the withdraw form does',
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug, number }) },
      requestBody: { required: true, content: { 'application/json': { schema: withdrawBodySchema } } },
      responses: { '200': json(proposalChanged, 'Withdrawn'), ...problems(400, 401, 403, 404, 409, 415) },
    },
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/proposals/{number}/result',
    operation: {
      operationId: 'getProposalResult',
      summary: 'Whether a proposal is decided, how, and each closed stage’s count',
      security: readSecurity,
      requestParams: { path: z.object({ slug, number }) },
      responses: { '200': json(result, 'The result so far'), ...problems(401, 403, 404) },
    },
  },
];

export function openApiDocument() {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  for (const { method, path, operation } of operations) (paths[path] ??= {})[method] = operation;
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Quorate API',
      version: '1.1.0-partial',
      description:
        'Read organizations, bodies and seats, proposals, their results and the decision log; create, publish and withdraw proposals, comment and vote, with a personal access token (create one on /account). Form fields are strings, as the forms send them. Errors are RFC 9457 problem details whose `code` is the refusal code the forms use.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token: qrt_…' } } },
    paths,
  });
}
