/**
 * A body's name inside a sentence ("the board must answer"): English writes it in lower case as
 * the untranslated screens always have; French and German keep the charter's spelling (German
 * nouns are capitalized, and the messages quote the name).
 */
export function bodyInSentence(name: string, locale: string): string {
  return locale === 'en' ? name.toLowerCase() : name;
}
