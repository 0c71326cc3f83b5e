import type { Page } from '@playwright/test';
import { expect, foundOrganization, shootBoth, test, waitForHydration } from './fixtures';

/** With SHOTS_DIR set, saves a full-page screenshot there (for reviewing the layout; nothing is written otherwise). */
async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.SHOTS_DIR) return;
  await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

test('an admin amends the board’s seats through the charter editor, sees the changes, and publishes', async ({ page, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(120_000);
  const slug = `charter-${runId}`;
  await foundOrganization(page, mailbox, uniqueEmail('ada'), { name: 'Harbour Lane Tenants', slug, seats: 5 });

  await page.goto(`/o/${slug}/proposals/new`);
  await page.getByLabel('Type').selectOption({ label: 'Charter amendment' });
  await page.getByLabel('Title').fill('Grow the board to seven seats');
  await page.getByLabel('Proposal text').fill('Two more seats so that every building of the estate has a director.');
  const board = page.getByRole('group', { name: 'Board', exact: true }).first();
  const seats = board.getByLabel('Charter seats');
  await expect(seats).toHaveValue('5');
  const changes = page.getByRole('region', { name: 'Changes against the current charter' });
  await expect(changes).toContainText('No changes yet');

  // A word where a number goes: refused beside the field, and nothing typed is lost.
  await seats.fill('seven');
  await expect(changes).toContainText('The Board’s charter seats must be a whole number.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(seats).toHaveAccessibleDescription(/The Board’s charter seats must be a whole number\./);
  await expect(page.getByLabel('Title')).toHaveValue('Grow the board to seven seats');

  // The number: the change reads as a sentence before saving.
  await seats.fill('7');
  await expect(changes).toContainText('Board: charter seats 5 → 7.');

  // A seat election is offered only to the election type, which names its rule: switching it is said in words, and switching back says nothing.
  const election = page.locator('details').filter({ has: page.locator('summary', { hasText: /^Election of directors \(single transferable vote\) — / }) });
  await election.locator('summary').click();
  await expect(election.locator('summary')).toContainText('Board elects to seats');
  await expect(election.getByLabel('How it is decided')).toHaveValue('election');
  const rule = election.getByLabel('Election counted by');
  await expect(rule).toHaveValue('scottish_stv');
  await rule.selectOption({ label: 'Meek rules' });
  const meek =
    'Election of directors (single transferable vote): the election is counted by single transferable vote (Scottish rules) → single transferable vote (Meek rules).';
  await expect(changes).toContainText(meek);
  await shootBoth(page, 'charter-editor-election');
  await rule.selectOption({ label: 'Scottish rules' });
  await expect(changes).not.toContainText(meek);
  const resolution = page.locator('details').filter({ has: page.locator('summary', { hasText: /^Board resolution — / }) });
  await resolution.locator('summary').click();
  await expect(resolution.getByLabel('How it is decided').locator('option')).toHaveText(['By a yes or no vote', 'By a choice among options', 'By consent']);
  await expect(resolution.getByLabel('Election counted by')).toBeHidden();
  await shot(page, 'editor-desktop');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/\\d+$`));
  const proposalUrl = page.url();

  // The proposal page says what the amendment changes; publishing starts its procedure, and the charter in force is unchanged.
  const amendment = page.getByRole('region', { name: /What this amendment changes in the charter/ });
  await expect(amendment).toContainText('Board: charter seats 5 → 7.');
  // The organization's first publication, with seats still vacant: it closes founding appointments.
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  await expect(amendment).toContainText('Board: charter seats 5 → 7.');
  await shot(page, 'proposal-desktop');
  await page.goto(`/o/${slug}/seats`);
  await expect(page.getByText(/of 5 charter seats filled/)).toBeVisible();

  // On a phone, on a slow network: the type is chosen before the page's scripts have arrived (held back here until
  // then). Once the form comes to life it keeps that choice and shows the charter editor, instead of putting the
  // first type back.
  await page.setViewportSize({ width: 390, height: 844 });
  let release = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**', async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto(`/o/${slug}/proposals/new`, { waitUntil: 'commit' });
  await page.getByLabel('Type').selectOption({ label: 'Charter amendment' });
  // Chosen before React took the page over (hydrating an element gives it React's `__reactProps$…` property).
  expect(await page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__reactProps$')))).toBe(false);
  release();
  await waitForHydration(page);
  await page.unroute('**/_next/static/chunks/**');
  await expect(page.getByLabel('Type').locator('option:checked')).toHaveText('Charter amendment');
  await page.getByRole('group', { name: 'Board', exact: true }).first().getByLabel('Charter seats').fill('6');
  await expect(page.getByRole('region', { name: 'Changes against the current charter' })).toContainText('Board: charter seats 5 → 6.');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(page, 'editor-390');
  await page.goto(proposalUrl);
  await shot(page, 'proposal-390');
});

test('an admin adds a body and a type it decides; removing a body still in use is refused in plain words', async ({ page, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(120_000);
  const slug = `charter-add-${runId}`;
  await foundOrganization(page, mailbox, uniqueEmail('ines'), { name: 'Elm Row Garden', slug, template: 'Informal group' });

  await page.goto(`/o/${slug}/proposals/new`);
  await waitForHydration(page);
  await page.getByLabel('Type').selectOption({ label: 'Charter amendment' });
  await page.getByLabel('Title').fill('A garden committee for the beds');
  await page.getByLabel('Proposal text').fill('Three people look after the beds and decide small spending.');
  const changes = page.getByRole('region', { name: 'Changes against the current charter' });

  // A new body starts from stated defaults; its name is asked for.
  await page.getByRole('button', { name: 'Add a body' }).click();
  const committee = page.getByRole('group', { name: 'New body 1' });
  await expect(committee.getByLabel('Charter seats')).toHaveValue('3');
  await expect(changes).toContainText('Enter the new body’s name.');
  await committee.getByLabel('Name', { exact: true }).fill('Garden committee');
  await expect(changes).toContainText('New body: Garden committee, with 3 charter seats.');

  // A new type, decided by the new body.
  await page.getByRole('button', { name: 'Add a proposal type' }).click();
  const newType = page.locator('details').filter({ has: page.locator('summary', { hasText: /^New proposal type/ }) });
  await expect(newType.locator('summary')).toHaveText('New proposal type — decided by Group');
  await newType.getByLabel('Name', { exact: true }).fill('Garden spending');
  await newType.getByLabel('Decided by').selectOption({ label: 'Garden committee' });
  await expect(newType.locator('summary')).toHaveText('New proposal type — decided by Garden committee');
  await expect(changes).toContainText(
    'New proposal type: Garden spending. 7 days of comments, then Garden committee votes for 3 days, quorum 1/2 or more of charter seats, passing with more than 1/2 of votes cast.',
  );

  // Removing the Group, which the other types still use: said live, then refused on saving, and nothing is saved.
  const group = page.getByRole('group', { name: 'Group', exact: true });
  await group.getByLabel('Remove it from the charter').check();
  await expect(changes).toContainText('Group: removed from the charter.');
  const refusal =
    /“Charter amendment”, stage 1 is decided by the Group, which this amendment removes\. Choose another body to decide it, or remove this type too\./;
  await expect(changes).toContainText(refusal);
  await shot(page, 'editor-add-remove-desktop');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.locator('[id^="ch-t"][id$="-errors"]').filter({ hasText: refusal }).first()).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/new$`));
  await expect(page.getByRole('group', { name: 'New body 1' }).getByLabel('Name', { exact: true })).toHaveValue('Garden committee');

  // Keeping the Group: the draft saves, and its page lists the new body and type.
  await page.getByRole('group', { name: 'Group', exact: true }).getByLabel('Remove it from the charter').uncheck();
  await expect(changes).not.toContainText(refusal);
  // What came back is what was chosen: the new type is still decided by the new body.
  await expect(changes).toContainText('then Garden committee votes for 3 days');

  // The group's plain decisions become a choice among options: two winners by approval, at most three approved per ballot.
  const decision = page.locator('details').filter({ has: page.locator('summary', { hasText: /^Group decision — / }) });
  // (Still open if the refusal above opened it.)
  if ((await decision.getAttribute('open')) === null) await decision.locator('summary').click();
  const how = decision.getByLabel('How it is decided');
  await expect(how).toHaveValue('yes_no');
  await expect(how.locator('option')).toHaveText(['By a yes or no vote', 'By a choice among options', 'By consent']);
  await expect(decision.getByLabel('Counting method')).toBeHidden();
  await how.selectOption({ label: 'By a choice among options' });
  await expect(how).toHaveAccessibleDescription(/the counting method picks the winners/);
  await decision.getByLabel('Counting method').selectOption({ label: 'Approval (approve one or more)' });
  await decision.getByLabel('Number of winners').fill('2');
  await decision.getByLabel('Most options one ballot may approve').fill('3');
  await expect(decision.locator('summary')).toHaveText('Group decision — Group chooses among options');
  const switched = 'Group decision: decided yes or no → choosing 2 options (approval (approve one or more), at most 3 approved per ballot).';
  await expect(changes).toContainText(switched);
  // Instant-runoff picks one option: two winners are refused in the rules' words.
  await decision.getByLabel('Counting method').selectOption({ label: 'Ranked, instant-runoff' });
  await expect(decision.getByLabel('Most options one ballot may approve')).toBeHidden();
  await expect(changes).toContainText('“Group decision”: ranked, instant-runoff chooses exactly one option (it asks for 2); use STV or approval for more.');
  await decision.getByLabel('Counting method').selectOption({ label: 'Approval (approve one or more)' });
  await decision.getByLabel('Most options one ballot may approve').fill('3');
  await expect(changes).toContainText(switched);
  await shootBoth(page, 'charter-editor-decide');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, 'editor-add-390');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/\\d+$`));
  const amendment = page.getByRole('region', { name: /What this amendment changes in the charter/ });
  await expect(amendment).toContainText('New body: Garden committee, with 3 charter seats.');
  await expect(amendment).toContainText('New proposal type: Garden spending. 7 days of comments, then Garden committee votes for 3 days');
  // The draft carries the method: its page reads the stored amendment.
  await expect(amendment).toContainText(switched);
  await shot(page, 'proposal-add-390');
});
