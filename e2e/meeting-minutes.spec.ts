import type { Page } from '@playwright/test';
import * as e2e from './fixtures';
import { DAY, HOUR, recordAttendance, scheduleMeeting } from './meeting-steps';

const { clockTest: test, expect } = e2e;

// It moves the shared server's clock (to the meeting's start, and past a closed session's
// disclosure date): clockTest serializes it with the other clock-moving specs.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

/** Ana schedules meeting #1 of the Group four days ahead (the informal group's charter: 72 hours' notice), the clock moves to its start, and she records Ben and herself present. */
async function meetingUnderWay(page: Page, slug: string, title: string): Promise<void> {
  await scheduleMeeting(page, slug, { number: 1, title, startsIn: 4 * DAY, location: 'The tool shed', agenda: 'Seed order\nWho waters in May' });
  await e2e.advanceClock(4 * DAY + 5 * 60_000);
  await recordAttendance(page, slug, 1, [
    ['Ana Lopez', 'present'],
    ['Ben Okafor', 'present'],
  ]);
}

/** Ana drafts the minutes from the prefilled text, with `extra` added and the closed-session choice. */
async function draft(page: Page, extra: string, closed: string): Promise<void> {
  await page.goto(page.url());
  await e2e.waitForHydration(page);
  const form = page.getByRole('form', { name: 'Draft the minutes' });
  const text = form.getByLabel('Minutes (Markdown)');
  await expect(text).toHaveValue(/### 1\. Seed order/);
  await expect(text).toHaveValue(/- Present: Ana Lopez, Ben Okafor/);
  await text.fill(`${await text.inputValue()}\n${extra}\n`);
  await form.getByLabel('Closed session').selectOption(closed);
  await form.getByRole('button', { name: 'Save the draft' }).click();
  await e2e.reloadUntil(page, 'Draft, revision 1: 0 of 2 approvals needed');
}

async function approve(p: Page, slug: string): Promise<void> {
  await p.goto(`/o/${slug}/meetings/1`);
  await e2e.waitForHydration(p);
  await p.getByRole('button', { name: 'Approve revision 1' }).click();
}

test('a regular meeting from its notice to sealed minutes the public reads', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  const slug = `mins-${runId}`;
  const [benPage] = await e2e.foundWithAnaBenCleo(
    { page, browser, mailbox, uniqueEmail },
    { name: 'Birch Lane Minutes', template: 'Informal group', body: 'Group', slug },
  );
  await meetingUnderWay(page, slug, 'Spring planting plan');

  // Ana (an admin, who keeps the record) drafts; the public does not see a draft.
  await draft(page, 'Resolved: **the seed order** goes out on Monday.', '');
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/meetings/1`);
  await expect(visitor.getByRole('region', { name: 'Minutes' })).toContainText('A draft is read by the body’s seat holders');
  await expect(visitor.getByRole('region', { name: 'Minutes' })).not.toContainText('seed order goes out');

  // Ana and Ben approve: 2 of the 3 charter seats, a majority — sealed.
  await approve(page, slug);
  await e2e.reloadUntil(page, 'Draft, revision 1: 1 of 2 approvals needed');
  await approve(benPage, slug);
  await e2e.reloadUntil(benPage, /Approved and sealed/);
  await expect(benPage.getByRole('form', { name: 'Draft the minutes' })).toHaveCount(0);

  // Published, as markdown, on the meeting page; in the log with its hash.
  await visitor.reload();
  const minutes = visitor.getByRole('region', { name: 'Minutes' });
  await expect(minutes.getByTestId('minutes-text')).toContainText('the seed order goes out on Monday');
  await expect(minutes.getByTestId('minutes-text').locator('strong')).toHaveText('the seed order');
  await e2e.shootBoth(visitor, 'minutes-sealed');
  await e2e.axeClean(visitor);
  await visitor.goto(`/o/${slug}/log`);
  await expect(visitor.getByText(/Minutes of meeting #1 sealed, revision 1/)).toBeVisible();
  const verified = await e2e.verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/Minutes: 1 sealed or disclosed text checked/);
  expect(verified.code, verified.report).toBe(0);
});

test('a closed session: sealed minutes stay with the body, disclose on the charter’s date, and verify', async ({
  page,
  browser,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  const slug = `mincl-${runId}`;
  const [benPage] = await e2e.foundWithAnaBenCleo(
    { page, browser, mailbox, uniqueEmail },
    { name: 'Birch Lane Closed', template: 'Informal group', body: 'Group', slug },
  );
  await meetingUnderWay(page, slug, 'A member’s dispute');
  const secret = `The dispute with a neighbour is settled: SECRET-${runId}.`;
  await draft(page, secret, 'personnel');
  await approve(page, slug);
  await e2e.reloadUntil(page, 'Draft, revision 1: 1 of 2 approvals needed');
  await approve(benPage, slug);
  await e2e.reloadUntil(benPage, /Approved and sealed/);
  // Ben holds a seat: he reads it.
  await expect(benPage.getByTestId('minutes-text')).toContainText(`SECRET-${runId}`);

  // The public: the facts and the hash, not the text — on the page, in the log, in the export.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/meetings/1`);
  const minutes = visitor.getByRole('region', { name: 'Minutes' });
  await expect(minutes).toContainText('Closed session (a personnel matter)');
  await expect(minutes).toContainText('The sealed text is disclosed');
  await expect(minutes).not.toContainText(`SECRET-${runId}`);
  await e2e.shootBoth(visitor, 'minutes-closed');
  const exported = await visitor.request.get(`/api/o/${slug}/log/export`);
  expect(await exported.text()).not.toContain(`SECRET-${runId}`);
  const feed = await visitor.request.get(`/o/${slug}/log/feed.atom`);
  expect(await feed.text()).not.toContain(`SECRET-${runId}`);

  // Thirty days on (the informal group's charter), the worker discloses it; the verifier checks it against the seal.
  await e2e.advanceClock(30 * DAY + HOUR);
  await visitor.goto(`/o/${slug}/meetings/1`);
  await e2e.reloadUntil(visitor, `SECRET-${runId}`, 30_000);
  await expect(visitor.getByRole('region', { name: 'Minutes' })).toContainText('The sealed text was disclosed');
  await visitor.goto(`/o/${slug}/log`);
  await expect(visitor.getByText(/Sealed minutes of meeting #1 disclosed \(closed session, personnel matter\)/)).toBeVisible();
  const verified = await e2e.verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/Minutes: 1 sealed or disclosed text checked/);
  expect(verified.code, verified.report).toBe(0);
});
