import { openApiDocument } from '@/lib/api/openapi';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of the API, generated from its zod schemas. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } });
}
