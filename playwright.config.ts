import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// localhost, not 127.0.0.1: Auth.js ignores AUTH_URL when Next binds to an IP (next-auth#12321).
const baseURL = `http://localhost:${port}`;
// The single sign-on journeys (e2e/sso.spec.ts) start a test OpenID provider here; the server is configured for it.
process.env.E2E_OIDC_ISSUER ??= `http://localhost:${port + 1000}`;

// One mail folder per run, shared with the server: specs read magic links from it.
process.env.E2E_MAIL_DIR ??= mkdtempSync(path.join(tmpdir(), 'quorate-e2e-mail-'));
// The server's data folder: the governance journey moves the server's clock through a file here.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'quorate-e2e-data-'));

// A system Chromium when one is named or present (Debian's here, with no browser downloads);
// otherwise the browser `npx playwright install chromium` manages.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
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
  webServer: {
    // E2E_REUSE_BUILD=1 (CI's second run, on PostgreSQL) starts the production build the first run made: the database is chosen at run time.
    command: `${process.env.E2E_REUSE_BUILD === '1' && existsSync('.next/BUILD_ID') ? '' : 'npm run build && '}tsx --conditions=react-server scripts/e2e-server.ts`,
    url: `${baseURL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      NODE_ENV: 'production',
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      LOG_SIGNING_SECRET: 'e2e-log-signing-secret-e2e-log-signing-secret',
      AUTH_URL: baseURL,
      MAIL_DIR: process.env.E2E_MAIL_DIR,
      DATA_DIR: process.env.E2E_DATA_DIR,
      QUORATE_UNSAFE_TEST_CLOCK: '1',
      QUORATE_WORKER_INTERVAL_MS: '500',
      // Read the organization's version on every request, so a spec sees its own writes at once.
      QUORATE_PUBLIC_CACHE_RECHECK_MS: '0',
      // Every browser of the suite signs in and founds from 127.0.0.1: the suite's dozens of sign-ins
      // within 15 minutes would otherwise meet the per-network limit (30) meant for one real network.
      QUORATE_NETWORK_LIMIT_FACTOR: '50',
      SMTP_URL: '',
      OIDC_ISSUER: process.env.E2E_OIDC_ISSUER,
      OIDC_CLIENT_ID: 'quorate-e2e',
      OIDC_CLIENT_SECRET: 'e2e-oidc-client-secret-e2e-oidc-client-secret',
      OIDC_NAME: 'Example Staff Login',
      // e2e/webhooks.spec.ts delivers to a receiver it starts on 127.0.0.1: private destinations allowed here only.
      QUORATE_WEBHOOKS_ALLOW_PRIVATE: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATABASE_URL: '' }),
    },
  },
});
