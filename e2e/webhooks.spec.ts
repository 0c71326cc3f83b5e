import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { expect, foundOrganization, test, waitForHydration } from './fixtures';
import { seriousViolations } from './axe';

const shots = '/tmp/shots-webhooks';

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('an admin registers a webhook, sees its secret once, and a governance event is delivered, signed, and listed as delivered', async ({
  page,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  // A real receiver, here in the test (the server may reach 127.0.0.1: QUORATE_WEBHOOKS_ALLOW_PRIVATE=1 in playwright.config.ts).
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('received by the e2e receiver');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/quorate`;
  try {
    const slug = `hooks-${runId}`;
    await foundOrganization(page, mailbox, uniqueEmail('hooks-admin'), { name: 'Hook Club', slug });

    await page.goto(`/o/${slug}/settings/profile`);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect(page).toHaveURL(new RegExp(`/o/${slug}/settings/webhooks$`));
    await expect(page.getByText('No endpoints yet.')).toBeVisible();
    await waitForHydration(page);

    // Choosing kinds: ticking none is refused in words.
    await page.getByLabel('Endpoint URL').fill(url);
    await page.getByRole('radio', { name: 'Only the kinds I tick' }).check();
    await page.getByRole('button', { name: 'Register endpoint' }).click();
    await expect(page.getByText('Tick at least one kind of entry, or choose every kind.')).toBeVisible();
    await page.getByRole('checkbox', { name: /organization\.profile_changed/ }).check();
    await page.getByRole('button', { name: 'Register endpoint' }).click();
    const secretField = page.getByLabel('Signing secret — copy it now, it is not shown again');
    await expect(secretField).toBeVisible();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    // The list shows the endpoint (refreshed around the secret), never the secret.
    await expect(page.getByRole('region', { name: 'Endpoints' }).getByText(url)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Endpoints' }).getByText(/Enabled · organization\.profile_changed · registered/)).toBeVisible();
    await shoot(page, 'webhooks-secret');
    expect(await page.getByRole('region', { name: 'Endpoints' }).textContent()).not.toContain(secret.slice(6, 20));
    expect(await seriousViolations(page)).toEqual([]);

    // Shown once: a fresh load has no secret anywhere.
    await page.reload();
    await expect(page.getByLabel('Signing secret — copy it now, it is not shown again')).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    // A governance event: the organization goes private (logged as organization.profile_changed).
    await page.goto(`/o/${slug}/settings/profile`);
    await waitForHydration(page);
    await page.getByRole('radio', { name: 'Private' }).check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved.').first()).toBeVisible();

    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    const delivery = received[0]!;
    const verified = new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>) as {
      type: string;
      data: { organization: { slug: string } };
    };
    expect(verified.type).toBe('organization.profile_changed');
    expect(verified.data.organization.slug).toBe(slug);

    await page.goto(`/o/${slug}/settings/webhooks`);
    const list = page.getByRole('list', { name: 'Webhook deliveries' });
    await expect(list.getByText('Delivered', { exact: true })).toBeVisible();
    await expect(list.getByText('organization.profile_changed')).toBeVisible();
    await expect(list.getByText(/1 attempt · last answer HTTP 200/)).toBeVisible();
    await expect(list.getByText('received by the e2e receiver')).toBeVisible();
    await shoot(page, 'webhooks');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
