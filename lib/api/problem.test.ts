import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { apiLocale, problemBody } from './problem';

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
    const files = execFileSync('git', ['grep', '-l', "'api.not_found'", '--', 'app/api/v1', 'lib/api'], { encoding: 'utf8' }).trim().split('\n');
    const whats = new Set<string>();
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/what: '([^']+)'/g)) whats.add(m[1]!);
    }
    const readOne = execFileSync('git', ['grep', '-h', '-o', "readOneByNumber(request, context.params, '[^']*'", '--', 'app/api/v1'], { encoding: 'utf8' });
    for (const m of readOne.matchAll(/'([^']+)'/g)) whats.add(m[1]!);
    expect([...whats].sort()).toEqual(['meeting', 'organization', 'petition', 'proposal', 'seat', 'seat election', 'written consent']);
    for (const what of whats) {
      expect(problemBody('en', 'api.not_found', { what }).detail).toBe(`Not found: no such ${what}, or not one you may read.`);
      for (const locale of ['fr', 'de'] as const) expect(problemBody(locale, 'api.not_found', { what }).detail).not.toContain(`(${what})`);
    }
  });
});
