import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, foundOrganization, test } from './fixtures';

const shots = '/work/shots/s7-settings';

async function expectAxeClean(page: Page): Promise<void> {
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A full-page screenshot at desktop width and at 390 px, for the slice's review (outside the repo). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('an admin archives the organization with its name typed, it takes no invitations and shows a banner, then unarchives it', async ({
  page,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  const admin = uniqueEmail('arch-admin');
  const slug = `arch-${runId}`;
  await foundOrganization(page, mailbox, admin, { name: 'Garden Group', slug });

  await page.goto(`/o/${slug}/settings/profile`);
  await page.getByRole('link', { name: 'Archive the organization' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/settings/archive$`));
  await expectAxeClean(page);
  await shoot(page, 'archive-form');

  // A wrong name is refused in plain words and nothing changes.
  const confirmation = page.getByLabel(/Type the organization's name to confirm/);
  await confirmation.fill('garden');
  await page.getByRole('button', { name: 'Archive the organization' }).click();
  await expect(page.getByText('To archive, type the organization\'s name exactly as shown ("Garden Group"). Nothing was changed.').first()).toBeVisible();
  await shoot(page, 'archive-refused');

  await page.getByLabel(/Type the organization's name to confirm/).fill('Garden Group');
  await page.getByRole('button', { name: 'Archive the organization' }).click();
  await expect(page.getByTestId('archived-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unarchive the organization' })).toBeVisible();
  await shoot(page, 'archived');

  await page.goto(`/o/${slug}/proposals`);
  await expect(page.getByTestId('archived-banner')).toContainText('This organization is archived');
  await shoot(page, 'proposals-archived');

  // An invitation is refused with the reason.
  await page.goto(`/o/${slug}/members`);
  await page.getByLabel('E-mail address').fill(uniqueEmail('arch-invitee'));
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('This organization is archived', { exact: false }).first()).toBeVisible();

  // The log records it; unarchiving brings the organization back.
  await page.goto(`/o/${slug}/settings/archive`);
  await page.getByRole('button', { name: 'Unarchive the organization' }).click();
  await expect(page.getByRole('button', { name: 'Archive the organization' })).toBeVisible();
  await expect(page.getByTestId('archived-banner')).toHaveCount(0);
  await page.goto(`/o/${slug}/log`);
  await expect(page.getByText('organization.archived', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('organization.unarchived', { exact: false }).first()).toBeVisible();
});
