/**
 * The logo size check the browser makes before uploading (`app/o/[slug]/settings/profile/logo-too-large.ts`, namespace
 * `logoForm`): in English word for word the server's refusal `organization.logo_too_large`; in French and German the
 * catalogue's translation of that refusal, with the sizes' numbers through Intl and their units in the language.
 */
import { describe, expect, it } from 'vitest';
import { byteSize, logoMaxBytes } from '@/lib/governance/logo';
import { formatMessage } from '@/lib/governance/messages';
import { logoTooLarge, sizeIn } from './logo-too-large';
import { catalogues, translatorFor } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';

const words = (locale: Locale) => {
  const t = translatorFor(locale);
  return (key: 'size' | 'tooLarge', values: Record<string, string>) => t(`logoForm.${key}`, values);
};

describe('the logo form’s size check', () => {
  it('lets a file at the limit through', () => {
    for (const locale of ['en', 'fr', 'de'] as const) expect(logoTooLarge(locale, words(locale), logoMaxBytes)).toBeNull();
  });

  it('in English, the server’s refusal word for word, sizes as byteSize gives them', () => {
    for (const n of [
      1,
      1023,
      1024,
      1025,
      300 * 1024 + 7,
      1000 * 1024,
      1024 * 1024 - 1,
      1024 * 1024,
      1.25 * 1024 * 1024,
      1.46 * 1024 * 1024,
      12_345_678,
      2 ** 31,
    ]) {
      expect(sizeIn('en', words('en'), n)).toBe(byteSize(n));
      if (n > logoMaxBytes) {
        expect(logoTooLarge('en', words('en'), n)).toBe(formatMessage('organization.logo_too_large', { size: byteSize(n), limit: byteSize(logoMaxBytes) }));
      }
    }
  });

  it('in French and German, the refusal as the catalogue translates it, numbers and units in the language', () => {
    expect(logoTooLarge('fr', words('fr'), 1.5 * 1024 * 1024)).toBe(
      'L’image fait 1,5 Mo ; un logo ne peut pas dépasser 256 Ko. Enregistrez-la plus petite (quelques centaines de pixels de large suffisent) et réessayez. Rien n’a été modifié.',
    );
    expect(logoTooLarge('de', words('de'), 300 * 1024)).toBe(
      'Das Bild ist 300 KB groß; ein Logo darf höchstens 256 KB groß sein. Speichern Sie es kleiner (einige hundert Pixel Breite genügen) und versuchen Sie es erneut. Es wurde nichts geändert.',
    );
    expect(sizeIn('de', words('de'), 2.25 * 1024 * 1024)).toBe('2,3 MB');
  });

  it('says what the server’s refusal says in every language', () => {
    for (const locale of ['en', 'fr', 'de'] as const) {
      expect(catalogues[locale].logoForm.tooLarge).toBe(catalogues[locale].refusals.organization.logo_too_large);
    }
  });
});
