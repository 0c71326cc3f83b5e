import type { Ballot } from './types';

/**
 * The BLT ballot file, the input of STV counting programs (OpenSTV, Droop, the ERS's and
 * Scotland's count software), line by line:
 *
 *   4 2              the number of candidates, then of seats
 *   -2               optional: withdrawn candidates, as negative numbers
 *   3 1 3 4 0        a ballot line: its weight (how many identical ballots), the candidates in
 *                    order of preference (numbered from 1), then 0; "1 0" is a blank ballot
 *   0                the end of the ballots
 *   "Ann"            one name per candidate, in double quotes, in the order of their numbers
 *   "Title"          the election's title, in double quotes (may be left out)
 *
 * Blank lines are skipped. Not read: ballot ids in parentheses, equal rankings ("="), skipped
 * preferences ("-"). Inside quotes, `\"` stands for a quote and `\\` for a backslash (any other
 * backslash is itself), so every name can be written and read back.
 */
export interface BltElection {
  readonly candidates: readonly string[];
  readonly seats: number;
  /** Candidate ids (from 0) listed as withdrawn. */
  readonly withdrawn: readonly number[];
  readonly title: string;
}

export interface BltFile {
  readonly contest: BltElection;
  /** Preferences are candidate ids from 0 (the file's numbers minus one), in file order. */
  readonly ballots: readonly Ballot[];
  /** The 1-based line of each ballot. */
  readonly ballotLines: readonly number[];
}

/** A file that is not a BLT file as described above: the 1-based line and what is wrong. */
export class BltError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'BltError';
  }
}

const WHOLE = /^[0-9]{1,15}$/;

export function parseBlt(text: string): BltFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const reader = new LineReader(lines);
  const header = reader.next();
  if (!header) throw new BltError(1, 'The file is empty: its first line should give the number of candidates and of seats.');
  const [n, seats] = readHeader(header);
  let line = reader.next();
  const withdrawn: number[] = [];
  if (line && line.tokens[0]!.startsWith('-')) {
    for (const token of line.tokens) withdrawn.push(readCandidate(token.slice(1), n, line.number, 'withdrawn', token.startsWith('-'), withdrawn));
    line = reader.next();
  }
  const ballots: Ballot[] = [];
  const ballotLines: number[] = [];
  for (; line && !(line.tokens[0] === '0' || (WHOLE.test(line.tokens[0]!) && Number(line.tokens[0]) === 0)); line = reader.next()) {
    ballots.push(readBallot(line, n));
    ballotLines.push(line.number);
  }
  if (!line) throw new BltError(reader.lastNumber, 'The ballots end without the line "0" that closes them.');
  if (line.tokens.length > 1) throw new BltError(line.number, `Unexpected "${line.tokens[1]}" after the 0 that closes the ballots.`);
  const candidates: string[] = [];
  for (let c = 1; c <= n; c++) {
    const nameLine = reader.next();
    if (!nameLine) throw new BltError(reader.lastNumber, `The file ends after ${c - 1} candidate name(s); it lists ${n} candidates.`);
    const name = readQuoted(nameLine, `candidate ${c}'s name`);
    if (candidates.includes(name)) throw new BltError(nameLine.number, `The name "${name}" is given to two candidates.`);
    candidates.push(name);
  }
  const titleLine = reader.next();
  const title = titleLine ? readQuoted(titleLine, 'the election title') : '';
  const stray = reader.next();
  if (stray) {
    const named = stray.text.trim().startsWith('"') ? `: the first line gives ${n} candidates, and this file has more names` : '';
    throw new BltError(stray.number, `Unexpected text after the election title${named}.`);
  }
  return { contest: { candidates, seats, withdrawn, title }, ballots, ballotLines };
}

type Line = { number: number; text: string; tokens: string[] };

/** The file's non-blank lines, one at a time. */
class LineReader {
  private at = 0;
  lastNumber = 1;
  constructor(private readonly lines: readonly string[]) {}
  next(): Line | null {
    while (this.at < this.lines.length) {
      const text = this.lines[this.at++]!;
      const tokens = text.trim().split(/\s+/);
      if (tokens[0] === '') continue;
      this.lastNumber = this.at;
      return { number: this.at, text, tokens };
    }
    return null;
  }
}

