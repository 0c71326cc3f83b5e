// `--pgbouncer` for the scale-out run (bench/scale-out.ts): the instances and workers reach
// PostgreSQL through a private PgBouncer in transaction mode, with prepared statements off and no
// pipelining (`?prepare=false`, db/client.ts), as a deployment behind a pooler would. The seed and
// the checks still talk to PostgreSQL directly. PgBouncer runs in its own process group, so the
// run's cleanup stops it (scripts/support/pgbouncer.ts writes its configuration).

import { existsSync } from 'node:fs';
import type { Proc } from './scale-out-cluster';
import { startProcess } from './scale-out-cluster';
import { PGBOUNCER, pgbouncerSetup, reachable } from '@/scripts/support/pgbouncer';

export const POOLER_PORT = 6441;

/** Starts PgBouncer on POOLER_PORT in front of `direct`'s server; resolves with the pooled URL of the same database. */
export async function startPooler(direct: string, dir: string): Promise<{ url: string; proc: Proc; unlinked: () => number }> {
  if (!existsSync(PGBOUNCER)) throw new Error(`--pgbouncer: ${PGBOUNCER} not found (apt-get install -y pgbouncer)`);
  if (await reachable(POOLER_PORT)) throw new Error(`--pgbouncer: port ${POOLER_PORT} is taken`);
  const { argv, url } = pgbouncerSetup(direct, dir, POOLER_PORT);
  const proc = startProcess('pgbouncer', PGBOUNCER, argv, { PATH: process.env.PATH ?? '' });
  // Answers that came after PgBouncer gave their server connection back (a pipelined query): each one's caller waits for ever.
  let unlinked = 0;
  // Line by line, per stream: a chunk may end mid-line.
  const counter = () => {
    let partial = '';
    return (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      unlinked += lines.filter((l) => l.includes('when not linked')).length;
    };
  };
  proc.child.stderr?.on('data', counter());
  proc.child.stdout?.on('data', counter());
  const deadline = Date.now() + 10_000;
  while (!(await reachable(POOLER_PORT))) {
    if (!proc.alive()) throw new Error(`pgbouncer exited: ${proc.output().slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${POOLER_PORT}: ${proc.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, proc, unlinked: () => unlinked };
}
