import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BltError, parseBlt, writeBlt } from './blt';

const sample = `4 2
-4
3 1 3 4 0
2 2 0

1 0
0
"Ann"
"Bo \\"the elder\\""
"Cy"
"Di"
"Board 2026"
`;

describe('parseBlt', () => {
  it('reads the header, withdrawn line, ballots, names and title', () => {
    expect(parseBlt(sample)).toEqual({
      contest: { candidates: ['Ann', 'Bo "the elder"', 'Cy', 'Di'], seats: 2, withdrawn: [3], title: 'Board 2026' },
      ballots: [
        { count: 3, preferences: [0, 2, 3] },
        { count: 2, preferences: [1] },
        { count: 1, preferences: [] },
      ],
      ballotLines: [3, 4, 6],
    });
  });

  it('takes Windows line ends, a byte-order mark and a missing title', () => {
    const text = '\uFEFF2 1\r\n1 2 1 0\r\n0\r\n"A"\r\n"B"\r\n';
    expect(parseBlt(text).contest).toEqual({ candidates: ['A', 'B'], seats: 1, withdrawn: [], title: '' });
  });

  // Each malformed file, the line the error names, and words the message must contain.
  it.each([
    ['', 1, /empty/],
    ['4\n', 1, /two whole numbers/],
    ['4 2 1\n', 1, /two whole numbers/],
    ['x 2\n', 1, /two whole numbers/],
    ['0 1\n0\n', 1, /no candidates/],
    ['2 0\n0\n', 1, /no seats/],
    ['2 1\n-1 2\n', 2, /only negative/],
    ['2 1\n-3\n', 2, /no candidate -3/],
    ['2 1\n-1 -1\n', 2, /withdrawn twice/],
    ['2 1\n1 1 2 0\n1 3 0\n', 3, /no candidate 3.*1 to 2/],
    ['2 1\n1 1 1 0\n', 2, /ranked twice/],
    ['2 1\n1 1 2\n', 2, /does not end with 0/],
    ['2 1\n1 1 0 2\n', 2, /Unexpected "2" after the 0/],
    ['2 1\n1.5 1 0\n', 2, /weight/],
    ['2 1\n1 1=2 0\n', 2, /Equal rankings/],
    ['2 1\n1 - 2 0\n', 2, /Skipped/],
    ['2 1\n(7) 1 1 0\n', 2, /parentheses/],
    ['2 1\n1 x 0\n', 2, /"x" is not a candidate number/],
    ['2 1\n1 1 0\n', 2, /without the line "0"/],
    ['2 1\n1 1 0\n0 5\n', 3, /Unexpected "5" after the 0 that closes/],
    ['2 1\n0\n"A"\n', 3, /after 1 candidate name.*2 candidates/],
    ['2 1\n0\n"A"\nB\n', 4, /candidate 2's name in double quotes/],
    ['2 1\n0\n"A"\n"B\n', 4, /not closed/],
    ['2 1\n0\n"A" x\n"B"\n', 3, /after the closing quote/],
    ['2 1\n0\n"A"\n"A"\n', 4, /given to two candidates/],
    ['2 1\n0\n"A"\n"B"\n"T"\n"U"\n', 6, /after the election title/],
    ['2 1\n0\n"A"\n"B"\n"T"\nU\n', 6, /after the election title\.$/],
    ['2 1\n0\n"A"\n"B"\n"C"\n"T"\n', 6, /gives 2 candidates, and this file has more names/],
  ])('refuses %j at line %i', (text, line, message) => {
    const error = (() => {
      try {
        parseBlt(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BltError);
    expect(error).toMatchObject({ line });
    expect((error as Error).message).toMatch(message);
  });
});

/** A contest and ballots `writeBlt` takes: distinct one-line names (quotes and backslashes included). */
const election = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    candidates: fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '"', '\\', 'é', '-', '0') }), { minLength: n, maxLength: n }),
    seats: fc.integer({ min: 1, max: n + 1 }),
    withdrawn: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n - 1 }),
    ballots: fc.array(
      fc.record({ count: fc.integer({ min: 1, max: 1000 }), preferences: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }) }),
      {
        maxLength: 20,
      },
    ),
    title: fc.string({ unit: fc.constantFrom('x', ' ', '"', '\\') }),
  }),
);

