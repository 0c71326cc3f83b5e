/**
 * One large organization for benchmarks, fast (db/seed/scale.ts):
 *
 *   DATABASE_URL=postgres://… npm run seed:scale -- --members 50000 --proposals 20000 --log 1000000 [--decided 19900] [--slug scale-org]
 *
 * --decided N: the N oldest proposals voted on long ago, with the outcome the worker would have recorded.
 *
 * PostgreSQL is required for big sizes (COPY); embedded PGlite takes only small ones.
 */
import { parseArgs } from 'node:util';
import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedScale } from '@/db/seed/scale';
import { env } from '@/lib/env';

function bar(phase: string, done: number, total: number, started: number): void {
  const width = 30;
  const frac = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(frac * width);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `\r[seed:scale] ${phase.padEnd(12)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${secs}s   `,
  );
  if (frac >= 1) process.stderr.write('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      members: { type: 'string', default: '50000' },
      proposals: { type: 'string', default: '20000' },
      log: { type: 'string', default: '1000000' },
      decided: { type: 'string', default: '0' },
      slug: { type: 'string', default: `scale-${Date.now().toString(36)}` },
      name: { type: 'string' },
    },
  });
  const num = (k: 'members' | 'proposals' | 'log' | 'decided') => {
    const n = Number(values[k]);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${k} must be a non-negative integer`);
    return n;
  };
  const e = env();
  const handle = createDatabase({ databaseUrl: e.databaseUrl, pgliteDir: e.pgliteDir, max: 2, prepare: e.preparedStatements });
  const started = performance.now();
  let phaseStarted = started;
  let lastPhase = '';
  let lastDraw = 0;
  try {
    await migrateDatabase(handle);
    const summary = await seedScale(
      handle,
      e.databaseUrl,
      { slug: values.slug!, name: values.name, members: num('members'), proposals: num('proposals'), log: num('log'), decided: num('decided') },
      (phase, done, total) => {
        if (phase !== lastPhase) {
          lastPhase = phase;
          phaseStarted = performance.now();
        }
        const t = performance.now();
        if (done >= total || t - lastDraw > 200) {
          lastDraw = t;
          bar(phase, done, total, phaseStarted);
        }
      },
    );
    const total = performance.now() - started;
    console.log(`[seed:scale] organization /o/${summary.slug} (${summary.orgId}) on ${handle.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}`);
    for (const [table, n] of Object.entries(summary.rows)) console.log(`[seed:scale]   ${table.padEnd(20)} ${n.toLocaleString('en-US').padStart(12)} rows`);
    for (const [phase, ms] of Object.entries(summary.timings)) console.log(`[seed:scale]   ${phase.padEnd(20)} ${(ms / 1000).toFixed(2).padStart(10)} s`);
    console.log(`[seed:scale] done in ${(total / 1000).toFixed(1)} s`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('\n[seed:scale] failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
