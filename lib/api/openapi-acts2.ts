import { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { date, phase } from './openapi-models';
import { json, number, problems, readSecurity, slug, write } from './openapi-parts';
import { pageQuerySchema, signPetitionBodySchema } from './schemas';

/**
 * The OpenAPI entries added in 1.4.0: delegations to the caller, a seat election's nominations,
 * following a proposal, opening voting, petitions. Pure: no database.
 */

const petitionNumber = z.string().regex(/^\d+$/).meta({ description: "The petition's number in the organization." });

const nextCursor = z.string().nullable().meta({ description: 'The cursor of the next page; null on the last.' });

const delegationsToMe = z
  .object({
    carries: z.number().int().meta({
      description:
        "At most how many people's votes the caller's ballot counts for in a member-wide vote (the caller and every general delegator), as the delegations page says: fewer if some named someone else for that vote or the charter limits the chain.",
    }),
    delegators: z.array(
      z.object({
        name: z.string().nullable(),
        scope: z.enum(['general', 'type', 'proposal']),
        direct: z.boolean().meta({ description: 'false: in the general scope, through others.' }),
        scopeWords: z.string().meta({ description: 'The scope as the page words it ("for #12").' }),
        typeKey: z.string().nullable(),
        proposalNumber: z.number().int().nullable(),
      }),
    ),
    next_cursor: nextCursor,
  })
  .meta({ id: 'DelegationsToMe', description: 'Who delegates their vote to the caller, as the delegations page lists them (names only).' });

const nominationPage = z
  .object({
    open: z.boolean().meta({ description: 'Nominations are made and answered while the comment window runs.' }),
    closesAt: date.nullable().meta({ description: 'When nominations close, while they are open.' }),
    mine: z.enum(['nominated', 'accepted']).nullable().meta({ description: "The caller's own nomination they may still answer or withdraw from." }),
    made: z.number().int(),
    accepted: z.number().int(),
    nominations: z.array(
      z.object({
        nominee: z.string(),
        nominator: z.string(),
        self: z.boolean().meta({ description: 'The nominee stood themselves.' }),
        status: z.enum(['nominated', 'accepted', 'declined', 'withdrawn']),
      }),
    ),
    next_cursor: nextCursor,
  })
  .meta({ id: 'NominationPage', description: "A seat election's nominations as its proposal page lists them: names and answers, in the order made." });

const petitionPhase = phase.meta({
  id: 'PetitionPhase',
  description: '`open` (closesAt), `closed` (at), `awaiting_answer` or `overdue` (dueAt), `answered` (at, late), as the petitions page groups them.',
});

const petitionSummary = z
  .object({
    number: z.number().int(),
    title: z.string(),
    constituency: z.string().meta({ description: 'Who may sign, in words: "all members", "the employees group".' }),
    bodyName: z.string().meta({ description: 'The body that must answer.' }),
    signatureCount: z.number().int(),
    requiredSignatures: z.number().int(),
    openedAt: date,
    phase: petitionPhase,
  })
  .meta({ id: 'PetitionSummary' });

const petitionPage = z
  .object({ petitions: z.array(petitionSummary), next_cursor: nextCursor })
  .meta({ id: 'PetitionPage', description: 'Petitions, newest first, as the petitions page lists them.' });

const petition = z
  .object({
    petition: petitionSummary,
    body: z.string(),
    signerNamesPublic: z.boolean(),
    signers: z.array(z.string()).meta({ description: "Signers' names, newest first (at most 200), only when the charter makes them public; otherwise empty." }),
    eligibleAtOpen: z.number().int(),
    thresholdReachedAt: date.nullable(),
    answer: z.object({ text: z.string(), at: date, by: z.string().nullable() }).nullable(),
    openedBy: z.string().nullable(),
    viewer: z
      .object({
        signed: z.boolean(),
        maySign: z.boolean(),
        mayRevoke: z.boolean(),
        mayAnswer: z.boolean(),
        notEligibleReason: z.string().nullable(),
      })
      .meta({ description: 'What the caller may do, as the page offers it (the operations check again); all false for an anonymous read.' }),
  })
  .meta({ id: 'Petition', description: 'One petition as its page shows it to the caller.' });

/** The new operations, in the order the docs page lists them after the others. */
export const moreActOperations: { method: 'get' | 'post' | 'put' | 'delete'; path: string; operation: ZodOpenApiOperationObject }[] = [
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/delegations/to-me',
    operation: {
      operationId: 'listDelegationsToMe',
      summary: "Who delegates their vote to the caller, directly or through others, as the delegations page lists them (a member's token only)",
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug }), query: pageQuerySchema },
      responses: { '200': json(delegationsToMe, 'One page; next_cursor is null on the last'), ...problems(400, 401, 403, 404) },
    },
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/proposals/{number}/nominations',
    operation: {
      operationId: 'listNominations',
      summary: "A seat election's nominations, as its proposal page lists them (names and answers, never a user id)",
      security: readSecurity,
      requestParams: { path: z.object({ slug, number }), query: pageQuerySchema },
      responses: { '200': json(nominationPage, 'One page; next_cursor is null on the last'), ...problems(400, 401, 403, 404) },
    },
  },
  ...(['put', 'delete'] as const).map((method) => ({
    method,
    path: '/api/v1/orgs/{slug}/proposals/{number}/follow',
    operation: {
      operationId: method === 'put' ? 'followProposal' : 'unfollowProposal',
      summary:
        method === 'put'
          ? 'Follow a published proposal: e-mail for its new comments and replies, revisions, voting opening and the decision (write token, an accepted member), as the Follow button does'
          : 'Stop following a proposal (write token, an accepted member), as the Unfollow button does',
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug, number }) },
      responses: {
        '200': json(z.object({ ok: z.literal(true), proposal: z.object({ number: z.number().int(), following: z.boolean() }) }), 'Done'),
        ...problems(400, 401, 403, 404, 409, 415),
      },
    },
  })),
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/open-voting',
    operation: write(
      'openVoting',
      'Open voting on a proposal the rules find ready (write token, a secretary or an admin), as the proposal page’s Open voting button does',
      z.object({ slug, number }),
      null,
      ['200', z.object({ ok: z.literal(true), proposal: z.object({ number: z.number().int(), votingOpened: z.literal(true) }) }), 'Voting is open'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/petitions',
    operation: {
      operationId: 'listPetitions',
      summary: 'Petitions, newest first, a page at a time, as the petitions page lists them',
      security: readSecurity,
      requestParams: { path: z.object({ slug }), query: pageQuerySchema },
      responses: { '200': json(petitionPage, 'One page; next_cursor is null on the last'), ...problems(400, 401, 403, 404) },
    },
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/petitions/{number}',
    operation: {
      operationId: 'getPetition',
      summary: "A petition as its page shows it: its text, count, phase, answer, signers' names when public, and what the caller may do",
      security: readSecurity,
      requestParams: { path: z.object({ slug, number: petitionNumber }) },
      responses: { '200': json(petition, 'The petition'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/petitions/{number}/signatures',
    operation: write(
      'signPetition',
      'Sign a petition open for signatures (write token, a member of its constituency), as the sign form does: `confirm` must be "yes"',
      z.object({ slug, number: petitionNumber }),
      signPetitionBodySchema,
      [
        '201',
        z.object({ ok: z.literal(true), petition: z.object({ number: z.number().int(), signatureCount: z.number().int(), thresholdReached: z.boolean() }) }),
        'Signed',
      ],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
];
