/**
 * Is a revision substantive or editorial? Decided by the change itself, not by the author's word:
 * a full rewrite ticked "editorial" a minute before the comment window closes must still give
 * readers fresh time to respond. Pure: no I/O, no clock.
 *
 * Substantive when any of these changed:
 *  - a number, amount, date or percentage (any word containing a digit);
 *  - a name: a capitalised word that does not start a sentence, or an @mention;
 *  - a word that turns a rule round (not, no, never, shall, must, may, …);
 *  - the title's words (case, punctuation and spacing aside);
 *  - more than a small share of the text: over 10% of its words.
 * Changes of spacing and line breaks alone are editorial. The author may mark a revision
 * substantive when the rules would not; marking it editorial never overrides them.
 */
import { diffArrays } from 'diff';

export type RevisionText = { title: string; body: string };

export type RevisionClass = { substantive: boolean; reasons: string[] };

/** Over this share of changed words (num/den, exclusive), a revision is substantive. */
export const substantiveShare = { num: 1, den: 10 } as const;

const pivotWords = new Set([
  'not',
  'no',
  'never',
  'nor',
  'shall',
  'must',
  'may',
  'cannot',
  'can',
  'will',
  'without',
  'only',
  'unless',
  'except',
  'all',
  'none',
  'any',
]);

function words(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => w.length > 0);
}

/** A word without the punctuation around it: '(€1,200).' → '€1,200'. */
function core(word: string): string {
  return word.replace(/^[^\p{L}\p{N}@€$£¥%]+|[^\p{L}\p{N}%€$£¥]+$/gu, '');
}

const sentenceEnd = /[.!?:;]["'”’)\]]*$/u;
const markdownMarker = /^(?:[#>*+-]+|\d+[.)])$/u;

/** Capitalised words that do not start a sentence (or a list item, or a heading), and @mentions. */
function names(tokens: string[]): string[] {
  const out: string[] = [];
  let sentenceStart = true;
  for (const token of tokens) {
    if (markdownMarker.test(token)) {
      sentenceStart = true;
      continue;
    }
    const word = core(token);
    if (word.startsWith('@') && word.length > 1) out.push(word);
    else if (!sentenceStart && /^\p{Lu}/u.test(word)) out.push(word);
    sentenceStart = sentenceEnd.test(token);
  }
  return out;
}

function figures(tokens: string[]): string[] {
  return tokens.filter((t) => /\p{N}/u.test(t)).map(core);
}

function pivots(tokens: string[]): string[] {
  return tokens.map((t) => core(t).toLowerCase()).filter((w) => pivotWords.has(w) || w.endsWith("n't") || w.endsWith('n’t'));
}

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

function titleWords(title: string): string {
  return words(title)
    .map((w) => core(w).toLowerCase())
    .filter((w) => w.length > 0)
    .join(' ');
}

/**
 * Whether more than the small share of words changed. A rewrite is caught by counting words;
 * otherwise Myers' diff runs, bounded by the edit length that would already be too much.
 */
function shareChanged(before: string[], after: string[]): boolean {
  const total = before.length + after.length;
  if (total === 0) return false;
  // Inserted plus removed words over the words of both versions: replacing k of n words is 2k of 2n.
  const limit = Math.floor((total * substantiveShare.num) / substantiveShare.den);
  // Words in one version and not the other must each be inserted or removed: a lower bound on
  // the edit, counted in linear time, which settles a rewrite before any diff is run.
  const counts = new Map<string, number>();
  for (const w of before) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of after) counts.set(w, (counts.get(w) ?? 0) - 1);
  let unmatched = 0;
  for (const n of counts.values()) unmatched += Math.abs(n);
  if (unmatched > limit) return true;
  const changes = diffArrays(before, after, { maxEditLength: limit });
  if (!changes) return true;
  const edited = changes.filter((c) => c.added || c.removed).reduce((n, c) => n + c.count, 0);
  return edited * substantiveShare.den > total * substantiveShare.num;
}

export function classifyRevision(before: RevisionText, after: RevisionText, authorSaysSubstantive = false): RevisionClass {
  const reasons: string[] = [];
  const a = [...words(before.title), ...words(before.body)];
  const b = [...words(after.title), ...words(after.body)];
  if (!sameMultiset(figures(a), figures(b))) reasons.push('A number, amount, date or percentage changed.');
  if (!sameMultiset(names(words(before.body)), names(words(after.body))) || !sameMultiset(names(words(before.title)), names(words(after.title)))) {
    reasons.push('A name or mention changed.');
  }
  if (!sameMultiset(pivots(a), pivots(b))) reasons.push('A word such as “not”, “must” or “may” changed.');
  if (titleWords(before.title) !== titleWords(after.title)) reasons.push('The title changed.');
  if (shareChanged(words(before.body), words(after.body))) reasons.push('More than a tenth of the text changed.');
  if (authorSaysSubstantive) reasons.push('The author marked it substantive.');
  return { substantive: reasons.length > 0, reasons };
}
