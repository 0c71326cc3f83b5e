import type { Browser, Page } from '@playwright/test';
import {
  advanceClock,
  appointFounders,
  castVotes,
  draftProposal,
  expect,
  foundOrganization,
  inviteMembers,
  openInvite,
  recordNameSave,
  reloadUntil,
  clockTest as test,
  verifyExportWithCli,
  waitForHydration,
} from './fixtures';

// This journey moves the server's clock; run its steps in order.
test.describe.configure({ mode: 'serial' });

const DAY = 24 * 60 * 60 * 1000;

/** Each person gives the name the log and the member lists show for them. */
async function nameThemselves(page: Page, name: string): Promise<void> {
  await page.goto('/account');
  await recordNameSave(page, name);
}

/** A signed-out visitor's view of the public log, which must show `summary` (the worker may record it a moment later). */
async function expectLogged(visitor: Page, slug: string, summary: string | RegExp): Promise<void> {
  await visitor.goto(`/o/${slug}/log`);
  await reloadUntil(visitor, summary);
}

/** Publishes the draft on screen, waits out its comment window, has `voters` vote yes, and waits out the vote: passed. */
async function publishAndPass(page: Page, voters: Page[], slug: string, number: number, windows: { commentDays: number; votingDays: number }): Promise<void> {
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  await advanceClock(windows.commentDays * DAY + 60_000);
  await reloadUntil(page, 'Voting open until');
  await castVotes(voters, slug, number, 'Yes');
  await advanceClock(windows.votingDays * DAY + 60_000);
  await reloadUntil(page, /Passed on/);
}

async function signedOutPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

