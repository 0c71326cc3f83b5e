import { expect, foundOrganization, inviteMembers, openInvite, test, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';

const shots = process.env.E2E_SHOTS_DIR;
const PROMPT = 'What should others call you?';

async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (desktop) await page.setViewportSize(desktop);
}

test('sign-up asks a name without blocking; skip quiets it; the log keeps names as recorded', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  const founder = uniqueEmail('names-founder');
  const member = uniqueEmail('names-member');
  const slug = `names-${runId}`;
  // Two people sign in and an organization is founded: longer than one flow.
  test.slow();

  // The founder's first sign-in goes on to where it was going (/orgs/new, then the new organization); the question waits at the top.
  await foundOrganization(page, mailbox, founder, { name: 'Harbour Allotments', slug });
  await expect(page.getByLabel(PROMPT)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour Allotments' })).toBeVisible();
  await shoot(page, 'names-prompt');
  expect(await seriousViolations(page)).toEqual([]);

  // A bad name is refused beside the field and changes nothing; a good one is saved and the header shows it.
  await waitForHydration(page);
  await page.getByLabel(PROMPT).fill(founder);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Use a name, not an e-mail address: names are public.')).toBeVisible();
  await page.getByLabel(PROMPT).fill('Ana Ruiz');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved. This is the name shown on proposals, comments and seats.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(PROMPT)).toHaveCount(0);
  await expect(page.getByRole('banner')).not.toContainText(founder);

  // A logged act under that name, then a rename.
  await inviteMembers(page, slug, [member]);
  await page.goto('/account');
  await page.getByLabel('Your name').fill('Ana Ruiz-Smith');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // The public log names each act by the name recorded then, with today's beside it.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/log`);
  const invited = visitor.locator('li', { hasText: 'was invited' });
  await expect(invited).toContainText('By Ana Ruiz (now Ana Ruiz-Smith)');
  // Before she gave a name, she was "A member".
  await expect(visitor.locator('li', { hasText: /Organization created/ })).toContainText('By A member (now Ana Ruiz-Smith)');
  await expect(visitor.locator('body')).not.toContainText(founder);
  await shoot(visitor, 'names-log');

  // The invitee's first sign-in lands on the organization after accepting, asked too; "Skip for now" quiets the question.
  const memberPage = await openInvite(browser, mailbox, member);
  await expect(memberPage).toHaveURL(new RegExp(`/o/${slug}`));
  await expect(memberPage.getByLabel(PROMPT)).toBeVisible();
  await waitForHydration(memberPage);
  await memberPage.getByRole('button', { name: 'Skip for now' }).click();
  await expect(memberPage.getByText(/^Skipped\. Until you add a name, others see “A member”\. We will ask again in 7 days\.$/)).toBeVisible();
  await expect(memberPage.getByLabel(PROMPT)).toHaveCount(0);
  await shoot(memberPage, 'names-skipped');
  await memberPage.reload();
  await expect(memberPage.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(memberPage.getByLabel(PROMPT)).toHaveCount(0);
  await memberPage.goto(`/o/${slug}/members`);
  await expect(memberPage.getByLabel(PROMPT)).toHaveCount(0);
});
