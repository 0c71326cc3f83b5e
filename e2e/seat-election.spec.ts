import type { Page } from '@playwright/test';
import * as e2e from './fixtures';

const { clockTest: test, expect } = e2e;

test.describe.configure({ mode: 'serial' });
// It moves the shared server's clock by 11 days: specs reading the demo organization's proposals in
// their windows (follow.spec.ts) must run before it, so its name sorts after theirs.

const DAY = 24 * 60 * 60 * 1000;

/** Ranks `names` on the election's page and casts the secret ballot; returns the receipt shown. */
const rank = (page: Page, slug: string, names: string[]) => e2e.rankSecretBallot(page, slug, 1, names);

async function nominate(page: Page, slug: string, label: string): Promise<void> {
  await page.goto(`/o/${slug}/proposals/1`);
  const form = page.getByRole('form', { name: 'Nominate a candidate' });
  await form.getByLabel('Nominate a member (or yourself)').selectOption({ label });
  await form.getByRole('button', { name: 'Nominate' }).click();
  await expect(page.getByText(/Nomination recorded\./).first()).toBeVisible();
}

async function answer(page: Page, slug: string, button: string, confirmation: RegExp): Promise<void> {
  await page.goto(`/o/${slug}/proposals/1`);
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByText(confirmation).first()).toBeVisible();
}