// A group of three founds on the informal template, decides, edits its settings, amends its charter and removes a member, all logged and verified.
test('a group of three: founding, a decision, settings, an amendment, a removal', async ({ page, browser, mailbox, runId, uniqueEmail }) => {
  test.setTimeout(300_000);
  const [ana, ben, cleo, dev] = [uniqueEmail('j-ana'), uniqueEmail('j-ben'), uniqueEmail('j-cleo'), uniqueEmail('j-dev')];
  const slug = `journey-${runId}`;
  const visitor = await signedOutPage(browser);

  // 1. Ana founds the group in the browser on the informal template: one Group of 3 seats.
  await foundOrganization(page, mailbox, ana, { name: 'Elm Street Garden', slug, template: 'Informal group' });
  await expect(page.getByText('0 of 3 charter seats filled')).toBeVisible();
  await nameThemselves(page, 'Ana Lopez');
  await expectLogged(visitor, slug, 'Organization created as “Elm Street Garden”');
  await expect(visitor.getByText('Charter version 1 adopted: Group 3 seats')).toBeVisible();

  // 2. She invites Ben and Cleo; both accept.
  await inviteMembers(page, slug, [ben, cleo]);
  const benPage = await openInvite(browser, mailbox, ben);
  await nameThemselves(benPage, 'Ben Okafor');
  const cleoPage = await openInvite(browser, mailbox, cleo);
  await nameThemselves(cleoPage, 'Cleo Park');
  // Each accepted before naming themselves: the log keeps the name as recorded then, beside today's.
  await expectLogged(visitor, slug, 'A member (now Ben Okafor) accepted the invitation and joined as member');
  await expect(visitor.getByText('A member (now Cleo Park) accepted the invitation and joined as member')).toBeVisible();

  // 3. All three seats are filled by founding appointment, before anything is published.
  await appointFounders(page, slug, ['Ana Lopez', 'Ben Okafor', 'Cleo Park'], 'Group');
  await expect(page.getByText('3 of 3 charter seats filled')).toBeVisible();
  await expectLogged(visitor, slug, 'Founding appointment: Ana Lopez to Group seat 1');
  await expect(visitor.getByText(/Founding appointment: Ben Okafor to Group seat \d/)).toBeVisible();
  await expect(visitor.getByText(/Founding appointment: Cleo Park to Group seat \d/)).toBeVisible();

  // 4. The first decision: 3 days of discussion, then 2 days of voting; all three vote yes.
  const decision = await draftProposal(page, slug, {
    type: 'Group decision',
    title: 'Plant a hedge along the north fence',
    text: 'We plant a native hedge along the north fence this autumn, paid from the seed fund.',
  });
  expect(decision).toBe(1);
  await publishAndPass(page, [page, benPage, cleoPage], slug, 1, { commentDays: 3, votingDays: 2 });
  await expectLogged(visitor, slug, '#1 decided: passed');
  await expect(visitor.getByText(/#1 published: “Plant a hedge along the north fence”/)).toBeVisible();
  await expect(visitor.getByText(/Voting closed on #1: passed 3–0–0/)).toBeVisible();

  // 5. Ana edits the settings: a new name and a mission.
  await page.goto(`/o/${slug}/settings/profile`);
  await waitForHydration(page);
  await page.getByLabel('Name').fill('Elm Street Community Garden');
  await page.getByLabel('Mission').fill('We grow food together on the Elm Street lot and share the harvest.');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved. The change is on the public record.')).toBeVisible();
  await expectLogged(visitor, slug, 'Organization profile: name changed to “Elm Street Community Garden”, mission changed');
  await visitor.goto(`/o/${slug}`);
  await expect(visitor.getByRole('heading', { name: 'Elm Street Community Garden', level: 1 })).toBeVisible();
  await expect(visitor.getByText('We grow food together on the Elm Street lot and share the harvest.')).toBeVisible();

  // 6. The charter, amended through the structured editor: a group decision's discussion shortened from 3 days to 2,
  //    passed by the charter's own procedure (7 days of discussion, 3 of voting, 2 of the 3 seats).
  const amendment = await draftProposal(
    page,
    slug,
    {
      type: 'Charter amendment',
      title: 'Two days of discussion for group decisions',
      text: 'Three days is more than a group of three needs; two keeps everyone in the loop.',
    },
    async () => {
      const decisionType = page.locator('details').filter({ has: page.locator('summary', { hasText: /^Group decision — / }) });
      await decisionType.locator('summary').click();
      await decisionType.getByLabel('Minimum comment window (hours)').fill('48');
      await expect(page.getByRole('region', { name: 'Changes against the current charter' })).toContainText('Group decision: comment window 3 days → 2 days.');
    },
  );
  expect(amendment).toBe(2);
  await expect(page.getByRole('region', { name: /What this amendment changes in the charter/ })).toContainText(
    'Group decision: comment window 3 days → 2 days.',
  );
  await publishAndPass(page, [page, benPage, cleoPage], slug, 2, { commentDays: 7, votingDays: 3 });
  await expectLogged(visitor, slug, 'Charter amended to version 2 by #2');
  await visitor.goto(`/o/${slug}`);
  const decisionRule = visitor.locator('dl > div').filter({ has: visitor.locator('dt', { hasText: /^Group decision$/ }) });
  await expect(decisionRule).toContainText('Discussed for at least 2 days');

  // 7. Membership: Dev joins without a seat. The back door for seat holders stays shut: removing Ben, who holds a seat,
  //    is refused in plain words and changes nothing; removing Dev succeeds.
  await inviteMembers(page, slug, [dev]);
  const devPage = await openInvite(browser, mailbox, dev);
  await nameThemselves(devPage, 'Dev Sharma');
  await page.goto(`/o/${slug}/members`);
  await waitForHydration(page);
  const benRow = page.getByRole('row').filter({ hasText: 'Ben Okafor' });
  await benRow.getByText('Remove from the organization').click();
  await benRow.getByRole('button', { name: 'Remove this member' }).click();
  await expect(
    benRow.getByText(
      'This member holds a seat. A seat holder stays a member until the seat is theirs no more: propose their removal from the seat, or ask them to resign it first.',
    ),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: 'Ben Okafor' })).toBeVisible();
  const devRow = page.getByRole('row').filter({ hasText: 'Dev Sharma' });
  await devRow.getByText('Remove from the organization').click();
  await devRow.getByRole('button', { name: 'Remove this member' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Dev Sharma' })).toHaveCount(0);
  // One removal on the record (Dev's; the log names only current members), and Ben's refusal left none.
  await expectLogged(visitor, slug, /removed from the organization by an admin$/);
  await expect(visitor.getByText(/removed from the organization by an admin$/)).toHaveCount(1);
  // Dev is no longer a member: the members-only pages answer 404 to them.
  expect((await devPage.goto(`/o/${slug}/members`))?.status()).toBe(404);

  // 8. Anyone can check the whole record without this website: the command-line verifier reports it intact.
  const verified = await verifyExportWithCli(browser, slug);
  expect(verified.report).toMatch(/✔ Log intact: \d+ entries/);
  expect(verified.code).toBe(0);
});
