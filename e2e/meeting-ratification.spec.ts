import * as e2e from './fixtures';
import { DAY, HOUR, recordAttendance, scheduleMeeting, startIn } from './meeting-steps';

const { clockTest: test, expect } = e2e;

// It moves the shared server's clock (to the meeting's start, then through a proposal's vote):
// its name sorts after follow.spec.ts, among the other clock-moving specs.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

test('a motion carried by roll call at a short-notice meeting is held until a proposal ratifies it', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  const slug = `held-${runId}`;
  const [benPage, cleoPage] = await e2e.foundWithAnaBenCleo(
    { page, browser, mailbox, uniqueEmail },
    { name: 'Alder Row Garden', template: 'Informal group', body: 'Group', slug },
  );

  // 1. Ana schedules a regular meeting four days ahead, then moves it to two hours from now: short notice, irregular.
  await scheduleMeeting(page, slug, { number: 1, title: 'Autumn workday', startsIn: 4 * DAY, location: 'The tool shed', agenda: 'Buy a second wheelbarrow' });
  await e2e.waitForHydration(page);
  const change = page.getByRole('form', { name: 'Change the meeting' });
  await change.getByLabel('Starts (UTC)').fill(await startIn(2 * HOUR));
  await change.getByRole('button', { name: 'Save and notify the seat holders' }).click();
  await e2e.reloadUntil(page, 'This meeting is irregular');

  // 2. At the start, Ana records Ana and Ben present (Cleo absent), then a roll call on the agenda item: two yes of three charter seats.
  await e2e.advanceClock(2 * HOUR + 5 * 60_000);
  await recordAttendance(page, slug, 1, [
    ['Ana Lopez', 'present'],
    ['Ben Okafor', 'present'],
    ['Cleo Park', 'absent'],
  ]);
  const rollCall = page.getByRole('form', { name: 'Record a roll call' });
  await rollCall.getByLabel('Agenda item', { exact: true }).selectOption('1');
  await expect(rollCall.getByLabel('Cleo Park', { exact: true })).toHaveValue('absent');
  await rollCall.getByRole('button', { name: 'Record the roll call' }).click();
  await e2e.reloadUntil(page, 'Carried at an irregular meeting: held — not in effect until ratified');
  await expect(page.getByRole('heading', { name: 'Roll call 1: Buy a second wheelbarrow' })).toBeVisible();
  await expect(page.getByText(/Yes 2, no 0, abstain 0, absent 1\. Quorum met: 2 of 3 charter seats voting/)).toBeVisible();

  // 3. Ben confirms his vote; Cleo, recorded absent, disputes hers in public.
  await benPage.goto(`/o/${slug}/meetings/1`);
  await e2e.waitForHydration(benPage);
  await benPage.getByRole('button', { name: 'Confirm my vote' }).click();
  await e2e.reloadUntil(benPage, 'Ben Okafor: Yes · confirmed');
  await cleoPage.goto(`/o/${slug}/meetings/1`);
  await e2e.waitForHydration(cleoPage);
  await cleoPage.getByText('Dispute my vote…').click();
  const dispute = cleoPage.getByRole('form', { name: 'Dispute my vote in roll call 1' });
  await dispute.getByLabel('What is wrong (public)').fill('I was on the phone line from 18:10.');
  await dispute.getByRole('button', { name: 'Dispute my vote' }).click();
  await e2e.reloadUntil(cleoPage, 'disputed: I was on the phone line from 18:10.');
  const mail = await mailbox.latest(uniqueEmail(`${slug.slice(0, 2)}-ben`), /Disputed: a vote in roll call 1 of meeting #1/);
  expect(mail.text).toContain('Cleo Park disputes the vote recorded for them');
  await page.reload();
  await e2e.shootBoth(page, 'meeting-roll-call-held');
  await e2e.axeClean(page);

  // 4. The public organization page says a decision is held.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}`);
  await expect(visitor.getByRole('heading', { name: 'A decision is held — not in effect until ratified' })).toBeVisible();
  await e2e.shootBoth(visitor, 'organization-held-decision');

  // 5. Ana proposes its ratification from the meeting page; the proposal goes through its full comment window and vote.
  await page.getByRole('link', { name: 'Propose its ratification' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/new\\?ratifiesMotion=`));
  await expect(page.getByLabel(/Ratifies a motion held from an irregular meeting/)).not.toHaveValue('');
  await page.getByLabel('Title').fill('Ratify the wheelbarrow purchase');
  await page.getByLabel('Proposal text').fill('The group confirms the purchase of a second wheelbarrow decided at the short-notice workday meeting.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
  await expect(page.getByText(/This proposal ratifies the motion held from an irregular meeting/)).toBeVisible();
  const understand = page.getByRole('checkbox', { name: 'I understand' });
  if (await understand.count()) await understand.check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText('Published. The comment window is open and every seat holder has been given notice.')).toBeVisible();
  await e2e.advanceClock(3 * DAY + 5 * 60_000);
  await e2e.reloadUntil(page, 'Voting open until', 30_000);
  await e2e.castVotes([page, benPage], slug, 1);
  await e2e.advanceClock(2 * DAY + HOUR);

  // 6. Passed: the motion is ratified and in effect; the organization page no longer lists it as held.
  await page.goto(`/o/${slug}/meetings/1`);
  await e2e.reloadUntil(page, 'Carried and ratified: in effect', 30_000);
  await e2e.shootBoth(page, 'meeting-roll-call-ratified');
  await visitor.goto(`/o/${slug}`);
  await expect(visitor.getByRole('heading', { name: /held — not in effect until ratified/ })).toHaveCount(0);
  await visitor.goto(`/o/${slug}/log`);
  await e2e.reloadUntil(visitor, /Proposal #1 ratified the motion held from roll call 1 of meeting #1/, 30_000);
  await expect(visitor.getByText(/disputed their recorded vote \(absent\) in roll call 1 of meeting #1/)).toBeVisible();

  // 7. npm run verify accepts the organization's log with the roll-call entries.
  const verified = await e2e.verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/✔ Log intact: \d+ entries/);
  expect(verified.code, verified.report).toBe(0);
});
