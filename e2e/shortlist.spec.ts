import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import * as e2e from './fixtures';

const { clockTest: test, expect } = e2e;

test.describe.configure({ mode: 'serial' });
// It moves the shared server's clock by 8 days: specs reading the demo organization's proposals in
// their windows (follow.spec.ts) must run before it, so its name sorts after theirs, among the other
// clock-moving specs (Playwright hands out spec files in name order).

const DAY = 24 * 60 * 60 * 1000;
const CANDIDATES = ['Ada Park', 'Bo Chen', 'Cy Diaz', 'Di Evans', 'Ed Fox', 'Flo Gray', 'Gus Hill', 'Hana Ito'];

/** Ranks `names` in order on the proposal page with the keyboard: each "Add" button, pressed with Enter. */
async function rankByKeyboard(page: Page, slug: string, number: number, names: string[]): Promise<void> {
  await page.goto(`/o/${slug}/proposals/${number}`);
  await e2e.waitForHydration(page);
  for (const name of names) {
    await page.getByRole('button', { name: `Add ${name}` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(`${name} added as choice`, { exact: false }).first()).toBeAttached();
  }
  await page.getByRole('button', { name: 'Cast secret ballot' }).click();
  await expect(page.getByText(/^Recorded: your secret ballot ranks /)).toBeVisible();
  await expect(page.getByText(/^Recorded: your secret ballot ranks /)).toBeFocused();
}

test('a board shortlists 3 of 8 by STV, publishes the count, and recounts agree', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(300_000);
  const slug = `shortlist-${runId}`;
  // A small board of 5: Ana founds it, Ben and Cleo join, the three take seats (2 stay vacant, said at publication).
  const [benPage, cleoPage] = await e2e.foundWithAnaBenCleo(
    { page, browser, mailbox, uniqueEmail },
    { name: 'Riverside Arts Fund', slug, template: 'Small board', body: 'Board' },
  );

  // 2. The shortlist: eight applicants, three grants. Too few options is refused in words, nothing lost.
  await page.goto(`/o/${slug}/proposals/new`);
  await e2e.waitForHydration(page);
  await page.getByLabel('Type').selectOption({ label: 'Board shortlist of several options (single transferable vote)' });
  await page.getByLabel('Title').fill('Three grants for the spring season');
  await page.getByLabel('Proposal text').fill('The board shortlists three of the eight applicants for this spring’s grants, by single transferable vote.');
  await page.getByLabel('Options, one per line').fill('Ada Park');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Give at least 2 options, one per line (there is 1).').first()).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Three grants for the spring season');
  await page.getByLabel('Options, one per line').fill(CANDIDATES.join('\n'));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();

  // 3. Voting opens after the 5-day comment window; the ballot is ranked by keyboard, on a desktop and at 390 px.
  await e2e.advanceClock(5 * DAY + 60_000);
  await e2e.reloadUntil(page, 'Voting open until');
  await expect(page.getByText(/chooses 3 options of 8 by secret ballot \(ranked, single transferable vote \(Scottish rules\)\)/)).toBeVisible();
  await e2e.axeClean(page);
  await rankByKeyboard(page, slug, 1, ['Ada Park', 'Bo Chen', 'Cy Diaz']);
  // A change of mind: Ana moves Cy up and re-casts; only her last ballot counts.
  await page.getByRole('button', { name: 'Move Cy Diaz up' }).click();
  await expect(page.getByText('Cy Diaz moved to position 2 of 3.').first()).toBeAttached();
  await page.getByRole('button', { name: 'Cast secret ballot' }).click();
  await expect(page.getByText('Recorded: your secret ballot ranks Ada Park first, then Cy Diaz, then Bo Chen.')).toBeVisible();
  await e2e.shootBoth(page, 'choice-ballot');
  await benPage.setViewportSize({ width: 390, height: 844 });
  await rankByKeyboard(benPage, slug, 1, ['Di Evans', 'Ed Fox']);
  expect(await benPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await e2e.axeClean(benPage);
  await rankByKeyboard(cleoPage, slug, 1, ['Ada Park', 'Di Evans', 'Flo Gray']);

  // While voting is open the public record says who voted, never how.
  const visitor = await (await browser.newContext()).newPage();
  const exported = await (await visitor.request.get(`/api/o/${slug}/log/export`)).text();
  expect(exported).not.toContain('preferences');
  expect(exported).toContain('"secret":true');

  // 4. After the 3-day vote: the chosen three, the rounds, and the counted ballots without names.
  await e2e.advanceClock(3 * DAY + 60_000);
  await visitor.goto(`/o/${slug}/proposals/1`);
  await e2e.reloadUntil(visitor, /^Chosen: /);
  const chosen = (await visitor.getByText(/^Chosen: /).innerText()).replace(/^Chosen: /, '').split(', ');
  expect(chosen).toHaveLength(3);
  await expect(visitor.getByRole('table').first()).toBeVisible();
  await expect(visitor.getByText('voted (secret)')).toHaveCount(3);
  await e2e.axeClean(visitor);
  await e2e.shootBoth(visitor, 'choice-result');
  const seed = (
    await visitor
      .locator('code')
      .filter({ hasText: /^[0-9a-f]{64}$/ })
      .first()
      .innerText()
  ).trim();
  const blt = await visitor.request.get(`/o/${slug}/proposals/1/ballots.blt`);
  expect(blt.status()).toBe(200);
  const bltText = await blt.text();
  expect(bltText.split('\n')[0]).toBe('8 3');
  for (const name of ['Ana Lopez', 'Ben Okafor', 'Cleo Park']) expect(bltText).not.toContain(name);

  // 5. Anyone recounts offline: `npm run tally` on the BLT file with the published seed, and `npm run verify` on the export.
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'quorate-e2e-blt-')), 'ballots.blt');
  await writeFile(file, bltText);
  const tally = await new Promise<string>((resolve, reject) =>
    execFile('npm', ['run', '--silent', 'tally', '--', '--method', 'scottish-stv', '--seed', seed, '--json', file], { timeout: 120_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );
  expect(JSON.parse(tally).elected).toEqual(chosen);
  const verified = await e2e.verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/✔ Log intact/);
  expect(verified.report).toMatch(/Recounts: 1 closed choice recounted from the published ballots; every result matches the log\./);
  expect(verified.code).toBe(0);
});
