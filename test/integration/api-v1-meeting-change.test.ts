/**
 * The /api/v1 meeting change added in 1.6.0: a secretary or an admin changes a meeting before it starts through the
 * change form's own operation (lib/actions/operations.ts): the same row and refusal codes as the form; a read-only token,
 * another organization's token, a body failing the schema or a rule's "no" answer a problem and leave the meeting as it was.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { meetings } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { otherOrganization } from './fixtures/organization';
import { form, session, signInAs } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let org: StormOrg;
let otherOrgId = '';
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => {
    ({ otherOrgId } = await otherOrganization(db, 'meeting-change'));
    org = await createStormOrg(db, { slug: 'meeting-change', seats: 5, voteClosesAt: new Date(Date.now() + 86_400_000) });
  },
);
const meetingActions = await import('@/app/o/[slug]/meetings/actions');

const inDays = (days: number) => new Date(Math.ceil((Date.now() + days * 86_400_000) / 60_000) * 60_000).toISOString().slice(0, 16);
const details = (title = 'Quarterly board meeting') => ({
  title,
  startsAt: inDays(30),
  durationMinutes: '90',
  location: 'Town hall, room 2',
  agenda: 'The budget',
});

const rowOf = async (n: number) =>
  (
    await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.orgId, org.orgId), eq(meetings.number, n)))
  )[0]!;

describe('/api/v1 changing a meeting', () => {
  it('the admin changes it through the API and the form alike, as the meeting read shows; the rules’ “no” and a bad body change nothing', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const scheduled = await call('POST', `/${org.slug}/meetings`, admin, { bodyKey: 'board', kind: 'regular', ...details() });
    const n = (scheduled.body.meeting as { number: number }).number;
    const url = `/${org.slug}/meetings/${n}/change`;
    const changed = { ...details('Budget meeting'), startsAt: inDays(31), location: 'Library, room 1', agenda: 'The budget\nThe auditors' };
    expect(await call('POST', url, admin, changed)).toMatchObject({ status: 200, body: { ok: true, meeting: { number: n, shortNotice: false } } });
    expect((await call('GET', `/${org.slug}/meetings/${n}`, admin)).body).toMatchObject({
      title: 'Budget meeting',
      location: 'Library, room 1',
      agenda: [
        { kind: 'item', text: 'The budget' },
        { kind: 'item', text: 'The auditors' },
      ],
    });
    expect((await rowOf(n)).startsAt.toISOString().slice(0, 16)).toBe(changed.startsAt);
    signInAs({ id: org.admin.userId, email: org.admin.email, name: 'admin' });
    expect(
      await meetingActions.updateMeetingAction(initialActionState, form({ orgId: org.orgId, meetingId: (await rowOf(n)).id, ...details('By the form') })),
    ).toMatchObject({ ok: true });
    expect((await rowOf(n)).title).toBe('By the form');

    const before = await rowOf(n);
    await scopesRefused(org.admin.userId, otherOrgId, 'POST', url, details('Refused'));
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', url, admin, { ...details('Refused'), startsAt: 'tomorrow' }));
    expect(Object.keys(bad.errors ?? {})).toEqual(['startsAt']);
    const member = await token(org.voters[0]!.userId, org.orgId);
    const notAllowed = await refusedAndUnchanged(409, 'meeting.not_authorized', () => call('POST', url, member, details('Refused')));
    signInAs({ id: org.voters[0]!.userId, email: org.voters[0]!.email, name: 'voter' });
    expect(await meetingActions.updateMeetingAction(initialActionState, form({ orgId: org.orgId, meetingId: before.id, ...details('Refused') }))).toMatchObject(
      { ok: false, code: notAllowed.code },
    );
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', `/${org.slug}/meetings/9999/change`, admin, details('Refused')));
    expect(await rowOf(n)).toEqual(before);
  });
});
