import { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { problem } from './openapi-models';

/** The pieces every entry of the OpenAPI document (lib/api/openapi.ts, openapi-acts.ts) is made of: path parameters, answers, problems. */

export const slug = z.string().meta({ description: "The organization's slug, as in /o/{slug}." });
export const number = z.string().regex(/^\d+$/).meta({ description: "The proposal's number in the organization." });

export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'A problem', content: { 'application/problem+json': { schema: problem } } }]));

export const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

export const meetingNumber = z.string().regex(/^\d+$/).meta({ description: "The meeting's number in the organization." });

/** A write with a token, its JSON body, its answer and the problems it may answer with. */
export const write = (
  operationId: string,
  summary: string,
  params: z.ZodObject,
  body: z.ZodType | null,
  ok: [string, z.ZodType, string],
  statuses: number[],
): ZodOpenApiOperationObject => ({
  operationId,
  summary,
  security: [{ bearer: [] }],
  requestParams: { path: params },
  requestBody: { required: body !== null, content: { 'application/json': { schema: body ?? z.object({}) } } },
  responses: { [ok[0]]: json(ok[1], ok[2]), ...problems(...statuses) },
});

export const readSecurity: Record<string, string[]>[] = [{}, { bearer: [] }];
