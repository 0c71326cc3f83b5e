import * as e2e from './fixtures';

const { clockTest: test, expect } = e2e;

// It moves the shared server's clock: its name sorts among the other clock-moving specs, after the
// specs that read the demo organization's proposals in their windows.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const DAY = 24 * 60 * 60 * 1000;

test('a removal waits after its comment window until the author has answered the concern raised in it', async ({
  page,
  browser,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  const slug = `answers-${runId}`;
  const [benPage, cleoPage] = await e2e.foundWithAnaBenCleo(
    { page, browser, mailbox, uniqueEmail },
    { name: 'Birch Lane Allotments', template: 'Informal group', body: 'Group', slug },
  );

  // 1. Ana proposes removing Cleo from her seat; the type's rules say concerns need her answer.
  const pick = async (label: string, text: string) => {
    const select = page.getByLabel(label);
    await select.selectOption((await select.locator('option', { hasText: text }).first().getAttribute('value'))!);
  };
  const number = await e2e.draftProposal(
    page,
    slug,
    { type: 'Removal from the group', title: 'Remove Cleo Park from the group', text: 'Cleo has not tended her plot this season.' },
    async () => {
      await pick('Subject (the person concerned)', 'Cleo Park');
      await pick('Seat', 'Cleo Park');
    },
  );
  const understand = page.getByRole('checkbox', { name: 'I understand' });
  if (await understand.count()) await understand.check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  await expect(
    page.getByText(/Every concern or objection raised in the comment window needs a public answer from the author before voting opens/),
  ).toBeVisible();

  // 2. Ben raises a concern in the window; Cleo uses her right of reply.
  const proposalUrl = `/o/${slug}/proposals/${number}`;
  await benPage.goto(proposalUrl);
  await e2e.waitForHydration(benPage);
  await benPage.getByLabel('Add a comment').fill('Cleo was in hospital in June. Has anyone asked her?');
  await benPage.locator('#new-comment-concern').check();
  await benPage.getByRole('button', { name: 'Post comment' }).click();
  await expect(benPage.getByText('Comment posted.')).toBeVisible();
  await cleoPage.goto(proposalUrl);
  await e2e.waitForHydration(cleoPage);
  await cleoPage.locator('#reply-body').fill('I was in hospital in June and July; the plot is weeded now.');
  await cleoPage.getByRole('button', { name: 'Post my reply' }).click();
  await expect(cleoPage.getByText(/Right of reply/).first()).toBeVisible();

  // 3. After the 7-day window, voting does not open: the concern is unanswered, listed and badged.
  await e2e.advanceClock(7 * DAY + 60_000);
  await e2e.reloadUntil(page, 'Awaiting answers');
  const gate = page.locator('[data-consultation-gate]');
  await expect(gate).toContainText('1 of 1 concern or objection raised in the comment window still needs the author’s public answer.');
  await expect(gate.getByRole('link', { name: 'Ben Okafor’s concern' })).toBeVisible();
  const bens = page.getByRole('article', { name: 'Comment by Ben Okafor' });
  await expect(bens.getByText('Awaiting the author’s answer')).toBeVisible();
  await e2e.shootBoth(page, 'removal-awaiting-answers');
  await e2e.axeClean(page);
  // Ben cannot vote yet, and the page says why.
  await benPage.reload();
  await expect(benPage.getByText(/still need a public answer from the author|Awaiting answers/).first()).toBeVisible();

  // 4. Ana answers Ben's concern in public; on the worker's next pass voting opens.
  await bens.getByText('Reply', { exact: true }).click();
  await bens.getByLabel('Your reply').fill('Yes: I asked Cleo before proposing; she has answered here too. The vote will weigh it.');
  await bens.getByRole('button', { name: 'Post reply' }).click();
  await e2e.reloadUntil(page, 'Voting open until');
  await expect(page.locator('[data-consultation-gate]')).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Comment by Ben Okafor' }).getByText('Awaiting the author’s answer')).toHaveCount(0);
});
