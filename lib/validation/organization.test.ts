import { describe, expect, it } from 'vitest';
import { changeRoleSchema, createOrganizationSchema, inviteMemberSchema, isWellFormedSlug, organizationProfileSchema, slugify } from './organization';

const orgId = '6b1f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
}

describe('createOrganizationSchema', () => {
  it('accepts a name and derives the slug', () => {
    const r = createOrganizationSchema.safeParse({ name: '  Rivière   Co-op  ', slug: '', mission: '' });
    expect(r.success && r.data).toEqual({
      name: 'Rivière Co-op',
      slug: 'riviere-co-op',
      mission: '',
      template: 'nonprofit_board',
      primarySeats: undefined,
      vacancyDeadlineDays: undefined,
    });
  });

  it('rejects an empty name with a clear message', () => {
    const r = createOrganizationSchema.safeParse({ name: '   ', slug: '', mission: '' });
    expect(r.success).toBe(false);
    expect(errorsOf(r).name).toBe('A name is at least 2 characters.');
  });

  it('rejects a 5,000-character name', () => {
    const r = createOrganizationSchema.safeParse({ name: 'x'.repeat(5000), slug: 'ok-slug' });
    expect(errorsOf(r).name).toBe('A name is at most 120 characters.');
  });

  it('rejects bidi overrides and zero-width characters in names', () => {
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Good\u202eevil', slug: 'ok-slug' })).name).toMatch(/invisible/);
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Zero\u200bwidth', slug: 'ok-slug' })).name).toMatch(/invisible/);
  });

  it('rejects bad, reserved and underivable slugs', () => {
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Fine name', slug: 'Has Spaces' })).slug).toMatch(/lowercase/);
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Fine name', slug: 'api' })).slug).toMatch(/reserved/);
    expect(errorsOf(createOrganizationSchema.safeParse({ name: '日本語の会', slug: '' })).slug).toMatch(/Choose a slug/);
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Fine name', slug: 'a--b' })).slug).toMatch(/single hyphens/);
  });

  it('checks the charter adjustments', () => {
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Fine', slug: 'fine', primarySeats: '2' })).primarySeats).toBe(
      'A governing body needs at least 3 seats.',
    );
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Fine', slug: 'fine', primarySeats: 'nine' })).primarySeats).toBe(
      'Enter a whole number of seats.',
    );
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Fine', slug: 'fine', vacancyDeadlineDays: '1000' })).vacancyDeadlineDays).toBe(
      'At most 365 days.',
    );
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Fine', slug: 'fine', template: 'anarchy' })).template).toBe('Choose a charter template.');
  });

  it('caps the mission', () => {
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Fine', slug: 'fine', mission: 'm'.repeat(2001) })).mission).toMatch(/2,000/);
  });

  it('counts a line break as one character, as the form’s counter does, whether the browser sent CRLF, CR or LF', () => {
    // 2,000 characters as typed: 20 lines of 99 letters and 19 line breaks, then 1 more letter.
    const typed = Array.from({ length: 20 }, () => 'm'.repeat(99)).join('\n') + 'm';
    expect(typed.length).toBe(2000);
    for (const [sent, label] of [
      [typed.replaceAll('\n', '\r\n'), 'CRLF'],
      [typed.replaceAll('\n', '\r'), 'CR'],
      [typed, 'LF'],
    ] as const) {
      const r = createOrganizationSchema.safeParse({ name: 'Fine', slug: 'fine', mission: sent });
      expect(r.success, label).toBe(true);
      expect(r.data?.mission, label).toBe(typed);
    }
    // One character more is refused, however its line breaks were sent.
    expect(errorsOf(createOrganizationSchema.safeParse({ name: 'Fine', slug: 'fine', mission: `${typed}m`.replaceAll('\n', '\r\n') })).mission).toMatch(
      /2,000/,
    );
    expect(organizationProfileSchema.safeParse({ orgId, name: 'Fine', mission: typed.replaceAll('\n', '\r\n'), visibility: 'public' }).success).toBe(true);
  });

  it('offers the small-group templates', () => {
    expect(createOrganizationSchema.safeParse({ name: 'Fine', slug: 'fine', template: 'informal_group' }).data?.template).toBe('informal_group');
    expect(createOrganizationSchema.safeParse({ name: 'Fine', slug: 'fine', template: 'small_board' }).data?.template).toBe('small_board');
  });
});

describe('slugify', () => {
  it('folds accents and punctuation to single hyphens', () => {
    expect(slugify('Ça va? — Ünïon  Café!')).toBe('ca-va-union-cafe');
    expect(slugify('x'.repeat(60)).length).toBe(48);
  });
});

describe('inviteMemberSchema', () => {
  it('normalizes the address once', () => {
    const r = inviteMemberSchema.safeParse({ orgId, email: '  Ada@Example.ORG ', role: 'member' });
    expect(r.success && r.data.email).toBe('ada@example.org');
  });

  it.each(['not-an-email', 'a@b', 'two@x.org,three@y.org', '"quoted"@x.org', ''])('rejects %j', (email) => {
    const r = inviteMemberSchema.safeParse({ orgId, email, role: 'member' });
    expect(r.success).toBe(false);
    expect(errorsOf(r).email).toBeTruthy();
  });

  it('rejects unknown roles and org ids', () => {
    expect(errorsOf(inviteMemberSchema.safeParse({ orgId, email: 'a@b.org', role: 'owner' })).role).toBe('Choose a role.');
    expect(errorsOf(changeRoleSchema.safeParse({ orgId: "1' or 1=1", membershipId: orgId, role: 'admin' })).orgId).toBe('Unknown organization.');
  });
});

describe('isWellFormedSlug', () => {
  it('accepts what slugSchema accepts', () => {
    for (const s of ['riverbend-commons', 'abc', 'a1-b2-c3']) expect(isWellFormedSlug(s)).toBe(true);
  });
  it.each(['', 'Riverbend', 'a--b', '-a', 'a-', 'a\u0000b', 'a b', 'ａｂｃ', 'x'.repeat(49), '%00'])('refuses %j before any lookup', (s) => {
    expect(isWellFormedSlug(s)).toBe(false);
  });
});
