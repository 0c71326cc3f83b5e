/**
 * The OpenAPI document /api/v1/openapi.json serves, checked against the OpenAPI 3.1 schema by
 * @seriousme/openapi-schema-validator (issue 16: "the OpenAPI document validates against the 3.1
 * schema in CI"). Here rather than beside lib/api/openapi.ts because it reads the route (app/),
 * which lib/ may not import.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { GET as servedDocument } from '@/app/api/v1/openapi.json/route';
import { openApiDocument } from '@/lib/api/openapi';

describe('/api/v1/openapi.json against the OpenAPI 3.1 schema (@seriousme/openapi-schema-validator)', () => {
  it('the served document is valid OpenAPI 3.1', async () => {
    const served = (await servedDocument().json()) as Record<string, unknown>;
    const validator = new Validator();
    const res = await validator.validate(served);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('the validator does refuse a broken document (the test can fail)', async () => {
    const broken = structuredClone(openApiDocument()) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
    delete broken.paths['/api/v1/orgs/{slug}']!.get!.responses;
    (broken.paths['/api/v1/orgs/{slug}/log']!.get!.parameters as unknown[]).push({ name: 'x', in: 'nowhere' });
    const res = await new Validator().validate(broken as unknown as Record<string, unknown>);
    expect(res.valid).toBe(false);
  });
});
