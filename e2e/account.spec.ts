import { expect, foundOrganization, inviteMembers, openInvite, test, verifyExportWithCli } from './fixtures';

const shots = process.env.E2E_SHOTS_DIR;

test('a person names themselves, exports their data and deletes their account; the log verifies', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  // Two browsers, a deletion and both verifiers (the command-line one starts a process of its own).
  test.setTimeout(120_000);
  const founder = uniqueEmail('acc-founder');
  const member = uniqueEmail('acc-member');
  const slug = `acc-${runId}`;

  // The founder creates an organization and invites a member.
  await foundOrganization(page, mailbox, founder, { name: 'Allotment Society', slug });
  await inviteMembers(page, slug, [member]);

  // The member accepts, gives a name on the account page, and the header shows it instead of the address.
  const memberPage = await openInvite(browser, mailbox, member);
  await memberPage.goto('/account');
  await memberPage.getByLabel('Your name').fill('Ana Ruiz');
  await memberPage.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(memberPage.getByText('Saved.')).toBeVisible();
  await memberPage.reload();
  const header = memberPage.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Ana Ruiz' }).or(header.getByRole('button', { name: 'Menu' }))).toBeVisible();
  await expect(header).not.toContainText(member);

  // The data export is the member's own, as a JSON download.
  const download = await memberPage.request.get('/account/export');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
  const data = (await download.json()) as { profile: { email: string; name: string }; memberships: { organizationSlug: string }[] };
  expect(data.profile).toMatchObject({ email: member, name: 'Ana Ruiz' });
  expect(data.memberships.map((m) => m.organizationSlug)).toEqual([slug]);
  expect(JSON.stringify(data)).not.toContain(founder);

  if (shots) await memberPage.screenshot({ path: `${shots}/account-desktop.png`, fullPage: true });
  await memberPage.setViewportSize({ width: 390, height: 844 });
  if (shots) await memberPage.screenshot({ path: `${shots}/account-390.png`, fullPage: true });

  // A wrong phrase deletes nothing and says why.
  await memberPage.getByLabel(/To confirm, type/).fill('delete');
  await memberPage.getByRole('button', { name: 'Delete my account' }).click();
  await expect(memberPage.getByText('Type “delete my account” exactly to confirm. Nothing was deleted.')).toBeVisible();
  if (shots) await memberPage.screenshot({ path: `${shots}/account-390-refused.png`, fullPage: true });

  // The right phrase: the account goes and the person is signed out.
  await memberPage.getByLabel(/To confirm, type/).fill('delete my account');
  await memberPage.getByRole('button', { name: 'Delete my account' }).click();
  await expect(memberPage).toHaveURL(/\/account\/deleted$/);
  await expect(memberPage.getByRole('heading', { name: 'Your account has been deleted' })).toBeVisible();
  await expect(memberPage.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  if (shots) await memberPage.screenshot({ path: `${shots}/deleted-390.png`, fullPage: true });
  await memberPage.goto('/account');
  await expect(memberPage).toHaveURL(/\/signin\?/);

  // The founder, the only admin, is refused and keeps their account.
  await page.goto('/account');
  await page.getByLabel(/To confirm, type/).fill('delete my account');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByText(/You are the only admin of Allotment Society\. .*Nothing was deleted\./)).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/account-desktop-refused.png`, fullPage: true });

  // The public log names the deleted account by its pseudonym only, and still verifies.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/log`);
  await expect(visitor.getByText(/deleted-[0-9a-f]{16} deleted their account and left the organization/)).toBeVisible();
  await expect(visitor.getByText(/deleted-[0-9a-f]{16} \(deleted account\) accepted the invitation/)).toBeVisible();
  await expect(visitor.locator('body')).not.toContainText('Ana Ruiz');
  await expect(visitor.locator('body')).not.toContainText(member);
  if (shots) await visitor.screenshot({ path: `${shots}/log-after-deletion.png`, fullPage: true });
  await visitor.goto(`/o/${slug}/verify`);
  await visitor.getByRole('button', { name: 'Verify the published log' }).click();
  await expect(visitor.getByRole('heading', { name: /Intact/ })).toBeVisible({ timeout: 30_000 });

  // And without this website: the public export, checked by `npm run verify` against the published verifier key.
  const verified = await verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/✔ Log intact: \d+ entries/);
  expect(verified.code).toBe(0);
});