describe('writeBlt', () => {
  it('writes what parseBlt reads back', () => {
    fc.assert(
      fc.property(election, ({ candidates, seats, withdrawn, ballots, title }) => {
        const parsed = parseBlt(writeBlt({ candidates, seats, withdrawn }, ballots, title));
        expect(parsed.contest).toEqual({ candidates, seats, withdrawn, title });
        expect(parsed.ballots).toEqual(ballots);
      }),
    );
  });

  it('writes the documented layout', () => {
    const text = writeBlt({ candidates: ['Ann', 'Bo "B"'], seats: 1, withdrawn: [1] }, [{ count: 2, preferences: [1, 0] }], 'T\\1');
    expect(text).toBe('2 1\n-2\n2 2 1 0\n0\n"Ann"\n"Bo \\"B\\""\n"T\\\\1"\n');
  });

  it('refuses what it could not write back', () => {
    expect(() => writeBlt({ candidates: ['A\nB'], seats: 1 }, [], '')).toThrow(RangeError);
    expect(() => writeBlt({ candidates: ['A'], seats: 1 }, [{ count: 0, preferences: [0] }], '')).toThrow(RangeError);
    expect(() => writeBlt({ candidates: ['A', 'B'], seats: 1 }, [{ count: 1, preferences: [1, 1] }], '')).toThrow(RangeError);
    expect(() => writeBlt({ candidates: ['A', 'B'], seats: 1, withdrawn: [2] }, [], '')).toThrow(RangeError);
  });
});

/** Random edits of a valid file: characters and whole lines inserted, deleted, swapped or doubled. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('char' as const),
    at: fc.nat(),
    text: fc.string({ unit: fc.constantFrom('0', '1', '9', '-', ' ', '"', '\\', '\n', '\r', 'x', '=', '(') }),
    cut: fc.nat(3),
  }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), to: fc.nat(), op: fc.constantFrom('delete', 'double', 'swap') }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, edits: readonly Mutation[]): string {
  let out = text;
  for (const edit of edits) {
    if (edit.kind === 'char') {
      const at = edit.at % (out.length + 1);
      out = out.slice(0, at) + edit.text + out.slice(at + edit.cut);
    } else {
      const lines = out.split('\n');
      const i = edit.at % lines.length;
      const j = edit.to % lines.length;
      if (edit.op === 'delete') lines.splice(i, 1);
      else if (edit.op === 'double') lines.splice(i, 0, lines[i]!);
      else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      out = lines.join('\n');
    }
  }
  return out;
}

describe('BLT fuzzer', () => {
  it('every mutated file parses, or fails with a BltError on a line of the file', () => {
    fc.assert(
      fc.property(election, fc.array(mutation, { minLength: 1, maxLength: 4 }), ({ candidates, seats, withdrawn, ballots, title }, edits) => {
        const text = mutate(writeBlt({ candidates, seats, withdrawn }, ballots, title), edits);
        try {
          const parsed = parseBlt(text);
          const n = parsed.contest.candidates.length;
          for (const b of parsed.ballots) for (const c of b.preferences) expect(c >= 0 && c < n).toBe(true);
        } catch (error) {
          if (!(error instanceof BltError)) throw error;
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.line).toBeLessThanOrEqual(Math.max(1, text.split(/\r?\n/).length));
          expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * Files made of random lines of BLT-like tokens: mostly a well-formed header, then ballot-like
 * lines, closing zeros, quoted names and junk in any order, so every part of the reader is reached.
 */
const token = fc.oneof(
  fc.integer({ min: -3, max: 5 }).map(String),
  fc.constantFrom('0', '00', '1e3', '999999999999999999', '-', '=', '1=2', '(1)', '"', '""', '"A"', '"B"', '"a\\"b"', '"x" y', 'x', ''),
);
const line = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }).map((prefs) => [1, ...prefs, 0].join(' ')) },
  { weight: 2, arbitrary: fc.constantFrom('0', '"A"', '"B"', '"C"', '"Title"', '') },
  { weight: 2, arbitrary: fc.array(token, { maxLength: 5 }).map((tokens) => tokens.join(' ')) },
);
const header = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })).map(([n, s]) => `${n} ${s}`) },
  { weight: 1, arbitrary: fc.array(token, { maxLength: 4 }).map((tokens) => tokens.join(' ')) },
);
const randomFile = fc.tuple(header, fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([first, rest, end]) => [first, ...rest].join(end));

describe('BLT fuzzer, random lines', () => {
  it('every file parses, or fails with a BltError naming a line that holds something (line 1 if none does)', () => {
    fc.assert(
      fc.property(randomFile, (text) => {
        try {
          parseBlt(text);
        } catch (error) {
          if (!(error instanceof BltError)) throw error;
          const lines = text.split(/\r?\n/);
          const filled = lines.some((l) => l.trim() !== '');
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.line).toBeLessThanOrEqual(Math.max(1, lines.length));
          if (filled) expect(lines[error.line - 1]!.trim()).not.toBe('');
          expect(error.message).toMatch(/\w/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
