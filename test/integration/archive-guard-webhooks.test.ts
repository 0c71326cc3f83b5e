/**
 * The archive guard on webhooks: on an archived organization, registering an endpoint, enabling one, replaying a dead
 * delivery and deleting an endpoint are refused with `organization.archived`, through the settings forms' server
 * actions and through /api/v1, and nothing is written (no endpoint, delivery, log entry or outbox row). Disabling an
 * endpoint stays allowed — it only narrows what leaves — and changes that endpoint alone. Once unarchived, every
 * refused call goes through: the archive was the only obstacle.
 */
import { asc, eq, getTableName, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { organizations, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { apiCalls } from './api-calls';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { archiveRefusals } from './fixtures/archive-refusals';
import { form, session, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let org: FoundedOrganization;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
const { call, token } = apiCalls(() => db);
const archiveActions = await import('@/app/o/[slug]/settings/archive/actions');
const webhookActions = await import('@/app/o/[slug]/settings/webhooks/actions');

/** Public addresses (IP literals: nothing is looked up). */
const hook = (n: number) => `https://93.184.215.${n}/quorate-hook`;

/** Endpoints: `sending` and `spare` enabled, `stopped` disabled before the archive; `dead` and `deadToo` are dead deliveries to `sending`. */
let sending = '';
let spare = '';
let stopped = '';
let dead = '';
let deadToo = '';

async function register(url: string): Promise<string> {
  const answer = await webhookActions.registerWebhookAction(initialActionState, form({ orgId: org.orgId, url, events: 'all' }));
  expect(answer, answer.message).toMatchObject({ ok: true });
  return (await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.url, url)))[0]!.id;
}

async function deadDelivery(endpointId: string, seq: number): Promise<string> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      orgId: org.orgId,
      endpointId,
      seq,
      kind: 'proposal.published',
      status: 'dead',
      attempts: 8,
      nextAttemptAt: new Date(),
      lastStatus: 500,
      createdAt: new Date(),
    })
    .returning({ id: webhookDeliveries.id });
  return row!.id;
}

const endpointsNow = async () =>
  db.select({ id: webhookEndpoints.id, enabled: webhookEndpoints.enabled }).from(webhookEndpoints).orderBy(asc(webhookEndpoints.id));

beforeAll(async () => {
  org = await foundOrganization(db, { slug: 'archived-hooks', seated: 1, at: new Date(Date.now() - 86_400_000) });
  signInAsPerson(org, 0);
  sending = await register(hook(21));
  spare = await register(hook(22));
  stopped = await register(hook(23));
  expect(await webhookActions.setWebhookEnabledAction(initialActionState, form({ orgId: org.orgId, endpointId: stopped, enabled: 'false' }))).toMatchObject({
    ok: true,
  });
  dead = await deadDelivery(sending, 1_000_001);
  deadToo = await deadDelivery(sending, 1_000_002);
  const name = (await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, org.orgId)))[0]!.name;
  const archived = await archiveActions.archiveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirmation: name }));
  expect(archived, archived.message).toMatchObject({ ok: true });
}, 60_000);

const { governanceRows, refusedUnchanged } = archiveRefusals(() => db);

