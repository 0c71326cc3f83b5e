import type { Browser, Page } from '@playwright/test';
import { advanceClock, clockTest, expect, reloadUntil, test } from './fixtures';
import { appointFounders, castVotes, draftProposal, foundOrganization, inviteMembers, Mailbox, openInvite } from './fixtures';
import { seriousViolations } from './axe';

// Every page of the app on a 390 × 844 phone: nothing wider than the screen, axe clean (serious and critical), and,
// with E2E_SHOTS_DIR set, a full-page screenshot of each for a person to look at. Public pages are visited signed out;
// the others as the person who would use them. The second test moves the server's clock (to open and close a vote).

const PHONE = { width: 390, height: 844 };
const DAY = 24 * 60 * 60 * 1000;
const shots = process.env.E2E_SHOTS_DIR;
const demo = '/o/riverbend-commons';

/**
 * The page as it stands: a screenshot (when asked for), then every disclosure opened so that what sits behind one is
 * checked too, no horizontal overflow and no serious or critical axe violation. Soft, so one run lists every page's problems.
 */
async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${name} (${page.url()}) is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
  // The title is streamed with the page's metadata (Next 16): wait for it, so a late one is not taken for a missing one
  // (a page with none still fails here).
  await expect.soft(page, `${name} (${page.url()}) has a title`).toHaveTitle(/\S/);
  expect.soft(await seriousViolations(page), `axe on ${name} (${page.url()})`).toEqual([]);
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = false;
  });
}

/** Goes to `path` and checks it. */
async function visit(page: Page, path: string, name: string): Promise<void> {
  await page.goto(path);
  await checkPage(page, name);
}

async function phonePage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: PHONE })).newPage();
}

