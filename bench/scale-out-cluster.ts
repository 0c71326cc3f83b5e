// The processes of the scale-out run (bench/scale-out.ts): three `next start` instances, two
// `npm run worker` processes and HAProxy in front, on one fresh PostgreSQL database. Each child
// runs in its own process group, so `kill -9` (and the cleanup) reaches everything it started.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanups, log, SECRETS } from './common';

export const APP_PORTS = [3196, 3197, 3198] as const;
export const BALANCER_PORT = 8480;
export const BALANCER = `http://127.0.0.1:${BALANCER_PORT}`;
const HAPROXY = '/usr/sbin/haproxy';

export type Proc = {
  name: string;
  child: ChildProcess;
  /** Everything the process printed (last 20,000 characters). */
  output: () => string;
  /** SIGKILL to its whole process group: no shutdown hook, no goodbye. */
  kill9: () => void;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop: () => Promise<void>;
  alive: () => boolean;
};

export function startProcess(name: string, cmd: string, argv: string[], env: Record<string, string>): Proc {
  const child: ChildProcess = spawn(cmd, argv, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!alive()) return signalGroup('SIGKILL');
    const exited = new Promise((r) => child.once('exit', r));
    signalGroup('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    signalGroup('SIGKILL');
  };
  const proc: Proc = { name, child, output: () => out, kill9: () => signalGroup('SIGKILL'), stop, alive };
  cleanups.push(stop);
  return proc;
}

async function waitFor(what: string, proc: Proc, ok: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!proc.alive()) throw new Error(`${what} exited: ${proc.output().slice(-3000)}`);
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up in ${timeoutMs / 1000} s: ${proc.output().slice(-3000)}`);
}

const healthy = async (base: string) => (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) })).status === 200;

export type ClusterEnv = { databaseUrl: string; mailDir: string; recheckMs: number };

/** What every instance and worker shares: database, secrets, the balancer's URL, the mail folder. */
function sharedEnv(c: ClusterEnv): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: c.databaseUrl,
    AUTH_URL: BALANCER,
    MAIL_DIR: c.mailDir,
    QUORATE_WORKER: '0',
    QUORATE_SKIP_MIGRATE: '1',
    QUORATE_PUBLIC_CACHE_RECHECK_MS: String(c.recheckMs),
    ...SECRETS,
  };
}

export async function startInstance(c: ClusterEnv, port: number): Promise<Proc> {
  const p = startProcess(
    `app:${port}`,
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    sharedEnv(c),
  );
  await waitFor(`next start on ${port}`, p, () => healthy(`http://127.0.0.1:${port}`));
  return p;
}

/** `npm run worker` as one process (node --import tsx), so that kill -9 leaves no child behind. */
export function startWorker(c: ClusterEnv, name: string, leaseMs: number): Proc {
  return startProcess(name, process.execPath, ['--import', 'tsx', '--conditions=react-server', path.join('scripts', 'worker.ts')], {
    ...sharedEnv(c),
    QUORATE_WORKER_INTERVAL_MS: '1000',
    QUORATE_DELIVERY_INTERVAL_MS: '250',
    NOTIFY_LEASE_MS: String(leaseMs),
    NOTIFY_BATCH_SIZE: '50',
  });
}

/** Round robin over the three instances, each checked on GET /api/health every 500 ms. */
export function haproxyConfig(): string {
  return [
    'global',
    '    maxconn 4096',
    'defaults',
    '    mode http',
    '    timeout connect 2s',
    '    timeout client 60s',
    '    timeout server 60s',
    '    timeout http-request 10s',
    // A refused connection (a dead instance not yet marked down) is tried on another: the request never reached it.
    '    retries 3',
    '    option redispatch 1',
    'frontend web',
    `    bind 127.0.0.1:${BALANCER_PORT}`,
    '    option forwardfor',
    '    default_backend app',
    'backend app',
    '    balance roundrobin',
    '    option httpchk',
    '    http-check send meth GET uri /api/health',
    '    http-check expect status 200',
    '    default-server inter 500ms fall 2 rise 2',
    ...APP_PORTS.map((port, i) => `    server app${i + 1} 127.0.0.1:${port} check`),
    '',
  ].join('\n');
}

export async function startBalancer(dir: string): Promise<Proc> {
  const cfg = path.join(dir, 'haproxy.cfg');
  writeFileSync(cfg, haproxyConfig());
  const p = startProcess('haproxy', HAPROXY, ['-db', '-f', cfg], { PATH: process.env.PATH ?? '' });
  await waitFor('haproxy', p, () => healthy(BALANCER));
  return p;
}

export type Cluster = { instances: Proc[]; workers: Proc[]; balancer: Proc };

export async function startCluster(c: ClusterEnv, dir: string, leaseMs: number): Promise<Cluster> {
  // One at a time: three production servers booting at once on a small machine starve each other.
  const instances: Proc[] = [];
  for (const port of APP_PORTS) instances.push(await startInstance(c, port));
  log(`instances up on ${APP_PORTS.join(', ')}`);
  const workers = [startWorker(c, 'worker-1', leaseMs), startWorker(c, 'worker-2', leaseMs)];
  const balancer = await startBalancer(dir);
  // Every instance must have answered through the balancer before the storm (health checks say "up").
  const deadline = Date.now() + 20_000;
  for (;;) {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) seen.add(await fetch(`${BALANCER}/api/health`).then((r) => String(r.status)));
    if (seen.size === 1 && seen.has('200')) break;
    if (Date.now() > deadline) throw new Error(`balancer not healthy: ${[...seen].join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  for (const w of workers) if (!w.alive()) throw new Error(`${w.name} exited: ${w.output()}`);
  log('workers and HAProxy up');
  return { instances, workers, balancer };
}
