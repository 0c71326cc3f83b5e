import type { Page } from '@playwright/test';
import * as e2e from './fixtures';

const { clockTest: test, expect } = e2e;

test.describe.configure({ mode: 'serial' });
// It moves the shared server's clock by 21 days: specs reading the demo organization's proposals in
// their windows (follow.spec.ts) must run before it, so its name sorts after theirs.

const DAY = 24 * 60 * 60 * 1000;
const OPTIONS = ['Riverside Hall', 'Orchard Hall', 'Mill Hall'];

async function delegate(page: Page, slug: string, to: string): Promise<void> {
  await page.goto(`/o/${slug}/delegations`);
  await e2e.waitForHydration(page);
  await page.getByLabel('Member').selectOption({ label: to });
  await page.getByLabel('For').selectOption({ label: 'Every member-wide vote' });
  await page.getByRole('button', { name: 'Delegate my vote' }).click();
  await expect(page.getByText(/^Delegation made\./)).toBeVisible();
}

// A secret member-wide choice: members rank options by secret ballot (one through a delegate), each
// voter gets a receipt on screen and by mail, the close publishes the ballots with their receipts
// and weights, a voter finds their ballot by receipt, and the export verifies.
test('a cooperative’s members choose among options by secret ballot with receipts', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  const slug = `members-secret-${runId}`;
  test.setTimeout(300_000);
  const email = (name: string) => uniqueEmail(`ms-${name.split(' ')[0]!.toLowerCase()}`);
  await e2e.foundOrganization(page, mailbox, email('Ana Lopez'), { name: 'Hillside Bakery Cooperative', slug, template: 'Cooperative' });
  await e2e.nameThemselves(page, 'Ana Lopez');
  const [ben, cleo, dev] = await e2e.inviteAndJoin({ page, browser, mailbox }, slug, ['Ben Okafor', 'Cleo Park', 'Dev Rao'], email);

  // 1. Ben gives his vote to Ana; he will not vote himself.
  await delegate(ben!, slug, 'Ana Lopez');

  // 2. Ana proposes the members' choice of a name for the new hall, with three options.
  const number = await e2e.draftProposal(
    page,
    slug,
    {
      type: 'Choice of all members among options (secret ranked ballot)',
      title: 'Name the new hall',
      text: 'All members rank the names proposed for the new hall; the count is by instant-runoff.',
    },
    () => page.getByLabel('Options, one per line').fill(OPTIONS.join('\n')),
  );

  // 3. After the 14-day comment window the roll is fixed; Ana, Cleo and Dev rank by secret ballot, each shown a receipt.
  await e2e.publishAndOpenMemberVote(page, 4);
  const replaced = await e2e.rankSecretBallot(page, slug, number, ['Mill Hall']);
  const receipt = await e2e.rankSecretBallot(page, slug, number, ['Orchard Hall', 'Mill Hall']);
  expect(receipt).not.toBe(replaced);
  await e2e.rankSecretBallot(cleo!, slug, number, ['Riverside Hall', 'Mill Hall']);
  await e2e.rankSecretBallot(dev!, slug, number, ['Orchard Hall']);
  // The receipt stays beside the voter's ballot when she comes back to the page.
  await page.reload();
  await expect(page.locator('[data-receipt]')).toHaveText(receipt);
  await e2e.axeClean(page);
  await e2e.shootBoth(page, 'member-secret-ballot');
  // The receipt is e-mailed to Ana, and to nobody else; Ben, who delegated, has no ballot and no receipt.
  // Her first ballot's receipt may be the latest mail for a moment (the worker sends every 500 ms): wait for the last one's.
  await expect
    .poll(async () => (await mailbox.latest(email('Ana Lopez'), /Your ballot receipt/)).text, {
      timeout: 15_000,
      message: 'the last ballot’s receipt, e-mailed',
    })
    .toContain(`Your receipt: ${receipt}`);
  expect((await mailbox.all()).filter((m) => m.text.includes(receipt)).map((m) => m.to)).toEqual([email('Ana Lopez')]);
  expect((await mailbox.all()).filter((m) => m.to === email('Ben Okafor') && /Your ballot receipt/.test(m.subject))).toEqual([]);
  // No public page shows a receipt while voting is open.
  const visitor = await (await browser.newContext()).newPage();
  for (const url of [`/o/${slug}/proposals/${number}`, `/o/${slug}/log`, `/o/${slug}/log/export.csv`, `/o/${slug}/log/feed.atom`]) {
    expect(await (await visitor.request.get(url)).text(), url).not.toContain(receipt);
  }

  // 4. After the 7-day vote: Orchard Hall, with Ana's ballot carrying Ben's vote (3 of 4).
  await e2e.advanceClock(7 * DAY + 60_000);
  await visitor.goto(`/o/${slug}/proposals/${number}`);
  await e2e.reloadUntil(visitor, /Chosen: Orchard Hall/);
  await expect(visitor.getByText(/4 of 4 members took part \(3 voted themselves; 1 member was counted through a delegate\)/)).toBeVisible();
  await e2e.axeClean(visitor);
  await e2e.shootBoth(visitor, 'member-secret-result');

  // 5. Ana's receipt finds her ballot and the weight it carried; her replaced ballot's does not.
  await page.goto(`/o/${slug}/proposals/${number}`);
  await expect(page.getByText(`Your receipt: ${receipt}.`)).toBeVisible();
  await visitor.getByRole('link', { name: 'Find a ballot by its receipt' }).click();
  await visitor.getByLabel('Receipt code').fill(receipt.toLowerCase());
  await visitor.getByRole('button', { name: 'Find ballot' }).click();
  await expect(visitor.getByRole('status')).toContainText(`Receipt ${receipt} stands for this counted ballot`);
  await expect(visitor.getByRole('status')).toContainText('Ranks Orchard Hall first, then Mill Hall.');
  await expect(visitor.getByRole('status')).toContainText('It counted with a weight of 2');
  await e2e.axeClean(visitor);
  await e2e.shootBoth(visitor, 'member-secret-receipt');
  await visitor.setViewportSize({ width: 390, height: 844 });
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await visitor.goto(`/o/${slug}/proposals/${number}/receipt?code=${replaced}`);
  await expect(visitor.getByRole('status')).toContainText('No counted ballot has the receipt');
  await expect(visitor.getByRole('status')).toContainText('A member who delegated their vote and did not vote themselves has no receipt');
  await visitor.getByLabel('Receipt code').fill('K7Q2-9MZD');
  await visitor.getByRole('button', { name: 'Find ballot' }).click();
  // (Next's route announcer is an alert too: name the one that refuses the code.)
  await expect(visitor.getByRole('alert').filter({ hasText: 'That is not a receipt code' })).toBeVisible();
  const csv = await (await visitor.request.get(`/o/${slug}/proposals/${number}/ballots.csv`)).text();
  expect(csv).toContain(`${receipt},2,Orchard Hall,Mill Hall`);
  expect(csv).not.toContain(replaced);

  // 6. npm run verify: the roll, the recount, and the receipt list with its weights.
  const verified = await e2e.verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/Receipts: 3 receipts in 1 published list, each well-formed and unique; every list recounts to the logged result\./);
  expect(verified.code).toBe(0);
});
