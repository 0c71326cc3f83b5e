import * as e2e from './fixtures';
import { DAY, HOUR, startIn } from './meeting-steps';

const { clockTest: test, expect } = e2e;

// It moves the shared server's clock (to the meeting's start, for attendance): its name sorts
// after follow.spec.ts, among the other clock-moving specs.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

type StoredMailWithFiles = { text: string; attachments?: { filename: string; contentType: string; content: string }[] };

test('a regular meeting: scheduled with notice and an invitation to every seat holder, short notice refused, attendance recorded and confirmed', async ({
  page,
  browser,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  const slug = `meet-${runId}`;
  const [benPage] = await e2e.foundWithAnaBenCleo(
    { page, browser, mailbox, uniqueEmail },
    { name: 'Birch Lane Garden', template: 'Informal group', body: 'Group', slug },
  );
  const email = (name: string) => uniqueEmail(`${slug.slice(0, 2)}-${name}`);

  // 1. Ana (the founding admin) schedules a regular meeting ten days ahead (the informal group's charter: 72 hours' notice, 24 for a special one).
  await page.goto(`/o/${slug}/meetings`);
  await expect(page.getByText(/Regular meetings need 3 days of notice, special meetings 1 day;/)).toBeVisible();
  await e2e.waitForHydration(page);
  const schedule = page.getByRole('form', { name: 'Schedule a meeting' });
  await schedule.getByLabel('Title').fill('Spring planting plan');
  await schedule.getByLabel('Starts (UTC)').fill(await startIn(10 * DAY));
  await schedule.getByLabel('Location or link').fill('The tool shed, or https://meet.example.org/birch');
  await schedule.getByLabel('Agenda').fill('Seed order\nWho waters in May');
  await schedule.getByRole('button', { name: 'Schedule and send the notice' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/meetings/1$`));
  await expect(page.getByRole('heading', { name: /Meeting #1 Spring planting plan/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Agenda' })).toContainText('Who waters in May');
  await expect(page.getByRole('region', { name: 'Notice' })).toContainText('3 of 3 seat holders (100%)');

  // 2. Ben, a seat holder, gets the notice with the agenda and a calendar invitation, and sees the meeting listed.
  const mail = (await mailbox.latest(email('ben'), /Notice: Meeting #1 of the Group/)) as unknown as StoredMailWithFiles;
  expect(mail.text).toContain('Seed order');
  const invite = mail.attachments?.find((a) => a.filename.endsWith('.ics'));
  expect(invite?.contentType).toContain('method=REQUEST');
  expect(invite?.content).toContain('METHOD:REQUEST');
  expect(invite?.content).toMatch(/UID:meeting-[0-9a-f-]+@/);
  expect(invite?.content).toContain('SEQUENCE:0');
  await benPage.goto(`/o/${slug}/meetings`);
  await expect(benPage.getByTestId('meeting-1')).toContainText('Spring planting plan');
  await expect(benPage.getByRole('form', { name: 'Schedule a meeting' })).toHaveCount(0);

  // 3. Short notice is refused: a regular meeting inside 72 hours, and a special one inside 24.
  await page.goto(`/o/${slug}/meetings`);
  await e2e.waitForHydration(page);
  await schedule.getByLabel('Title').fill('Urgent: the hose burst');
  await schedule.getByLabel('Starts (UTC)').fill(await startIn(30 * HOUR));
  await schedule.getByLabel('Location or link').fill('The tool shed');
  await schedule.getByRole('button', { name: 'Schedule and send the notice' }).click();
  await expect(schedule.getByText(/A regular meeting needs 3 days of notice/).first()).toBeVisible();
  await schedule.getByRole('radio', { name: /Special meeting/ }).check();
  await schedule.getByLabel('Starts (UTC)').fill(await startIn(10 * HOUR));
  await schedule.getByRole('button', { name: 'Schedule and send the notice' }).click();
  await expect(schedule.getByText(/Even a special meeting needs 1 day of notice/).first()).toBeVisible();
  await expect(page.getByTestId('meeting-2')).toHaveCount(0);

  // 4. At the start, Ana records attendance; Ben confirms his record; the quorum counts charter seats.
  await e2e.advanceClock(10 * DAY + 5 * 60_000);
  await page.goto(`/o/${slug}/meetings/1`);
  await e2e.reloadUntil(page, 'No attendance recorded yet.');
  await e2e.waitForHydration(page);
  const record = page.getByRole('form', { name: 'Record attendance' });
  await record.getByLabel('Seat holder').selectOption({ label: 'Ben Okafor' });
  await record.getByLabel('Attendance').selectOption('present');
  await record.getByRole('button', { name: 'Record attendance' }).click();
  await e2e.reloadUntil(page, 'Ben Okafor: Present');
  await record.getByLabel('Seat holder').selectOption({ label: 'Ana Lopez' });
  await record.getByLabel('Attendance').selectOption('remote');
  await record.getByRole('button', { name: 'Record attendance' }).click();
  await e2e.reloadUntil(page, 'Ana Lopez: Remote');
  await expect(page.getByText('Quorum met (2 of 3 charter seats attending; 1/2 or more needed)')).toBeVisible();

  await benPage.goto(`/o/${slug}/meetings/1`);
  await e2e.waitForHydration(benPage);
  await expect(benPage.getByText('You are recorded as present.')).toBeVisible();
  await benPage.getByRole('button', { name: 'Confirm my attendance record' }).click();
  await e2e.reloadUntil(benPage, 'Ben Okafor: Present · confirmed');
  await e2e.shootBoth(page, 'meeting');
  await e2e.axeClean(benPage);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/log`);
  await expect(visitor.getByText(/Regular meeting #1 of the Group scheduled/)).toBeVisible();
  await expect(visitor.getByText(/confirmed their attendance at meeting #1/)).toBeVisible();
});
