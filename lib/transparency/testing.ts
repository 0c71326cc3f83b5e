/** Shared cases for the transparency exports' unit tests (imported by *.test.ts only). */

/** Text with characters a reader would not see, or that reorder what is shown around them, and how every export shows it. */
export const HIDDEN_CHARACTER_CASES: [input: string, shown: string][] = [
  ['bell\u0007 nul\u0000 \ufffe', 'bell[U+0007] nul[U+0000] [U+FFFE]'],
  ['\u202Eevil', '[U+202E]evil'],
  ['a\u0000b\u0007c', 'a[U+0000]b[U+0007]c'],
  ['pay \u202Egnp.exe', 'pay [U+202E]gnp.exe'],
  ['\u2066x\u2069', '[U+2066]x[U+2069]'],
  ['lone \ud800 surrogate', 'lone [U+D800] surrogate'],
  ['emoji 👍 stays', 'emoji 👍 stays'],
];