// Nominations, acceptance, a declined nominee, ranked ballots, the seats filled and the recount.
test('a board elects two of three candidates by STV', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  const slug = `election-${runId}`;
  test.setTimeout(300_000);
  // A board of 5: Ana, Ben and Cleo hold seats; 2 general seats are vacant.
  const [benPage, cleoPage] = await e2e.foundWithAnaBenCleo(
    { page, browser, mailbox, uniqueEmail },
    { name: 'Harbour Housing Trust', slug, template: 'Small board', body: 'Board' },
  );
  // Four members without a seat, who may stand.
  const email = (name: string) => uniqueEmail(`el-${name.split(' ')[0]!.toLowerCase()}`);
  const newcomers = ['Dev Rao', 'Eve Sousa', 'Fay Tan', 'Gus Uddin'];
  const [dev, eve, fay, gus] = await e2e.inviteAndJoin({ page, browser, mailbox }, slug, newcomers, email);

  // 1. The election: the seats it fills are the Board's vacant general seats.
  await page.goto(`/o/${slug}/proposals/new`);
  await e2e.waitForHydration(page);
  await page.getByLabel('Type').selectOption({ label: 'Election of directors (single transferable vote)' });
  await expect(page.getByLabel('Seats to elect')).toHaveValue('board:general');
  await expect(page.getByLabel('Seats to elect').locator('option:checked')).toHaveText('Board: 2 vacant general seats');
  await page.getByLabel('Title').fill('Two directors for the vacant seats');
  await page
    .getByLabel('Proposal text')
    .fill('The board elects two directors to its vacant seats. Members may nominate any member who does not sit on the board.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  await expect(page.getByText('The ballot lists the candidates who accepted, fixed when voting opens.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cast secret ballot' })).toHaveCount(0);

  // 2. Nominations: Ana nominates Dev, Eve and Gus; Fay stands herself. Board members are not offered.
  await nominate(page, slug, 'Dev Rao');
  await nominate(page, slug, 'Eve Sousa');
  await nominate(page, slug, 'Gus Uddin');
  const options = await page.getByLabel('Nominate a member (or yourself)').locator('option').allInnerTexts();
  expect(options).not.toContain('Ben Okafor');
  expect(options).not.toContain('Dev Rao');
  await nominate(fay!, slug, 'Fay Tan (yourself)');
  // The nominee is told by e-mail.
  await mailbox.latest(email('Dev Rao'), /You are nominated/);
  await answer(dev!, slug, 'Accept: I stand as a candidate', /you are a candidate/);
  await answer(eve!, slug, 'Accept: I stand as a candidate', /you are a candidate/);
  await answer(fay!, slug, 'Accept: I stand as a candidate', /you are a candidate/);
  await answer(gus!, slug, 'Decline', /You have declined/);
  await page.goto(`/o/${slug}/proposals/1`);
  const section = page.getByRole('region', { name: 'Election', exact: true });
  await expect(section.getByText('4 made, 3 accepted', { exact: false })).toBeVisible();
  await expect(section.getByText('Gus Uddin')).toBeVisible();
  await e2e.axeClean(page);
  await e2e.shootBoth(page, 'election-nominations');
  await fay!.setViewportSize({ width: 390, height: 844 });
  await fay!.goto(`/o/${slug}/proposals/1`);
  await expect(fay!.getByRole('button', { name: 'Withdraw my candidacy' })).toBeVisible();
  expect(await fay!.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // 3. The comment window (7 days) ends: the ballot is frozen, in alphabetical order; the board ranks.
  await e2e.advanceClock(7 * DAY + 60_000);
  await e2e.reloadUntil(page, 'Voting open until');
  await expect(page.getByText('Dev Rao, Eve Sousa, Fay Tan', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nominate' })).toHaveCount(0);
  // Ana first ranks Eve alone, then changes her mind: the changed ballot gets a new receipt.
  const replaced = await rank(page, slug, ['Eve Sousa']);
  const receipt = await rank(page, slug, ['Fay Tan', 'Dev Rao']);
  expect(receipt).not.toBe(replaced);
  await rank(benPage, slug, ['Fay Tan', 'Eve Sousa']);
  await rank(cleoPage, slug, ['Dev Rao', 'Fay Tan']);
  await e2e.shootBoth(page, 'election-ballot');
  // The receipt is e-mailed to Ana, and to nobody else.
  const anaEmail = uniqueEmail('el-ana');
  // Her first ballot's receipt may be the latest mail for a moment (the worker sends every 500 ms): wait for the last one's.
  await expect
    .poll(async () => (await mailbox.latest(anaEmail, /Your ballot receipt/)).text, { timeout: 15_000, message: 'the last ballot’s receipt, e-mailed' })
    .toContain(`Your receipt: ${receipt}`);
  const carrying = (await mailbox.all()).filter((m) => m.text.includes(receipt));
  expect(carrying.map((m) => m.to)).toEqual([anaEmail]);
  // Before the close the lookup says nothing about the code; a malformed code is refused in words.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/proposals/1/receipt?code=${receipt}`);
  await expect(visitor.getByText('Ballots are published when voting closes.', { exact: false })).toBeVisible();
  await expect(visitor.getByText('Fay Tan')).toHaveCount(0);
  await visitor.getByLabel('Receipt code').fill('K7Q2-9MZD');
  await visitor.getByRole('button', { name: 'Find ballot' }).click();
  await expect(visitor.getByRole('alert').filter({ hasText: 'That is not a receipt code' })).toBeVisible();
  await e2e.axeClean(visitor);
  // No public page shows the receipt while voting is open.
  for (const url of [`/o/${slug}/proposals/1`, `/o/${slug}/log`, `/o/${slug}/log/export.csv`, `/o/${slug}/log/feed.atom`]) {
    expect(await (await visitor.request.get(url)).text(), url).not.toContain(receipt);
  }

  // 4. After the 3-day vote: Fay and Dev are elected and hold the two seats; anyone recounts.
  await e2e.advanceClock(3 * DAY + 60_000);
  await visitor.goto(`/o/${slug}/proposals/1`);
  await e2e.reloadUntil(visitor, /^Elected: /);
  await expect(visitor.getByText(/^Elected: /)).toHaveText('Elected: Fay Tan, Dev Rao');
  // Those it elected did not hold a seat while the board voted: they are not listed as not voting.
  await expect(visitor.getByText('did not vote')).toHaveCount(0);
  const seats = visitor.getByRole('region', { name: 'Election', exact: true });
  await expect(seats.getByText('Seat 4: Fay Tan')).toBeVisible();
  await expect(seats.getByText('Seat 5: Dev Rao')).toBeVisible();
  await e2e.axeClean(visitor);
  await e2e.shootBoth(visitor, 'election-result');
  // 5. Ana's receipt, typed by anyone, finds her ballot among the published ones; her replaced ballot's does not.
  await visitor.getByRole('link', { name: 'Find a ballot by its receipt' }).click();
  await visitor.getByLabel('Receipt code').fill(receipt.toLowerCase());
  await visitor.getByRole('button', { name: 'Find ballot' }).click();
  await expect(visitor.getByRole('status')).toContainText(`Receipt ${receipt} stands for this counted ballot`);
  await expect(visitor.getByRole('status')).toContainText('Ranks Fay Tan first, then Dev Rao.');
  await e2e.axeClean(visitor);
  await e2e.shootBoth(visitor, 'election-receipt');
  await visitor.setViewportSize({ width: 390, height: 844 });
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The signed-out proposal page shows the published ballots, not whose they are: no receipt on it.
  expect(await (await visitor.request.get(`/o/${slug}/proposals/1`)).text()).not.toContain(receipt);
  await visitor.goto(`/o/${slug}/proposals/1/receipt?code=${replaced}`);
  await expect(visitor.getByRole('status')).toContainText('No counted ballot has the receipt');
  const csv = await (await visitor.request.get(`/o/${slug}/proposals/1/ballots.csv`)).text();
  expect(csv.split('\r\n')[0]).toBe('receipt,count,preference 1,preference 2');
  expect(csv).toContain(`${receipt},1,Fay Tan,Dev Rao`);
  expect(csv).not.toContain(replaced);
  await visitor.goto(`/o/${slug}/seats`);
  await expect(visitor.getByText('Fay Tan').first()).toBeVisible();
  const verified = await e2e.verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/Recounts: 1 closed choice recounted from the published ballots; every result matches the log\./);
  expect(verified.report).toMatch(/Receipts: 3 receipts in 1 published list, each well-formed and unique; every list recounts to the logged result\./);
  expect(verified.code).toBe(0);
});
