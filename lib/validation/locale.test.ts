/** The language schemas, fuzzed like lib/validation/fuzz.test.ts: whatever is posted, they never throw and accept only en, fr, de. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountLocaleSchema, localeSchema, organizationLocaleSchema } from './locale';

const orgId = '00000000-0000-4000-8000-000000000001';
const anything = fc.oneof(fc.string(), fc.constantFrom('en', 'fr', 'de', 'EN', 'fr-FR', 'de\u0000', ' en', ''), fc.anything());

describe('language schemas', () => {
  it('accept only a language Quorate speaks, and never throw', () => {
    fc.assert(
      fc.property(anything, anything, (locale, id) => {
        for (const [result, value] of [
          [localeSchema.safeParse(locale), locale],
          [accountLocaleSchema.safeParse({ locale }), locale],
          [organizationLocaleSchema.safeParse({ orgId: id, locale }), locale],
        ] as const) {
          if (result.success) expect(['en', 'fr', 'de']).toContain(value);
        }
        expect(organizationLocaleSchema.safeParse({ orgId, locale }).success).toBe(locale === 'en' || locale === 'fr' || locale === 'de');
      }),
      { numRuns: 500 },
    );
  });
});
