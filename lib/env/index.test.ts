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

  it('generates a separate dev log-signing secret once, and takes LOG_SIGNING_SECRET when set', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-env-'));
    const e = parseEnv({ NODE_ENV: 'development', DATA_DIR: dir });
    expect(e.logSigningSecret.length).toBeGreaterThanOrEqual(32);
    expect(e.logSigningSecret).not.toBe(e.authSecret);
    expect(readFileSync(path.join(dir, 'log-signing-secret'), 'utf8').trim()).toBe(e.logSigningSecret);
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir }).logSigningSecret).toBe(e.logSigningSecret);
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, LOG_SIGNING_SECRET: 's'.repeat(40) }).logSigningSecret).toBe('s'.repeat(40));
  });

  it('treats empty strings as unset', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-env-'));
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, DATABASE_URL: '', SMTP_URL: ' ' }).databaseUrl).toBeUndefined();
  });

  it('fails fast with a readable message', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_URL: 'https://q.example' })).toThrow(/AUTH_SECRET: required in production/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) })).toThrow(/AUTH_URL: required in production/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), AUTH_URL: 'https://q.example' })).toThrow(
      /LOG_SIGNING_SECRET: required in production/,
    );
    expect(() => parseEnv({ LOG_SIGNING_SECRET: 'short' })).toThrow(/LOG_SIGNING_SECRET must be at least 32 characters/);
  });

  it('leases outbox batches for 5 minutes unless NOTIFY_LEASE_MS says otherwise', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-env-'));
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir }).delivery.leaseMs).toBe(300_000);
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, NOTIFY_LEASE_MS: '2000' }).delivery.leaseMs).toBe(2_000);
    expect(() => parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, NOTIFY_LEASE_MS: '10' })).toThrow(/NOTIFY_LEASE_MS/);
  });

  it('turns single sign-on on with all three OIDC settings, and refuses a partial set', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-env-'));
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir }).sso).toBeNull();
    const oidc = { OIDC_ISSUER: 'https://login.example.org/', OIDC_CLIENT_ID: 'quorate', OIDC_CLIENT_SECRET: 'secret' };
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, ...oidc }).sso).toEqual({
      issuer: 'https://login.example.org/',
      clientId: 'quorate',
      clientSecret: 'secret',
      name: 'single sign-on',
    });
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, ...oidc, OIDC_NAME: 'Staff login' }).sso?.name).toBe('Staff login');
    expect(() => parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, OIDC_ISSUER: 'https://login.example.org' })).toThrow(/needs all three/);
    expect(() => parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, ...oidc, OIDC_ISSUER: 'login.example.org' })).toThrow(/OIDC_ISSUER/);
  });

  it('uses prepared statements unless QUORATE_PREPARED_STATEMENTS=0 (PgBouncer in transaction mode)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-env-'));
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir }).preparedStatements).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, QUORATE_PREPARED_STATEMENTS: '1' }).preparedStatements).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, QUORATE_PREPARED_STATEMENTS: '0' }).preparedStatements).toBe(false);
    expect(() => parseEnv({ NODE_ENV: 'development', DATA_DIR: dir, QUORATE_PREPARED_STATEMENTS: 'false' })).toThrow(/QUORATE_PREPARED_STATEMENTS/);
  });

  it('strips a trailing slash from AUTH_URL', () => {
    const e = parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), AUTH_URL: 'https://q.example/', LOG_SIGNING_SECRET: 'l'.repeat(40) });
    expect(e.appUrl).toBe('https://q.example');
    expect(e.isProduction).toBe(true);
  });
});

describe('public page cache setting', () => {
  const base = { AUTH_SECRET: 'x'.repeat(40), AUTH_URL: 'https://gov.example.org', LOG_SIGNING_SECRET: 'y'.repeat(40) };
  it('is on in production and off under next dev unless set', () => {
    expect(parseEnv({ ...base, NODE_ENV: 'production' }).publicCache.enabled).toBe(true);
    expect(parseEnv({ ...base, NODE_ENV: 'development', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'quorate-env-')) }).publicCache.enabled).toBe(false);
    expect(parseEnv({ ...base, NODE_ENV: 'production', QUORATE_PUBLIC_CACHE: '0' }).publicCache.enabled).toBe(false);
    expect(parseEnv({ ...base, NODE_ENV: 'development', QUORATE_PUBLIC_CACHE: '1' }).publicCache.enabled).toBe(true);
  });
});

describe('home page listing setting', () => {
  const base = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), AUTH_URL: 'https://gov.example.org', LOG_SIGNING_SECRET: 'y'.repeat(40) };
  it('lists only organizations that have published, unless the operator says otherwise', () => {
    expect(parseEnv(base).homeListing).toEqual({ all: false, slugs: [] });
    expect(parseEnv({ ...base, QUORATE_HOME_LIST_ALL: '1' }).homeListing.all).toBe(true);
    expect(parseEnv({ ...base, QUORATE_HOME_LIST_SLUGS: ' garden-club , tenants-union,' }).homeListing.slugs).toEqual(['garden-club', 'tenants-union']);
  });
  it('reads the transition worker interval, 5 seconds by default, and refuses one that is not a whole number of ms from 100', () => {
    expect(parseEnv({ ...base }).workerIntervalMs).toBe(5_000);
    expect(parseEnv({ ...base, QUORATE_WORKER_INTERVAL_MS: '500' }).workerIntervalMs).toBe(500);
    expect(parseEnv({ ...base, QUORATE_WORKER_INTERVAL_MS: ' ' }).workerIntervalMs).toBe(5_000);
    expect(parseEnv({ ...base, QUORATE_WORKER_INTERVAL_MS: '100' }).workerIntervalMs).toBe(100);
    for (const bad of ['abc', '5s', '99', '0', '-5000', '1500.5', '3600001', 'Infinity']) {
      expect(() => parseEnv({ ...base, QUORATE_WORKER_INTERVAL_MS: bad }), bad).toThrow(
        /QUORATE_WORKER_INTERVAL_MS: QUORATE_WORKER_INTERVAL_MS must be a whole number of milliseconds from 100/,
      );
    }
  });
  it('refuses a malformed setting at start, with its name', () => {
    expect(() => parseEnv({ ...base, QUORATE_HOME_LIST_ALL: 'yes' })).toThrow(/QUORATE_HOME_LIST_ALL/);
    expect(() => parseEnv({ ...base, QUORATE_NETWORK_LIMIT_FACTOR: '0' })).toThrow(/QUORATE_NETWORK_LIMIT_FACTOR/);
    expect(parseEnv({ ...base }).networkLimitFactor).toBe(1);
    expect(parseEnv({ ...base, QUORATE_NETWORK_LIMIT_FACTOR: '20' }).networkLimitFactor).toBe(20);
    expect(() => parseEnv({ ...base, QUORATE_HOME_LIST_SLUGS: 'Garden Club' })).toThrow(/QUORATE_HOME_LIST_SLUGS must be organization slugs/);
  });
});
