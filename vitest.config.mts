import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'quorate-vitest-'));
// The run's migrated template database (test/global-setup.ts makes it, db/testing.ts copies it per file).
const templates = {
  QUORATE_TEST_PGLITE_TEMPLATE: path.join(scratch, 'pglite-template.tar'),
  // `-` (scripts/pgbouncer-check.sh): no template, each file migrates its own database.
  QUORATE_TEST_PG_TEMPLATE: process.env.QUORATE_TEST_PG_TEMPLATE ?? `quorate_template_${process.pid}_${Date.now().toString(36)}`,
};
Object.assign(process.env, templates);

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside React Server Components; tests are server code.
      'server-only': path.join(root, 'test/server-only-stub.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', '.data/**'],
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine, every file in
    // turn. Each file has its own database (a PGlite in its worker, or its own PostgreSQL database),
    // so two run side by side.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Fixed, test-only settings, so env() never falls back to the developer's data folder.
    env: {
      NODE_ENV: 'test',
      AUTH_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      AUTH_URL: 'http://quorate.test',
      DATA_DIR: path.join(scratch, 'data'),
      MAIL_DIR: path.join(scratch, 'mail'),
      SMTP_URL: '',
      DATABASE_URL: '',
      ...templates,
    },
  },
});
