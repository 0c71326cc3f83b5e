import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile as writeFileAsync } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { seriousViolations } from './axe';

type StoredMail = { id: string; to: string; subject: string; text: string; html: string; sentAt: string };

/** The server's mail folder (file transport): what a newcomer would read in their inbox. */
export class Mailbox {
  constructor(private readonly dir: string) {}

  async all(): Promise<StoredMail[]> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    const mails = await Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(this.dir, n), 'utf8')) as StoredMail));
    return mails.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Waits for the newest mail to `to` whose subject matches, and returns it. */
  async latest(to: string, subject: RegExp): Promise<StoredMail> {
    let found: StoredMail | undefined;
    await expect
      .poll(
        async () => {
          found = (await this.all()).filter((m) => m.to === to && subject.test(m.subject)).at(-1);
          return found !== undefined;
        },
        { timeout: 15_000, message: `a mail to ${to} matching ${subject}` },
      )
      .toBe(true);
    return found!;
  }

  static linkIn(mail: StoredMail): string {
    const match = mail.text.match(/https?:\/\/\S+\/signin\/confirm\S+/);
    if (!match) throw new Error(`No sign-in link in mail "${mail.subject}"`);
    return match[0];
  }
}

/** Signs in through the real magic-link flow: request, read the mail, open, confirm. */
export async function signInByMagicLink(page: Page, mailbox: Mailbox, email: string, callbackUrl = '/'): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  const mail = await mailbox.latest(email.trim().toLowerCase(), /Sign in to Quorate/);
  await page.goto(Mailbox.linkIn(mail));
  await expect(page.getByRole('heading', { name: 'Sign in to Quorate' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export const test = base.extend<{ mailbox: Mailbox; runId: string; uniqueEmail: (name: string) => string }>({
  mailbox: async ({}, use) => {
    const dir = process.env.E2E_MAIL_DIR;
    if (!dir) throw new Error('E2E_MAIL_DIR is not set (playwright.config.ts sets it).');
    await use(new Mailbox(dir));
  },
  runId: async ({}, use, testInfo) => {
    await use(`${Date.now().toString(36)}${testInfo.workerIndex}${testInfo.retry}`);
  },
  uniqueEmail: async ({ runId }, use) => {
    await use((name) => `${name}.${runId}@e2e.example.org`);
  },
});

export { expect };

/**
 * Specs that move the server's clock share one server, so a jump made by one would skip another's
 * comment window while it waits on it. Such a spec imports `clockTest` as its `test`: each of its
 * tests holds the clock (a lock file beside the offset) for its whole run, one at a time across
 * workers, and only a holder may move it.
 */
let clockHeld = false;

async function holdClockLock(file: string): Promise<() => Promise<void>> {
  const { open, unlink } = await import('node:fs/promises');
  for (;;) {
    try {
      await (await open(file, 'wx')).close();
      return () => unlink(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export const clockTest = test.extend<{ serverClockHeld: void }>({
  serverClockHeld: [
    async ({}, use) => {
      const dir = process.env.E2E_DATA_DIR;
      if (!dir) throw new Error('E2E_DATA_DIR is not set (playwright.config.ts sets it).');
      const release = await holdClockLock(path.join(dir, 'test-clock.lock'));
      clockHeld = true;
      try {
        await use();
      } finally {
        clockHeld = false;
        await release();
      }
    },
    // Waiting for the other clock-moving tests is not this test's own time.
    { auto: true, timeout: 15 * 60_000 },
  ],
});

/** Moves the server's clock forward (QUORATE_UNSAFE_TEST_CLOCK): a file only the test can write. */
export async function advanceClock(ms: number): Promise<void> {
  if (!clockHeld) throw new Error('Only a test from clockTest may move the server clock (see clockTest in e2e/fixtures.ts).');
  const { readFile: read, writeFile } = await import('node:fs/promises');
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set (playwright.config.ts sets it).');
  const file = path.join(dir, 'test-clock-offset');
  const current = Number((await read(file, 'utf8').catch(() => '0')).trim()) || 0;
  await writeFile(file, String(current + ms));
}

/**
 * Signs `email` in and founds an organization from /orgs/new: `name` and `slug`, `seats` on the main body when given, with `template` (the radio's
 * label start, e.g. 'Informal group') when given, else the default template. Ends on the organization's page.
 */
export async function foundOrganization(
  page: Page,
  mailbox: Mailbox,
  email: string,
  organization: { name: string; slug: string; template?: string; seats?: number },
): Promise<void> {
  await signInByMagicLink(page, mailbox, email, '/orgs/new');
  if (organization.template) await page.getByRole('radio', { name: new RegExp(`^${organization.template}`) }).check();
  await page.getByLabel('Name').fill(organization.name);
  await page.getByLabel('Address (slug)').fill(organization.slug);
  if (organization.seats) await page.getByLabel('Seats on the main body').fill(String(organization.seats));
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${organization.slug}$`));
}

/**
 * Waits until the page has hydrated: before that, a form posts natively, without the Next-Action header. The whole
 * document has arrived (`load`: streamed parts included), and React has claimed the body and every form on the page
 * (hydrating an element gives it React's own `__reactProps$…` property). Cheaper than waiting for the network to be
 * idle, which costs half a second a page at least.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => {
    const claimed = (el: Element) => Object.keys(el).some((key) => key.startsWith('__reactProps$'));
    return claimed(document.body) && Array.from(document.querySelectorAll('form')).every(claimed);
  });
}

/**
 * On /account, saves the name `saved` through the real form once the page has hydrated, and returns the
 * server-action request the browser sent, for replays with forged headers.
 */
export async function recordNameSave(page: Page, saved: string) {
  await waitForHydration(page);
  await page.getByLabel('Your name').fill(saved);
  const captured = page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const request = await captured;
  await expect(page.getByText('Saved. This is the name shown on proposals, comments and seats.')).toBeVisible();
  const headers = await request.allHeaders();
  const replayed = ['next-action', 'next-router-state-tree', 'content-type', 'accept'];
  return {
    body: request.postData()!,
    headers,
    replayHeaders: Object.fromEntries(Object.entries(headers).filter(([h]) => replayed.includes(h))),
    /** The name the account page shows now. */
    currentName: async () => {
      await page.goto('/account');
      return page.getByLabel('Your name').inputValue();
    },
  };
}

/** An invitee opens their invitation mail in a browser context of their own, signs in and accepts the invitation. */
export async function openInvite(browser: Browser, mailbox: Mailbox, email: string): Promise<Page> {
  const mail = await mailbox.latest(email, /invites you to join/);
  const page = await (await browser.newContext()).newPage();
  await page.goto(Mailbox.linkIn(mail));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/invitation$/);
  await page.getByRole('button', { name: 'Accept and join' }).click();
  await expect(page).not.toHaveURL(/\/invitation$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return page;
}

/** Reloads until `text` shows: the worker records transitions a moment after the clock moves. */
export async function reloadUntil(page: Page, text: RegExp | string, timeout = 20_000): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout });
}

/** The admin invites each address from the organization's members page, and sees each invitation sent. */
export async function inviteMembers(page: Page, slug: string, emails: string[]): Promise<void> {
  for (const email of emails) {
    await page.goto(`/o/${slug}/members`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  }
}

/** The admin fills seats of `body` (the Board unless named) by founding appointment, one member (as the member list labels them) after another. */
export async function appointFounders(page: Page, slug: string, members: string[], body = 'Board'): Promise<void> {
  await page.goto(`/o/${slug}/seats`);
  for (const name of members) {
    // A choice made before the reloaded page hydrates can be reset by hydration, and the form would then
    // submit its defaults (the seat just filled: "That seat is already held.").
    await waitForHydration(page);
    await page.getByText(`Founding appointment to the ${body}`).click();
    const form = page.getByRole('form', { name: `Founding appointment, ${body}` });
    const vacant = form.getByLabel('Seat').locator('option');
    const before = await vacant.count();
    await form.getByLabel('Member').selectOption({ label: name });
    await form.getByRole('button', { name: 'Appoint' }).click();
    await expect(page.getByText('Seat filled. The appointment is in the public log.')).toBeVisible();
    // The confirmation can still be showing from the appointment before (its cookie is dropped by the browser once
    // shown, and a reload can beat that): the seat list, refreshed by the action, is what proves this one landed.
    await expect(vacant).toHaveCount(before - 1);
    await page.reload();
  }
}

/** Each voter, in turn, casts `choice` on proposal `number` and sees their vote recorded. */
export async function castVotes(voters: Page[], slug: string, number: number, choice: 'Yes' | 'No' | 'Abstain' = 'Yes'): Promise<void> {
  for (const p of voters) {
    await p.goto(`/o/${slug}/proposals/${number}`);
    await p.getByLabel(choice, { exact: true }).check();
    await p.getByRole('button', { name: 'Cast vote' }).click();
    await expect(p.getByText(`Your vote (${choice.toLowerCase()}) is recorded.`)).toBeVisible();
  }
}

/**
 * What a member of the public does to check an organization's log without this website: notes the verifier key from the
 * organization's page, downloads the log's JSON export, and runs `npm run verify -- <file> --key <key>`. Returns the
 * verifier's exit code (0 = intact) and its report.
 */
export async function verifyExportWithCli(browser: Browser, slug: string): Promise<{ code: number; report: string }> {
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(`/o/${slug}`);
  const key = (await visitor.locator('#verifier-key-label + div code').innerText()).trim();
  const response = await visitor.request.get(`/api/o/${slug}/log/export`);
  expect(response.status()).toBe(200);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'quorate-e2e-export-')), `${slug}-decision-log.json`);
  await writeFileAsync(file, await response.body());
  await context.close();
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'verify', '--', file, '--key', key], { timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      resolve({ code, report: `${stdout}${stderr}` });
    });
  });
}

/**
 * The author writes a proposal of `type` (the Type option's label) on the new-proposal page, lets `edit` fill anything
 * more (the charter editor, say) and saves the draft; returns its number.
 */
export async function draftProposal(
  page: Page,
  slug: string,
  proposal: { type: string; title: string; text: string },
  edit?: () => Promise<void>,
): Promise<number> {
  await page.goto(`/o/${slug}/proposals/new`);
  await waitForHydration(page);
  await page.getByLabel('Type').selectOption({ label: proposal.type });
  await page.getByLabel('Title').fill(proposal.title);
  await page.getByLabel('Proposal text').fill(proposal.text);
  if (edit) await edit();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/\\d+$`));
  return Number(page.url().split('/').at(-1));
}

/** Ranks `names` on proposal `number`'s page with the keyboard and casts the secret ballot; returns the receipt shown. */
export async function rankSecretBallot(page: Page, slug: string, number: number, names: string[]): Promise<string> {
  await page.goto(`/o/${slug}/proposals/${number}`);
  await waitForHydration(page);
  // A ballot on record starts as the ranking: clear it first.
  const remove = page.getByRole('button', { name: /^Remove / });
  while ((await remove.count()) > 0) await remove.first().click();
  for (const name of names) {
    await page.getByRole('button', { name: `Add ${name}` }).focus();
    await page.keyboard.press('Enter');
  }
  await page.getByRole('button', { name: 'Cast secret ballot' }).click();
  await expect(page.getByText(/^Recorded: your secret ballot ranks /)).toBeVisible();
  await expect(page.getByText(/Keep it to find your ballot after the close/)).toBeVisible();
  const receipt = (await page.locator('[data-receipt]').innerText()).trim();
  expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  return receipt;
}

/** On /account, the signed-in person gives the name the log and the member lists show for them. */
export async function nameThemselves(page: Page, name: string): Promise<void> {
  await page.goto('/account');
  await recordNameSave(page, name);
}

/** No serious or critical axe violation under WCAG 2.1 A and AA. */
export async function axeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page, { tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).toEqual([]);
}

/** With E2E_SHOTS set to a folder: a full-page screenshot at desktop width and at 390 px, for a person to look at. */
export async function shootBoth(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  const size = page.viewportSize();
  for (const [label, width] of [
    ['desktop', 1280],
    ['390', 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${label}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/** An admin on `page` invites `names` by `email(name)`; each accepts in a browser of their own and gives their name. Returns their pages, in order. */
export async function inviteAndJoin(
  ctx: { page: Page; browser: Browser; mailbox: Mailbox },
  slug: string,
  names: string[],
  email: (name: string) => string,
): Promise<Page[]> {
  await inviteMembers(ctx.page, slug, names.map(email));
  const pages: Page[] = [];
  for (const name of names) {
    const p = await openInvite(ctx.browser, ctx.mailbox, email(name));
    await nameThemselves(p, name);
    pages.push(p);
  }
  return pages;
}

/**
 * Founds a group or board in the browser as the first of `names` (on `page`), invites the others by
 * `email(name)`, each accepts and gives their name, and all take seats of `org.body`. Returns the
 * others' pages, in order.
 */
export async function foundWithSeatHolders(
  ctx: { page: Page; browser: Browser; mailbox: Mailbox; email: (name: string) => string },
  org: { name: string; slug: string; template: string; body: string },
  names: string[],
): Promise<Page[]> {
  const { page, browser, mailbox, email } = ctx;
  const [founder, ...others] = names;
  await foundOrganization(page, mailbox, email(founder!), { name: org.name, slug: org.slug, template: org.template });
  await nameThemselves(page, founder!);
  const pages = await inviteAndJoin({ page, browser, mailbox }, org.slug, others, email);
  await appointFounders(page, org.slug, names, org.body);
  return pages;
}

/** Ana Lopez founds `org`; Ben Okafor and Cleo Park join and all three take its seats. Returns Ben's and Cleo's pages. */
export async function foundWithAnaBenCleo(
  t: { page: Page; browser: Browser; mailbox: Mailbox; uniqueEmail: (name: string) => string },
  org: { name: string; slug: string; template: string; body: string },
): Promise<[Page, Page]> {
  const email = (name: string) => t.uniqueEmail(`${org.slug.slice(0, 2)}-${name.split(' ')[0]!.toLowerCase()}`);
  const [ben, cleo] = await foundWithSeatHolders({ ...t, email }, org, ['Ana Lopez', 'Ben Okafor', 'Cleo Park']);
  return [ben!, cleo!];
}

/**
 * Publishes the member-wide vote drafted on `page` (a 14-day comment window), moves the clock past
 * the window and waits until voting is open with a roll of `rollSize` members.
 */
export async function publishAndOpenMemberVote(page: Page, rollSize: number): Promise<void> {
  const understand = page.getByRole('checkbox', { name: 'I understand' });
  if (await understand.count()) await understand.check();
  await page.getByRole('button', { name: 'Publish proposal' }).click();
  await expect(page.getByText(/Comment window open until/)).toBeVisible();
  await expect(page.getByText(/Voted by all members, one vote each/)).toBeVisible();
  await advanceClock(14 * 86_400_000 + 60_000);
  await reloadUntil(page, 'Voting open until');
  await expect(page.getByText(new RegExp(`Roll:\\s*${rollSize} members, fixed when voting opened`))).toBeVisible();
}
