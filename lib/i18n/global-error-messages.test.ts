import { describe, expect, it } from 'vitest';
import { logKindLabels } from '@/lib/transparency/summary';
import { catalogues } from './catalogue';
import { globalErrorMessages } from './global-error-messages';
import { locales } from './locales';

describe('copies of the catalogues', () => {
  it.each(locales)('global-error’s table equals the %s catalogue’s errors.global', (locale) => {
    expect(globalErrorMessages[locale]).toEqual(catalogues[locale].errors.global);
  });

  it('every kind of log entry has a name in log.kinds, and the English is logKindLabels’', () => {
    const kinds = catalogues.en.log.kinds as unknown as Record<string, Record<string, string>>;
    const flat = Object.fromEntries(Object.entries(kinds).flatMap(([group, names]) => Object.entries(names).map(([k, v]) => [`${group}.${k}`, v])));
    expect(flat).toEqual(logKindLabels);
  });
});
