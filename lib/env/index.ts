import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const workerIntervalMessage = 'QUORATE_WORKER_INTERVAL_MS must be a whole number of milliseconds from 100 to 3600000 (an hour), e.g. 5000';

/**
 * The one place that reads process.env. Parsed lazily on first use (not at import),
 * so `next build` never needs runtime secrets, and memoized so it is read once.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PGLITE_DIR: z.string().min(1).optional(),
  MAIL_DIR: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Quorate <no-reply@quorate.localhost>'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  AUTH_URL: z.url('AUTH_URL must be the public base URL, e.g. https://quorate.example.org').optional(),
  LOG_SIGNING_SECRET: z.string().min(32, 'LOG_SIGNING_SECRET must be at least 32 characters').optional(),
  QUORATE_SKIP_MIGRATE: z.enum(['0', '1']).default('0'),
  QUORATE_PREPARED_STATEMENTS: z.enum(['0', '1']).default('1'),
  QUORATE_WORKER: z.enum(['0', '1']).default('1'),
  QUORATE_WORKER_INTERVAL_MS: z.coerce
    .number({ error: workerIntervalMessage })
    .int(workerIntervalMessage)
    .min(100, workerIntervalMessage)
    .max(3_600_000, workerIntervalMessage)
    .default(5_000),
  QUORATE_DELIVERY_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  NOTIFY_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(200),
  NOTIFY_LEASE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  QUORATE_PUBLIC_CACHE: z.enum(['0', '1']).optional(),
  QUORATE_PUBLIC_CACHE_MAX_AGE_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  QUORATE_PUBLIC_CACHE_RECHECK_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  QUORATE_HOME_LIST_ALL: z.enum(['0', '1']).default('0'),
  QUORATE_WEBHOOKS_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
  QUORATE_NETWORK_LIMIT_FACTOR: z.coerce.number().int().min(1).max(1_000).default(1),
  OIDC_ISSUER: z.url("OIDC_ISSUER must be the identity provider's issuer URL, e.g. https://login.example.org/realms/staff").optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_NAME: z.string().min(1).max(60).default('single sign-on'),
  QUORATE_HOME_LIST_SLUGS: z
    .string()
    .regex(
      /^\s*[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*\s*,?\s*$/,
      'QUORATE_HOME_LIST_SLUGS must be organization slugs separated by commas, e.g. riverbend-commons,garden-club',
    )
    .optional(),
});

export type Env = {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  mailDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  authSecret: string;
  /** Public base URL; required in production so mail links never come from a Host header. */
  appUrl: string | undefined;
  /** Master secret the organizations' log-signing keys are encrypted under (lib/log/keys). */
  logSigningSecret: string;
  migrateOnStart: boolean;
  /**
   * Named prepared statements on PostgreSQL (QUORATE_PREPARED_STATEMENTS=0, or prepare=false on
   * DATABASE_URL, turns them off: needed behind PgBouncer in transaction mode).
   */
  preparedStatements: boolean;
  /** Whether the app process runs the transition and delivery workers itself. */
  runWorkers: boolean;
  /** How often the transition worker (in the app, or `npm run worker`) looks for due transitions, in ms. */
  workerIntervalMs: number;
  delivery: {
    intervalMs: number;
    /** Attempts before a notice becomes a dead letter admins can see and retry. */
    maxAttempts: number;
    /** Backoff after the n-th failure: base × 2^(n−1), capped at 6 hours. */
    retryBaseMs: number;
    batchSize: number;
    /** How long a claimed batch stays leased; a crashed worker's rows are re-sent after it. */
    leaseMs: number;
  };
  /** The signed-out page cache (lib/public-cache). */
  publicCache: { enabled: boolean; maxAgeMs: number; recheckMs: number };
  /**
   * Which public organizations the home page lists. By default only those that have published a
   * proposal (so a freshly created one cannot advertise itself); `all` lists every public one,
   * `slugs` are listed whether or not they have published.
   */
  homeListing: { all: boolean; slugs: string[] };
  /**
   * Single sign-on by OpenID Connect (lib/auth/sso.ts), when all of OIDC_ISSUER, OIDC_CLIENT_ID
   * and OIDC_CLIENT_SECRET are set; `name` is what the sign-in button says. Magic links keep working.
   * The issuer is kept exactly as given: discovery must return the same string (some end in a slash).
   */
  sso: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
  /**
   * Webhooks (lib/webhooks): QUORATE_WEBHOOKS_ALLOW_PRIVATE=1 lets endpoints resolve to private,
   * loopback and link-local addresses (a receiver on the same host or network; tests). Off by default (SSRF).
   */
  webhooks: { allowPrivate: boolean };
  /** Multiplies the per-network burst limits (sign-in requests, new organizations) for sites where many people share one address. */
  networkLimitFactor: number;
};

