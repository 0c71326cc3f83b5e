import { describe, expect, it } from 'vitest';
import { acceptedLanguages, mailLocale, negotiateLocale, resolveLocale } from './locales';

describe('the request language', () => {
  it('reads Accept-Language by quality, dropping q=0, * and malformed tags', () => {
    expect(acceptedLanguages('en;q=0.2, de-CH, fr;q=0.8, *;q=0.1, es;q=0, <script>')).toEqual(['de-CH', 'fr', 'en']);
    expect(acceptedLanguages(null)).toEqual([]);
  });

  it('matches regional tags to the languages Quorate speaks, else none', () => {
    expect(negotiateLocale('de-AT,de;q=0.9')).toBe('de');
    expect(negotiateLocale('fr-CA')).toBe('fr');
    expect(negotiateLocale('es, it;q=0.5')).toBeNull();
    expect(negotiateLocale('es, fr;q=0.5')).toBe('fr');
    expect(negotiateLocale('')).toBeNull();
  });

  it('the person first, then the browser, then the organization, then English', () => {
    expect(resolveLocale({ person: 'de', acceptLanguage: 'fr', organization: 'en' })).toBe('de');
    expect(resolveLocale({ person: null, acceptLanguage: 'fr', organization: 'de' })).toBe('fr');
    expect(resolveLocale({ person: null, acceptLanguage: 'es', organization: 'de' })).toBe('de');
    expect(resolveLocale({})).toBe('en');
    // A stored value Quorate no longer speaks is ignored, not trusted.
    expect(resolveLocale({ person: 'xx', acceptLanguage: null, organization: 'zz' })).toBe('en');
  });

  it("e-mails: the recipient's choice, else the organization's default", () => {
    expect(mailLocale('fr', 'de')).toBe('fr');
    expect(mailLocale(null, 'de')).toBe('de');
    expect(mailLocale(null, null)).toBe('en');
  });
});
