import {
  advanceClock,
  appointFounders,
  castVotes,
  expect,
  foundOrganization,
  inviteMembers,
  openInvite,
  reloadUntil,
  clockTest as test,
  waitForHydration,
} from './fixtures';

// This journey moves the server's clock; run its steps in order.
test.describe.configure({ mode: 'serial' });

const DAY = 24 * 60 * 60 * 1000;

test('three members take a proposal from draft through discussion and voting to a public decision', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(240_000);
  const [ana, ben, cleo] = [uniqueEmail('ana'), uniqueEmail('ben'), uniqueEmail('cleo')];
  const slug = `gov-${runId}`;

  // Ana founds the organization with a 5-seat board.
  await foundOrganization(page, mailbox, ana, { name: 'Canal Street Tenants', slug, seats: 5 });
  await expect(page.getByText('0 of 5 charter seats filled')).toBeVisible();

  await inviteMembers(page, slug, [ben, cleo]);
  const benPage = await openInvite(browser, mailbox, ben);
  const cleoPage = await openInvite(browser, mailbox, cleo);

  // Founding appointments: Ana, Ben and Cleo take three of the five board seats.
  await appointFounders(page, slug, [ana, ben, cleo]);
  await expect(page.getByText('3 of 5 charter seats filled')).toBeVisible();

  // Ana drafts and publishes a resolution.
  await page.goto(`/o/${slug}/proposals/new`);
  await page.getByLabel('Type').selectOption({ label: 'Board resolution' });
  await page.getByLabel('Title').fill('Install bike racks in the courtyard');
  await page.getByLabel('Proposal text').fill('We install **six** bike racks in the courtyard, paid from the maintenance reserve.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
  await expect(page.getByText('This is a private draft.')).toBeVisible();
  // The organization's first publication, with seats still vacant: it closes founding appointments.
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  // The page re-renders as published: the draft's publish panel gives way to the comment window.
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  await expect(page.getByText('In discussion').first()).toBeVisible();
  // Coverage is measured from the outbox: pending until the delivery worker hands the notices over.
  await reloadUntil(page, '3 of 3 seat holders reached');

  // Ben's notice of publication lands in the mail folder (mandatory: he holds a deciding seat);
  // its link opens the proposal.
  const notice = await mailbox.latest(ben, /New proposal #1 Install bike racks in the courtyard/);
  expect(notice.subject).toMatch(/^\[.+\] New proposal #1 Install bike racks in the courtyard$/);
  expect(notice.text).toContain('cannot be turned off');
  expect(notice.text).toMatch(/Decision log checkpoint: \d+ entries/);
  const proposalLink = notice.text.match(/https?:\/\/\S+\/o\/\S+\/proposals\/1(?=\s)/)?.[0];
  expect(proposalLink).toBeDefined();
  await benPage.goto(proposalLink!);
  await expect(benPage.getByRole('heading', { name: 'Install bike racks in the courtyard' })).toBeVisible();

  // Ben discusses, and tries to vote early: refused, with the date voting opens.
  await benPage.goto(`/o/${slug}/proposals/1`);
  await benPage.getByLabel('Add a comment').fill('Good idea. Can two of them be for cargo bikes?');
  await benPage.getByLabel('Support').check();
  await benPage.getByRole('button', { name: 'Post comment' }).click();
  await expect(benPage.getByText('Comment posted.')).toBeVisible();
  await benPage.getByLabel('Yes', { exact: true }).check();
  await benPage.getByRole('button', { name: 'Cast vote' }).click();
  await expect(benPage.getByText(/Voting is not open\. Voting opens on .* — the comment window is 7 days and cannot be shortened\./)).toBeVisible();

  // A week passes: the worker opens voting.
  await advanceClock(7 * DAY + 60_000);
  await reloadUntil(benPage, 'Voting open until');
  // Ana votes. The reply is her ballot alone, not the page re-rendered (a few hundred bytes); her page moves its own
  // count and takes her off "not yet voted" without a reload.
  await page.goto(`/o/${slug}/proposals/1`);
  await expect(page.getByText('0 ballots · quorum 3')).toBeVisible();
  const notVotedBefore = await page.getByText(/^Not yet voted:/).innerText();
  await waitForHydration(page);
  await page.getByLabel('Yes', { exact: true }).check();
  // The reply is read on its way to the page (the browser's own copy of a streamed action reply is not kept).
  let replyBytes = -1;
  await page.route(`**/o/${slug}/proposals/1`, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    const body = await response.body();
    replyBytes = body.length;
    await route.fulfill({ response, body });
  });
  await page.getByRole('button', { name: 'Cast vote' }).click();
  await expect(page.getByText('Your vote (yes) is recorded.')).toBeFocused();
  await page.unrouteAll();
  expect(replyBytes).toBeGreaterThan(0);
  expect(replyBytes).toBeLessThan(2_000);
  await expect(page.getByText('1 ballot · quorum 3')).toBeVisible();
  const notVotedAfter = await page.getByText(/^Not yet voted:/).innerText();
  // The names are an Intl list ("A, B, and C"; "A and B"): count them, not the commas.
  const namesIn = (line: string) =>
    line
      .replace(/^Not yet voted:\s*/, '')
      .split('.')[0]!
      .split(/,\s*(?:and\s+)?|\s+and\s+/).length;
  expect(namesIn(notVotedAfter)).toBe(namesIn(notVotedBefore) - 1);
  await page.reload();
  await expect(page.getByText('1 ballot · quorum 3')).toBeVisible();
  await expect(page.getByText('You voted yes; you can change it until voting closes.')).toBeVisible();
  // Ben votes without JavaScript: the form posts the page, which comes back rendered fresh with his ballot confirmed.
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await benPage.context().storageState() });
  const benPlain = await plain.newPage();
  await benPlain.goto(`/o/${slug}/proposals/1`);
  await benPlain.getByLabel('Yes', { exact: true }).check();
  await benPlain.getByRole('button', { name: 'Cast vote' }).click();
  await expect(benPlain.getByText('Your vote (yes) is recorded.')).toBeVisible();
  await expect(benPlain.getByText('2 ballots · quorum 3')).toBeVisible();
  await plain.close();
  await castVotes([cleoPage], slug, 1, 'No');

  // Three days later voting closes; the decision is public.
  await advanceClock(3 * DAY + 60_000);
  await reloadUntil(page, /Passed on/);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/proposals/1`);
  await expect(visitor.getByRole('heading', { name: 'Install bike racks in the courtyard' })).toBeVisible();
  await expect(visitor.getByText(/Passed on/)).toBeVisible();
  await expect(visitor.getByText('Passed: 2 yes · 1 no · 0 abstain')).toBeVisible();
  // The phase is derived from time at once; the worker's log entry follows within a second or so.
  await reloadUntil(visitor, 'proposal.decided');
  await expect(visitor.locator('body')).not.toContainText('@e2e.example.org');
});
