import type { Page } from '@playwright/test';
import { advanceClock, appointFounders, expect, inviteMembers, Mailbox, reloadUntil, clockTest as test, waitForHydration } from './fixtures';
import { seriousViolations } from './axe';

// A seat holder on a 390 px phone, using the keyboard: the header menu, the ballot before the
// discussion, focus on the confirmation, 44 px targets, and long unbroken text that wraps.
// This journey moves the server's clock (7 days) to open voting.
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 390, height: 844 } });

const DAY = 24 * 60 * 60 * 1000;
const PHONE = 390;

/** The magic-link sign-in, ending on the phone header (the Menu button instead of a visible Sign out). */
async function signInOnPhone(page: Page, mailbox: Mailbox, email: string, callbackUrl: string): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await page.goto(Mailbox.linkIn(await mailbox.latest(email, /Sign in to Quorate/)));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Menu', { exact: true })).toBeVisible();
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Presses Tab until `target` holds focus; returns the focused elements' descriptions on the way. */
async function tabUntil(page: Page, target: string, limit = 80): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate((sel) => {
      const el = document.activeElement;
      if (!el) return { hit: false, where: 'none' };
      const where = el.closest('section[aria-labelledby="discussion"]') ? 'discussion' : el.closest('aside') ? 'aside' : el.tagName.toLowerCase();
      return { hit: el.matches(sel), where };
    }, target);
    seen.push(here.where);
    if (here.hit) return seen;
  }
  throw new Error(`${target} not reached in ${limit} Tab presses: ${seen.join(', ')}`);
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page, { openDetails: true }), `axe at ${PHONE} px on ${page.url()}`).toEqual([]);
}

/** Screenshots for the person checking the layout by eye, when SHOTS_DIR is set (never in the repository). */
async function shot(page: Page, name: string, focus?: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const take = async (size: string) => {
    if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${dir}/${name}-${size}.png` });
    await page.screenshot({ path: `${dir}/${name}-${size}-full.png`, fullPage: true });
  };
  await take(String(PHONE));
  await page.setViewportSize({ width: 1280, height: 900 });
  await take('desktop');
  await page.setViewportSize({ width: PHONE, height: 844 });
}

test('a seat holder on a phone votes by keyboard, and long words never widen the page', async ({ page, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(180_000);
  const ana = uniqueEmail('ana');
  const slug = `phone-${runId}`;
  const longWord = 'W'.repeat(5000);

  await signInOnPhone(page, mailbox, ana, '/orgs/new');
  await page.getByLabel('Name').fill(`Long Street Garden ${'G'.repeat(60)}`);
  await page.getByLabel('Address (slug)').fill(slug);
  await page.getByLabel('Mission').fill('M'.repeat(1900));
  await page.getByLabel('Seats on the main body').fill('5');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE);
  await expectAxeClean(page);
  await shot(page, 'org');

  // The header menu: reached by Tab, opened with Enter, and the account link follows inside it.
  await page.reload();
  await tabUntil(page, 'header summary');
  await expect(page.getByRole('link', { name: /Your account/ })).toBeHidden();
  await page.keyboard.press('Enter');
  await tabUntil(page, 'header a[href="/account"]', 5);
  await expect(page.getByRole('link', { name: /Your account/ })).toBeVisible();
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/menu-open-${PHONE}.png` });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
  // The header persists across navigations: the menu closes on the new page, and Escape closes it too.
  const accountLink = page.locator('header').getByRole('link', { name: /Your account/ });
  await expect(accountLink).toBeHidden();
  await page.locator('header summary').click();
  await expect(accountLink).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(accountLink).toBeHidden();
  await expect(page.locator('header summary')).toBeFocused();

  await page.goto('/');
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE);
  await expectAxeClean(page);
  await shot(page, 'home');

  // Ana holds a board seat and proposes a text with a 5,000-character word; she comments one too.
  await appointFounders(page, slug, [ana]);
  await page.goto(`/o/${slug}/proposals/new`);
  await page.getByLabel('Type').selectOption({ label: 'Board resolution' });
  await page.getByLabel('Title').fill(`Plant ${'T'.repeat(150)}`);
  await page.getByLabel('Proposal text').fill(`We plant a hedge.\n\n${longWord}`);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
  // The organization's first publication, with seats still vacant: it closes founding appointments.
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  await page.getByLabel('Add a comment').fill(`Agreed: ${longWord}`);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Comment posted.')).toBeVisible();

  await advanceClock(7 * DAY + 60_000);
  await reloadUntil(page, 'Voting open until');
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE);

  // The ballot comes before the discussion, on screen and in the Tab order.
  const ballot = page.getByRole('form', { name: 'Your vote, Board' });
  const discussion = page.getByRole('heading', { name: /^Discussion/ });
  const ballotBox = (await ballot.boundingBox())!;
  expect(ballotBox.y).toBeLessThan((await discussion.boundingBox())!.y);
  const path = await tabUntil(page, 'form[aria-label="Your vote, Board"] input[type="radio"]');
  expect(path).not.toContain('discussion');

  // Every choice is a whole label at least 44 × 44 px.
  for (const choice of ['Yes', 'No', 'Abstain']) {
    const box = (await ballot.locator('label', { hasText: choice }).boundingBox())!;
    expect(box.width, `${choice} width`).toBeGreaterThanOrEqual(44);
    expect(box.height, `${choice} height`).toBeGreaterThanOrEqual(44);
  }
  await expectAxeClean(page);

  // A ballot without a choice is refused in plain words, the refusal takes focus, and the rationale stays.
  await ballot.getByLabel(/Rationale/).fill('The hedge shelters the beds.');
  await ballot.getByRole('button', { name: 'Cast vote' }).click();
  await expect(page.locator(':focus')).toHaveText('Choose yes, no or abstain.');
  await expect(ballot.getByLabel(/Rationale/)).toHaveValue('The hedge shelters the beds.');
  await ballot.getByLabel('Yes', { exact: true }).focus();

  // Space chooses the focused "Yes"; after the vote, focus is on the confirmation.
  await page.keyboard.press('Space');
  await expect(ballot.getByLabel('Yes', { exact: true })).toBeChecked();
  await ballot.getByRole('button', { name: 'Cast vote' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your vote (yes) is recorded.')).toBeVisible();
  await expect(page.locator(':focus')).toHaveText(/your vote \(yes\) is recorded/i);
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE);
  await expectAxeClean(page);
  await shot(page, 'proposal-voting');
  await shot(page, 'proposal-ballot', 'form[aria-label="Your vote, Board"]');
});

