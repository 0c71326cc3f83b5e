import * as e2e from './fixtures';

const { clockTest: test, expect } = e2e;

// It moves the shared server's clock: its name sorts among the other clock-moving specs, after the
// specs that read the demo organization's proposals in their windows.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const DAY = 24 * 60 * 60 * 1000;
const tenants = { name: 'Maple Court Tenants', template: 'Informal group', body: 'Group' };

test('a group decides by consent: the author revises, the objection is withdrawn and it passes; a standing one rejects', async ({
  page,
  browser,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  const slug = `consent-${runId}`;
  const [benPage, cleoPage] = await e2e.foundWithAnaBenCleo({ page, browser, mailbox, uniqueEmail }, { ...tenants, slug });

  // Two proposals by consent, published together: 3 days of comment, then a 2-day consent window.
  const numbers: number[] = [];
  for (const [title, text] of [
    ['Move the recycling bins to the side gate', 'We move the recycling bins from the front steps to the side gate, where the truck can reach them.'],
    ['Raise the garden fee to twenty a year', 'The yearly garden fee goes from ten to twenty, to pay for a new water butt and tools.'],
  ] as const) {
    numbers.push(await e2e.draftProposal(page, slug, { type: 'Group decision by consent', title, text }));
    await page.getByRole('button', { name: 'Publish proposal' }).click();
    await expect(page.getByText(/Comment window open until/)).toBeVisible();
  }
  const [bins, fee] = numbers as [number, number];
  await e2e.advanceClock(3 * DAY + 60_000);
  await e2e.reloadUntil(page, 'No objection stands.');

  // Ben objects to the bins: too short a reason is refused in words, then his reason is public at once.
  await benPage.goto(`/o/${slug}/proposals/${bins}`);
  await e2e.waitForHydration(benPage);
  await benPage.getByLabel('Your objection and its reason').fill('No.');
  await benPage.getByRole('button', { name: 'Object' }).click();
  await expect(benPage.getByText('Give the reason for your objection in at least 10 characters, so it can be addressed.').first()).toBeVisible();
  await benPage.getByLabel('Your objection and its reason').fill('The side gate path floods in winter; the bins would sit in water.');
  await benPage.getByRole('button', { name: 'Object' }).click();
  await expect(benPage.getByText(/^Recorded: your objection stands/)).toBeVisible();
  await e2e.axeClean(benPage);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/proposals/${bins}`);
  await expect(visitor.getByText('The side gate path floods in winter; the bins would sit in water.')).toBeVisible();
  await expect(visitor.getByText('1 objection stands')).toBeVisible();
  await e2e.shootBoth(benPage, 'consent-objected');

  // The window in plain words, on the list and the page: objections, not votes.
  await page.goto(`/o/${slug}/proposals`);
  await expect(page.getByText('Open for objections').first()).toBeVisible();
  await expect(page.getByText(/Objections close/).first()).toBeVisible();
  await expect(page.getByText('Voting open')).toHaveCount(0);

  // Ana, the author, revises the text during the window to meet Ben's objection; his objection stands until he withdraws it.
  await page.goto(`/o/${slug}/proposals/${bins}`);
  await e2e.waitForHydration(page);
  await expect(page.getByText(/^Open for objections until/)).toBeVisible();
  await page.getByText('Revise', { exact: true }).click();
  await expect(page.getByText(/Objections stay standing after a revision/)).toBeVisible();
  await page
    .locator('#rev-body')
    .fill('We move the recycling bins from the front steps to the side gate, on a raised stand so they stay dry when the path floods.');
  await page.locator('#rev-note').fill('A raised stand, for the flooding Ben raised.');
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByText('Revision saved.').first()).toBeVisible();
  await page.reload();
  await expect(page.getByText('Revision history (2 revisions)')).toBeVisible();
  await expect(page.getByText('1 objection stands')).toBeVisible();
  await e2e.axeClean(page);
  await e2e.shootBoth(page, 'consent-revised');
  await benPage.reload();
  await expect(benPage.getByText(/on a raised stand so they stay dry/).first()).toBeVisible();
  await expect(benPage.getByText('1 objection stands')).toBeVisible();

  // Addressed by the revision; Ben withdraws. Cleo objects to the fee and keeps her objection.
  await benPage.getByRole('button', { name: 'Withdraw my objection' }).click();
  await expect(benPage.getByText(/Your objection is withdrawn/).first()).toBeVisible();
  await cleoPage.goto(`/o/${slug}/proposals/${fee}`);
  await e2e.waitForHydration(cleoPage);
  await cleoPage.setViewportSize({ width: 390, height: 844 });
  await cleoPage.getByLabel('Your objection and its reason').fill('Twenty is too much for the pensioners among us; ask for donations first.');
  await cleoPage.getByRole('button', { name: 'Object' }).click();
  await expect(cleoPage.getByText(/^Recorded: your objection stands/)).toBeVisible();
  expect(await cleoPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // After the 2-day window: the bins pass (no objection stood), the fee is rejected with Cleo's objection.
  // (Ana revised early in the window, more than a day before its close: the close did not move.)
  await e2e.advanceClock(2 * DAY + 60_000);
  await visitor.goto(`/o/${slug}/proposals/${bins}`);
  await e2e.reloadUntil(visitor, 'Passed: no objection stood');
  await visitor.goto(`/o/${slug}/proposals/${fee}`);
  await e2e.reloadUntil(visitor, 'Rejected: 1 objection stood');
  await expect(visitor.getByText('Twenty is too much for the pensioners among us; ask for donations first.')).toBeVisible();
  await e2e.axeClean(visitor);
  await e2e.shootBoth(visitor, 'consent-rejected');

  // The record verifies without this website.
  const verified = await e2e.verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/✔ Log intact/);
  expect(verified.code).toBe(0);
});
