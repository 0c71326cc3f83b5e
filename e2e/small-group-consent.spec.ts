import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  advanceClock,
  appointFounders,
  draftProposal,
  expect,
  foundOrganization,
  inviteMembers,
  openInvite,
  recordNameSave,
  reloadUntil,
  clockTest as test,
  verifyExportWithCli,
  waitForHydration,
} from './fixtures';

// It moves the shared server's clock: its name sorts among the other clock-moving specs, after the
// specs that read the demo organization's proposals in their windows.
test.describe.configure({ mode: 'serial' });

const DAY = 24 * 60 * 60 * 1000;

async function nameThemselves(page: Page, name: string): Promise<void> {
  await page.goto('/account');
  await recordNameSave(page, name);
}

/** With E2E_SHOTS set to a folder: a full-page screenshot at desktop width and at 390 px, for a person to look at. */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  const size = page.viewportSize();
  for (const [label, width] of [
    ['desktop', 1280],
    ['390', 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${label}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

async function axeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a group decides by consent: an objection in plain view, withdrawn once addressed; a standing one rejects', async ({
  page,
  browser,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  test.setTimeout(300_000);
  const [ana, ben, cleo] = [uniqueEmail('k-ana'), uniqueEmail('k-ben'), uniqueEmail('k-cleo')];
  const slug = `consent-${runId}`;

  await foundOrganization(page, mailbox, ana, { name: 'Maple Court Tenants', slug, template: 'Informal group' });
  await nameThemselves(page, 'Ana Lopez');
  await inviteMembers(page, slug, [ben, cleo]);
  const benPage = await openInvite(browser, mailbox, ben);
  await nameThemselves(benPage, 'Ben Okafor');
  const cleoPage = await openInvite(browser, mailbox, cleo);
  await nameThemselves(cleoPage, 'Cleo Park');
  await appointFounders(page, slug, ['Ana Lopez', 'Ben Okafor', 'Cleo Park'], 'Group');

  // Two proposals by consent, published together: 3 days of comment, then a 2-day consent window.
  const bins = await draftProposal(page, slug, {
    type: 'Group decision by consent',
    title: 'Move the recycling bins to the side gate',
    text: 'We move the recycling bins from the front steps to the side gate, where the truck can reach them.',
  });
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  const fee = await draftProposal(page, slug, {
    type: 'Group decision by consent',
    title: 'Raise the garden fee to twenty a year',
    text: 'The yearly garden fee goes from ten to twenty, to pay for a new water butt and tools.',
  });
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();

  await advanceClock(3 * DAY + 60_000);
  await reloadUntil(page, 'No objection stands.');

  // Ben objects to the bins: too short a reason is refused in words, then his reason is public at once.
  await benPage.goto(`/o/${slug}/proposals/${bins}`);
  await waitForHydration(benPage);
  await benPage.getByLabel('Your objection and its reason').fill('No.');
  await benPage.getByRole('button', { name: 'Object' }).click();
  await expect(benPage.getByText('Give the reason for your objection in at least 10 characters, so it can be addressed.').first()).toBeVisible();
  await benPage.getByLabel('Your objection and its reason').fill('The side gate path floods in winter; the bins would sit in water.');
  await benPage.getByRole('button', { name: 'Object' }).click();
  await expect(benPage.getByText(/^Recorded: your objection stands/)).toBeVisible();
  await axeClean(benPage);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/proposals/${bins}`);
  await expect(visitor.getByText('The side gate path floods in winter; the bins would sit in water.')).toBeVisible();
  await expect(visitor.getByText('1 objection stands')).toBeVisible();
  await shoot(benPage, 'consent-objected');

  // Addressed in the comments; Ben withdraws. Cleo objects to the fee and keeps her objection.
  await benPage.getByRole('button', { name: 'Withdraw my objection' }).click();
  await expect(benPage.getByText(/Your objection is withdrawn/).first()).toBeVisible();
  await cleoPage.goto(`/o/${slug}/proposals/${fee}`);
  await waitForHydration(cleoPage);
  await cleoPage.setViewportSize({ width: 390, height: 844 });
  await cleoPage.getByLabel('Your objection and its reason').fill('Twenty is too much for the pensioners among us; ask for donations first.');
  await cleoPage.getByRole('button', { name: 'Object' }).click();
  await expect(cleoPage.getByText(/^Recorded: your objection stands/)).toBeVisible();
  expect(await cleoPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // After the 2-day window: the bins pass (no objection stood), the fee is rejected with Cleo's objection.
  await advanceClock(2 * DAY + 60_000);
  await visitor.goto(`/o/${slug}/proposals/${bins}`);
  await reloadUntil(visitor, 'Passed: no objection stood');
  await visitor.goto(`/o/${slug}/proposals/${fee}`);
  await reloadUntil(visitor, 'Rejected: 1 objection stood');
  await expect(visitor.getByText('Twenty is too much for the pensioners among us; ask for donations first.')).toBeVisible();
  await axeClean(visitor);
  await shoot(visitor, 'consent-rejected');

  // The record verifies without this website.
  const verified = await verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/✔ Log intact/);
  expect(verified.code).toBe(0);
});
