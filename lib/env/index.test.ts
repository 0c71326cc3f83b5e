import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './index';

describe('parseEnv', () => {
  it('defaults to embedded PGlite in the data folder and generates a dev secret once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-env-'));
    const e = parseEnv({ NODE_ENV: 'development', DATA_DIR: dir });
    expect(e.databaseUrl).toBeUndefined();
    expect(e.pgliteDir).toBe(path.join(dir, 'pglite'));
    expect(e.mailDir).toBe(path.join(dir, 'mail'));
    expect(e.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(e.authSecret);
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir }).authSecret).toBe(e.authSecret);
  });

  it('treats empty strings as unset', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-env-'));
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, DATABASE_URL: '', SMTP_URL: ' ' }).databaseUrl).toBeUndefined();
  });

  it('fails fast with a readable message', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_URL: 'https://q.example' })).toThrow(/AUTH_SECRET: required in production/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) })).toThrow(/AUTH_URL: required in production/);
  });

  it('strips a trailing slash from AUTH_URL', () => {
    const e = parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), AUTH_URL: 'https://q.example/' });
    expect(e.appUrl).toBe('https://q.example');
    expect(e.isProduction).toBe(true);
  });
});
