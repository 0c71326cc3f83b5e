import { describe, expect, it } from 'vitest';
import { writtenConsentLines } from './written-consent-lines';

describe('written consent notices', () => {
  const base = { consentNumber: 4, title: 'Buy a van', bodyName: 'Board', expiresAt: '2026-03-15T12:00:00.000Z' };

  it('asks each signer to sign at opening, with the expiry', () => {
    const l = writtenConsentLines({ ...base, consentEvent: 'opened' });
    expect(l.subject).toBe('Written consent #4 of the Board needs your signature: Buy a van');
    expect(l.detail.join(' ')).toMatch(/expires/);
  });

  it('says how it ended: adopted, expired, lapsed or withdrawn', () => {
    expect(writtenConsentLines({ ...base, consentEvent: 'adopted' }).subject).toMatch(/is adopted$/);
    expect(writtenConsentLines({ ...base, consentEvent: 'expired' }).subject).toMatch(/expired$/);
    expect(writtenConsentLines({ ...base, consentEvent: 'lapsed' }).lead).toMatch(/a signer left the body/);
    expect(writtenConsentLines({ ...base, consentEvent: 'withdrawn' }).subject).toMatch(/was withdrawn$/);
  });
});
