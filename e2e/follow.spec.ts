import { mkdirSync } from 'node:fs';
import { expect, signInByMagicLink, test } from './fixtures';

const start = '/o/riverbend-commons';
const proposal = `${start}/proposals/8`;
const shots = process.env.E2E_SHOTS_DIR;

test('a member follows a proposal, another member comments, and the follower is e-mailed', async ({ page, browser, mailbox, runId }) => {
  test.setTimeout(120_000);
  // Margaret follows #8.
  await signInByMagicLink(page, mailbox, 'margaret@demo.quorate.localhost', proposal);
  await page.goto(proposal);
  const follow = page.getByRole('form', { name: 'Follow this proposal' });
  await follow.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByText(/You follow this proposal: you will get an e-mail/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: `${shots}/proposal-following-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/proposal-following-390.png`, fullPage: true });
    await page.goto(`${start}/settings/notifications`);
    await page.screenshot({ path: `${shots}/notification-settings-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${shots}/notification-settings-desktop.png`, fullPage: true });
  }
  await page.goto(`${start}/settings/notifications`);
  await expect(page.getByText('Proposals you follow')).toBeVisible();

  // Linus comments; Margaret is told, by e-mail.
  const linus = await (await browser.newContext()).newPage();
  await signInByMagicLink(linus, mailbox, 'linus@demo.quorate.localhost', proposal);
  await linus.goto(proposal);
  await linus.getByLabel('Add a comment').fill(`Followers should hear of this (${runId}).`);
  await linus.getByRole('button', { name: 'Post comment' }).click();
  await expect(linus.getByRole('paragraph').filter({ hasText: `Followers should hear of this (${runId}).` })).toBeVisible();
  const mail = await mailbox.latest('margaret@demo.quorate.localhost', /New comment on #8/);
  expect(mail.text).toContain('Linus Mbeki commented on #8');
  expect(mail.text).toContain('/o/riverbend-commons/proposals/8');
  expect(mail.text).toContain('you follow this proposal');
  // Linus, who commented, follows now (the page says so) and got no mail about his own comment.
  await expect(linus.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  expect((await mailbox.all()).filter((m) => m.to === 'linus@demo.quorate.localhost' && m.subject.includes('New comment on #8'))).toHaveLength(0);
  await linus.context().close();

  // Margaret unfollows.
  await page.goto(proposal);
  await page.getByRole('button', { name: 'Unfollow' }).click();
  await expect(page.getByText('You no longer follow this proposal.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Follow', exact: true })).toBeVisible();
});

test('the comment form previews Markdown as the page will show it, by keyboard', async ({ page, mailbox }) => {
  test.setTimeout(90_000);
  await signInByMagicLink(page, mailbox, 'grace@demo.quorate.localhost', proposal);
  await page.goto(proposal);
  await page.getByLabel('Add a comment').fill('**Bold** point, a [link](https://example.org) and ![a map](https://evil.example/track.png)');
  const form = page.getByRole('form', { name: 'New comment' });
  await form.getByRole('button', { name: 'Preview' }).focus();
  await page.keyboard.press('Enter');
  const preview = form.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong')).toHaveText('Bold');
  await expect(preview.getByRole('link', { name: 'link' })).toHaveAttribute('href', 'https://example.org');
  // Remote images become links, as on the page: nothing is loaded.
  await expect(preview.getByRole('link', { name: 'a map' })).toHaveAttribute('href', 'https://evil.example/track.png');
  await expect(preview.locator('img')).toHaveCount(0);
  if (shots) {
    await page.screenshot({ path: `${shots}/comment-preview-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/comment-preview-390.png`, fullPage: true });
  }
  await form.getByRole('button', { name: 'Write' }).click();
  await expect(page.getByLabel('Add a comment')).toHaveValue(/\*\*Bold\*\* point/);
});
