// (m) A signed-in page view in a real browser, as the server pays for it (`npm run bench -- --only page-views`).
//
// autocannon (the (i) rows) asks for one document at a time; a browser viewing the page also asks for what the page
// sets off once it runs: client-side navigations' flight requests and, with Next.js's default `Link`, a prefetch per
// link in view, each rendering the target's layouts on the server. This drives Chromium (the headless shell, else
// CHROMIUM_PATH or /usr/bin/chromium) signed in as the demo's board seat holder through the overview, the proposal in
// voting, the proposals list and the seats page, VIEWS times each, and reads the `next start` process's CPU time
// (/proc/<pid>/stat, Linux) around them. Baseline, same server, same run: the same number of views of /signin, the
// page floor, viewed signed out (signed in, it sends the viewer on). Also counted: the requests each view made of the server, and how many of them were prefetches.
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { args, fmt, log, notes, startServer, table } from './common';
import type { BenchDatabase } from './common';
import { viewerFor } from './signed-in';

const VIEWS = Number(args.views ?? 10);

/** The process's user + system CPU time in ms (Linux: clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The `next-server` process under `parent` (next start forks it), else the parent itself. */
function serverPid(parent: number): number {
  try {
    const children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.length ? serverPid(children[0]!) : parent;
  } catch {
    return parent;
  }
}

export async function pageViewBench({ pg, pgUrl }: BenchDatabase, demo: { orgId: string }): Promise<void> {
  const viewer = await viewerFor(pg.db, demo.orgId);
  const server = await startServer({ DATABASE_URL: pgUrl }, 'PostgreSQL (page views)');
  const pid = serverPid(server.pid);
  const executablePath = process.env.CHROMIUM_PATH || ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((c) => existsSync(c));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext();
    const [name, value] = viewer.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.base }]);
    const page = await context.newPage();
    let requests = 0;
    let prefetches = 0;
    const o = `/o/${viewer.slug}`;
    const pages = [o, `${o}/proposals/${viewer.proposalNumber}`, `${o}/proposals`, `${o}/seats`];
    // The floor is viewed signed out (signed in, /signin sends the viewer on): a second page without the cookie.
    const signedOut = await (await browser.newContext()).newPage();
    const count = (p: typeof page) =>
      p.on('request', (r) => {
        if (!r.url().startsWith(server.base) || r.url().includes('/_next/static/')) return;
        requests++;
        if (r.headers()['next-router-prefetch']) prefetches++;
      });
    count(page);
    count(signedOut);
    const views = async (paths: string[], on = page) => {
      requests = prefetches = 0;
      const before = cpuMs(pid);
      for (let i = 0; i < VIEWS; i++) for (const p of paths) await on.goto(server.base + p, { waitUntil: 'networkidle' });
      return { cpu: cpuMs(pid) - before, count: VIEWS * paths.length, requests, prefetches };
    };
    await page.goto(server.base + o, { waitUntil: 'networkidle' });
    if (!(await page.content()).includes(viewer.name)) throw new Error('page views: the overview did not render signed in');
    await views(pages); // warm-up
    log(`(m) ${VIEWS} views of ${pages.length} signed-in pages and of /signin`);
    const floor = await views(['/signin'], signedOut);
    const signedIn = await views(pages);
    const per = (r: { cpu: number; count: number }) => r.cpu / r.count;
    table.push({
      figure: '(m) PostgreSQL signed-in page view in Chromium (overview, proposal in voting, proposals, seats): server CPU per view',
      measured: `${fmt(per(signedIn), 1)} ms; ${fmt(signedIn.requests / signedIn.count, 1)} requests per view, ${signedIn.prefetches} prefetches in ${signedIn.count} views`,
      baseline: `/signin viewed the same way, signed out (the page floor): ${fmt(per(floor), 1)} ms; ${fmt(floor.requests / floor.count, 1)} requests per view`,
      ratio: `${fmt(per(signedIn) / per(floor), 2)}×`,
      target: '— (what a page view costs beyond the document)',
      met: '—',
    });
    notes.push(`(m) server CPU in total: ${signedIn.cpu} ms for ${signedIn.count} signed-in views, ${floor.cpu} ms for ${floor.count} views of /signin.`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
