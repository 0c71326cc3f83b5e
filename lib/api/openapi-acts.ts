import { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { myDelegations } from './openapi-models';
import { json, number, problems, slug, write } from './openapi-parts';
import { delegateBodySchema, nominationAnswerBodySchema, nominationBodySchema, recusalBodySchema, reviseBodySchema } from './schemas';

/** The OpenAPI entries of a member's acts on a proposal and of delegations (revisions, recusals, nominations, delegations). */
export const actOperations: { method: 'get' | 'post'; path: string; operation: ZodOpenApiOperationObject }[] = [
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/revisions',
    operation: write(
      'reviseProposal',
      'Revise a draft or a proposal in discussion, or one decided by consent in its window (write token, its author), as the revise form does',
      z.object({ slug, number }),
      reviseBodySchema,
      ['201', z.object({ ok: z.literal(true), revision: z.object({ number: z.number().int(), substantive: z.boolean() }) }), 'Saved'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/recusals',
    operation: write(
      'declareRecusal',
      "Recuse the caller's seat from a proposal with a reason (write token, a seat holder of a deciding body); a ballot it cast stops counting",
      z.object({ slug, number }),
      recusalBodySchema,
      ['201', z.object({ ok: z.literal(true), recusal: z.object({ recorded: z.literal(true) }) }), 'Recorded'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/nominations',
    operation: write(
      'nominateCandidate',
      "Nominate a member (by user id, as the member list gives it) for a seat election's seats during its comment window (write token, a member)",
      z.object({ slug, number }),
      nominationBodySchema,
      ['201', z.object({ ok: z.literal(true), nomination: z.object({ nomineeUserId: z.string(), status: z.literal('nominated') }) }), 'Recorded'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/nominations/answer',
    operation: write(
      'answerNomination',
      "Accept, decline or withdraw from the caller's own nomination during the comment window (write token); a class seat asks for the declaration",
      z.object({ slug, number }),
      nominationAnswerBodySchema,
      ['200', z.object({ ok: z.literal(true), nomination: z.object({ status: z.enum(['accepted', 'declined', 'withdrawn']) }) }), 'Answered'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/delegations',
    operation: {
      operationId: 'listMyDelegations',
      summary: "The caller's own active delegations, with their ids (a member's token only)",
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug }) },
      responses: { '200': json(myDelegations, 'Every active delegation of the caller (not paged: one per scope at most)'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/delegations',
    operation: write(
      'delegateVote',
      "Name (or replace) the caller's delegate for a scope (write token, an accepted member), as the delegation form does",
      z.object({ slug }),
      delegateBodySchema,
      ['201', z.object({ ok: z.literal(true), delegation: z.object({ id: z.string(), replaced: z.boolean() }) }), 'Delegated'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/delegations/{id}/revoke',
    operation: write(
      'revokeDelegation',
      "Revoke one of the caller's own active delegations (write token)",
      z.object({ slug, id: z.string().meta({ description: "The delegation's id, as delegateVote answered it." }) }),
      null,
      ['200', z.object({ ok: z.literal(true), delegation: z.object({ id: z.string(), revoked: z.literal(true) }) }), 'Revoked'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
];