function readHeader(line: Line): [number, number] {
  const [candidates, seats, extra] = line.tokens;
  if (extra !== undefined || seats === undefined || !WHOLE.test(candidates!) || !WHOLE.test(seats)) {
    throw new BltError(line.number, 'The first line should be two whole numbers: the number of candidates, then of seats.');
  }
  const n = Number(candidates);
  const s = Number(seats);
  if (n < 1) throw new BltError(line.number, 'The election has no candidates.');
  if (s < 1) throw new BltError(line.number, 'The election has no seats to fill.');
  return [n, s];
}

/** A candidate number (1 to n) as an id (from 0), refused when out of range or already in `seen`. */
function readCandidate(token: string, n: number, line: number, what: 'withdrawn' | 'preference', wellFormed: boolean, seen: readonly number[]): number {
  if (!wellFormed || !WHOLE.test(token)) {
    if (what === 'withdrawn') throw new BltError(line, 'A withdrawn line lists only negative candidate numbers, such as -2.');
    if (token.includes('=')) throw new BltError(line, 'Equal rankings ("=") are not supported.');
    if (token === '-') throw new BltError(line, 'Skipped preferences ("-") are not supported.');
    throw new BltError(line, `"${token}" is not a candidate number.`);
  }
  const number = Number(token);
  if (number < 1 || number > n)
    throw new BltError(line, `There is no candidate ${what === 'withdrawn' ? '-' : ''}${token}: candidates are numbered 1 to ${n}.`);
  if (seen.includes(number - 1)) {
    throw new BltError(
      line,
      what === 'withdrawn' ? `Candidate ${number} is listed as withdrawn twice.` : `Candidate ${number} is ranked twice on this ballot.`,
    );
  }
  return number - 1;
}

function readBallot(line: Line, n: number): Ballot {
  const [weight, ...rest] = line.tokens;
  if (weight!.startsWith('(')) throw new BltError(line.number, 'Ballot ids in parentheses are not supported.');
  if (!WHOLE.test(weight!)) throw new BltError(line.number, `A ballot line starts with its weight, a whole number of at least 1; "${weight}" is not.`);
  const preferences: number[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (WHOLE.test(token) && Number(token) === 0) {
      if (i + 1 < rest.length) throw new BltError(line.number, `Unexpected "${rest[i + 1]}" after the 0 that ends the ballot.`);
      return { preferences, count: Number(weight) };
    }
    preferences.push(readCandidate(token, n, line.number, 'preference', true, preferences));
  }
  throw new BltError(line.number, 'The ballot line does not end with 0.');
}

/** A line holding one double-quoted string and nothing else. */
function readQuoted(line: Line, what: string): string {
  const text = line.text.trim();
  if (!text.startsWith('"')) throw new BltError(line.number, `Expected ${what} in double quotes.`);
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      value += text[++i];
    } else if (ch === '"') {
      if (i + 1 < text.length) throw new BltError(line.number, `Unexpected text after the closing quote of ${what}.`);
      return value;
    } else value += ch;
  }
  throw new BltError(line.number, `The quote around ${what} is not closed.`);
}

/**
 * Writes what `parseBlt` reads back: the header, the withdrawn line (if any), one line per ballot
 * (preferences as candidate numbers from 1), the 0 line, the names and the title.
 */
export function writeBlt(
  contest: Pick<BltElection, 'candidates' | 'seats'> & { withdrawn?: readonly number[] },
  ballots: readonly Ballot[],
  title: string,
): string {
  const n = contest.candidates.length;
  if (n < 1 || !Number.isSafeInteger(contest.seats) || contest.seats < 1) throw new RangeError('A BLT file needs at least one candidate and one seat.');
  if (contest.withdrawn?.some((c, i, all) => !Number.isInteger(c) || c < 0 || c >= n || all.indexOf(c) !== i))
    throw new RangeError('A withdrawn candidate is listed twice or is not in the contest.');
  const lines = [`${n} ${contest.seats}`];
  if (contest.withdrawn?.length) lines.push(contest.withdrawn.map((c) => `-${c + 1}`).join(' '));
  for (const { count, preferences } of ballots) {
    if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`A ballot's count must be a whole number of at least 1, not ${count}.`);
    if (preferences.some((c, i) => !Number.isInteger(c) || c < 0 || c >= n || preferences.indexOf(c) !== i)) {
      throw new RangeError('A ballot names a candidate twice or one that is not in the contest.');
    }
    lines.push([count, ...preferences.map((c) => c + 1), 0].join(' '));
  }
  lines.push('0', ...contest.candidates.map(quote), quote(title));
  return `${lines.join('\n')}\n`;
}

function quote(text: string): string {
  if (/[\r\n]/.test(text)) throw new RangeError('A name or title in a BLT file must fit on one line.');
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}
