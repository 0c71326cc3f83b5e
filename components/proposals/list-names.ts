/**
 * Names joined as a sentence says them, in the reader's language: "Ada, Bo and Cy", "Ada, Bo et Cy",
 * "Ada, Bo und Cy". English without the serial comma, as Quorate has always written it (en-GB's list).
 */
export function listNames(locale: string, names: readonly string[]): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { style: 'long', type: 'conjunction' }).format(names);
}
