import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { request as newRequest } from '@playwright/test';
import { expect, foundOrganization, test, waitForHydration } from './fixtures';
import { seriousViolations } from './axe';

const shots = '/tmp/shots-settings';

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** A full-page screenshot at desktop width and at 390 px, for the slice's review (outside the repo). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('an admin archives the organization with its name typed, it takes no invitations and shows a banner, then unarchives it', async ({
  page,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  const admin = uniqueEmail('arch-admin');
  const slug = `arch-${runId}`;
  await foundOrganization(page, mailbox, admin, { name: 'Garden Group', slug });

  await page.goto(`/o/${slug}/settings/profile`);
  await page.getByRole('link', { name: 'Archive the organization' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/settings/archive$`));
  await expectAxeClean(page);
  await shoot(page, 'archive-form');

  // A wrong name is refused in plain words and nothing changes.
  const confirmation = page.getByLabel(/Type the organization's name to confirm/);
  await confirmation.fill('garden');
  await page.getByRole('button', { name: 'Archive the organization' }).click();
  await expect(page.getByText('To archive, type the organization\'s name exactly as shown ("Garden Group"). Nothing was changed.').first()).toBeVisible();
  await shoot(page, 'archive-refused');

  await page.getByLabel(/Type the organization's name to confirm/).fill('Garden Group');
  await page.getByRole('button', { name: 'Archive the organization' }).click();
  await expect(page.getByTestId('archived-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unarchive the organization' })).toBeVisible();
  await shoot(page, 'archived');

  await page.goto(`/o/${slug}/proposals`);
  await expect(page.getByTestId('archived-banner')).toContainText('This organization is archived');
  await shoot(page, 'proposals-archived');

  // An invitation is refused with the reason.
  await page.goto(`/o/${slug}/members`);
  await page.getByLabel('E-mail address').fill(uniqueEmail('arch-invitee'));
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('This organization is archived', { exact: false }).first()).toBeVisible();

  // The settings pages offer no form the archive refuses, and say why (webhooks: only disabling would be offered).
  for (const [settings, note] of [
    ['profile', 'its name, mission, visibility, logo and default language cannot be changed'],
    ['witnesses', 'witnesses can be neither added nor removed'],
    ['webhooks', 'its endpoints can still be disabled'],
  ] as const) {
    await page.goto(`/o/${slug}/settings/${settings}`);
    await expect(page.getByRole('note').filter({ hasText: note })).toBeVisible();
    await expect(page.getByRole('button', { name: /Save profile|Add witness|Register endpoint/ })).toHaveCount(0);
    await expectAxeClean(page);
    await shoot(page, `${settings}-archived`);
  }

  // The log records it; unarchiving brings the organization back.
  await page.goto(`/o/${slug}/settings/archive`);
  await page.getByRole('button', { name: 'Unarchive the organization' }).click();
  await expect(page.getByRole('button', { name: 'Archive the organization' })).toBeVisible();
  await expect(page.getByTestId('archived-banner')).toHaveCount(0);
  await page.goto(`/o/${slug}/settings/profile`);
  await expect(page.getByRole('button', { name: 'Save profile' })).toBeVisible();
  await page.goto(`/o/${slug}/log`);
  await expect(page.getByText('organization.archived', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('organization.unarchived', { exact: false }).first()).toBeVisible();
});

const realPng = readFileSync(path.join(process.cwd(), 'public', 'icon-192.png'));

/**
 * Chooses a file and submits it. When the form sends it (`sent`), waits for the server's answer and
 * for React's reset of the form after the action: a file chosen before that reset would be cleared
 * (and the required field would then stop the next submit). The HTML and SVG refusals share one
 * wording, so the text alone cannot tell that the second answer has come.
 */
async function chooseLogo(page: Page, name: string, mimeType: string, buffer: Buffer, sent = true): Promise<void> {
  const file = page.getByLabel('Image file');
  await file.setInputFiles({ name, mimeType, buffer });
  const answered = sent ? page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/settings/profile')) : null;
  await page.getByRole('button', { name: /^(Upload|Replace) the logo$/ }).click();
  if (answered) {
    await answered;
    await expect(file).toHaveValue('');
  }
}

/** The exports a member of a private organization reads with their session, and an outsider may not. */
const memberReads = (slug: string) => [`/o/${slug}/logo`, `/o/${slug}/log/export.csv`, `/o/${slug}/log/feed.atom`, `/api/o/${slug}/log/export`];

async function statuses(request: APIRequestContext, slug: string): Promise<number[]> {
  return Promise.all(memberReads(slug).map(async (url) => (await request.get(url)).status()));
}

test('logo: disguised files refused, shown once set; a private org serves it and its exports to members', async ({
  page,
  mailbox,
  runId,
  baseURL,
  uniqueEmail,
}) => {
  test.setTimeout(240_000);
  const slug = `logo-${runId}`;
  await foundOrganization(page, mailbox, uniqueEmail('logo-admin'), { name: 'Allotment Society', slug });

  await page.goto(`/o/${slug}/settings/profile`);
  await waitForHydration(page);
  await expect(page.getByText('No logo yet.')).toBeVisible();
  await expectAxeClean(page);
  await shoot(page, 'profile-no-logo');

  // HTML named .png, an SVG and a 2 MB PNG: each refused in plain words, and no logo appears.
  await chooseLogo(page, 'logo.png', 'image/png', Buffer.from('<!doctype html><title>x</title><script>alert(1)</script>'));
  await expect(page.getByText(/That file is not a PNG, JPEG or WebP image/).first()).toBeVisible();
  await expect(page.getByLabel('Image file')).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, 'profile-refused-html');
  await chooseLogo(page, 'logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
  await expect(page.getByText(/SVG is not accepted, since it can carry scripts/).first()).toBeVisible();
  await chooseLogo(page, 'big.png', 'image/png', Buffer.concat([realPng, Buffer.alloc(2 * 1024 * 1024 - realPng.length)]), false);
  await expect(page.getByText('The image is 2 MB; a logo may be at most 256 KB.', { exact: false }).first()).toBeVisible();
  await shoot(page, 'profile-refused-large');
  expect((await page.request.get(`/o/${slug}/logo`)).status()).toBe(404);

  // A real PNG is stored and shown on the organization's page.
  await chooseLogo(page, 'allotment.png', 'image/png', realPng);
  await expect(page.getByText('Logo saved. The change is on the decision log.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove the logo' })).toBeVisible();
  await expectAxeClean(page);
  await shoot(page, 'profile-with-logo');

  const served = await page.request.get(`/o/${slug}/logo`);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  expect(served.headers()['x-content-type-options']).toBe('nosniff');
  const etag = served.headers()['etag']!;
  expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
  expect((await page.request.get(`/o/${slug}/logo`, { headers: { 'If-None-Match': etag } })).status()).toBe(304);

  await page.goto(`/o/${slug}`);
  const logo = page.locator(`img[src^="/o/${slug}/logo?v="]`);
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectAxeClean(page);
  await shoot(page, 'org-page-with-logo');
  await page.goto(`/o/${slug}/log`);
  await expect(page.getByText(/Organization logo added \(SHA-256 [0-9a-f]{12}…\)/).first()).toBeVisible();

  // Private: members read the logo and exports with their session; outsiders, forged and ended sessions get 404.
  await page.goto(`/o/${slug}/settings/profile`);
  await waitForHydration(page);
  await page.getByRole('radio', { name: 'Private' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.').first()).toBeVisible();
  expect(await statuses(page.request, slug)).toEqual([200, 200, 200, 200]);
  const member = await page.request.get(`/api/o/${slug}/log/export`);
  expect(member.headers()['cache-control']).toBe('private, no-store');

  const outsider = await newRequest.newContext({ baseURL });
  expect(await statuses(outsider, slug)).toEqual([404, 404, 404, 404]);
  const forged = await newRequest.newContext({ baseURL, extraHTTPHeaders: { Cookie: 'quorate.session=forged-0123456789abcdef' } });
  expect(await statuses(forged, slug)).toEqual([404, 404, 404, 404]);

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('quorate.session'))!;
  expect(session).toBeTruthy();
  await page.goto(`/o/${slug}`);
  await page.locator('button:visible', { hasText: 'Sign out' }).click();
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name === session.name)).toBe(false);
  const ended = await newRequest.newContext({ baseURL, extraHTTPHeaders: { Cookie: `${session.name}=${session.value}` } });
  expect(await statuses(ended, slug)).toEqual([404, 404, 404, 404]);
  await Promise.all([outsider.dispose(), forged.dispose(), ended.dispose()]);
});

test('logo: an admin removes it, and the page shows none', async ({ page, mailbox, runId, uniqueEmail }) => {
  const slug = `logo-rm-${runId}`;
  await foundOrganization(page, mailbox, uniqueEmail('logo-rm'), { name: 'Tenants Union', slug });
  await page.goto(`/o/${slug}/settings/profile`);
  await waitForHydration(page);
  await chooseLogo(page, 'union.png', 'image/png', realPng);
  await expect(page.getByRole('button', { name: 'Remove the logo' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove the logo' }).click();
  await expect(page.getByText('Logo removed. The change is on the decision log.').first()).toBeVisible();
  await expect(page.getByText('No logo yet.')).toBeVisible();
  expect((await page.request.get(`/o/${slug}/logo`)).status()).toBe(404);
  await page.goto(`/o/${slug}`);
  await expect(page.locator(`img[src^="/o/${slug}/logo"]`)).toHaveCount(0);
});
