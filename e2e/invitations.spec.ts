import type { Page } from '@playwright/test';
import { expect, foundOrganization, Mailbox, test } from './fixtures';
import { seriousViolations } from './axe';

/** axe (serious and critical) with every disclosure open, at the page's size. */
async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page, { openDetails: true }), `axe on ${page.url()}`).toEqual([]);
}

test('invitations stay pending until accepted; admins resend and revoke; invitees may decline', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  const admin = uniqueEmail('inv-admin');
  const rosa = uniqueEmail('rosa');
  const sam = uniqueEmail('sam');
  const slug = `inv-${runId}`;

  await foundOrganization(page, mailbox, admin, { name: 'Allotment Society', slug });

  // Two invitations: both pending, listed apart from the members, not counted.
  await page.goto(`/o/${slug}/members`);
  for (const email of [rosa, sam]) {
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  }
  const pending = page.getByRole('region', { name: /Pending invitations/ });
  await expect(pending).toContainText(rosa);
  await expect(pending).toContainText(sam);
  await expect(page.getByRole('region', { name: 'Member list' })).not.toContainText(rosa);
  await expect(page.getByText('1 member and 2 pending invitations.', { exact: false })).toBeVisible();
  await expectAxeClean(page);
  await page.reload();

  // Inviting a pending address again says so, and keeps what was typed.
  await page.getByLabel('E-mail address').fill(rosa);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`${rosa} has already been invited to Allotment Society and has not accepted yet.`, { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue(rosa);

  // Resend: a new mail that names the organization.
  await pending
    .getByRole('form', { name: `Resend the invitation to ${rosa}` })
    .getByRole('button', { name: 'Resend' })
    .click();
  await expect(page.getByText(`A new invitation link was sent to ${rosa}.`)).toBeVisible();

  // Revoke Sam's invitation, behind a disclosure.
  const samItem = pending.getByRole('listitem').filter({ hasText: sam });
  await samItem.getByText('Revoke…').click();
  await samItem.getByRole('button', { name: 'Revoke this invitation' }).click();
  await expect(page.getByText('Invitation revoked.', { exact: false })).toBeVisible();
  await expect(pending).not.toContainText(sam);
  await expect(pending).toContainText(rosa);

  // Sam's link still signs him in, but there is nothing left to accept.
  const samMail = await mailbox.latest(sam, /invites you to join Allotment Society/);
  const samPage = await (await browser.newContext()).newPage();
  await samPage.goto(Mailbox.linkIn(samMail));
  await samPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(samPage.getByRole('heading', { name: 'No invitation waiting' })).toBeVisible();

  // Rosa opens the resent link, sees which organization invites her, and declines.
  const rosaMail = await mailbox.latest(rosa, /invites you to join Allotment Society/);
  expect(rosaMail.subject).toContain('Allotment Society');
  const rosaPage = await (await browser.newContext()).newPage();
  await rosaPage.goto(Mailbox.linkIn(rosaMail));
  await rosaPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(rosaPage).toHaveURL(new RegExp(`/o/${slug}/invitation$`));
  await expect(rosaPage.getByRole('heading', { name: 'Join Allotment Society' })).toBeVisible();
  await rosaPage.setViewportSize({ width: 390, height: 844 });
  await expectAxeClean(rosaPage);
  await rosaPage.reload();
  await rosaPage.getByText('I do not want to join').click();
  await rosaPage.getByRole('button', { name: 'Decline the invitation' }).click();
  await expect(rosaPage).toHaveURL(/\/$/);
  await rosaPage.goto(`/o/${slug}/invitation`);
  await expect(rosaPage.getByRole('heading', { name: 'No invitation waiting' })).toBeVisible();

  // The record shows each step, without addresses.
  await page.goto(`/o/${slug}/log`);
  await expect(page.locator('main')).toContainText(/invitation_revoked|invitation revoked/i);
  await expect(page.locator('main')).toContainText(/invitation_declined|invitation declined/i);
  await expect(page.locator('main')).not.toContainText('@e2e.example.org');
});
