import { describe, expect, it } from 'vitest';
import { checkGroupAdmin, checkGroupChange, checkStakeholderGroupName, normalizeStakeholderGroup } from './stakeholder-groups';

describe('stakeholder group names', () => {
  it('normalizes what was typed: trimmed, single spaces', () => {
    expect(normalizeStakeholderGroup('  local   residents \t')).toBe('local residents');
    expect(normalizeStakeholderGroup('   ')).toBe('');
  });

  it('accepts short names of letters, digits, spaces and hyphens', () => {
    for (const name of ['residents', 'employees', 'Zone 3', 'co-founders', 'Bewohner Süd', 'x', 'a'.repeat(40)]) {
      expect(checkStakeholderGroupName(name), name).toEqual({ ok: true });
    }
  });

  it('refuses empty, too long, punctuation, markup and invisible characters', () => {
    for (const name of [
      '',
      'a'.repeat(41),
      'residents!',
      '<b>x</b>',
      'a_b',
      '-lead',
      'trail-',
      'a--b',
      'a  b',
      'zero\u200bwidth',
      'new\nline',
      'é'.normalize('NFD'),
    ]) {
      expect(checkStakeholderGroupName(name), JSON.stringify(name)).toMatchObject({ ok: false, code: 'membership.group_invalid' });
    }
  });
});

describe('changing a member’s group', () => {
  it('is for admins only', () => {
    expect(checkGroupAdmin('admin')).toEqual({ ok: true });
    for (const role of ['secretary', 'member', 'observer', null] as const) {
      expect(checkGroupAdmin(role)).toMatchObject({ code: 'membership.group_admin_only' });
      expect(checkGroupChange({ actorRole: role, from: null, to: 'residents' })).toMatchObject({ code: 'membership.group_admin_only' });
    }
  });

  it('sets, changes and clears a group, but refuses a change to the same group or a bad name', () => {
    expect(checkGroupChange({ actorRole: 'admin', from: null, to: 'residents' })).toEqual({ ok: true });
    expect(checkGroupChange({ actorRole: 'admin', from: 'residents', to: 'employees' })).toEqual({ ok: true });
    expect(checkGroupChange({ actorRole: 'admin', from: 'residents', to: null })).toEqual({ ok: true });
    expect(checkGroupChange({ actorRole: 'admin', from: 'residents', to: 'residents' })).toMatchObject({ code: 'membership.group_unchanged' });
    expect(checkGroupChange({ actorRole: 'admin', from: null, to: null })).toMatchObject({ code: 'membership.group_unchanged_none' });
    expect(checkGroupChange({ actorRole: 'admin', from: null, to: 'bad!' })).toMatchObject({ code: 'membership.group_invalid' });
  });
});
