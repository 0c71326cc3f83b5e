import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiLocale, problemBody } from './problem';

/** The TypeScript sources under `dir`, tests left out. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
}

const ask = (language?: string) => new Request('http://quorate.test/api/v1/orgs', language ? { headers: { 'Accept-Language': language } } : {});

describe('problem details in the request language', () => {
  it('the language is Accept-Language matched as pages match it, else English', () => {
    expect([
      apiLocale(ask()),
      apiLocale(ask('fr-CA')),
      apiLocale(ask('de-AT,de;q=0.9')),
      apiLocale(ask('es, it;q=0.5')),
      apiLocale(ask('es, fr;q=0.5')),
    ]).toEqual(['en', 'fr', 'de', 'en', 'fr']);
  });

  it('every thing a 404 names (the `what` the routes pass) is in French and German, and English as given', () => {
    const sources = [...sourcesUnder('app/api/v1'), ...sourcesUnder('lib/api')].map((file) => readFileSync(file, 'utf8'));
    const whats = new Set<string>();
    for (const source of sources) {
      if (source.includes("'api.not_found'")) for (const m of source.matchAll(/what: '([^']+)'/g)) whats.add(m[1]!);
      for (const m of source.matchAll(/readOneByNumber\(request, context\.params, '([^']+)'/g)) whats.add(m[1]!);
    }
    expect([...whats].sort()).toEqual(['meeting', 'organization', 'petition', 'proposal', 'seat', 'seat election', 'written consent']);
    for (const what of whats) {
      expect(problemBody('en', 'api.not_found', { what }).detail).toBe(`Not found: no such ${what}, or not one you may read.`);
      for (const locale of ['fr', 'de'] as const) expect(problemBody(locale, 'api.not_found', { what }).detail).not.toContain(`(${what})`);
    }
  });
});
