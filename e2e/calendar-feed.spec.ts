import { expect, foundOrganization, test, waitForHydration } from './fixtures';

const shots = process.env.E2E_SHOTS_DIR;

test('a person creates their calendar link, a calendar reads it, and replacing it ends the old one', async ({ page, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(90_000);
  const slug = `cal-${runId}`;
  await foundOrganization(page, mailbox, uniqueEmail('cal-founder'), { name: 'Canal Club', slug });

  // The organization page offers its public feed.
  const subscribe = page.getByRole('link', { name: 'Subscribe (iCalendar)', exact: true });
  await expect(subscribe).toHaveAttribute('href', `/o/${slug}/calendar.ics`);
  const orgFeed = await page.request.get(`/o/${slug}/calendar.ics`);
  expect(orgFeed.status()).toBe(200);
  expect(orgFeed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await orgFeed.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);

  // On /account: create the personal link; it is shown once.
  await page.goto('/account');
  await waitForHydration(page);
  const section = page.getByRole('region', { name: 'Your calendar' });
  await section.getByRole('button', { name: 'Create my calendar link' }).click();
  await expect(section.getByText(/Your calendar link is ready/)).toBeVisible();
  const first = await section.getByLabel(/Your calendar link/).inputValue();
  expect(first).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await page.request.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(feed.headers()['cache-control']).toBe('private, no-store');
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');

  if (shots) await section.screenshot({ path: `${shots}/calendar-account-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  if (shots) await section.screenshot({ path: `${shots}/calendar-account-390.png` });

  // A reload shows the link exists, never the link itself.
  await page.reload();
  await waitForHydration(page);
  await expect(section.getByText(/You have a calendar link, created/)).toBeVisible();
  await expect(section.getByLabel(/Your calendar link/)).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(first.split('/calendar/')[1]!);

  // Replacing asks for confirmation first, in plain words.
  await section.getByRole('button', { name: 'Replace the link' }).click();
  await expect(section.getByText(/Tick the box to confirm that the old link will stop working/)).toBeVisible();
  expect((await page.request.get(first)).status()).toBe(200);
  await section.getByRole('checkbox', { name: /the old link stops working/ }).check();
  await section.getByRole('button', { name: 'Replace the link' }).click();
  await expect(section.getByText(/Your calendar link was replaced/)).toBeVisible();
  const second = await section.getByLabel(/Your calendar link/).inputValue();
  expect(second).not.toBe(first);
  if (shots) await section.screenshot({ path: `${shots}/calendar-account-390-replaced.png` });
  expect((await page.request.get(second)).status()).toBe(200);

  // The old address answers exactly as one that never existed.
  const old = await page.request.get(first);
  const never = await page.request.get(`/calendar/${'A'.repeat(43)}.ics`);
  expect(old.status()).toBe(404);
  expect(never.status()).toBe(404);
  expect(await old.text()).toBe(await never.text());
  expect(old.headers()['content-type']).toBe(never.headers()['content-type']);
});
