import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Automated accessibility checks (axe-core, WCAG 2.x A/AA and best practices) on the public
// pages and sign-in, signed out. Serious and critical violations fail the build; axe cannot
// catch everything, so this is a floor, not a certificate.

const org = '/o/riverbend-commons';

/** Opens every <details>, so what sits behind a disclosure is checked too. */
async function openDisclosures(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  );
  expect(report, `axe on ${page.url()}`).toEqual([]);
}

const pages: [string, string, RegExp | string][] = [
  ['home', '/', 'Governance that cannot be hijacked.'],
  ['organization overview', org, 'Riverbend Commons'],
  ['proposals list', `${org}/proposals`, 'Proposals'],
  ['proposals list searched, with an ignored filter', `${org}/proposals?q=board&state=bogus`, 'Proposals'],
  ['proposal with discussion and roll call', `${org}/proposals/1`, 'Adopt a conflict-of-interest policy'],
  ['seats', `${org}/seats`, /Seats/],
  ['decision log', `${org}/log`, 'Decision log'],
  ['filtered decision log with no matches', `${org}/log?kind=proposal.lapsed`, 'Decision log'],
  ['sign-in', '/signin', 'Sign in'],
];

for (const [name, path, heading] of pages) {
  test(`${name} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
    await openDisclosures(page);
    await expectNoSeriousViolations(page);
  });
}

test('verify page, before and after checking the log, has no serious accessibility violations', async ({ page }) => {
  await page.goto(`${org}/verify`);
  await expect(page.getByRole('heading', { level: 1, name: 'Verify the decision log' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Verify the published log' }).click();
  await expect(page.getByRole('heading', { name: /Intact/ })).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousViolations(page);
});
