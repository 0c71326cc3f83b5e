import { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { date, phase } from './openapi-models';
import { json, problems, readSecurity, slug, write } from './openapi-parts';
import { confirmWrittenConsentBodySchema, openWrittenConsentBodySchema, pageQuerySchema } from './schemas';

/** The OpenAPI entries of written consents, added in 1.5.0: list, read one, open, sign, revoke a signature, withdraw. Pure: no database. */

const consentNumber = z.string().regex(/^\d+$/).meta({ description: "The written consent's number in the organization." });

const consentPhase = phase.meta({
  id: 'WrittenConsentPhase',
  description: '`open` (expiresAt), `adopted`, `withdrawn`, `lapsed` (a signer left the body) or `expired` (at), as the written consents page shows them.',
});

const consentSummary = z
  .object({
    number: z.number().int(),
    title: z.string(),
    bodyName: z.string(),
    openedAt: date,
    signatures: z.number().int(),
    signers: z.number().int().meta({ description: "The signers frozen when it opened: the body's seat holders then; every one must sign." }),
    charterSeats: z.number().int(),
    phase: consentPhase,
  })
  .meta({ id: 'WrittenConsentSummary' });

const consentPage = z
  .object({ writtenConsents: z.array(consentSummary), next_cursor: z.string().nullable() })
  .meta({ id: 'WrittenConsentPage', description: 'Written consents, newest first, as their page lists them (at most the 200 newest).' });

const consent = z
  .object({
    consent: consentSummary,
    text: z.string(),
    expiresAt: date,
    expiresAfterDays: z.number().int(),
    signers: z.array(z.object({ name: z.string(), seatPosition: z.number().int(), signedAt: date.nullable(), departed: z.boolean() })),
    openedBy: z.string().nullable(),
    viewer: z
      .object({ isSigner: z.boolean(), signed: z.boolean(), maySign: z.boolean(), mayRevoke: z.boolean(), mayWithdraw: z.boolean() })
      .meta({ description: 'What the caller may do, as the page offers it (the operations check again); all false for an anonymous read.' }),
  })
  .meta({ id: 'WrittenConsent', description: 'One written consent as its page shows it to the caller.' });

const counted = z.object({ number: z.number().int(), signatures: z.number().int(), of: z.number().int() });

export const writtenConsentOperations: { method: 'get' | 'post'; path: string; operation: ZodOpenApiOperationObject }[] = [
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/written-consents',
    operation: {
      operationId: 'listWrittenConsents',
      summary: 'Written consents, newest first, a page at a time, as their page lists them',
      security: readSecurity,
      requestParams: { path: z.object({ slug }), query: pageQuerySchema },
      responses: { '200': json(consentPage, 'One page; next_cursor is null on the last'), ...problems(400, 401, 403, 404) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/written-consents',
    operation: write(
      'openWrittenConsent',
      'Open a written consent of a body (write token, a seat holder of the body or an admin; the body at its minimum strength), as the open form does: its seat holders are the signers, each is sent it',
      z.object({ slug }),
      openWrittenConsentBodySchema,
      ['201', z.object({ ok: z.literal(true), writtenConsent: z.object({ number: z.number().int() }) }), 'Open'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/written-consents/{number}',
    operation: {
      operationId: 'getWrittenConsent',
      summary: 'A written consent as its page shows it: its text, signers (names) and phase, and what the caller may do',
      security: readSecurity,
      requestParams: { path: z.object({ slug, number: consentNumber }) },
      responses: { '200': json(consent, 'The written consent'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/written-consents/{number}/signatures',
    operation: write(
      'signWrittenConsent',
      'Sign an open written consent (write token, one of its signers), as the sign form does: `confirm` must be "yes"; adopted at the last signature',
      z.object({ slug, number: consentNumber }),
      confirmWrittenConsentBodySchema,
      ['201', z.object({ ok: z.literal(true), writtenConsent: counted.extend({ adopted: z.boolean() }) }), 'Signed'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/written-consents/{number}/signatures/revoke',
    operation: write(
      'revokeWrittenConsentSignature',
      'Revoke your signature while the written consent is open (write token, a signer who signed), as the revoke form does: `confirm` must be "yes"',
      z.object({ slug, number: consentNumber }),
      confirmWrittenConsentBodySchema,
      ['200', z.object({ ok: z.literal(true), writtenConsent: counted }), 'Revoked'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/written-consents/{number}/withdraw',
    operation: write(
      'withdrawWrittenConsent',
      'Withdraw an open written consent (write token, its opener or an admin), as the withdraw form does: `confirm` must be "yes"',
      z.object({ slug, number: consentNumber }),
      confirmWrittenConsentBodySchema,
      ['200', z.object({ ok: z.literal(true), writtenConsent: z.object({ number: z.number().int(), withdrawn: z.literal(true) }) }), 'Withdrawn'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
];
