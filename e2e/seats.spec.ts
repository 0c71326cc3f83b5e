import { advanceClock, appointFounders, castVotes, expect, foundOrganization, inviteMembers, openInvite, reloadUntil, clockTest as test } from './fixtures';

// This journey moves the server's clock; run its steps in order.
test.describe.configure({ mode: 'serial' });

const DAY = 24 * 60 * 60 * 1000;

test('a board of 4 of 9 refills itself; a second seat for the same person is refused', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(240_000);
  const [ana, ben, cleo, dan, eve] = ['ana', 'ben', 'cleo', 'dan', 'eve'].map((n) => uniqueEmail(n)) as [string, string, string, string, string];
  const slug = `seats-${runId}`;

  await foundOrganization(page, mailbox, ana, { name: 'Harbour Housing Trust', slug });
  await expect(page.getByText('0 of 9 charter seats filled')).toBeVisible();

  await inviteMembers(page, slug, [ben, cleo, dan, eve]);
  const benPage = await openInvite(browser, mailbox, ben);
  const cleoPage = await openInvite(browser, mailbox, cleo);
  await openInvite(browser, mailbox, dan);
  await openInvite(browser, mailbox, eve);

  // Founding: four of nine board seats.
  await appointFounders(page, slug, [ana, ben, cleo, dan]);
  await expect(page.getByText('4 of 9 charter seats filled')).toBeVisible();
  await expect(page.getByText('Below strength').first()).toBeVisible();

  // A second seat for Ben is refused, in words.
  await page.goto(`/o/${slug}/proposals/new`);
  await page.getByLabel('Type').selectOption({ label: 'Seat appointment' });
  await page.getByLabel('Title').fill('Appoint Ben to seat 9 as well');
  await page.getByLabel('Proposal text').fill('Ben would hold seat 9 in addition to his seat.');
  await page.getByLabel('Vacant seat').selectOption({ label: 'Board seat 9 (General seat)' });
  await page.getByLabel('Appointee').selectOption({ label: `${ben} (already holds a seat of the board)` });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(`${ben} already holds seat 2 of the board; one person holds one seat per body.`)).toBeVisible();

  // Eve for seat 9 instead.
  await page.getByLabel('Title').fill('Appoint Eve to board seat 9');
  await page.getByLabel('Proposal text').fill('Eve has chaired the repairs committee for two years.');
  await page.getByLabel('Vacant seat').selectOption({ label: 'Board seat 9 (General seat)' });
  await page.getByLabel('Appointee').selectOption({ label: eve });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
  // The organization's first publication, with seats still vacant: it closes founding appointments.
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();

  // A week later voting opens; three of the four in office vote yes (the quorum of 5 is out of reach).
  await advanceClock(7 * DAY + 60_000);
  await reloadUntil(page, 'Voting open until');
  await castVotes([page, benPage, cleoPage], slug, 1);

  await advanceClock(3 * DAY + 60_000);
  await reloadUntil(page, /Passed on/);
  // The worker applies the decision within a second or so.
  await page.goto(`/o/${slug}/seats`);
  await reloadUntil(page, '5 of 9 charter seats filled');
});