describe('webhooks on an archived organization', () => {
  it('refuses registering, enabling, replaying and deleting through the forms and the API, writing nothing; unarchived, they go through', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    signInAsPerson(org, 0);
    const hooks = `/${org.slug}/webhooks`;
    const enabledForm = (endpointId: string, enabled: boolean) =>
      webhookActions.setWebhookEnabledAction(initialActionState, form({ orgId: org.orgId, endpointId, enabled: String(enabled) }));
    const deleteForm = (endpointId: string) =>
      webhookActions.deleteWebhookAction(initialActionState, form({ orgId: org.orgId, endpointId, confirmDelete: 'yes' }));
    const replayForm = (deliveryId: string) => webhookActions.replayWebhookDeliveryAction(initialActionState, form({ orgId: org.orgId, deliveryId }));

    await refusedUnchanged('the register form', () =>
      webhookActions.registerWebhookAction(initialActionState, form({ orgId: org.orgId, url: hook(31), events: 'all' })),
    );
    await refusedUnchanged('POST webhooks', () => call('POST', hooks, admin, { url: hook(32) }));
    await refusedUnchanged('the enable form', () => enabledForm(stopped, true));
    await refusedUnchanged('PUT enabled', () => call('PUT', `${hooks}/${stopped}/enabled`, admin));
    await refusedUnchanged('the replay form', () => replayForm(dead));
    await refusedUnchanged('POST replay', () => call('POST', `${hooks}/deliveries/${dead}/replay`, admin));
    await refusedUnchanged('the delete form', () => deleteForm(spare));
    await refusedUnchanged('DELETE webhook', () => call('DELETE', `${hooks}/${spare}`, admin));
    // The guard comes first: an unknown endpoint or delivery answers the archive too, not whether it exists.
    await refusedUnchanged('the delete form, an unknown endpoint', () => deleteForm('00000000-0000-4000-8000-000000000000'));

    // Unarchiving is not one of the refused writes: it is how the organization becomes writable again.
    expect(await archiveActions.unarchiveOrganizationAction(initialActionState, form({ orgId: org.orgId }))).toMatchObject({ ok: true });
    expect(await webhookActions.registerWebhookAction(initialActionState, form({ orgId: org.orgId, url: hook(31), events: 'all' }))).toMatchObject({
      ok: true,
    });
    expect(await call('POST', hooks, admin, { url: hook(32) })).toMatchObject({ status: 201 });
    expect(await enabledForm(stopped, true)).toMatchObject({ ok: true });
    expect(await replayForm(dead)).toMatchObject({ ok: true });
    expect(await call('POST', `${hooks}/deliveries/${deadToo}/replay`, admin)).toMatchObject({ status: 200 });
    // (The archive and the unarchive themselves are logged: `sending` was queued a delivery of each, as of any entry.)
    const requeued = await db
      .select({ id: webhookDeliveries.id, status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.id, [dead, deadToo]));
    expect(requeued.map((d) => d.status)).toEqual(['pending', 'pending']);
    expect(await deleteForm(spare)).toMatchObject({ ok: true });
    expect(await call('DELETE', `${hooks}/${stopped}`, admin)).toMatchObject({ status: 200 });
    expect(await call('PUT', `${hooks}/${sending}/enabled`, admin)).toMatchObject({ status: 200 });
    const urls = (await db.select({ url: webhookEndpoints.url }).from(webhookEndpoints).where(eq(webhookEndpoints.orgId, org.orgId))).map((e) => e.url);
    expect(urls.sort()).toEqual([hook(21), hook(31), hook(32)]);
  });

  // After the test above: archived again, with the endpoints it left (`sending` and the one registered by the form enabled).
  it('lets an admin disable an endpoint on an archived organization, through the form and the API: that endpoint alone changes', async () => {
    const name = (await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, org.orgId)))[0]!.name;
    signInAsPerson(org, 0);
    expect(await archiveActions.archiveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirmation: name }))).toMatchObject({ ok: true });
    const admin = await token(org.admin.userId, org.orgId);
    const [second] = (
      await db
        .select({ id: webhookEndpoints.id })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.url, hook(31)))
    ).map((e) => e.id);

    for (const [label, endpointId, run] of [
      [
        'the disable form',
        sending,
        () => webhookActions.setWebhookEnabledAction(initialActionState, form({ orgId: org.orgId, endpointId: sending, enabled: 'false' })),
      ],
      ['DELETE enabled', second!, () => call('DELETE', `/${org.slug}/webhooks/${second}/enabled`, admin)],
    ] as const) {
      const before = await governanceRows();
      const endpointsBefore = await endpointsNow();
      const answer = await run();
      expect('status' in answer ? answer.status : answer.ok, label).toBe('status' in answer ? 200 : true);
      // No log entry, no outbox row, no delivery: only the endpoint's `enabled` (and its `updatedAt`).
      const after = await governanceRows();
      delete before[getTableName(webhookEndpoints)];
      delete after[getTableName(webhookEndpoints)];
      expect(after, label).toEqual(before);
      expect(await endpointsNow(), label).toEqual(endpointsBefore.map((e) => (e.id === endpointId ? { ...e, enabled: false } : e)));
    }
  });
});
