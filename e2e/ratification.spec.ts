import type { Page } from '@playwright/test';
import { advanceClock, appointFounders, castVotes, expect, foundOrganization, inviteMembers, openInvite, reloadUntil, clockTest as test } from './fixtures';

// This journey moves the server's clock; run its steps in order.
test.describe.configure({ mode: 'serial' });

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

test('an emergency decision is ratified through the UI before its deadline', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(300_000);
  const names = ['ana', 'ben', 'cleo', 'dan', 'eva'] as const;
  const emails = names.map((n) => uniqueEmail(n));
  const slug = `ratify-${runId}`;

  await foundOrganization(page, mailbox, emails[0]!, { name: 'Mill Lane Housing', slug, seats: 5 });

  await inviteMembers(page, slug, emails.slice(1));
  const others: Page[] = [];
  for (const email of emails.slice(1)) others.push(await openInvite(browser, mailbox, email));
  const everyone = [page, ...others];

  // Every board seat filled by founding appointment.
  await appointFounders(page, slug, emails);
  await expect(page.getByText('5 of 5 charter seats filled')).toBeVisible();

  // An emergency resolution, published: the confirmation stays although the publish form is gone.
  await page.goto(`/o/${slug}/proposals/new`);
  await page.getByLabel('Type').selectOption({ label: 'Emergency resolution' });
  await page.getByLabel('Title').fill('Repair the burst water main');
  await page.getByLabel('Proposal text').fill('The water main under block B burst; we repair it at once from the reserve.');
  await page.getByLabel(/Emergency procedure/).check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
  // The organization's first publication, with seats still vacant: it closes founding appointments.
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText('Published. The comment window is open and every seat holder has been given notice.')).toBeVisible();
  // Asked for, not yet backed: the page does not call the window unshortenable, since the motion could still shorten it.
  await expect(page.getByText(/the minimum of 7 days; only the emergency motion asked for on this proposal can shorten it/)).toBeVisible();

  // Four of five board seats back the motion, each in person; each sees their confirmation.
  for (const p of everyone.slice(0, 4)) {
    await p.goto(`/o/${slug}/proposals/1`);
    await p.getByRole('button', { name: 'Back the emergency motion' }).click();
    await expect(p.getByText(/Your backing is recorded|The emergency motion has passed/)).toBeVisible();
  }
  await reloadUntil(page, /the emergency minimum of 2 days; it cannot be shortened/, 30_000);

  // The shortened window passes; the board votes.
  await advanceClock(2 * DAY + 5 * 60_000);
  await reloadUntil(page, 'Voting open until', 30_000);
  await castVotes(everyone.slice(0, 4), slug, 1);

  // Passed: the page shows the ratification deadline and the way to meet it.
  await advanceClock(DAY + 5 * 60_000);
  await reloadUntil(page, /Must be ratified by .* or it lapses\./, 30_000);
  await expect(page.getByText('Passed: awaiting ratification').first()).toBeVisible();
  await page.getByRole('link', { name: 'Start the ratification' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/new\\?ratifies=`));
  await expect(page.getByLabel('Type')).toHaveValue('resolution');
  await expect(page.getByLabel(/Ratifies an emergency decision/)).not.toHaveValue('');
  await page.getByLabel('Title').fill('Ratify the water main repair');
  await page.getByLabel('Proposal text').fill('The board confirms the emergency repair of the water main under block B.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/2$`));
  await expect(page.getByText(/This proposal ratifies the emergency decision/)).toBeVisible();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText('Published. The comment window is open and every seat holder has been given notice.')).toBeVisible();

  // Its full window, then its vote.
  await advanceClock(7 * DAY + 5 * 60_000);
  await reloadUntil(page, 'Voting open until', 30_000);
  await castVotes(everyone.slice(0, 4), slug, 2);
  await advanceClock(3 * DAY + HOUR);
  await page.goto(`/o/${slug}/proposals/1`);
  await reloadUntil(page, 'Passed and ratified', 30_000);
  await reloadUntil(page, 'proposal.ratified', 30_000);

  // Past the original deadline it still stands.
  await advanceClock(30 * DAY);
  await reloadUntil(page, 'Passed and ratified', 30_000);
  await expect(page.getByText(/Lapsed/)).toHaveCount(0);
});
