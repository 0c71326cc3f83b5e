import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { actOperations } from './openapi-acts';
import { moreActOperations } from './openapi-acts2';
import { commentOperations, meetingRecordOperations } from './openapi-acts3';
import { writtenConsentOperations } from './openapi-consents';
import { operationsOf160 } from './openapi-acts4';
import { adminOperations, invitationOperations, memberAdminOperations, settingsOperations } from './openapi-admin';
import { json, meetingNumber, number, problems, readSecurity, slug, write } from './openapi-parts';
import { bodies, logPage, meeting, meetingList, memberPage, organization, proposal, proposalChanged, proposalSummary, result } from './openapi-models';
import {
  ballotBodySchema,
  cancelMeetingBodySchema,
  choiceBallotBodySchema,
  commentBodySchema,
  createProposalBodySchema,
  logQuerySchema,
  memberListQuerySchema,
  objectionBodySchema,
  proposalListQuerySchema,
  publishBodySchema,
  scheduleMeetingBodySchema,
  withdrawBodySchema,
} from './schemas';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes parse with
 * (lib/api/schemas.ts, themselves the forms' schemas). Served at /api/v1/openapi.json and
 * listed by /api/v1/docs. Pure: no database, no request.
 */

/** Every operation: method, path and what it does (the docs page lists these). */
export const operations: { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; operation: ZodOpenApiOperationObject }[] = [
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
  ...commentOperations,
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
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/choice-ballots',
    operation: write(
      'castChoiceBallot',
      'Cast a secret ranked, approval or STV ballot in the open stage (write token), as the choice ballot form does',
      z.object({ slug, number }),
      choiceBallotBodySchema,
      [
        '201',
        z.object({ ok: z.literal(true), ballot: z.object({ recorded: z.literal(true) }) }),
        'Recorded (what it chose is not repeated); it can be changed until voting closes',
      ],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/objections',
    operation: write(
      'raiseObjection',
      "Object to a decision by consent in its window (write token, a seat holder of the deciding body), public at once; replaces the seat's standing objection",
      z.object({ slug, number }),
      objectionBodySchema,
      ['201', z.object({ ok: z.literal(true), objection: z.object({ standing: z.literal(true) }) }), 'Recorded'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/objections/withdraw',
    operation: write(
      'withdrawObjection',
      "Withdraw the caller's seat's standing objection (write token)",
      z.object({ slug, number }),
      null,
      ['200', z.object({ ok: z.literal(true), objection: z.object({ standing: z.literal(false) }) }), 'Withdrawn'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  ...actOperations,
  ...moreActOperations,
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/meetings',
    operation: {
      operationId: 'listMeetings',
      summary: 'Every meeting, latest first, with its irregular flag',
      security: readSecurity,
      requestParams: { path: z.object({ slug }) },
      responses: { '200': json(meetingList, 'The meetings'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/meetings/{number}',
    operation: {
      operationId: 'getMeeting',
      summary: 'A meeting: agenda, notice and its coverage, attendance and the quorum',
      security: readSecurity,
      requestParams: { path: z.object({ slug, number: meetingNumber }) },
      responses: { '200': json(meeting, 'The meeting'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/meetings',
    operation: write(
      'scheduleMeeting',
      'Schedule a meeting of a body (write token, a secretary or an admin), as the meeting form does: notice goes to every seat holder',
      z.object({ slug }),
      scheduleMeetingBodySchema,
      ['201', z.object({ ok: z.literal(true), meeting: z.object({ number: z.number().int() }) }), 'Scheduled'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/meetings/{number}/cancel',
    operation: write(
      'cancelMeeting',
      'Cancel a meeting before its start, with a reason (write token, a secretary or an admin)',
      z.object({ slug, number: meetingNumber }),
      cancelMeetingBodySchema,
      ['200', z.object({ ok: z.literal(true), meeting: z.object({ number: z.number().int(), cancelled: z.literal(true) }) }), 'Cancelled'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  ...meetingRecordOperations,
  ...writtenConsentOperations,
  ...operationsOf160,
  ...adminOperations,
  ...memberAdminOperations,
  ...invitationOperations,
  ...settingsOperations,
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/members',
    operation: {
      operationId: 'listMembers',
      summary: "The members, a page at a time, searched by name or e-mail (a member's token only: it has e-mail addresses)",
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug }), query: memberListQuerySchema },
      responses: { '200': json(memberPage, 'One page; next_cursor is null on the last'), ...problems(400, 401, 403, 404) },
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
      version: '1.8.0',
      description:
        'Read organizations, bodies and seats, proposals, their results, meetings, members (members only) and the decision log; create, revise, publish and withdraw proposals, comment and edit or delete your comments, vote (yes/no/abstain and ranked, approval or STV ballots), raise and withdraw objections, recuse, list nominations, nominate and answer them, follow and unfollow proposals, open voting, back emergency motions, declare your eligibility as an appointee, resign a seat and make founding appointments, list, make and revoke delegations and see who delegates to you, list and read petitions, open and sign them, revoke your signature and answer them, schedule, change and cancel meetings, record attendance and roll calls, read roll calls and minutes, draft minutes and approve or reject them, confirm or dispute your own attendance and roll-call votes, list and read written consents, open, sign and withdraw them and revoke your signature; as an admin, list, register, enable, disable and delete webhook endpoints, list their deliveries and replay a dead one, invite members, change their role or stakeholder group and remove them, list pending invitations, revoke them and send them again, save the profile, set the default language, archive and unarchive, list, register and remove the decision log’s witnesses; leave an organization, with a personal access token (create one on /account). Form fields are strings, as the forms send them. Errors are RFC 9457 problem details whose `code` is the refusal code the forms use.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token: qrt_…' } } },
    paths,
  });
}
