import type { Page } from '@playwright/test';
import { appointFounders, expect, foundOrganization, test, waitForHydration } from './fixtures';
import { seriousViolations } from './axe';

const shots = process.env.E2E_SHOTS_DIR;

/** Serious and critical axe violations on the page as it stands. */
async function axeViolations(page: Page): Promise<string[]> {
  return seriousViolations(page);
}

test('founding appointments are announced as closing, and the first publication asks for a confirmation', async ({ page, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(120_000);
  const ana = uniqueEmail('ana');
  const slug = `close-${runId}`;
  await foundOrganization(page, mailbox, ana, { name: 'Elm Street Garden', slug, template: 'Informal group' });

  // 1. The organization page and the seats page say it plainly, with the vacant seats.
  const notice = page.getByRole('region', { name: 'Founding appointments are open' });
  await expect(notice).toContainText('Publishing the first proposal closes founding appointments');
  await expect(notice).toContainText('3 seats are still vacant.');
  expect(await axeViolations(page)).toEqual([]);
  if (shots) await page.screenshot({ path: `${shots}/org-notice-desktop.png`, fullPage: true });
  await notice.getByRole('link', { name: 'See the seats' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/seats$`));
  await appointFounders(page, slug, [ana], 'Group');
  await expect(page.getByRole('region', { name: 'Founding appointments are open' })).toContainText('2 seats are still vacant.');

  // 2. A draft: its publish form says what publishing closes, and asks for "I understand".
  await page.goto(`/o/${slug}/proposals/new`);
  await page.getByLabel('Title').fill('Plant a hedge along the fence');
  await page.getByLabel('Proposal text').fill('We plant a native hedge along the north fence this autumn.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
  await waitForHydration(page);
  const publish = page.getByRole('form', { name: 'Publish proposal' });
  await expect(publish).toContainText('Publishing closes founding appointments: 2 seats are still vacant and will then be filled by appointment proposals.');
  const understood = publish.getByRole('checkbox', { name: 'I understand' });
  await expect(understood).not.toBeChecked();
  expect(await axeViolations(page)).toEqual([]);

  // 3. Without the box ticked, the server refuses in plain words and the proposal stays a draft.
  await publish.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(publish.getByText(/Tick “I understand” to publish\. Nothing was published\./)).toBeVisible();
  await expect(page.getByText('This is a private draft.')).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/publish-refused-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await publish.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);
  if (shots) await page.screenshot({ path: `${shots}/publish-refused-390.png`, fullPage: true });

  // 4. Ticked (by keyboard), it publishes.
  await understood.focus();
  await page.keyboard.press('Space');
  await expect(understood).toBeChecked();
  await publish.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();

  // 5. Founding appointments are closed: no notice, no founding form; the members are told by e-mail.
  await page.goto(`/o/${slug}/seats`);
  await expect(page.getByRole('heading', { name: 'Group', level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Founding appointments are open' })).toHaveCount(0);
  await expect(page.getByText('Founding appointment to the Group')).toHaveCount(0);
  const mail = await mailbox.latest(ana, /Founding appointments have closed/);
  expect(mail.text).toContain('2 seats are still vacant. From now on, seats are filled by appointment proposals');
  await page.goto(`/o/${slug}`);
  await expect(page.getByRole('region', { name: 'Founding appointments are open' })).toHaveCount(0);
  if (shots) await page.screenshot({ path: `${shots}/org-closed-390.png`, fullPage: true });
});
