import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument, operations } from './openapi';

/** Every route.ts under app/api/v1, as an OpenAPI path: `[slug]` → `{slug}`; with the methods it exports. */
function routes(): { path: string; methods: string[] }[] {
  const root = path.join(process.cwd(), 'app/api/v1');
  const out: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === 'route.ts') {
        const rel = path.relative(root, dir).split(path.sep).join('/');
        const source = readFileSync(full, 'utf8');
        const methods = [...source.matchAll(/^export async function (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]!.toLowerCase());
        out.push({ path: `/api/v1/${rel}`.replace(/\[(\w+)\]/g, '{$1}'), methods });
      }
    }
  };
  walk(root);
  return out;
}

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as unknown as {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<
      string,
      Record<string, { responses: Record<string, unknown>; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>
    >;
    components: { securitySchemes: Record<string, unknown> };
  };

  it('is OpenAPI 3.1 with info and the bearer scheme', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.components.securitySchemes.bearer).toBeTruthy();
  });

  it('describes every route under app/api/v1 (but itself and the docs), with every method it exports', () => {
    const served = routes().filter((r) => r.path !== '/api/v1/openapi.json');
    expect(served.length).toBeGreaterThanOrEqual(5);
    for (const r of served) {
      expect(doc.paths[r.path], r.path).toBeTruthy();
      expect(Object.keys(doc.paths[r.path]!).sort(), r.path).toEqual(r.methods.sort());
    }
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(operations.map((o) => o.path))].sort());
  });

  it('every operation answers problems as application/problem+json, and writes take the forms’ fields', () => {
    for (const [p, methods] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(methods)) {
        expect(
          Object.keys(op.responses).some((s) => s.startsWith('2')),
          `${m} ${p}`,
        ).toBe(true);
        for (const [status, res] of Object.entries(op.responses))
          if (Number(status) >= 400) expect(Object.keys((res as { content: object }).content)).toEqual(['application/problem+json']);
      }
    const ballot = doc.paths['/api/v1/orgs/{slug}/proposals/{number}/ballots']!.post!;
    expect(Object.keys(ballot.requestBody!.content['application/json']!.schema.properties).sort()).toEqual(['choice', 'rationale']);
    const comment = doc.paths['/api/v1/orgs/{slug}/proposals/{number}/comments']!.post!;
    expect(Object.keys(comment.requestBody!.content['application/json']!.schema.properties).sort()).toEqual(['asReply', 'body', 'parentId', 'stance']);
    const withdraw = doc.paths['/api/v1/orgs/{slug}/proposals/{number}/withdraw']!.post!;
    expect(Object.keys(withdraw.requestBody!.content['application/json']!.schema.properties)).toEqual(['reason']);
    const fields = (p: string) => Object.keys(doc.paths[p]!.post!.requestBody!.content['application/json']!.schema.properties).sort();
    expect(fields('/api/v1/orgs/{slug}/proposals/{number}/revisions')).toEqual(['body', 'changeNote', 'substantive', 'title']);
    expect(fields('/api/v1/orgs/{slug}/proposals/{number}/recusals')).toEqual(['reason']);
    expect(fields('/api/v1/orgs/{slug}/proposals/{number}/nominations')).toEqual(['nomineeUserId']);
    expect(fields('/api/v1/orgs/{slug}/proposals/{number}/nominations/answer')).toEqual(['answer', 'declarationConfirmed']);
    expect(fields('/api/v1/orgs/{slug}/delegations')).toEqual(['delegateUserId', 'scope']);
    expect(fields('/api/v1/orgs/{slug}/petitions/{number}/signatures')).toEqual(['confirm']);
    expect(fields('/api/v1/orgs/{slug}/petitions')).toEqual(['body', 'constituency', 'title']);
    expect(fields('/api/v1/orgs/{slug}/petitions/{number}/signatures/revoke')).toEqual(['confirm']);
    expect(fields('/api/v1/orgs/{slug}/petitions/{number}/answer')).toEqual(['answer']);
    expect(fields('/api/v1/orgs/{slug}/proposals/{number}/emergency-backings')).toEqual([]);
    expect(fields('/api/v1/orgs/{slug}/meetings/{number}/change')).toEqual(['agenda', 'durationMinutes', 'location', 'startsAt', 'title']);
    expect(fields('/api/v1/orgs/{slug}/proposals/{number}/eligibility-declaration')).toEqual([]);
    expect(fields('/api/v1/orgs/{slug}/bodies/{key}/seats/{position}/resign')).toEqual([]);
    expect(fields('/api/v1/orgs/{slug}/bodies/{key}/seats/{position}/founding-appointment')).toEqual(['userId']);
    const edit = doc.paths['/api/v1/orgs/{slug}/proposals/{number}/comments/{id}']!;
    expect(Object.keys(edit.patch!.requestBody!.content['application/json']!.schema.properties)).toEqual(['body']);
    expect(Object.keys(edit).sort()).toEqual(['delete', 'patch']);
    expect(fields('/api/v1/orgs/{slug}/meetings/{number}/attendance')).toEqual(['status', 'userId']);
    expect(fields('/api/v1/orgs/{slug}/meetings/{number}/attendance/answer')).toEqual(['answer', 'note']);
    expect(fields('/api/v1/orgs/{slug}/meetings/{number}/roll-calls')).toEqual(['agendaItem', 'motion', 'votes']);
    expect(fields('/api/v1/orgs/{slug}/meetings/{number}/roll-calls/{id}/answer')).toEqual(['answer', 'note']);
    expect(fields('/api/v1/orgs/{slug}/meetings/{number}/minutes')).toEqual(['closedMatter', 'text']);
    expect(fields('/api/v1/orgs/{slug}/meetings/{number}/minutes/answers')).toEqual(['answer', 'revision']);
    expect(fields('/api/v1/orgs/{slug}/written-consents')).toEqual(['body', 'bodyKey', 'title']);
    for (const tail of ['signatures', 'signatures/revoke', 'withdraw'])
      expect(fields(`/api/v1/orgs/{slug}/written-consents/{number}/${tail}`)).toEqual(['confirm']);
    // 1.8.0: leaving, the invitations, the settings and the witnesses take the forms' fields.
    expect(fields('/api/v1/orgs/{slug}/leave')).toEqual(['confirm']);
    expect(fields('/api/v1/orgs/{slug}/invitations/{id}/resend')).toEqual([]);
    expect(fields('/api/v1/orgs/{slug}/witnesses')).toEqual(['verifierKey']);
    const put = (p: string) => Object.keys(doc.paths[p]!.put!.requestBody!.content['application/json']!.schema.properties).sort();
    expect(put('/api/v1/orgs/{slug}/profile')).toEqual(['mission', 'name', 'visibility']);
    expect(put('/api/v1/orgs/{slug}/locale')).toEqual(['locale']);
    expect(put('/api/v1/orgs/{slug}/archived')).toEqual(['confirmation']);
    expect(doc.info.version).toBe('1.8.0');
  });

  it('every operation has a unique operationId (scripts find operations by it)', () => {
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => (op as { operationId?: string }).operationId));
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
