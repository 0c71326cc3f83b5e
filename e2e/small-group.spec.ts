import { expect, signInByMagicLink, test, waitForHydration } from './fixtures';

test('a small group founds on the informal template: preview, a plain refusal, its 3 seats', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  const slug = `garden-${runId}`;
  await signInByMagicLink(page, mailbox, uniqueEmail('gardener'), '/orgs/new');
  // The preview follows the radios once the page's script runs.
  await waitForHydration(page);

  // 1. The preview follows the choice: the informal group's one body of 3 and the counts a group of 3 meets.
  await page.getByRole('radio', { name: /^Informal group/ }).check();
  const preview = page.getByRole('region', { name: 'Preview: the informal group charter' });
  await expect(preview).toContainText('Group: 3 seats');
  await expect(preview.getByText('Group decision', { exact: true })).toBeVisible();
  await expect(preview.getByText('2 of its 3 seats vote (yes, no or abstain)').first()).toBeVisible();
  await expect(preview.getByText('2 of the 3 seats vote yes').first()).toBeVisible();

  // 2. Settings a template cannot take are refused in the body's own name, and nothing typed is lost.
  // A mission of 2,000 characters as typed, with line breaks (which the browser sends as CRLF).
  const mission = Array.from({ length: 20 }, (_, i) => `Line ${String(i).padStart(2, '0')} `.padEnd(99, 'g')).join('\n') + '.';
  expect(mission.length).toBe(2000);
  await page.getByLabel('Name').fill('Elm Street Garden');
  await page.getByLabel('Address (slug)').fill(slug);
  await page.getByLabel('Mission').fill(mission);
  await page.getByRole('radio', { name: /^Nonprofit board/ }).check();
  await expect(page.getByRole('region', { name: 'Preview: the nonprofit board charter' })).toContainText('Board: 9 seats');
  await page.getByLabel('Seats on the main body').fill('3');
  await page.getByRole('button', { name: 'Create organization' }).click();
  const seatsField = page.getByLabel('Seats on the main body');
  await expect(seatsField).toHaveAccessibleDescription(
    /The Board needs at least 4 seats: its seat classes require 3 independent seats and 1 employee representative seat\./,
  );
  await expect(page.getByText(/"board"/)).toHaveCount(0);
  await expect(page.getByLabel('Mission')).toHaveValue(mission);
  await expect(page.getByRole('radio', { name: /^Nonprofit board/ })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Preview: the nonprofit board charter' })).toBeVisible();

  // 3. Back to the informal group, with its own 3 seats: created.
  await page.getByRole('radio', { name: /^Informal group/ }).check();
  await seatsField.fill('');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByRole('heading', { name: 'Elm Street Garden' })).toBeVisible();
  await expect(page.getByText('Line 19', { exact: false })).toBeVisible();

  // 4. Its group: 3 charter seats, all waiting for their founding holders.
  await page.goto(`/o/${slug}/seats`);
  await expect(page.getByRole('heading', { name: 'Group', level: 2 })).toBeVisible();
  await expect(page.getByText('of 3 charter seats filled')).toBeVisible();
  await expect(page.getByText('Founding appointment to the Group')).toBeVisible();

  // 5. Without JavaScript, the preview of any template is one link away.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto('/orgs/new');
  await plain.getByRole('link', { name: 'Preview the small board rules' }).click();
  await expect(plain).toHaveURL(/\?template=small_board/);
  await expect(plain.getByRole('radio', { name: /^Small board/ })).toBeChecked();
  await expect(plain.getByRole('region', { name: 'Preview: the small board charter' })).toContainText('Board: 5 seats');
  await noScript.close();
});
