/**
 * The /api/v1 webhook administration added in 1.7.0: an organization's admins list, register, enable, disable and delete
 * its webhook endpoints, list an endpoint's deliveries and replay a dead one, through the settings page's own operations
 * (lib/actions/operations.ts): the same destination check, role and refusal codes as the forms. A read-only token (for a
 * write), a non-admin's token, another organization's token, a body failing the schema, a private or loopback address
 * and an unknown endpoint or delivery answer a problem and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { foundWithOtherOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let org: FoundedOrganization;
let otherOrgId = '';
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => ({ org, otherOrgId } = await foundWithOtherOrganization(db, { slug: 'hooks-api', seated: 0, at: new Date(Date.now() - 86_400_000) })),
);
const webhookActions = await import('@/app/o/[slug]/settings/webhooks/actions');

/** A public address (an IP literal: nothing is looked up). */
const publicUrl = 'https://93.184.215.14/quorate-hook';

/** Every endpoint and delivery, as stored: a refusal must leave them exactly as they were. */
const snapshot = async () => ({
  endpoints: await db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.id)),
  deliveries: await db.select().from(webhookDeliveries).orderBy(asc(webhookDeliveries.id)),
});

async function delivery(endpointId: string, seq: number, status: 'pending' | 'delivered' | 'dead', createdAt: Date) {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      orgId: org.orgId,
      endpointId,
      seq,
      kind: 'proposal.published',
      status,
      attempts: status === 'dead' ? 8 : 1,
      nextAttemptAt: createdAt,
      lastStatus: status === 'delivered' ? 200 : 500,
      lastResponse: status === 'delivered' ? 'ok' : 'Internal Server Error',
      createdAt,
    })
    .returning({ id: webhookDeliveries.id });
  return row!.id;
}

