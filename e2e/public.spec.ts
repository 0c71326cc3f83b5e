import { expect, test, waitForHydration } from './fixtures';

test('the seeded demo organization is public on the home page, signed out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Governance that cannot be hijacked.' })).toBeVisible();
  await page.getByRole('link', { name: 'Riverbend Commons' }).click();
  await expect(page).toHaveURL(/\/o\/riverbend-commons$/);
  await expect(page.getByText(/\d+ people belong to Riverbend Commons\./)).toBeVisible();
  await expect(page.getByText('6 of 9 charter seats filled')).toBeVisible();
  await expect(page.getByText('Below strength').first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText('demo.quorate.localhost');
});

test('development-only tools do not exist in production', async ({ page, request }) => {
  expect((await request.get('/dev/mail')).status()).toBe(404);
  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Demo accounts' })).toHaveCount(0);
});

test('an unknown organization is a clear 404', async ({ page }) => {
  const response = await page.goto('/o/no-such-org');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('a sign-in request with a bad address explains what is wrong', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('E-mail address').fill('nobody-at-example');
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByText('Enter a valid e-mail address, like name@example.org.')).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue('nobody-at-example');
});

test('pages carry a nonce-based Content-Security-Policy and run without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  const response = await page.goto('/o/riverbend-commons');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  // Client components hydrate: the verifier runs in the browser, which needs the nonce'd scripts.
  await page.goto('/o/riverbend-commons/verify');
  await page.getByRole('button', { name: 'Verify the published log' }).click();
  await expect(page.getByText(/Intact/).first()).toBeVisible({ timeout: 20_000 });
  await page.goto('/o/riverbend-commons/proposals/7');
  expect(violations).toEqual([]);
});

test('the proposals list searches and filters with a plain form, and says which value it ignored', async ({ page }) => {
  await page.goto('/o/riverbend-commons/proposals?q=board&state=bogus');
  const search = page.getByRole('search', { name: 'Search proposals' });
  await expect(search.getByLabel('Words in the title or text')).toHaveValue('board');
  await expect(page.getByText('“bogus” is not a state: showing every state.')).toBeVisible();
  // Stored states only (other specs move the clock and decide proposals): "withdrawn" never changes.
  await search.getByLabel('Words in the title or text').fill('');
  await search.getByLabel('State').selectOption({ label: 'Withdrawn' });
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/state=withdrawn/);
  await expect(page.getByText(/^(One proposal matches|\d+ proposals match)\.$/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Rename the trust to Riverbend Homes/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /operating budget/ })).toHaveCount(0);
  // Words: a title word finds its proposal, whatever its state.
  await search.getByLabel('State').selectOption({ label: 'Every state' });
  await search.getByLabel('Words in the title or text').fill('residents');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name: /Open board meetings to residents/ })).toBeVisible();
  await search.getByLabel('Words in the title or text').fill('zzqx');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No proposal matches.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/proposals$/);
});

test('links are fetched when followed, never prefetched: a page in view asks the server for nothing more', async ({ page }) => {
  const prefetches: string[] = [];
  const documents: string[] = [];
  let flights = 0;
  page.on('request', (r) => {
    const headers = r.headers();
    if (headers['next-router-prefetch']) prefetches.push(r.url());
    else if (headers['rsc']) flights++;
    if (r.resourceType() === 'document') documents.push(r.url());
  });
  await page.goto('/o/riverbend-commons/proposals');
  await waitForHydration(page);
  const sections = page.getByRole('navigation', { name: 'Riverbend Commons sections' });
  await sections.getByRole('link', { name: 'Seats' }).hover();
  await page.waitForLoadState('networkidle');
  // Followed, a link still navigates inside the page (one flight request), not by loading a new document.
  await sections.getByRole('link', { name: 'Seats' }).click();
  await expect(page).toHaveURL(/\/o\/riverbend-commons\/seats$/);
  await expect(page.getByText('6 of 9 charter seats filled')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(prefetches).toEqual([]);
  expect(flights).toBeGreaterThan(0);
  expect(documents).toHaveLength(1);
});
