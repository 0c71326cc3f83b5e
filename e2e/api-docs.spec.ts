import { expect, test } from './fixtures';
import { seriousViolations } from './axe';

// The API's reference page and its new reads over real HTTP against `next start`, signed out, on
// the seeded public organization: the operations the OpenAPI document lists are the ones the page
// shows, and a script without a token can read the bodies, the log and a result.

const org = 'riverbend-commons';

test('the API reference lists every operation of the OpenAPI document, readable on a phone', async ({ page }, testInfo) => {
  const doc = (await (await page.request.get('/api/v1/openapi.json')).json()) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  expect(doc.openapi).toMatch(/^3\.1\./);
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  expect(operations).toEqual(expect.arrayContaining(['POST /api/v1/orgs/{slug}/proposals', 'GET /api/v1/orgs/{slug}/log', 'GET /api/v1/orgs/{slug}/bodies']));
  await page.goto('/api/v1/docs');
  for (const op of operations) await expect(page.getByRole('heading', { name: op, exact: true })).toBeVisible();
  // Scripts find operations by operationId: the page names each one.
  for (const methods of Object.values(doc.paths))
    for (const { operationId } of Object.values(methods)) await expect(page.getByText(operationId, { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('api-docs-desktop.png'), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { name: 'POST /api/v1/orgs/{slug}/proposals/{number}/publish', exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('api-docs-390.png'), fullPage: false });
});

test('without a token: the bodies, a page of the log and a decided proposal’s result of a public organization', async ({ request }) => {
  const bodies = await request.get(`/api/v1/orgs/${org}/bodies`);
  expect(bodies.status()).toBe(200);
  const board = ((await bodies.json()) as { bodies: { key: string; vacantSeats: number; seats: { vacant: boolean; overdue: boolean }[] }[] }).bodies[0]!;
  expect(board.vacantSeats).toBeGreaterThan(0);
  expect(board.seats.some((s) => s.vacant && s.overdue)).toBe(true);
  const log = (await (await request.get(`/api/v1/orgs/${org}/log?limit=2`)).json()) as { entries: { seq: number }[]; next_cursor: string | null };
  expect(log.entries).toHaveLength(2);
  expect(log.entries[0]!.seq).toBeGreaterThan(log.entries[1]!.seq);
  const older = (await (await request.get(`/api/v1/orgs/${org}/log?limit=2&cursor=${log.next_cursor}`)).json()) as { entries: { seq: number }[] };
  expect(older.entries[0]!.seq).toBeLessThan(log.entries[1]!.seq);
  const list = (await (await request.get(`/api/v1/orgs/${org}/proposals?limit=100`)).json()) as { proposals: { number: number; phase: { kind: string } }[] };
  const passed = list.proposals.find((p) => p.phase.kind === 'passed')!;
  const result = (await (await request.get(`/api/v1/orgs/${org}/proposals/${passed.number}/result`)).json()) as { decided: boolean; outcome: string };
  expect(result).toMatchObject({ decided: true, outcome: 'passed' });
  const write = await request.post(`/api/v1/orgs/${org}/proposals`, { data: { typeKey: 'resolution', title: 'No token', body: 'x' } });
  expect(write.status()).toBe(401);
  expect(write.headers()['content-type']).toMatch(/^application\/problem\+json/);
});
