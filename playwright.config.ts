import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Several servers, one per worker: each with its own database, mail folder and data folder (whose test clock the
 * clock-moving journeys hold one at a time, e2e/fixtures.ts `clockTest`). Worker N talks only to server N, so two
 * workers' clock-moving journeys run side by side instead of waiting for each other. This file is loaded again in
 * every worker (with TEST_PARALLEL_INDEX set), which points that worker's baseURL and E2E_* folders at its server.
 */
const workers = process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : process.env.CI ? 2 : undefined;
const servers = Math.max(1, Number(process.env.E2E_SERVERS ?? workers ?? 1));
const basePort = Number(process.env.E2E_PORT ?? 3100);
// localhost, not 127.0.0.1: Auth.js ignores AUTH_URL when Next binds to an IP (next-auth#12321).
const urlOf = (i: number) => `http://localhost:${basePort + i}`;
// The single sign-on journeys (e2e/sso.spec.ts) start a test OpenID provider here; each server is configured for its own.
const issuerOf = (i: number) => `http://localhost:${basePort + 1000 + i}`;

// One folder per run (made by the main process, inherited by the workers), with each server's mail folder (specs
// read magic links from it) and data folder (the journeys move the server's clock through a file there).
process.env.E2E_RUN_DIR ??= mkdtempSync(path.join(tmpdir(), 'quorate-e2e-'));
const runDir = process.env.E2E_RUN_DIR;
const mailDirOf = (i: number) => path.join(runDir, `server-${i}`, 'mail');
const dataDirOf = (i: number) => path.join(runDir, `server-${i}`, 'data');
for (let i = 0; i < servers; i++) for (const dir of [mailDirOf(i), dataDirOf(i)]) mkdirSync(dir, { recursive: true });
// Written by the first server's command once the build is there: the other servers wait for it (scripts/e2e-server.ts).
const buildReady = path.join(runDir, 'build-ready');

/** The database of server i: the first uses DATABASE_URL itself, the others a sibling database created afresh. */
function databaseOf(i: number): string {
  const url = process.env.DATABASE_URL;
  if (!url) return '';
  if (i === 0) return url;
  const u = new URL(url);
  u.pathname = `${u.pathname}_s${i}`;
  return u.toString();
}

const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0) % servers;
const baseURL = urlOf(slot);
process.env.E2E_MAIL_DIR = mailDirOf(slot);
process.env.E2E_DATA_DIR = dataDirOf(slot);
process.env.E2E_OIDC_ISSUER = issuerOf(slot);

// A system Chromium when one is named or present (Debian's here, with no browser downloads): its headless shell first
// (package chromium-headless-shell: the same engine without the full browser's user interface, which took a quarter
// off the browser suite's time here), else the full browser; otherwise the browser `npx playwright install chromium` manages.
const executablePath = process.env.CHROMIUM_PATH || ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((candidate) => existsSync(candidate));

// E2E_SKIP_PRESENTATION=1 (CI's second pass, on PostgreSQL: .ci/run) leaves out the specs that check presentation —
// every page in three languages, every page on a 390 px phone, the accessibility scans — about a quarter of the
// suite's time. They run in the first pass (the README's `npm test`); every other journey runs in both.
const presentationSpecs = ['i18n*.spec.ts', 'phone-pages.spec.ts', 'a11y.spec.ts'];

export default defineConfig({
  testDir: './e2e',
  testIgnore: process.env.E2E_SKIP_PRESENTATION === '1' ? presentationSpecs.map((file) => `**/${file}`) : [],
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  // In CI the crash drill kills and restarts a server under load beside the journeys (ballot
  // latencies of seconds were logged there); a confirmation then takes longer than 5 s to show.
  expect: { timeout: process.env.CI ? 15_000 : 5_000 },
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: executablePath
          ? { executablePath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }
          : {},
      },
    },
  ],
  webServer: Array.from({ length: servers }, (_, i) => ({
    // E2E_REUSE_BUILD=1 (CI's second run, on PostgreSQL) starts the production build the first run made: the database is chosen at run time.
    command:
      i === 0
        ? `${process.env.E2E_REUSE_BUILD === '1' && existsSync('.next/BUILD_ID') ? '' : 'npm run build && '}node -e "require('fs').writeFileSync(process.env.E2E_BUILD_READY, '')" && tsx --conditions=react-server scripts/e2e-server.ts`
        : 'tsx --conditions=react-server scripts/e2e-server.ts',
    url: `${urlOf(i)}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    env: {
      PORT: String(basePort + i),
      NODE_ENV: 'production',
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      LOG_SIGNING_SECRET: 'e2e-log-signing-secret-e2e-log-signing-secret',
      AUTH_URL: urlOf(i),
      MAIL_DIR: mailDirOf(i),
      DATA_DIR: dataDirOf(i),
      E2E_BUILD_READY: buildReady,
      // The servers after the first wait for the build, and make their own database afresh.
      ...(i > 0 ? { E2E_WAIT_FOR_BUILD: '1', E2E_FRESH_DATABASE: '1', PGLITE_DIR: '' } : {}),
      QUORATE_UNSAFE_TEST_CLOCK: '1',
      QUORATE_WORKER_INTERVAL_MS: '500',
      // Read the organization's version on every request, so a spec sees its own writes at once.
      QUORATE_PUBLIC_CACHE_RECHECK_MS: '0',
      // Every browser of the suite signs in and founds from 127.0.0.1: the suite's dozens of sign-ins
      // within 15 minutes would otherwise meet the per-network limit (30) meant for one real network.
      QUORATE_NETWORK_LIMIT_FACTOR: '50',
      SMTP_URL: '',
      OIDC_ISSUER: issuerOf(i),
      OIDC_CLIENT_ID: 'quorate-e2e',
      OIDC_CLIENT_SECRET: 'e2e-oidc-client-secret-e2e-oidc-client-secret',
      OIDC_NAME: 'Example Staff Login',
      // e2e/webhooks.spec.ts delivers to a receiver it starts on 127.0.0.1: private destinations allowed here only.
      QUORATE_WEBHOOKS_ALLOW_PRIVATE: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseOf(i),
    },
  })),
});