let cached: Env | undefined;

function emptyToUndefined(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = source[key];
    out[key] = value === undefined || value.trim() === '' ? undefined : value;
  }
  return out;
}

/**
 * A development secret generated once into the data folder, so quick start needs no .env.
 * Created with O_EXCL, so processes starting together (test workers, dev + seed) all end up
 * with the one secret that won, never each with their own.
 */
function developmentSecret(dataDir: string, fileName: string): string {
  const file = path.join(/*turbopackIgnore: true*/ dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
  return secret;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(emptyToUndefined(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  // turbopackIgnore: these are run-time folders, not files the build should trace.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR);
  if (isProduction && !e.AUTH_SECRET) {
    throw new Error('Invalid environment:\n  - AUTH_SECRET: required in production (generate one with `npx auth secret` or `openssl rand -base64 33`)');
  }
  if (isProduction && !e.AUTH_URL) {
    throw new Error('Invalid environment:\n  - AUTH_URL: required in production (the public base URL used in e-mailed links)');
  }
  if (isProduction && !e.LOG_SIGNING_SECRET) {
    throw new Error(
      "Invalid environment:\n  - LOG_SIGNING_SECRET: required in production (encrypts the organizations' log-signing keys; generate one with `openssl rand -base64 33` and keep it: changing it makes existing keys unreadable)",
    );
  }
  const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidc.some((v) => v !== undefined) && oidc.some((v) => v === undefined)) {
    throw new Error('Invalid environment:\n  - OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: single sign-on needs all three (or none)');
  }
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: path.resolve(/*turbopackIgnore: true*/ e.PGLITE_DIR ?? path.join(dataDir, 'pglite')),
    mailDir: path.resolve(/*turbopackIgnore: true*/ e.MAIL_DIR ?? path.join(dataDir, 'mail')),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    authSecret: e.AUTH_SECRET ?? developmentSecret(dataDir, 'auth-secret'),
    appUrl: e.AUTH_URL?.replace(/\/+$/, ''),
    logSigningSecret: e.LOG_SIGNING_SECRET ?? developmentSecret(dataDir, 'log-signing-secret'),
    migrateOnStart: e.QUORATE_SKIP_MIGRATE !== '1',
    preparedStatements: e.QUORATE_PREPARED_STATEMENTS !== '0',
    runWorkers: e.QUORATE_WORKER !== '0',
    workerIntervalMs: e.QUORATE_WORKER_INTERVAL_MS,
    delivery: {
      intervalMs: e.QUORATE_DELIVERY_INTERVAL_MS,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
      batchSize: e.NOTIFY_BATCH_SIZE,
      leaseMs: e.NOTIFY_LEASE_MS,
    },
    // Off by default under `next dev`, where a cached page would hide the edit just made.
    publicCache: {
      enabled: e.QUORATE_PUBLIC_CACHE ? e.QUORATE_PUBLIC_CACHE === '1' : e.NODE_ENV !== 'development',
      maxAgeMs: e.QUORATE_PUBLIC_CACHE_MAX_AGE_MS,
      recheckMs: e.QUORATE_PUBLIC_CACHE_RECHECK_MS,
    },
    homeListing: {
      all: e.QUORATE_HOME_LIST_ALL === '1',
      slugs: (e.QUORATE_HOME_LIST_SLUGS ?? '')
        .split(',')
        .map((slug) => slug.trim())
        .filter((slug) => slug !== ''),
    },
    networkLimitFactor: e.QUORATE_NETWORK_LIMIT_FACTOR,
    webhooks: { allowPrivate: e.QUORATE_WEBHOOKS_ALLOW_PRIVATE === '1' },
    sso:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME }
        : null,
  };
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The base of every e-mailed link: AUTH_URL (required in production), else the local dev server. */
export function appBaseUrl(e: Env = env()): string {
  return e.appUrl ?? 'http://localhost:3000';
}

/** True while `next build` runs: nothing may touch the database then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}
