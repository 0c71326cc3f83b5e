/**
 * Recognising a catalogue message by its English words (a field error or a refusal that reached a form as text only):
 * the message's English as an anchored pattern in which each `{name}` placeholder matches any text and is captured.
 */

/** A message's English as a pattern: the whole text, word for word, its placeholders captured by name. */
export interface EnglishPattern {
  names: string[];
  pattern: RegExp;
}

/** The pattern of an English message with `{name}` placeholders: anchored at both ends, the rest taken literally. */
export function englishMessagePattern(text: string): EnglishPattern {
  const names: string[] = [];
  const source = text
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '(.+?)';
    })
    .join('');
  return { names, pattern: new RegExp(`^${source}$`, 's') };
}

/** The key and parameters of the first pattern `text` is exactly, else null. */
export function matchEnglish<K>(patterns: readonly (EnglishPattern & { key: K })[], text: string): { key: K; params: Record<string, string> } | null {
  for (const { key, names, pattern } of patterns) {
    const match = pattern.exec(text);
    if (match) return { key, params: Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) };
  }
  return null;
}