describe('/api/v1 webhook administration', () => {
  it('an admin registers an endpoint (its secret shown once), lists it, disables and enables it; refusals change nothing', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const url = `/${org.slug}/webhooks`;
    const registered = await call('POST', url, admin, { url: publicUrl, kinds: ['proposal.published', 'ballot.cast', 'ballot.cast'] });
    expect(registered).toMatchObject({ status: 201, body: { ok: true, endpoint: { kinds: ['ballot.cast', 'proposal.published'], enabled: true } } });
    const id = (registered.body.endpoint as { id: string }).id;
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    expect(row).toMatchObject({ orgId: org.orgId, url: publicUrl, secret: registered.body.secret, enabled: true, createdBy: org.admin.userId });

    // Listed with a read-only token, never with its secret.
    const reader = await token(org.admin.userId, org.orgId, 'read');
    const listed = await call('GET', url, reader);
    expect(listed.status).toBe(200);
    expect(listed.body.endpoints).toEqual([
      { id, url: publicUrl, kinds: ['ballot.cast', 'proposal.published'], enabled: true, createdAt: row!.createdAt.toISOString() },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(row!.secret);

    // Every kind when `kinds` is left out, as the form's "all".
    const all = await call('POST', url, admin, { url: 'https://93.184.215.15/all' });
    expect(all).toMatchObject({ status: 201, body: { endpoint: { kinds: null } } });

    expect(await call('DELETE', `${url}/${id}/enabled`, admin)).toMatchObject({ status: 200, body: { ok: true, endpoint: { id, enabled: false } } });
    expect((await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!.enabled).toBe(false);
    expect(await call('PUT', `${url}/${id}/enabled`, admin)).toMatchObject({ status: 200, body: { endpoint: { id, enabled: true } } });
    expect((await call('GET', url, admin)).body.endpoints).toEqual(expect.arrayContaining([expect.objectContaining({ id, enabled: true })]));

    const before = await snapshot();
    const body = { url: 'https://93.184.215.16/refused' };
    // A private or loopback address: the form's code, from the same check.
    for (const refused of ['http://127.0.0.1/hook', 'http://10.1.2.3/hook', 'http://[::1]/hook']) {
      const problem = await refusedAndUnchanged(409, 'webhook.url_private', () => call('POST', url, admin, { url: refused }));
      expect(Object.keys(problem.errors ?? {})).toEqual(['url']);
    }
    signInAsPerson(org, 0);
    expect(
      await webhookActions.registerWebhookAction(initialActionState, form({ orgId: org.orgId, url: 'http://127.0.0.1/hook', events: 'all' })),
    ).toMatchObject({
      ok: false,
      code: 'webhook.url_private',
    });
    // The schema: an address that is not http(s), an unknown kind, no kind at all.
    expect(
      Object.keys((await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', url, admin, { url: 'ftp://example.org/x' }))).errors ?? {}),
    ).toEqual(['url']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', url, admin, { ...body, kinds: ['no.such'] }));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', url, admin, { ...body, kinds: [] }));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('PUT', `${url}/not-an-id/enabled`, admin));
    // Who: a read-only token and another organization's token; a member who is not an admin, as the form answers them.
    await scopesRefused(org.admin.userId, otherOrgId, 'POST', url, body);
    await scopesRefused(org.admin.userId, otherOrgId, 'DELETE', `${url}/${id}/enabled`);
    const member = await token(org.people[1]!.userId, org.orgId);
    const memberReader = await token(org.people[1]!.userId, org.orgId, 'read');
    await refusedAndUnchanged(403, 'action.forbidden', () => call('POST', url, member, body));
    await refusedAndUnchanged(403, 'action.forbidden', () => call('DELETE', `${url}/${id}/enabled`, member));
    await refusedAndUnchanged(403, 'action.forbidden', () => call('DELETE', `${url}/${id}`, member));
    await refusedAndUnchanged(403, 'action.forbidden', () => call('GET', url, memberReader));
    signInAsPerson(org, 1);
    expect(await webhookActions.registerWebhookAction(initialActionState, form({ orgId: org.orgId, ...body, events: 'all' }))).toMatchObject({
      ok: false,
      code: 'action.forbidden',
    });
    // Reads: another organization's token is refused, no token is a 401.
    const elsewhere = await token(org.admin.userId, otherOrgId, 'read');
    await refusedAndUnchanged(403, 'api.other_organization', () => call('GET', url, elsewhere));
    await refusedAndUnchanged(401, 'api.unauthenticated', () => call('GET', url));
    // An endpoint the organization does not have.
    await refusedAndUnchanged(404, 'webhook.not_found', () => call('PUT', `${url}/${randomUUID()}/enabled`, admin));
    await refusedAndUnchanged(404, 'webhook.not_found', () => call('DELETE', `${url}/${randomUUID()}`, admin));
    expect(await snapshot()).toEqual(before);
  });

  it('an admin lists an endpoint’s deliveries a page at a time, replays a dead one and deletes the endpoint; refusals change nothing', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const url = `/${org.slug}/webhooks`;
    const id = ((await call('POST', url, admin, { url: 'https://93.184.215.20/deliveries' })).body.endpoint as { id: string }).id;
    const t = Date.now() - 3_600_000;
    const delivered = await delivery(id, 1, 'delivered', new Date(t));
    const dead = await delivery(id, 2, 'dead', new Date(t + 1000));
    const pending = await delivery(id, 3, 'pending', new Date(t + 2000));

    const reader = await token(org.admin.userId, org.orgId, 'read');
    const first = await call('GET', `${url}/${id}/deliveries?limit=2`, reader);
    expect(first.status).toBe(200);
    expect(first.body.deliveries).toMatchObject([
      { id: pending, status: 'pending', seq: 3 },
      { id: dead, status: 'dead', attempts: 8, lastStatus: 500, lastResponse: 'Internal Server Error' },
    ]);
    expect(first.body.next_cursor).toBe('2');
    const second = await call('GET', `${url}/${id}/deliveries?limit=2&cursor=2`, reader);
    expect(second.body).toMatchObject({ deliveries: [{ id: delivered, status: 'delivered', lastStatus: 200, lastResponse: 'ok' }], next_cursor: null });
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('GET', `${url}/${id}/deliveries?limit=0`, reader));
    await refusedAndUnchanged(404, 'webhook.not_found', () => call('GET', `${url}/${randomUUID()}/deliveries`, reader));
    await refusedAndUnchanged(404, 'webhook.not_found', () => call('GET', `${url}/not-an-id/deliveries`, reader));
    const memberReader = await token(org.people[1]!.userId, org.orgId, 'read');
    await refusedAndUnchanged(403, 'action.forbidden', () => call('GET', `${url}/${id}/deliveries`, memberReader));
    const elsewhere = await token(org.admin.userId, otherOrgId, 'read');
    await refusedAndUnchanged(403, 'api.other_organization', () => call('GET', `${url}/${id}/deliveries`, elsewhere));

    const before = await snapshot();
    const replay = (deliveryId: string) => `${url}/deliveries/${deliveryId}/replay`;
    await scopesRefused(org.admin.userId, otherOrgId, 'POST', replay(dead));
    const member = await token(org.people[1]!.userId, org.orgId);
    await refusedAndUnchanged(403, 'action.forbidden', () => call('POST', replay(dead), member));
    const notDead = await refusedAndUnchanged(409, 'webhook.delivery_not_dead', () => call('POST', replay(delivered), admin));
    signInAsPerson(org, 0);
    expect(await webhookActions.replayWebhookDeliveryAction(initialActionState, form({ orgId: org.orgId, deliveryId: delivered }))).toMatchObject({
      ok: false,
      code: notDead.code,
    });
    await refusedAndUnchanged(404, 'webhook.delivery_not_found', () => call('POST', replay(randomUUID()), admin));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', replay('not-an-id'), admin));
    expect(await snapshot()).toEqual(before);

    expect(await call('POST', replay(dead), admin)).toMatchObject({ status: 200, body: { ok: true, delivery: { id: dead, status: 'pending' } } });
    expect((await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, dead)))[0]).toMatchObject({ status: 'pending', attempts: 8 });

    await scopesRefused(org.admin.userId, otherOrgId, 'DELETE', `${url}/${id}`);
    expect(await call('DELETE', `${url}/${id}`, admin)).toMatchObject({ status: 200, body: { ok: true, endpoint: { id, deleted: true } } });
    expect(await db.$count(webhookEndpoints, eq(webhookEndpoints.id, id))).toBe(0);
    expect(await db.$count(webhookDeliveries, eq(webhookDeliveries.endpointId, id))).toBe(0);
    await refusedAndUnchanged(404, 'webhook.not_found', () => call('GET', `${url}/${id}/deliveries`, admin));
  });
});
