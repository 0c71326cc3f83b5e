import { describe, expect, it } from 'vitest';
import { checkArchive, checkUnarchive, organizationWritable } from './organization';

const base = { actorRole: 'admin', archivedAt: null, name: 'Elm Street Tenants', confirmation: 'Elm Street Tenants', openProposals: 0 };

describe('organizationWritable', () => {
  it('lets an active organization write', () => expect(organizationWritable({ archivedAt: null })).toEqual({ ok: true }));
  it('refuses writes to an archived organization', () => {
    const r = organizationWritable({ archivedAt: new Date('2026-01-01') });
    expect(r.ok === false && r.code).toBe('organization.archived');
  });
});

describe('checkArchive', () => {
  it('passes for an admin who typed the name, with nothing open', () => expect(checkArchive(base)).toEqual({ ok: true }));
  it('ignores surrounding spaces in the confirmation', () => expect(checkArchive({ ...base, confirmation: '  Elm Street Tenants ' })).toEqual({ ok: true }));
  it.each([
    [{ actorRole: 'secretary' }, 'organization.archive_admin_only'],
    [{ actorRole: null }, 'organization.archive_admin_only'],
    [{ archivedAt: new Date() }, 'organization.already_archived'],
    [{ confirmation: 'elm street tenants' }, 'organization.archive_confirmation'],
    [{ confirmation: '' }, 'organization.archive_confirmation'],
    [{ openProposals: 2 }, 'organization.archive_open_proposals'],
  ])('refuses %o with %s', (change, code) => {
    const r = checkArchive({ ...base, ...change });
    expect(r.ok === false && r.code).toBe(code);
  });
});

describe('checkUnarchive', () => {
  it('passes for an admin on an archived organization', () => expect(checkUnarchive({ actorRole: 'admin', archivedAt: new Date() })).toEqual({ ok: true }));
  it('refuses a non-admin', () =>
    expect(checkUnarchive({ actorRole: 'member', archivedAt: new Date() })).toMatchObject({ code: 'organization.archive_admin_only' }));
  it('refuses an active organization', () =>
    expect(checkUnarchive({ actorRole: 'admin', archivedAt: null })).toMatchObject({ code: 'organization.not_archived' }));
});
