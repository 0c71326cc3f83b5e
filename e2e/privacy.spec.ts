import type { APIRequestContext } from '@playwright/test';
import { expect, signInByMagicLink, test } from './fixtures';

// docs/design.md §5: nothing private — drafts, e-mail addresses, session or sign-in tokens — ever
// appears on the public transparency pages. This crawls them signed out, the way a stranger or a
// search engine would, following links from the organization's page.

const slug = 'riverbend-commons';
const start = `/o/${slug}`;
const maxPages = 200;
const privateDraftTitle = 'Publish an annual report on governance'; // db/seed/governance.ts, item 9
const privateDraftNumber = 9;

/** Same-origin links in HTML or Atom: href="…" attributes, entity-decoded, without fragments. */
function linksIn(body: string, from: URL): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/\bhref="([^"]*)"/g)) {
    const raw = m[1]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&#39;', "'");
    let url: URL;
    try {
      url = new URL(raw, from);
    } catch {
      continue;
    }
    if (url.origin !== from.origin) continue;
    url.hash = '';
    out.push(url.pathname + url.search);
  }
  return out;
}

/** Public routes of the demo organization: its pages, exports and API, nothing else. */
const inScope = (path: string) => path === start || path.startsWith(`${start}/`) || path.startsWith(`/api${start}/`);

function privacyProblems(body: string): string[] {
  const problems: string[] = [];
  if (/@demo\.quorate\.localhost/i.test(body)) problems.push('a seeded e-mail address (@demo.quorate.localhost)');
  if (body.includes(privateDraftTitle)) problems.push(`the private draft's title "${privateDraftTitle}"`);
  if (/token=[0-9a-f]{64}\b/i.test(body)) problems.push('a 64-hex-digit token in a token= query string');
  if (/verification_token/i.test(body)) problems.push('the string "verification_token"');
  return problems;
}

async function crawl(request: APIRequestContext, baseURL: string): Promise<Map<string, { status: number; type: string }>> {
  const seen = new Map<string, { status: number; type: string }>();
  const queue = [start];
  const queued = new Set(queue);
  while (queue.length > 0 && seen.size < maxPages) {
    const path = queue.shift()!;
    const response = await request.get(path, { maxRedirects: 0 });
    const body = await response.text();
    const type = response.headers()['content-type'] ?? '';
    seen.set(path, { status: response.status(), type });
    expect.soft(privacyProblems(body), `${path} leaks private data`).toEqual([]);
    if (!/html|xml/.test(type)) continue;
    for (const link of linksIn(body, new URL(path, baseURL))) {
      if (inScope(link) && !queued.has(link)) {
        queued.add(link);
        queue.push(link);
      }
    }
  }
  return seen;
}

test('signed out, every public page, export and API response of the demo organization is free of private data', async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const seen = await crawl(request, baseURL!);
  // The JSON export is not linked from HTML (the verify page fetches it), so check it directly.
  const api = await request.get(`/api${start}/log/export`);
  expect(api.status()).toBe(200);
  expect(privacyProblems(await api.text())).toEqual([]);

  const paths = [...seen.keys()];
  test.info().annotations.push({ type: 'pages crawled', description: String(paths.length) });
  const failed = [...seen].filter(([, r]) => r.status !== 200).map(([p, r]) => `${p} → ${r.status}`);
  expect(failed, 'every linked public page answers 200').toEqual([]);
  // The crawl must really have reached every kind of public route, or it proves nothing.
  for (const expected of [
    start,
    `${start}/proposals`,
    `${start}/seats`,
    `${start}/log`,
    `${start}/verify`,
    `${start}/log/export.csv`,
    `${start}/log/feed.atom`,
  ]) {
    expect(paths, `the crawl reached ${expected}`).toContain(expected);
  }
  for (let n = 1; n < privateDraftNumber; n++) expect(paths, `the crawl reached proposal #${n}`).toContain(`${start}/proposals/${n}`);
  expect(
    paths.some((p) => /\/log\?(.*&)?before=\d+/.test(p)),
    'the crawl paged through the log',
  ).toBe(true);
  expect(
    paths.some((p) => p.startsWith(`${start}/log/export.csv?`) || p.startsWith(`${start}/log?`)),
    'filtered views are linked',
  ).toBe(true);
  expect(paths).not.toContain(`${start}/proposals/${privateDraftNumber}`);
});

test('a private draft is a 404 for everyone but its author', async ({ page, browser, mailbox }) => {
  test.setTimeout(90_000);
  const draft = `${start}/proposals/${privateDraftNumber}`;
  // Signed out.
  expect((await page.request.get(draft)).status()).toBe(404);
  expect((await page.goto(draft))?.status()).toBe(404);

  // A member who is not the author (Grace, the secretary).
  await signInByMagicLink(page, mailbox, 'grace@demo.quorate.localhost', start);
  expect((await page.goto(draft))?.status()).toBe(404);
  await expect(page.locator('body')).not.toContainText(privateDraftTitle);

  // The author (Ada) sees it: the 404s above are about who is asking, not a missing page.
  const author = await (await browser.newContext()).newPage();
  await signInByMagicLink(author, mailbox, 'ada@demo.quorate.localhost', start);
  expect((await author.goto(draft))?.status()).toBe(200);
  await expect(author.getByRole('heading', { level: 1, name: privateDraftTitle })).toBeVisible();
  await author.context().close();
});

test('the public exports are public, cacheable, and 404 for unknown organizations', async ({ request }) => {
  for (const path of [`${start}/log/export.csv`, `${start}/log/feed.atom`]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('public, max-age=15, stale-while-revalidate=60');
    expect((await request.get(path.replace(slug, 'no-such-org'))).status()).toBe(404);
  }
  const csv = await (await request.get(`${start}/log/export.csv?kind=voting.closed`)).text();
  expect(csv.split('\r\n')[0]).toBe('seq,at,kind,summary,subject,actor_id,payload,prev_hash,hash');
  expect(csv).toContain('Voting closed on #1: passed 5–0–1');
  expect(csv).not.toContain('ballot.cast');
  const atom = await (await request.get(`${start}/log/feed.atom`)).text();
  expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(atom).toMatch(/<link rel="alternate" type="text\/html" href="http:\/\/localhost:\d+\/o\/riverbend-commons\/proposals\/\d+"\/>/);
});
