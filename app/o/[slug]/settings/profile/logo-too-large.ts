import { logoMaxBytes } from '@/lib/governance/logo';

/** The logo form's words this check needs (namespace `logoForm`). */
export type LogoFormWords = (key: 'size' | 'tooLarge', values: Record<string, string>) => string;

/**
 * A size in the reader's words: the number through Intl in their language, the unit from the catalogue. In English the
 * same text as `byteSize` (lib/governance/logo.ts): whole KB rounded up, MB to one decimal, no grouping.
 */
export function sizeIn(locale: string, t: LogoFormWords, n: number): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: false }).format(value);
  if (n >= 1024 * 1024) return t('size', { unit: 'mb', n: number(Number((n / (1024 * 1024)).toFixed(1)), 1) });
  if (n >= 1024) return t('size', { unit: 'kb', n: number(Math.ceil(n / 1024), 0) });
  return t('size', { unit: 'bytes', n: number(n, 0) });
}

/**
 * What the browser answers before uploading a file over the limit, in the page's language: the server's refusal
 * `organization.logo_too_large` (the catalogue's `logoForm.tooLarge` says the same in each language), or null when the
 * file may be sent.
 */
export function logoTooLarge(locale: string, t: LogoFormWords, bytes: number): string | null {
  if (bytes <= logoMaxBytes) return null;
  return t('tooLarge', { size: sizeIn(locale, t, bytes), limit: sizeIn(locale, t, logoMaxBytes) });
}
