// A private PgBouncer in transaction mode in front of a PostgreSQL server, as a deployment behind
// a pooler has it: the scale-out run's `--pgbouncer` (bench/scale-out-pooler.ts) and the pooler
// test (test/integration/pooler.test.ts) both start one. It runs in the foreground; as root it
// drops to the `postgres` user (PgBouncer refuses to run as root).

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const PGBOUNCER = process.env.PGBOUNCER ?? '/usr/sbin/pgbouncer';

export const reachable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

/**
 * Writes pgbouncer.ini (and its trust userlist) into `dir` for a pooler on `port` in front of
 * `direct`'s server; returns the command line that runs it and the pooled URL of `direct`'s
 * database, with prepared statements off (`?prepare=false`, db/client.ts).
 */
export function pgbouncerSetup(direct: string, dir: string, port: number, poolSize = 20): { argv: string[]; url: string } {
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
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      `default_pool_size = ${poolSize}`,
      '',
    ].join('\n'),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  const pooled = new URL(direct);
  pooled.hostname = '127.0.0.1';
  pooled.port = String(port);
  pooled.searchParams.set('prepare', 'false');
  return { argv: [...(asRoot ? ['-u', 'postgres'] : []), ini], url: pooled.toString() };
}
