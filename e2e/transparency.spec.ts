import { expect, test } from './fixtures';

// The public transparency pages on the seeded demo organization, signed out.

const org = '/o/riverbend-commons';

test('the decision log filters with a shareable GET form and pages with keyset links', async ({ page }) => {
  await page.goto(`${org}/log`);
  await expect(page.getByRole('heading', { level: 1, name: 'Decision log' })).toBeVisible();

  // Paging: older, then back to newer.
  const newestFirst = await page.locator('ol > li').first().getAttribute('id');
  await page.getByRole('link', { name: 'Older entries →' }).click();
  await expect(page).toHaveURL(/\/log\?before=\d+$/);
  await expect(page.locator('ol > li').first()).not.toHaveAttribute('id', newestFirst!);
  await page.getByRole('link', { name: '← Newer entries' }).click();
  await expect(page).toHaveURL(/\/log\?after=\d+$/);
  await expect(page.locator('ol > li').first()).toHaveAttribute('id', newestFirst!);

  // Filtering: the form's values end up in the URL, and the results match.
  await page.getByLabel('Kind').selectOption('voting.closed');
  // The proposal is typed by number (a list of every proposal grew the page with the
  // organization), with the most recent ones suggested.
  await expect(page.locator('datalist#filter-proposal-recent option').first()).toHaveAttribute('value', /^\d+$/);
  await page.getByLabel('Proposal').fill('1');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=voting\.closed/);
  await expect(page).toHaveURL(/proposal=1/);
  const items = page.locator('ol > li');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Voting closed on #1: passed 5–0–1');
  await expect(page.getByRole('link', { name: 'Download CSV (these filters)' })).toHaveAttribute('href', `${org}/log/export.csv?kind=voting.closed&proposal=1`);

  // The raw entry and its hashes are one disclosure away.
  await items.first().getByText('Raw entry and hashes').click();
  await expect(items.first().locator('pre')).toContainText('"kind":"voting.closed"');
  await expect(items.first()).toContainText(/hash[0-9a-f]{64}/);

  // The filters in force are chips: removing one keeps the others.
  await expect(page.getByRole('link', { name: 'Remove filter: Kind: Voting closed' })).toBeVisible();
  await page.getByRole('link', { name: /^Remove filter: Proposal: #1 / }).click();
  await expect(page).toHaveURL(new RegExp(`${org}/log\\?kind=voting\\.closed$`));
  await expect(page.getByLabel('Proposal')).toHaveValue('');
  await expect(page.getByRole('link', { name: /^Remove filter: Proposal/ })).toHaveCount(0);

  // Keyboard only: type a number and press Enter. A number no public proposal has says so.
  await page.getByLabel('Proposal').fill('9999');
  await page.getByLabel('Proposal').press('Enter');
  await expect(page).toHaveURL(/[?&]proposal=9999(&|$)/);
  await expect(page).toHaveURL(/[?&]kind=voting\.closed(&|$)/);
  await expect(page.getByRole('link', { name: 'Remove filter: Proposal: #9999 (no public proposal has this number)' })).toBeVisible();
  await expect(page.getByText('No entries match these filters.')).toBeVisible();

  // A filter that matches nothing says so, and offers the way back.
  await page.goto(`${org}/log?kind=proposal.lapsed`);
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await page.getByRole('link', { name: 'Show the whole log' }).click();
  await expect(page).toHaveURL(new RegExp(`${org}/log$`));
});

test('the overview shows participation, the verifier key and a way to verify', async ({ page }) => {
  await page.goto(org);
  const chart = page.getByRole('img', { name: /Ballots cast against charter seats/ });
  await expect(chart).toBeVisible();
  await page.getByText('Participation as a table').click();
  await expect(page.getByRole('row', { name: /#1 Adopt a conflict-of-interest policy/ })).toContainText('passed');
  await expect(page.locator('code', { hasText: /\/o\/riverbend-commons\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Verify this record' }).click();
  await expect(page).toHaveURL(new RegExp(`${org}/verify$`));
});

test('the verify page checks the published log by keyboard and reports it intact', async ({ page }) => {
  await page.goto(`${org}/verify`);
  const button = page.getByRole('button', { name: 'Verify the published log' });
  await button.focus();
  await page.keyboard.press('Enter');
  const verdict = page.getByRole('heading', { name: /Intact/ });
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  await expect(verdict).toBeFocused();
  const bar = page.getByRole('progressbar');
  const total = await bar.getAttribute('aria-valuemax');
  expect(Number(total)).toBeGreaterThan(50);
  await expect(bar).toHaveAttribute('aria-valuenow', total!);
  await expect(page.getByText(/1 signed checkpoint|\d+ signed checkpoints/)).toContainText(/verified with key \S+\/o\/riverbend-commons\+[0-9a-f]{8}\+/);
});

test('the verify page finds a tampered entry in an uploaded export', async ({ page, request }) => {
  const exported = (await (await request.get(`/api${org}/log/export`)).json()) as { entries: { seq: number; payload: Record<string, unknown> }[] };
  // Rewrite history: change what entry #5 says, leaving its stored hash as it was.
  exported.entries[4]!.payload = { ...exported.entries[4]!.payload, note: 'rewritten' };
  await page.goto(`${org}/verify`);
  await page
    .getByLabel('Or check an export file you saved')
    .setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(page.getByRole('heading', { name: /Tampered/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('The first bad entry is')).toContainText('#5');
  await expect(page.getByText(/#5 hash mismatch/)).toBeVisible();

  // A file that is not an export is explained, not crashed on.
  await page.getByLabel('Or check an export file you saved').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByText('This is not JSON')).toBeVisible();
});
