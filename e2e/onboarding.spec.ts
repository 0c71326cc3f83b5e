import { expect, Mailbox, signInByMagicLink, test } from './fixtures';

test('a newcomer signs in, founds an organization, invites a member; the public sees it', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  const founder = uniqueEmail('founder');
  const invitee = uniqueEmail('invitee');
  const slug = `e2e-${runId}`;

  // 1. Sign in: the mail's link opens a confirmation page; only the button signs in.
  await signInByMagicLink(page, mailbox, `  ${founder.toUpperCase()} `, '/orgs/new');
  await expect(page).toHaveURL(/\/orgs\/new$/);

  // 2. Create an organization; a bad submit keeps what was typed and explains.
  await page.getByLabel('Name').fill('x');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByText('A name is at least 2 characters.')).toBeVisible();
  await page.getByLabel('Name').fill('Harbour Rowing Club');
  await page.getByLabel('Address (slug)').fill(slug);
  await page.getByLabel('Mission').fill('Rowing for everyone on the harbour.');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByRole('heading', { name: 'Harbour Rowing Club' })).toBeVisible();
  await expect(page.getByText('You are an admin of this organization.')).toBeVisible();

  // 3. Invite a member.
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('E-mail address').fill('not-an-email');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Enter a valid e-mail address, like name@example.org.')).toBeVisible();
  await page.getByLabel('E-mail address').fill(invitee);
  await page.getByLabel('Role', { exact: true }).selectOption('member');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}. They become a member when they accept it.`)).toBeVisible();
  await expect(page.getByRole('region', { name: /Pending invitations/ })).toContainText(invitee);

  // 4. The invitee follows the mailed link in their own browser, sees which organization invites them, and accepts.
  const inviteMail = await mailbox.latest(invitee, /invites you to join/);
  expect(inviteMail.subject).toBe(`[Harbour Rowing Club] ${founder} invites you to join Harbour Rowing Club`);
  const inviteeContext = await browser.newContext();
  const inviteePage = await inviteeContext.newPage();
  await inviteePage.goto(Mailbox.linkIn(inviteMail));
  // A mail scanner opening the link again does not use it up.
  await inviteePage.reload();
  await inviteePage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(inviteePage).toHaveURL(new RegExp(`/o/${slug}/invitation$`));
  await expect(inviteePage.getByRole('heading', { name: 'Join Harbour Rowing Club' })).toBeVisible();
  await inviteePage.getByRole('button', { name: 'Accept and join' }).click();
  await expect(inviteePage).toHaveURL(new RegExp(`/o/${slug}$`));
  await expect(inviteePage.getByText('You are a member of this organization.')).toBeVisible();
  // A used link cannot sign in twice.
  await inviteePage.goto(Mailbox.linkIn(inviteMail));
  await inviteePage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(inviteePage.getByRole('heading', { name: 'Could not sign you in' })).toBeVisible();
  await inviteeContext.close();

  // 5. Signed out, anyone can read the public page, without e-mail addresses.
  const publicContext = await browser.newContext();
  const visitor = await publicContext.newPage();
  await visitor.goto(`/o/${slug}`);
  await expect(visitor.getByRole('heading', { name: 'Harbour Rowing Club' })).toBeVisible();
  await expect(visitor.getByText('Rowing for everyone on the harbour.')).toBeVisible();
  await expect(visitor.getByText('2 people belong to Harbour Rowing Club.')).toBeVisible();
  await expect(visitor.locator('body')).not.toContainText('@e2e.example.org');
  await expect(visitor.getByRole('link', { name: 'Members' })).toHaveCount(0);
  // The members list is for members: a visitor is sent to sign in and back.
  await visitor.goto(`/o/${slug}/members`);
  await expect(visitor).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Fo%2F${slug}%2Fmembers`));
  await publicContext.close();

  // 6. Sign out works.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
});