test('the public pages and each step of signing in fit a 390 px phone and are axe clean', async ({ browser, mailbox, uniqueEmail }) => {
  test.setTimeout(300_000);
  const visitorEmail = uniqueEmail('p-visitor');
  const visitor = await phonePage(browser);
  await visit(visitor, '/', 'home');
  await visit(visitor, '/signin', 'signin');
  await visitor.getByLabel('E-mail address').fill(visitorEmail);
  await visitor.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(visitor.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await checkPage(visitor, 'signin-check-email');
  await visit(visitor, Mailbox.linkIn(await mailbox.latest(visitorEmail, /Sign in to Quorate/)), 'signin-confirm');
  await visit(visitor, '/signin/confirm', 'signin-confirm-incomplete');
  await visit(visitor, '/signin/error?error=Verification', 'signin-error');
  await visit(visitor, '/account/deleted', 'account-deleted');
  await visit(visitor, '/o/no-such-organization-here', 'not-found');
  await visit(visitor, '/unsubscribe?t=not-a-token', 'unsubscribe-invalid');

  // The demonstration organization's decided proposals (passed, rejected, failed quorum, withdrawn, a removal), its lists and log.
  for (const n of [1, 2, 3, 4, 5]) await visit(visitor, `${demo}/proposals/${n}`, `demo-proposal-${n}`);
  await visit(visitor, demo, 'demo-org');
  await visit(visitor, `${demo}/proposals`, 'demo-proposals-list');
  await visit(visitor, `${demo}/seats`, 'demo-seats');
  await visit(visitor, `${demo}/log`, 'demo-log');
});

clockTest(
  'an organization’s pages, for each person and in each phase, fit a 390 px phone and are axe clean',
  async ({ browser, mailbox, runId, uniqueEmail }) => {
    clockTest.setTimeout(600_000);
    const [ana, ben, cleo, dev] = [uniqueEmail('p-ana'), uniqueEmail('p-ben'), uniqueEmail('p-cleo'), uniqueEmail('p-dev')];
    const slug = `phone-${runId}`;
    const org = `/o/${slug}`;
    const visitor = await phonePage(browser);

    // The founder, on her phone: creation, then her organization's pages.
    // (Signing in ends on the wide header's Sign out button; the phone's is behind its Menu.)
    const founder = await (await browser.newContext()).newPage();
    await foundOrganization(founder, mailbox, ana, { name: 'Hillside Allotments', slug, template: 'Informal group' });
    await founder.setViewportSize(PHONE);
    await checkPage(founder, 'org-founder');
    await visit(founder, '/orgs/new', 'orgs-new');
    await visit(founder, '/account', 'account');
    await inviteMembers(founder, slug, [ben, cleo, dev]);
    await checkPage(founder, 'members-admin');
    const benPage = await openInvite(browser, mailbox, ben);
    await openInvite(browser, mailbox, cleo);
    await visit(founder, `${org}/seats`, 'seats-founding');
    await appointFounders(founder, slug, [ana, ben, cleo], 'Group');

    // Dev opens the invitation on a phone before accepting it.
    const devPage = await phonePage(browser);
    await devPage.goto(Mailbox.linkIn(await mailbox.latest(dev, /invites you to join/)));
    await devPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(devPage).toHaveURL(/\/invitation$/);
    await checkPage(devPage, 'invitation');
    await devPage.getByRole('button', { name: 'Accept and join' }).click();
    await expect(devPage).not.toHaveURL(/\/invitation$/);
    await visit(devPage, `${org}/members`, 'members-member');
    await visit(devPage, `${org}/settings/notifications`, 'settings-notifications');

    // Proposals: the form for each kind, a draft, a charter amendment, one in discussion.
    await visit(founder, `${org}/proposals/new`, 'proposal-new');
    const amendment = { type: 'Charter amendment', title: 'Five seats for the group', text: 'Two more gardeners can take part in decisions.' };
    await draftProposal(founder, slug, amendment, async () => {
      await founder.getByRole('group', { name: 'Group', exact: true }).first().getByLabel('Charter seats').fill('5');
      await checkPage(founder, 'proposal-new-charter-amendment');
    });
    await checkPage(founder, 'proposal-draft-charter-amendment');
    const decision = { type: 'Group decision', title: 'Buy a shared water butt for the east beds', text: 'One 1,000-litre water butt, from the tool fund.' };
    expect(await draftProposal(founder, slug, decision)).toBe(2);
    await founder.getByRole('button', { name: 'Publish proposal' }).click();
    await expect(founder.getByText(/Comment window open until/)).toBeVisible();
    await checkPage(founder, 'proposal-discussion-author');
    await visit(visitor, `${org}/proposals/2`, 'proposal-discussion-public');

    // A member without a seat was told of it, with an unsubscribe link for that optional notice.
    const notice = await mailbox.latest(dev, /New proposal #2/);
    const unsubscribe = notice.text.match(/https?:\/\/\S+\/unsubscribe\?t=\S+/)?.[0];
    expect(unsubscribe, 'an unsubscribe link in an optional notice').toBeDefined();
    await visit(visitor, unsubscribe!, 'unsubscribe');

    // Voting: the seat holder's ballot, then the recorded vote; then the decision.
    await advanceClock(3 * DAY + 60_000);
    await benPage.setViewportSize(PHONE);
    await benPage.goto(`${org}/proposals/2`);
    await reloadUntil(benPage, 'Voting open until');
    await checkPage(benPage, 'proposal-voting-seat-holder');
    await castVotes([benPage], slug, 2, 'Yes');
    await checkPage(benPage, 'proposal-voting-voted');
    await visit(visitor, `${org}/proposals/2`, 'proposal-voting-public');
    await castVotes([founder], slug, 2, 'Yes');
    await advanceClock(2 * DAY + 60_000);
    await visitor.goto(`${org}/proposals/2`);
    await reloadUntil(visitor, /Passed on/);
    await checkPage(visitor, 'proposal-passed');

    // The organization's public pages.
    await visit(visitor, org, 'org-public');
    await visit(visitor, `${org}/seats`, 'seats-public');
    await visit(visitor, `${org}/proposals`, 'proposals-list');
    await visit(visitor, `${org}/log`, 'log');
    await visit(visitor, `${org}/verify`, 'verify');
    await visitor.getByRole('button', { name: 'Verify the published log' }).click();
    await expect(visitor.getByRole('heading', { name: /Intact/ })).toBeVisible({ timeout: 30_000 });
    await checkPage(visitor, 'verify-intact');

    // The admin's settings.
    await visit(founder, `${org}/settings/profile`, 'settings-profile');
    await visit(founder, `${org}/settings/archive`, 'settings-archive');
    await visit(founder, `${org}/settings/witnesses`, 'settings-witnesses');
    await visit(founder, `${org}/delivery`, 'delivery');
  },
);
