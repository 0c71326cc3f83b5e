import { describe, expect, it } from 'vitest';
import { ssoProvider, verifiedSsoEmail } from './sso';

describe('verifiedSsoEmail', () => {
  it('takes only an address the provider verified, normalized like every address', () => {
    expect(verifiedSsoEmail({ sub: '1', email: ' Ada@Example.ORG ', email_verified: true })).toBe('ada@example.org');
  });

  it('refuses an unverified, unstated or malformed address', () => {
    expect(verifiedSsoEmail({ sub: '1', email: 'ada@example.org', email_verified: false })).toBeNull();
    expect(verifiedSsoEmail({ sub: '1', email: 'ada@example.org' })).toBeNull();
    // Some providers send the string; only the boolean true counts.
    expect(verifiedSsoEmail({ sub: '1', email: 'ada@example.org', email_verified: 'true' })).toBeNull();
    expect(verifiedSsoEmail({ sub: '1', email_verified: true })).toBeNull();
    expect(verifiedSsoEmail({ sub: '1', email: 'not an address', email_verified: true })).toBeNull();
    expect(verifiedSsoEmail(null)).toBeNull();
  });
});

describe('ssoProvider', () => {
  const provider = ssoProvider({ issuer: 'https://login.example.org', clientId: 'quorate', clientSecret: 's', name: 'Staff login' });

  it('is OpenID Connect with PKCE, state and nonce', () => {
    expect(provider).toMatchObject({ id: 'oidc', type: 'oidc', name: 'Staff login', issuer: 'https://login.example.org', checks: ['pkce', 'state', 'nonce'] });
  });

  it('maps the profile with the verified address only', () => {
    expect(provider.profile!({ sub: 'u-1', email: 'Ada@example.org', email_verified: true, name: 'Ada' }, {} as never)).toEqual({
      id: 'u-1',
      email: 'ada@example.org',
      name: 'Ada',
      image: null,
    });
    expect(provider.profile!({ sub: 'u-2', email: 'eve@example.org', email_verified: false, preferred_username: 'eve' }, {} as never)).toMatchObject({
      email: '',
      name: 'eve',
    });
  });
});