test('on a phone, the org nav is one row, small targets are 44 px, and each answer takes focus', async ({ page, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(180_000);
  const bo = uniqueEmail('bo');
  const slug = `phone-forms-${runId}`;
  const atLeast44 = async (what: string, box: { width: number; height: number } | null) => {
    expect(box!.width, `${what} width`).toBeGreaterThanOrEqual(44);
    expect(box!.height, `${what} height`).toBeGreaterThanOrEqual(44);
  };

  // The creation preview follows the seats typed: quorum and what passes are counted on them.
  await signInOnPhone(page, mailbox, bo, '/orgs/new');
  await waitForHydration(page);
  await page.getByLabel('Name').fill('Quay Street Tenants');
  await page.getByLabel('Address (slug)').fill(slug);
  const preview = page.getByRole('region', { name: /^Preview: the nonprofit board charter/ });
  await expect(preview).toContainText('Board: 9 seats');
  await page.getByLabel('Seats on the main body').fill('5');
  await expect(preview).toContainText('Board: 5 seats');
  await expect(preview).toContainText('3 of its 5 seats vote');
  await expect(preview).not.toContainText('of its 9 seats');
  await expect(page.locator('#template-preview-title')).toHaveText('Preview: the nonprofit board charter, with 5 board seats');
  await shot(page, 'create-preview', '#template-preview');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));

  // The organization's sections: one row of 44 px links that scrolls sideways, by keyboard too.
  const nav = page.getByRole('navigation', { name: 'Quay Street Tenants sections' });
  const links = await nav
    .getByRole('link')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), height: r.height })));
  expect(links.length).toBe(11);
  expect(new Set(links.map((l) => l.top)).size).toBe(1);
  for (const l of links) expect(l.height).toBeGreaterThanOrEqual(44);
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE);
  await tabUntil(page, 'nav[aria-label$=" sections"] a[href$="/settings/notifications"]');
  await expect(nav.getByRole('link', { name: 'Notifications' })).toBeInViewport();
  await expectAxeClean(page);
  await shot(page, 'org-nav');
  // On the last section's own page, the row starts scrolled to it.
  await page.goto(`/o/${slug}/settings/notifications`);
  await expect(nav.getByRole('link', { name: 'Notifications' })).toBeInViewport();

  // Forms without a flash region: their answers take focus.
  await inviteMembers(page, slug, [uniqueEmail('cy')]);
  await expect(page.locator(':focus')).toContainText('Invitation sent to');
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Resend' }).click();
  await expect(page.locator(':focus')).toContainText('A new invitation link was sent to');

  // The proposal text previewed as it will be published.
  await appointFounders(page, slug, [bo]);
  await page.goto(`/o/${slug}/proposals/new`);
  await waitForHydration(page);
  await page.getByLabel('Type').selectOption({ label: 'Board resolution' });
  await page.getByLabel('Title').fill('Paint the stairwell');
  await page.getByLabel('Proposal text').fill('We paint the **north** stairwell.');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText('north');
  for (const name of ['Write', 'Preview']) await atLeast44(name, await page.getByRole('button', { name }).boundingBox());
  await expectAxeClean(page);
  await shot(page, 'proposal-text-preview', '[aria-label="Write or preview"]');
  await page.getByRole('button', { name: 'Write' }).click();
  await expect(page.getByLabel('Proposal text')).toHaveValue('We paint the **north** stairwell.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));

  // Publishing: the form is gone, and its confirmation (in the flash) takes focus; its × is a 44 px target.
  await waitForHydration(page);
  // The organization's first publication closes founding appointments: it asks for a confirmation.
  await page.getByRole('checkbox', { name: 'I understand' }).check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  const dismiss = page.getByRole('button', { name: 'Dismiss this message' });
  await atLeast44('×', await dismiss.boundingBox());
  await expect(page.locator(':focus')).toHaveCount(1);
  expect(await page.evaluate(() => document.activeElement?.nextElementSibling?.getAttribute('aria-label'))).toBe('Dismiss this message');

  // The comment's stance choices are whole labels of at least 44 × 44 px; posting moves focus to the confirmation.
  for (const stance of ['none', 'support', 'concern', 'object']) {
    await atLeast44(stance, await page.locator(`label:has(#new-comment-${stance})`).boundingBox());
  }
  await page.locator('#new-comment-support').check();
  await page.getByLabel('Add a comment').fill('Yes, and the south one next year.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.locator(':focus')).toHaveText('Comment posted.');
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE);
  await expectAxeClean(page);
  await shot(page, 'comment-posted', '#new-comment-support');
});
