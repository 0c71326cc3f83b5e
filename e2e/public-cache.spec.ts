import { expect, foundOrganization, test } from './fixtures';

// Signed-out visitors of public pages are served from the public page cache (lib/public-cache)
// while the organization's decision log has not moved; every response still gets its own nonce.

function nonceOf(csp: string | undefined): string {
  const match = /'nonce-([^']+)'/.exec(csp ?? '');
  if (!match) throw new Error(`no nonce in ${csp}`);
  return match[1]!;
}

test('a crowd of signed-out visitors gets cached pages, each with a fresh nonce, and they still hydrate', async ({ page, playwright, baseURL }) => {
  const url = '/o/riverbend-commons/proposals/7';
  const visitor = await playwright.request.newContext({ baseURL });
  // Specs running alongside move the server's clock or write to the demo organization, and each
  // such change is a new version (a miss): ask until the page is served from the cache.
  await expect.poll(async () => (await visitor.get(url)).headers()['x-quorate-cache'], { timeout: 20_000 }).toBe('hit');
  const responses = [];
  for (let i = 0; i < 3; i++) responses.push(await visitor.get(url));
  for (const r of responses) {
    expect(r.status()).toBe(200);
    expect(['hit', 'miss']).toContain(r.headers()['x-quorate-cache']);
  }
  const nonces = responses.map((r) => nonceOf(r.headers()['content-security-policy']));
  expect(new Set(nonces).size).toBe(3);
  for (const [i, r] of responses.entries()) {
    const body = await r.text();
    // The page's scripts carry this response's nonce, and no other response's.
    expect(body).toContain(`nonce="${nonces[i]}"`);
    for (const other of nonces.filter((_, j) => j !== i)) expect(body).not.toContain(other);
  }
  await visitor.dispose();

  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  let served = await page.goto(url);
  for (let i = 0; i < 10 && served?.headers()['x-quorate-cache'] !== 'hit'; i++) served = await page.goto(url);
  expect(served?.headers()['x-quorate-cache']).toBe('hit');
  // App Router sets window.next once its scripts ran and the page hydrated.
  await expect.poll(() => page.evaluate(() => (window as unknown as { next?: { version?: string } }).next?.version ?? null)).not.toBeNull();
  expect(violations).toEqual([]);
});

test('a logged change reaches signed-out visitors at once; signed-in people are never served the cache', async ({
  page,
  playwright,
  baseURL,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  const slug = `cache-${runId}`;
  await foundOrganization(page, mailbox, uniqueEmail('founder'), { name: 'Cache Street Allotments', slug });

  const visitor = await playwright.request.newContext({ baseURL });
  const first = await visitor.get(`/o/${slug}/log`);
  // Cached (asked until a hit: another spec moving the server's clock is a new version).
  await expect.poll(async () => (await visitor.get(`/o/${slug}/log`)).headers()['x-quorate-cache'], { timeout: 20_000 }).toBe('hit');
  expect(await (await visitor.get(`/o/${slug}/log`)).text()).not.toContain('Founding appointment: ');

  // The signed-in founder's own views are rendered for them, never taken from the cache.
  const own = await page.goto(`/o/${slug}/log`);
  expect(own?.headers()['x-quorate-cache']).toBeUndefined();

  await page.goto(`/o/${slug}/seats`);
  await page.locator('summary', { hasText: 'Founding appointment to the' }).first().click();
  await page.getByRole('button', { name: 'Appoint' }).first().click();
  await expect(page.getByText('Seat filled. The appointment is in the public log.')).toBeVisible();

  const after = await visitor.get(`/o/${slug}/log`);
  expect(after.headers()['x-quorate-cache']).toBe('miss');
  expect(await after.text()).toContain('Founding appointment: ');
  expect(first.status()).toBe(200);
  await visitor.dispose();
});
