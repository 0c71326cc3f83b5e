import { mkdirSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { expect, foundOrganization, recordNameSave, signInByMagicLink, test } from './fixtures';

// Abuse edges: a new organization reaches the home page only once it publishes; images in what
// members write are links, never loaded; a server action from another site is a plain 403 that
// writes nothing. The server is `next start` (production), as in deployment.

const refusal = 'Refused: this request was sent from another website, so nothing was changed. Open Quorate itself and try again there.';
const shots = process.env.SHOTS_DIR;

/** Screenshots for the review note (only when SHOTS_DIR is set; never in the repository). */
async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  for (const [width, label] of [
    [1280, 'desktop'],
    [390, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function publicListing(page: Page): Promise<string[]> {
  await page.goto('/');
  return page.locator('#public-orgs li').allInnerTexts();
}

test('a new organization is listed once it publishes; an image in a proposal is only a link', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(150_000);
  const slug = `spam-${runId}`;
  const name = `Totally Legit Giveaway ${runId}`;
  const visitor = await browser.newPage();

  await foundOrganization(page, mailbox, uniqueEmail('spammer'), { name: name, slug });

  // Signed out: the demo organization is listed, the new one is not — but its own page is public.
  const before = await publicListing(visitor);
  expect(before.join('\n')).toContain('Riverbend Commons');
  expect(before.join('\n')).not.toContain(name);
  await expect(visitor.getByText('A new public organization is listed here once it publishes its first proposal')).toBeVisible();
  await shoot(visitor, 'home-signed-out');
  expect((await visitor.goto(`/o/${slug}`))?.status()).toBe(200);
  await expect(visitor.getByRole('heading', { name })).toBeVisible();
  // Its founder finds it under "Your organizations".
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Your organizations' }).getByRole('link', { name })).toBeVisible();
  expect((await page.locator('#public-orgs li').allInnerTexts()).join('\n')).not.toContain(name);
  await shoot(page, 'home-founder');

  // A draft with remote, reference-style and data: images: none is requested, each remote one is a link.
  const remote: string[] = [];
  const watch = (r: Request) => {
    if (!r.url().startsWith(new URL(page.url()).origin) && !r.url().startsWith('data:')) remote.push(r.url());
  };
  page.on('request', watch);
  await page.goto(`/o/${slug}/proposals/new`);
  await page.getByLabel('Type').selectOption({ label: 'Board resolution' });
  await page.getByLabel('Title').fill('Prize draw rules');
  await page
    .getByLabel('Proposal text')
    .fill(
      'The plan: ![Site plan](https://images.evil.example/plan.png)\n\nSee ![the badge][badge] and ![](//cdn.evil.example/pixel.gif) and ![inline pixel](data:image/png;base64,iVBORw0KGgo=).\n\n[badge]: https://images.evil.example/badge.svg',
    );
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
  const text = page.locator('.prose-quorate').first();
  await expect(text.getByRole('link', { name: 'Site plan' })).toHaveAttribute('href', 'https://images.evil.example/plan.png');
  await expect(text.getByRole('link', { name: 'the badge' })).toHaveAttribute('href', 'https://images.evil.example/badge.svg');
  await expect(text.getByRole('link', { name: '//cdn.evil.example/pixel.gif' })).toBeVisible();
  await expect(text).toContainText('inline pixel');
  await expect(text.locator('img')).toHaveCount(0);
  await shoot(page, 'proposal-images-as-links');
  page.off('request', watch);
  expect(remote, 'no request left this site').toEqual([]);

  // Once it publishes, it is listed.
  // The organization's first publication, with seats still vacant: it closes founding appointments.
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  expect((await publicListing(visitor)).join('\n')).toContain(name);
  await visitor.close();
});

test('a server action posted from another site is a plain 403 and writes nothing; from this site it goes through', async ({
  page,
  mailbox,
  runId,
  uniqueEmail,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  await signInByMagicLink(page, mailbox, uniqueEmail('origin'), '/account');

  // A real save, recorded: the request the browser sends for the name form.
  const saved = `Saved ${runId}`;
  const { body, replayHeaders: headers, currentName } = await recordNameSave(page, saved);
  const replay = (name: string, extra: Record<string, string>) =>
    page.request.post('/account', { headers: { ...headers, ...extra }, data: body.replaceAll(saved, name), maxRedirects: 0 });

  for (const foreign of ['https://evil.example', `${origin}.evil.example`, 'http://localhost:1', 'null']) {
    const response = await replay(`Forged ${runId}`, { Origin: foreign });
    expect(response.status(), `Origin ${foreign}`).toBe(403);
    expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
    expect((await response.text()).trim()).toBe(refusal);
  }
  // A reverse proxy's X-Forwarded-Host decides, as in Next.js: a forged one that does not match is refused.
  expect((await replay(`Forged ${runId}`, { Origin: origin, 'X-Forwarded-Host': 'evil.example' })).status()).toBe(403);
  expect(await currentName(), 'nothing was written').toBe(saved);

  // A cross-site HTML form (multipart, no Next-Action header): what a hostile page can really send.
  const form = await page.request.post('/account', {
    headers: { Origin: 'https://evil.example' },
    multipart: { [`$ACTION_ID_${headers['next-action']}`]: '', name: `Form ${runId}` },
    maxRedirects: 0,
  });
  expect(form.status()).toBe(403);
  expect(await currentName()).toBe(saved);

  // The control: the same replay from this site goes through, so the refusals are the origin check.
  const allowed = `Allowed ${runId}`;
  expect((await replay(allowed, { Origin: origin })).status()).toBe(200);
  expect(await currentName()).toBe(allowed);
});
