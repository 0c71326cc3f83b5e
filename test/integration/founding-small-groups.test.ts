/**
 * Founding an organization from the creation form: the small-group templates, settings a template cannot take, a mission
 * with line breaks, and the per-person and per-address limits on founding. Each refusal is checked to write nothing.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { charters, decisionLog, memberships, organizations, outbox, seats, users } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import type { ActionState } from '@/lib/actions/state';
import type { RefusalCode } from '@/lib/governance/messages';
import { expectFieldRefusal, expectRedirect, form, session, signInAs, withTestDatabase } from './helpers';
import type { TestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
/** The X-Forwarded-For header of the request being made (the proxy appends the client's address last). */
const request: { forwardedFor: string | null } = { forwardedFor: null };
vi.mock('next/headers', () => ({
  headers: async () => new Headers(request.forwardedFor ? { 'x-forwarded-for': request.forwardedFor } : {}),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));

const { createOrganizationAction } = await import('@/app/orgs/new/actions');

let handle: TestDatabase;
let counter = 0;
withTestDatabase({ app: true }, (ready) => (handle = ready));

/** A new signed-in person (each has their own founding allowance). */
async function newPerson(): Promise<{ id: string; email: string; name: string }> {
  const email = `founder-${++counter}@small.example.org`;
  const [u] = await handle.db
    .insert(users)
    .values({ email, name: `Founder ${counter}` })
    .returning();
  return { id: u!.id, email, name: `Founder ${counter}` };
}

async function everything() {
  const db = handle.db;
  return {
    organizations: await db.select().from(organizations).orderBy(organizations.slug),
    memberships: await db.$count(memberships),
    seats: await db.$count(seats),
    charters: await db.$count(charters),
    log: await db.$count(decisionLog),
    outbox: await db.$count(outbox),
  };
}

async function expectRefusedUnchanged(code: RefusalCode, run: () => Promise<ActionState>): Promise<ActionState> {
  const before = await everything();
  const state = await run();
  expect(state).toMatchObject({ ok: false, code });
  expect(await everything()).toEqual(before);
  return state;
}

const create = (fields: Record<string, string>) => createOrganizationAction(initialActionState, form(fields));

beforeEach(async () => {
  request.forwardedFor = `203.0.113.${++counter % 250}`;
  signInAs(await newPerson());
});

describe('founding with the informal-group template', () => {
  it('creates one body of 3 vacant seats, the charter from the template, and logs the founding', async () => {
    const to = await expectRedirect(() => create({ name: 'Elm Street Garden', slug: '', template: 'informal_group' }));
    expect(to).toBe('/o/elm-street-garden');
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.slug, 'elm-street-garden'));
    const rows = await handle.db.select().from(seats).where(eq(seats.orgId, org!.id));
    expect(rows.map((s) => [s.bodyKey, s.holderUserId])).toEqual([
      ['group', null],
      ['group', null],
      ['group', null],
    ]);
    const [charter] = await handle.db.select().from(charters).where(eq(charters.orgId, org!.id));
    expect(charter).toMatchObject({ version: 1, templateKey: 'informal_group' });
    const log = await handle.db.select().from(decisionLog).where(eq(decisionLog.orgId, org!.id));
    expect(log.length).toBeGreaterThan(0);
  });

  it('creates a small board of 5 seats', async () => {
    await expectRedirect(() => create({ name: 'Chess Club Board', slug: 'chess-club-board', template: 'small_board' }));
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.slug, 'chess-club-board'));
    expect(await handle.db.$count(seats, eq(seats.orgId, org!.id))).toBe(5);
  });
});

describe('settings a template cannot take', () => {
  it('refuses 3 seats on the nonprofit board in the Board’s own name, beside the field, and writes nothing', async () => {
    const fields = { name: 'Three Seat Nonprofit', slug: 'three-seat-nonprofit', template: 'nonprofit_board', primarySeats: '3', mission: 'Kept.' };
    const state = await expectRefusedUnchanged('organization.too_few_seats', () => create(fields));
    expectFieldRefusal(state, 'primarySeats', 'organization.too_few_seats');
    expect(state.message).toBe(
      'The Board needs at least 4 seats: its seat classes require 3 independent seats and 1 employee representative seat. Enter 4 or more seats, or choose another template.',
    );
    expect(state.message).not.toMatch(/"board"/);
    // Nothing typed is lost.
    expect(state.values).toMatchObject(fields);
  });

  it('refuses 3 seats on the foundation’s committee, naming its maintainer seats', async () => {
    const state = await expectRefusedUnchanged('organization.too_few_seats', () =>
      create({ name: 'Tiny Foundation', slug: 'tiny-foundation', template: 'open_source_foundation', primarySeats: '3' }),
    );
    expect(state.message).toMatch(/^The Technical steering committee needs at least 4 seats: its seat classes require 4 maintainer seats\./);
  });

  it('accepts the fewest seats the classes allow', async () => {
    await expectRedirect(() => create({ name: 'Four Seat Nonprofit', slug: 'four-seat-nonprofit', template: 'nonprofit_board', primarySeats: '4' }));
  });

  it.each([
    ['a template that does not exist', { template: 'anarchy' }, 'template'],
    ['2 seats', { primarySeats: '2' }, 'primarySeats'],
    ['half a seat', { primarySeats: '3.5' }, 'primarySeats'],
    ['a vacancy deadline of 0 days', { vacancyDeadlineDays: '0' }, 'vacancyDeadlineDays'],
  ])('refuses %s beside its field and writes nothing', async (_label, extra, field) => {
    const state = await expectRefusedUnchanged('action.invalid_input', () => create({ name: 'Bad Settings', slug: 'bad-settings', ...extra }));
    expect(state.fieldErrors?.[field]?.length).toBe(1);
  });
});

