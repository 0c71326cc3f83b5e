// `--pgbouncer` for the scale-out run (bench/scale-out.ts): the instances and workers reach
// PostgreSQL through a private PgBouncer in transaction mode, with prepared statements off
// (`?prepare=false`, db/client.ts), as a deployment behind a pooler would. The seed and the checks
// still talk to PostgreSQL directly. PgBouncer runs in the foreground in its own process group, so
// the run's cleanup stops it; as root it drops to the `postgres` user (it refuses to run as root).

import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Proc } from './scale-out-cluster';
import { startProcess } from './scale-out-cluster';

export const PGBOUNCER = process.env.PGBOUNCER ?? '/usr/sbin/pgbouncer';
export const POOLER_PORT = 6441;

const reachable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

/** Starts PgBouncer on POOLER_PORT in front of `direct`'s server; resolves with the pooled URL of the same database. */
export async function startPooler(direct: string, dir: string): Promise<{ url: string; proc: Proc }> {
  if (!existsSync(PGBOUNCER)) throw new Error(`--pgbouncer: ${PGBOUNCER} not found (apt-get install -y pgbouncer)`);
  if (await reachable(POOLER_PORT)) throw new Error(`--pgbouncer: port ${POOLER_PORT} is taken`);
  const target = new URL(direct);
  const ini = path.join(dir, 'pgbouncer.ini');
  writeFileSync(path.join(dir, 'userlist.txt'), `"${target.username || 'postgres'}" ""\n`);
  writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || '5432'}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${POOLER_PORT}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 20',
      '',
    ].join('\n'),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  const proc = startProcess('pgbouncer', PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), ini], { PATH: process.env.PATH ?? '' });
  const deadline = Date.now() + 10_000;
  while (!(await reachable(POOLER_PORT))) {
    if (!proc.alive()) throw new Error(`pgbouncer exited: ${proc.output().slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${POOLER_PORT}: ${proc.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const pooled = new URL(direct);
  pooled.hostname = '127.0.0.1';
  pooled.port = String(POOLER_PORT);
  pooled.searchParams.set('prepare', 'false');
  return { url: pooled.toString(), proc };
}
