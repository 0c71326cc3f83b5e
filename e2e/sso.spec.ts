import type { Page } from '@playwright/test';
import { expect, nameThemselves, signInByMagicLink, test } from './fixtures';
import { startTestIdentityProvider } from './oidc-provider';
import type { TestIdentity } from './oidc-provider';

// One identity provider on one port: the file's tests run in one worker, in order.
test.describe.configure({ mode: 'serial' });

let provider: Awaited<ReturnType<typeof startTestIdentityProvider>>;

test.beforeAll(async ({}, testInfo) => {
  const appBaseUrl = String(testInfo.project.use.baseURL);
  provider = await startTestIdentityProvider(process.env.E2E_OIDC_ISSUER!, appBaseUrl);
});

test.afterAll(async () => {
  await provider?.stop();
});

/** From /signin through the provider's own login and consent pages, back to Quorate. */
async function signInBySso(page: Page, login: string, identity: TestIdentity): Promise<void> {
  provider.identities.set(login, identity);
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Sign in with Example Staff Login' }).click();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('single sign-on opens the existing account of a verified e-mail address, and magic links keep working', async ({ browser, mailbox, uniqueEmail }) => {
  const email = uniqueEmail('sso-ada');
  // The account exists first, made by a magic link, with its name.
  const first = await browser.newContext();
  const byLink = await first.newPage();
  await signInByMagicLink(byLink, mailbox, email, '/account');
  await nameThemselves(byLink, 'Ada Okafor');
  await first.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  // The provider writes the address in its own case: it is the same person.
  await signInBySso(page, `ada-${email}`, { email: email.toUpperCase(), emailVerified: true, name: 'A. Okafor (directory)' });
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  // The same account: the name chosen in Quorate, not the directory's.
  await expect(page.getByLabel('Your name')).toHaveValue('Ada Okafor');
  await context.close();

  // Magic links still open the same account.
  const again = await browser.newContext();
  const linkPage = await again.newPage();
  await signInByMagicLink(linkPage, mailbox, email, '/account');
  await expect(linkPage.getByLabel('Your name')).toHaveValue('Ada Okafor');
  await again.close();
});

test('an address the provider did not verify opens no account, and says why', async ({ browser, mailbox, uniqueEmail }) => {
  const email = uniqueEmail('sso-victim');
  const first = await browser.newContext();
  await signInByMagicLink(await first.newPage(), mailbox, email, '/account');
  await first.close();

  // Someone types the victim's address into their provider profile, unverified.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInBySso(page, `eve-${email}`, { email, emailVerified: false, name: 'Eve' });
  await expect(page).toHaveURL(/\/signin\/error\?error=SsoEmailUnverified/);
  // The page's own alert (once hydrated, Next.js adds its route announcer, an empty alert, too).
  await expect(page.getByRole('alert').filter({ hasText: 'Could not sign you in' })).toContainText(
    'did not confirm that the e-mail address on your account is yours',
  );
  // Not signed in as anyone.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await context.close();
});

test('a newcomer with a verified address gets a new account', async ({ browser, uniqueEmail }) => {
  const email = uniqueEmail('sso-newcomer');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInBySso(page, `new-${email}`, { email, emailVerified: true, name: 'Noor Haddad' });
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  await context.close();
});