describe('a mission with line breaks', () => {
  it('is accepted at exactly 2,000 characters as typed, though the browser sends each line break as CRLF, and stored with LF', async () => {
    const typed = Array.from({ length: 40 }, () => 'w'.repeat(49)).join('\n') + 'w';
    expect(typed.length).toBe(2000);
    await expectRedirect(() => create({ name: 'Long Mission', slug: 'long-mission', template: 'informal_group', mission: typed.replaceAll('\n', '\r\n') }));
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.slug, 'long-mission'));
    expect(org?.mission).toBe(typed);
  });

  it('is refused at 2,001 characters, with the mission kept in the form', async () => {
    const mission = `${'x'.repeat(1000)}\r\n${'x'.repeat(1000)}`;
    const state = await expectRefusedUnchanged('action.invalid_input', () => create({ name: 'Longer Mission', slug: 'longer-mission', mission }));
    expect(state.fieldErrors?.mission).toEqual(['The mission is at most 2,000 characters.']);
    expect(state.values?.mission).toBe(mission);
  });
});

describe('founding limits', () => {
  it('lets one person found 5 organizations a day, then refuses the 6th in plain words and writes nothing', async () => {
    for (let i = 1; i <= 5; i++) await expectRedirect(() => create({ name: `Burst Org ${i}`, slug: `burst-org-${i}`, template: 'informal_group' }));
    request.forwardedFor = '198.51.100.7'; // another network does not reset a person's allowance
    const state = await expectRefusedUnchanged('rate_limit.exceeded', () => create({ name: 'Burst Org 6', slug: 'burst-org-6', template: 'informal_group' }));
    expect(state.message).toMatch(/^Too many new organizations from your account in a short time\. Try again in 2[34] hours\.$/);
    expect(state.values).toMatchObject({ name: 'Burst Org 6', slug: 'burst-org-6' });
    // Someone else is not held back.
    signInAs(await newPerson());
    await expectRedirect(() => create({ name: 'Burst Org 7', slug: 'burst-org-7', template: 'informal_group' }));
  });

  it('does not spend the allowance on refused settings or a taken slug', async () => {
    for (let i = 0; i < 6; i++) {
      await expectRefusedUnchanged('organization.too_few_seats', () =>
        create({ name: 'Not Yet', slug: 'not-yet', template: 'nonprofit_board', primarySeats: '3' }),
      );
      await expectRefusedUnchanged('organization.slug_taken', () => create({ name: 'Taken', slug: 'elm-street-garden', template: 'informal_group' }));
    }
    await expectRedirect(() => create({ name: 'Finally Founded', slug: 'finally-founded', template: 'informal_group' }));
  });

  it('lets one client address found 20 organizations a day whoever signs in, even when it varies the header’s earlier entries', async () => {
    for (let i = 1; i <= 20; i++) {
      signInAs(await newPerson());
      request.forwardedFor = `10.0.0.${i}, 192.0.2.50`;
      await expectRedirect(() => create({ name: `Network Org ${i}`, slug: `network-org-${i}`, template: 'informal_group' }));
    }
    signInAs(await newPerson());
    request.forwardedFor = 'forged-by-client, 192.0.2.50';
    const state = await expectRefusedUnchanged('rate_limit.exceeded', () => create({ name: 'Network Org 21', slug: 'network-org-21' }));
    expect(state.message).toMatch(/^Too many new organizations from your network in a short time\. Try again in 2[34] hours\.$/);
    // The same person from another address may go ahead.
    request.forwardedFor = '192.0.2.51';
    await expectRedirect(() => create({ name: 'Network Org 22', slug: 'network-org-22' }));
  });
});
