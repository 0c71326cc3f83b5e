import type { Page } from '@playwright/test';
import * as e2e from './fixtures';

const { test, expect } = e2e;

test.describe.configure({ timeout: 240_000 });

async function sign(page: Page, slug: string) {
  await page.goto(`/o/${slug}/written-consents/1`);
  await e2e.waitForHydration(page);
  const form = page.getByRole('form', { name: 'Sign written consent #1' });
  await form.getByRole('checkbox').check();
  await form.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByText('You have signed this written consent.')).toBeVisible();
}

test('a written consent with one revocation: three seat holders sign, one revokes and signs again, the last signature adopts it', async ({
  page,
  browser,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  const slug = `consent-${runId}`;
  const [benPage, cleoPage] = await e2e.foundWithAnaBenCleo(
    { page, browser, mailbox, uniqueEmail },
    { name: 'Birch Lane Allotments', template: 'Informal group', body: 'Group', slug },
  );

  // 1. Ben (a seat holder) opens a written consent of the group; the informal group's charter gives 7 days.
  await benPage.goto(`/o/${slug}/written-consents`);
  await expect(benPage.getByText(/must sign it within 7 days/)).toBeVisible();
  await e2e.waitForHydration(benPage);
  const open = benPage.getByRole('form', { name: 'Open a written consent' });
  await open.getByLabel('Title').fill('Buy a shared water butt');
  await open.getByLabel('Resolution text').fill('Resolved, that the group buys a 200-litre water butt for the shared beds, up to £80.');
  await open.getByRole('button', { name: 'Open for signatures' }).click();
  await expect(benPage).toHaveURL(new RegExp(`/o/${slug}/written-consents/1$`));
  await expect(benPage.getByRole('heading', { name: /Written consent #1 Buy a shared water butt/ })).toBeVisible();
  const signers = benPage.getByRole('region', { name: 'Signers' });
  for (const name of ['Ana Lopez', 'Ben Okafor', 'Cleo Park']) await expect(signers.getByText(name)).toBeVisible();
  await expect(benPage.getByTestId('consent-state')).toContainText('left: it expires');

  // Every signer is told, whatever their preferences.
  const email = (name: string) => uniqueEmail(`${slug.slice(0, 2)}-${name}`);
  const mail = await mailbox.latest(email('cleo'), /Written consent #1 of the Group needs your signature/);
  expect(mail.text).toContain('every seat holder');

  // The public organization page lists it among the written consents open for signatures.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}`);
  await e2e.reloadUntil(visitor, 'Written consents open for signatures', 30_000);
  await expect(visitor.getByTestId('written-consent-1')).toContainText('0 of 3 signed');
  await expect(visitor.getByRole('region', { name: 'Health' }).getByText('Open written consents').locator('..')).toContainText('1');

  // 2. Ana and Ben sign; Ana revokes.
  await sign(page, slug);
  await sign(benPage, slug);
  await page.getByText('Revoke my signature…').click();
  const revoke = page.getByRole('form', { name: 'Revoke my signature on written consent #1' });
  await revoke.getByRole('checkbox').check();
  await revoke.getByRole('button', { name: 'Revoke my signature' }).click();
  await expect(page.getByText(/Your signature is revoked\. 1 of 3 signatures\./)).toBeVisible();

  // 3. Cleo signs: two of three, still open.
  await sign(cleoPage, slug);
  const state = cleoPage.getByRole('region', { name: 'State' });
  await expect(state).toContainText('2 of 3 signers have signed');
  await expect(state).toContainText('Open for signatures');

  // 4. Ana signs again: the last signature adopts it.
  await page.goto(`/o/${slug}/written-consents/1`);
  await e2e.waitForHydration(page);
  const again = page.getByRole('form', { name: 'Sign written consent #1' });
  await again.getByRole('checkbox').check();
  await again.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByText(/every signer has signed: the written consent is adopted/i)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('consent-state')).toContainText('Adopted');
  await expect(page.getByText('Revoke my signature…')).toHaveCount(0);
  await e2e.shootBoth(page, 'written-consent-adopted');
  await e2e.axeClean(page);

  // 5. The public record: the page and the decision log, for a visitor.
  await visitor.goto(`/o/${slug}/written-consents`);
  await expect(visitor.getByRole('heading', { name: 'Adopted (1)' })).toBeVisible();
  await e2e.shootBoth(visitor, 'written-consents-list');
  await visitor.goto(`/o/${slug}/written-consents/1`);
  await expect(visitor.getByTestId('consent-state')).toContainText('Adopted');
  await expect(visitor.getByRole('region', { name: 'Signers' }).getByText(/Signed /)).toHaveCount(3);
  await visitor.goto(`/o/${slug}/log`);
  await e2e.reloadUntil(visitor, 'was adopted: every seat holder signed', 30_000);
  await expect(visitor.getByText(/Ben Okafor opened written consent #1/)).toBeVisible();
  await expect(visitor.getByText(/Ana Lopez revoked their signature on written consent #1/)).toBeVisible();
  await expect(visitor.getByText(/Ana Lopez signed written consent #1 \(3 of 3 signatures\)/)).toBeVisible();
  const adopted = await mailbox.latest(email('ben'), /Written consent #1 of the Group is adopted/);
  expect(adopted.text).toContain('took effect at the last one');

  // 6. npm run verify accepts the organization's log with the written-consent entries.
  const verified = await e2e.verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/✔ Log intact: \d+ entries/);
  expect(verified.code, verified.report).toBe(0);
});
