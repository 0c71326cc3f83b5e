import { describe, expect, it } from 'vitest';
import { signMemberCursor, verifyMemberCursor } from './member-cursor';
import type { MemberCursor } from './member-cursor';

const secret = 'test-secret-of-enough-length-0123456789';
const cursor: MemberCursor = { orgId: 'org-1', q: 'ann', page: 501, direction: 'after', role: 'member', email: 'ann@example.org' };
const expected = { orgId: 'org-1', q: 'ann', page: 501 };

describe('member list cursors', () => {
  it('verify when unaltered, for the same organization, search and page', () => {
    expect(verifyMemberCursor(secret, signMemberCursor(secret, cursor), expected)).toEqual(cursor);
  });

  it('are refused for another page, search or organization, under another secret, or edited', () => {
    const token = signMemberCursor(secret, cursor);
    expect(verifyMemberCursor(secret, token, { ...expected, page: 2 })).toBeNull();
    expect(verifyMemberCursor(secret, token, { ...expected, q: '' })).toBeNull();
    expect(verifyMemberCursor(secret, token, { ...expected, orgId: 'org-2' })).toBeNull();
    expect(verifyMemberCursor('another-secret-of-enough-length-012345', token, expected)).toBeNull();
    // A payload re-encoded with another page number keeps the old signature: refused.
    const [, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify(['org-1', 'ann', 2, 'after', 'member', 'ann@example.org'])).toString('base64url');
    expect(verifyMemberCursor(secret, `${forged}.${sig}`, { ...expected, page: 2 })).toBeNull();
    for (const junk of ['', 'x', 'a.b', `${token}.x`, `${token.split('.')[0]}.`]) expect(verifyMemberCursor(secret, junk, expected)).toBeNull();
  });

  it('carry only a known role and a string address', () => {
    const bad = { ...cursor, role: 'owner' as MemberCursor['role'] };
    expect(verifyMemberCursor(secret, signMemberCursor(secret, bad), expected)).toBeNull();
  });
});
