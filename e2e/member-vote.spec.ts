import type { Page } from '@playwright/test';
import * as e2e from './fixtures';

const { clockTest: test, expect } = e2e;

test.describe.configure({ mode: 'serial' });
// It moves the shared server's clock by 21 days: specs reading the demo organization's proposals in
// their windows (follow.spec.ts) must run before it, so its name sorts after theirs.

const DAY = 24 * 60 * 60 * 1000;

async function delegate(page: Page, slug: string, to: string): Promise<void> {
  await page.goto(`/o/${slug}/delegations`);
  await e2e.waitForHydration(page);
  await page.getByLabel('Member').selectOption({ label: to });
  await page.getByLabel('For').selectOption({ label: 'Every member-wide vote' });
  await page.getByRole('button', { name: 'Delegate my vote' }).click();
  await expect(page.getByText(/^Delegation made\./)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your delegations' })).toContainText(`For every member-wide vote: ${to} votes for you`);
}

// A referendum of all members: delegations in a chain, one member overriding their delegate, the
// roll fixed when voting opens, the count against the roll, the public graph, and the recount.
test('a cooperative’s members vote by referendum with delegations and an override', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  const slug = `members-${runId}`;
  test.setTimeout(300_000);
  const email = (name: string) => uniqueEmail(`mv-${name.split(' ')[0]!.toLowerCase()}`);
  await e2e.foundOrganization(page, mailbox, email('Ana Lopez'), { name: 'Valley Food Cooperative', slug, template: 'Cooperative' });
  await e2e.nameThemselves(page, 'Ana Lopez');
  const others = ['Ben Okafor', 'Cleo Park', 'Dev Rao', 'Eve Sousa'];
  const [ben, cleo, dev] = await e2e.inviteAndJoin({ page, browser, mailbox }, slug, others, email);

  // 1. Delegations: Cleo → Ben → Ana, Dev → Ana. Eve keeps her vote.
  await delegate(ben!, slug, 'Ana Lopez');
  await delegate(cleo!, slug, 'Ben Okafor');
  await delegate(dev!, slug, 'Ana Lopez');
  await e2e.axeClean(cleo!);
  await e2e.shootBoth(cleo!, 'member-vote-delegations');

  // 2. Ana proposes a referendum of all members.
  const number = await e2e.draftProposal(page, slug, {
    type: 'Referendum of all members',
    title: 'Open a second shop in Millbrook',
    text: 'All members decide whether the cooperative opens a second shop in Millbrook next spring.',
  });

  // 3. After the 14-day comment window the roll is fixed: five members, with the delegations then in force.
  await e2e.publishAndOpenMemberVote(page, 5);
  await page.getByText(/Delegations in this vote/).click();
  const graph = page.getByRole('list', { name: 'Who delegated to whom' });
  await expect(graph.getByText(/Ana Lopez ← Ben Okafor, Dev Rao/)).toBeVisible();
  await expect(graph.getByText(/Ben Okafor ← Cleo Park/)).toBeVisible();
  await expect(page.getByTestId('my-member-vote')).toContainText('Your ballot carries 3 members delegated to you');

  // 4. Ana votes yes; Ben overrides his delegation to Ana and votes no (carrying Cleo's vote); Cleo is told her delegate voted.
  await e2e.castVotes([page], slug, number, 'Yes');
  // The vote's reply is her ballot; her page counts it without a reload.
  await expect(page.getByText('1 member has voted so far.')).toBeVisible();
  await e2e.castVotes([ben!], slug, number, 'No');
  await expect(ben!.getByText('2 members have voted so far.')).toBeVisible();
  await cleo!.goto(`/o/${slug}`);
  const waiting = cleo!.getByRole('region', { name: 'Waiting for your vote' });
  await expect(waiting).toContainText('Open a second shop in Millbrook');
  await expect(waiting).toContainText('your delegate Ben Okafor has voted for you (you may still vote)');
  await e2e.shootBoth(cleo!, 'member-vote-waiting');
  await ben!.goto(`/o/${slug}/proposals/${number}`);
  await e2e.axeClean(ben!);
  await e2e.shootBoth(ben!, 'member-vote-ballot');

  // 5. After the 7-day vote: 2 yes (Ana, Dev) against 2 no (Ben, Cleo) — rejected; Eve did not vote and was counted for nobody.
  await e2e.advanceClock(7 * DAY + 60_000);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/proposals/${number}`);
  await e2e.reloadUntil(visitor, /Rejected: 2 yes · 2 no · 0 abstain/);
  await expect(visitor.getByText(/4 of 5 members took part \(2 voted themselves; 2 members were counted through a delegate\)/)).toBeVisible();
  await expect(visitor.getByRole('region', { name: 'Participation by group' })).toContainText('No group');
  await e2e.axeClean(visitor);
  await e2e.shootBoth(visitor, 'member-vote-result');

  // 6. Anyone recounts from the public export: the roll matches the hash logged at the opening, and the delegations give the tally.
  const verified = await e2e.verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(
    /Member votes: 1 closed member-wide vote recounted from the roll snapshotted at the opening and its delegations; every tally matches the log\./,
  );
  expect(verified.code).toBe(0);
});
