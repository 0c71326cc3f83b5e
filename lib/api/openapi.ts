import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { ballotBodySchema, commentBodySchema, proposalListQuerySchema } from './schemas';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes parse with
 * (lib/api/schemas.ts, themselves the forms' schemas). Served at /api/v1/openapi.json and
 * listed by /api/v1/docs. Pure: no database, no request.
 */

const problem = z
  .object({
    type: z.string().meta({ description: '`urn:quorate:problem:<code>`' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: 'What went wrong, in words (the refusal catalogue).' }),
    code: z.string().meta({ description: 'The refusal code, the same the forms answer with (e.g. `action.forbidden`, `ballot.stage_closed`).' }),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Each field's messages when the body or query failed its schema." }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' });

const date = z.string().meta({ format: 'date-time' });
const phase = z
  .looseObject({ kind: z.string() })
  .meta({ id: 'Phase', description: 'The phase the rules derive (lib/governance/types.ts `Phase`): `kind` and its dates.' });

const organization = z
  .object({
    slug: z.string(),
    name: z.string(),
    mission: z.string(),
    visibility: z.enum(['public', 'private']),
    memberCount: z.number().int(),
    createdAt: date,
    archivedAt: date.nullable(),
    charter: z.object({ version: z.number().int(), adoptedAt: date, documentHash: z.string() }).nullable(),
    bodies: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        charterSeats: z.number().int(),
        filledSeats: z.number().int(),
        belowStrength: z.boolean(),
        seats: z.array(z.object({ position: z.number().int(), seatClass: z.string(), holder: z.string().nullable(), vacatedAt: date.nullable() })),
      }),
    ),
  })
  .meta({ id: 'Organization' });

const proposalSummary = z
  .object({
    number: z.number().int(),
    title: z.string(),
    type: z.object({ key: z.string(), name: z.string(), consent: z.boolean() }),
    status: z.string(),
    phase,
    statusLabel: z.string(),
    author: z.string().nullable(),
    publishedAt: date.nullable(),
  })
  .meta({ id: 'ProposalSummary' });

const proposal = z
  .object({
    number: z.number().int(),
    title: z.string(),
    body: z.string(),
    revision: z.number().int().nullable(),
    type: z.object({ key: z.string(), name: z.string(), consent: z.boolean(), effect: z.string() }),
    status: z.string(),
    phase,
    statusLabel: z.string(),
    explanation: z.string(),
    blocked: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: date.nullable(),
    charterVersion: z.number().int(),
    stages: z.array(
      z.object({
        index: z.number().int(),
        body: z.object({ key: z.string(), name: z.string() }),
        opensAt: date.nullable(),
        closesAt: date.nullable(),
        closed: z.boolean(),
        tally: z
          .looseObject({})
          .nullable()
          .meta({ description: "The stage's count once it has closed; null while voting is open or before. Ballots are never listed." }),
      }),
    ),
  })
  .meta({ id: 'Proposal' });

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
];

export function openApiDocument() {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  for (const { method, path, operation } of operations) (paths[path] ??= {})[method] = operation;
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Quorate API',
      version: '1.0.0-partial',
      description:
        'Read organizations and proposals, comment and vote, with a personal access token (create one on /account). Form fields are strings, as the forms send them. Errors are RFC 9457 problem details whose `code` is the refusal code the forms use.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token: qrt_…' } } },
    paths,
  });
}
