import type { Page } from '@playwright/test';
import { expect, foundOrganization, test } from './fixtures';

/** With SHOTS_DIR set, saves a full-page screenshot there (for reviewing the layout; nothing is written otherwise). */
async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.SHOTS_DIR) return;
  await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

test('an admin amends the board’s seats through the charter editor, sees the changes, and publishes', async ({ page, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(120_000);
  const slug = `charter-${runId}`;
  await foundOrganization(page, mailbox, uniqueEmail('ada'), { name: 'Harbour Lane Tenants', slug, seats: 5 });

  await page.goto(`/o/${slug}/proposals/new`);
  await page.getByLabel('Type').selectOption({ label: 'Charter amendment' });
  await page.getByLabel('Title').fill('Grow the board to seven seats');
  await page.getByLabel('Proposal text').fill('Two more seats so that every building of the estate has a director.');
  const board = page.getByRole('group', { name: 'Board', exact: true }).first();
  const seats = board.getByLabel('Charter seats');
  await expect(seats).toHaveValue('5');
  const changes = page.getByRole('region', { name: 'Changes against the current charter' });
  await expect(changes).toContainText('No changes yet');

  // A word where a number goes: refused beside the field, and nothing typed is lost.
  await seats.fill('seven');
  await expect(changes).toContainText('The Board’s charter seats must be a whole number.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(seats).toHaveAccessibleDescription(/The Board’s charter seats must be a whole number\./);
  await expect(page.getByLabel('Title')).toHaveValue('Grow the board to seven seats');

  // The number: the change reads as a sentence before saving.
  await seats.fill('7');
  await expect(changes).toContainText('Board: charter seats 5 → 7.');
  await shot(page, 'editor-desktop');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/\\d+$`));
  const proposalUrl = page.url();

  // The proposal page says what the amendment changes; publishing starts its procedure, and the charter in force is unchanged.
  const amendment = page.getByRole('region', { name: /What this amendment changes in the charter/ });
  await expect(amendment).toContainText('Board: charter seats 5 → 7.');
  // The organization's first publication, with seats still vacant: it closes founding appointments.
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  await expect(amendment).toContainText('Board: charter seats 5 → 7.');
  await shot(page, 'proposal-desktop');
  await page.goto(`/o/${slug}/seats`);
  await expect(page.getByText(/of 5 charter seats filled/)).toBeVisible();

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/o/${slug}/proposals/new`);
  await page.getByLabel('Type').selectOption({ label: 'Charter amendment' });
  await page.getByRole('group', { name: 'Board', exact: true }).first().getByLabel('Charter seats').fill('6');
  await expect(page.getByRole('region', { name: 'Changes against the current charter' })).toContainText('Board: charter seats 5 → 6.');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(page, 'editor-390');
  await page.goto(proposalUrl);
  await shot(page, 'proposal-390');
});
