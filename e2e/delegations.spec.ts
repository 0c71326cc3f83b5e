import { axeClean, expect, signInByMagicLink, shootBoth, test } from './fixtures';

const start = '/o/riverbend-commons';

// The demo charter has no member-wide body yet, so nobody may delegate there: the page says so,
// and still lists what is delegated (the integration tests cover delegating and revoking).
test('a member finds “My delegations” in the organization’s sections; the page says what the charter allows', async ({ page, mailbox }) => {
  await page.goto(`${start}/delegations`);
  await expect(page).toHaveURL(/\/signin/);

  await signInByMagicLink(page, mailbox, 'linus@demo.quorate.localhost', start);
  await page.goto(start);
  await page.getByRole('navigation', { name: 'Riverbend Commons sections' }).getByRole('link', { name: 'My delegations' }).click();
  await expect(page).toHaveURL(new RegExp(`${start}/delegations$`));
  await expect(page.getByRole('heading', { name: 'My delegations', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'My delegations' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('You have not delegated your vote.')).toBeVisible();
  await expect(page.getByText('Nobody has delegated their vote to you.')).toBeVisible();
  await expect(page.getByText(/charter does not let members delegate their vote in any vote/)).toBeVisible();
  await axeClean(page);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await axeClean(page);
  await shootBoth(page, 'delegations');
});

test('an observer is told they have no vote to delegate', async ({ page, mailbox }) => {
  await signInByMagicLink(page, mailbox, 'tim@demo.quorate.localhost', `${start}/delegations`);
  await page.goto(`${start}/delegations`);
  await expect(page.getByText('Observers do not vote, so they have no vote to delegate.')).toBeVisible();
});
