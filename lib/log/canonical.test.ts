import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, canonicalMember, isWellFormedUnicode, utf8 } from './canonical';

// Strings across the whole code-point range (astral too), so key sorting by UTF-16 code units
// vs by code points is actually exercised: U+FF61 sorts after U+1F600's lead surrogate D83D
// by code unit, before it by code point.
const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', 'a', 'A', 'é', '\u0080', '\u20ac', '\ufb33', '\uff61', '\ud83d\ude00', '\r', '\u0000', '"', '\\'),
);

const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger(),
    fc.integer({ min: -1000, max: 1000 }),
    anyString,
    fc.array(tie('json'), { maxLength: 5 }),
    fc.dictionary(anyString, tie('json'), { maxKeys: 6 }),
  ),
}));

// The straightforward serializer canonical.ts started as, kept here as the reference its fast
// paths (plain strings without JSON.stringify, insertion-sorted keys, a stack for cycles) must
// agree with: every string through JSON.stringify after a well-formedness check, every key list
// through Array#sort, errors with the same messages.
function referenceCanonicalJson(root: unknown): string {
  const fail = (path: (string | number)[], problem: string): never => {
    throw new CanonicalJsonError(`$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`, problem);
  };
  const str = (s: string, path: (string | number)[]): string => (s.isWellFormed() ? JSON.stringify(s) : fail(path, 'string contains a lone surrogate'));
  const ancestors = new Set<object>();
  const go = (value: unknown, path: (string | number)[]): string => {
    if (value === null) return 'null';
    if (typeof value === 'boolean') return String(value);
    if (typeof value === 'string') return str(value, path);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return fail(path, `non-finite number ${String(value)}`);
      if (!Number.isSafeInteger(value)) return fail(path, `number ${String(value)} is not a safe integer`);
      return String(value);
    }
    if (typeof value !== 'object') return fail(path, `${typeof value} is not JSON`);
    if (ancestors.has(value)) return fail(path, 'circular reference');
    ancestors.add(value);
    let out: string;
    if (Array.isArray(value)) {
      const parts: string[] = [];
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) fail([...path, i], 'sparse array hole');
        parts.push(go(value[i], [...path, i]));
      }
      out = `[${parts.join(',')}]`;
    } else {
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) fail(path, 'only plain objects are allowed');
      if (Object.getOwnPropertySymbols(value).length > 0) fail(path, 'symbol-keyed properties are not JSON');
      const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      out = `{${keys.map((k) => `${str(k, [...path, k])}:${go((value as Record<string, unknown>)[k], [...path, k])}`).join(',')}}`;
    }
    ancestors.delete(value);
    return out;
  };
  return go(root, []);
}

/** The value's serialization, or the error it raises, so results and failures compare alike. */
function outcome(f: () => string): string {
  try {
    return `ok ${f()}`;
  } catch (error) {
    return `${error instanceof Error ? error.name : 'thrown'}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

// Strings weighted towards what the fast paths must tell apart: plain ASCII, escapes and
// controls (\b \t \n \f \r, other C0, DEL, U+2028), quotes and backslashes, BMP letters, astral
// pairs, lone surrogates of both halves, and mixtures of all of these.
const trickyChar = fc.constantFrom(
  'a',
  'Z',
  '0',
  ' ',
  '"',
  '\\',
  '/',
  '\b',
  '\t',
  '\n',
  '\f',
  '\r',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0080',
  'é',
  '\u2028',
  '\u20ac',
  '\ufb33',
  '\uff61',
  '\ufffd',
  '\ud83d\ude00',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
);
const trickyString = fc.oneof(
  anyString,
  fc.array(trickyChar, { maxLength: 12 }).map((cs) => cs.join('')),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
);
const trickyNumber = fc.oneof(fc.maxSafeInteger(), fc.constantFrom(-0, 0.5, -1e21, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY));
const { tricky } = fc.letrec<{ tricky: unknown }>((tie) => ({
  tricky: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    trickyNumber,
    trickyString,
    fc.array(tie('tricky'), { maxLength: 5 }),
    // Up to 24 keys: past 16 the object takes Array#sort rather than the insertion sort.
    fc.dictionary(trickyString, tie('tricky'), { maxKeys: 24 }),
  ),
}));

/** Property (5000 runs): canonicalJson gives what the straightforward reference serializer gives for every value drawn, errors included. */
function expectAgreesWithReference(values: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(values, (value) => {
      expect(outcome(() => canonicalJson(value))).toBe(outcome(() => referenceCanonicalJson(value)));
    }),
    { numRuns: 5000 },
  );
}

describe('canonicalJson fast paths', () => {
  it('agree with the straightforward reference serializer, errors included', () => {
    expectAgreesWithReference(tricky);
  });

  it('sort keys by UTF-16 code units where code-point order differs', () => {
    // U+FF61 is above the lead surrogate D83D of U+1F600 by code point, below it by code unit.
    const keys = fc.array(fc.constantFrom('\uff61', '\ud83d\ude00', '\ud83d\ude01', '\ue000', 'a', 'ab', '', 'A', '\u0080'), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(
        keys,
        fc.array(fc.constantFrom('x', 'y', 'z', 'w', 'q', 'r', 's', 't', 'u', 'v', 'k', 'l', 'm', 'n', 'o', 'p', 'c', 'd'), { maxLength: 20 }),
        (ks, extra) => {
          const value = Object.fromEntries([...ks, ...extra].map((k, i) => [k, i]));
          expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
          expect(canonicalJson(value)).toBe(canonicalize(value));
        },
      ),
      { numRuns: 1000 },
    );
    expect(canonicalJson({ '\uff61': 1, '\ud83d\ude00': 2 })).toBe('{"\ud83d\ude00":2,"\uff61":1}');
  });

  it('canonicalMember serializes like canonicalJson and names the member in errors', () => {
    fc.assert(
      fc.property(fc.constantFrom('payload', 'kind', 'x'), tricky, (key, value) => {
        const viaObject = outcome(() => canonicalJson({ [key]: value }));
        const member = outcome(() => canonicalMember(key, value));
        expect(member.startsWith('ok ') ? `ok {${JSON.stringify(key)}:${member.slice(3)}}` : member).toBe(viaObject);
      }),
      { numRuns: 2000 },
    );
  });

  it('the plain-string fast path is taken only for strings JSON.stringify leaves alone', () => {
    expectAgreesWithReference(trickyString);
  });
});

describe('canonicalJson', () => {
  it('agrees with the canonicalize package (RFC 8785 reference) on random JSON of our subset', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('is a fixed point of parse-then-canonicalize', () => {
    fc.assert(
      fc.property(json, (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('sorts keys by UTF-16 code units — the RFC 8785 §3.2.3 example', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh",' +
        '"1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('escapes strings as RFC 8785 §3.2.2.2 requires', () => {
    // The string from RFC 8785's §3.2.3 sample, and its expected serialization.
    const value = JSON.parse('"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/"') as string;
    expect(canonicalJson(value)).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
  });

  it('writes no whitespace and serializes -0 as 0', () => {
    expect(canonicalJson({ b: [1, -0, true, null], a: { y: 'x', x: '' } })).toBe('{"a":{"x":"","y":"x"},"b":[1,0,true,null]}');
  });

  it.each<[string, unknown]>([
    ['a float', { n: 1.5 }],
    ['NaN', [Number.NaN]],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an unsafe integer', 2 ** 53],
    ['undefined', { a: undefined }],
    ['undefined at top level', undefined],
    ['a function', { f: () => 1 }],
    ['a symbol', Symbol('s')],
    ['a bigint', 1n],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a lone surrogate in a value', '\ud800'],
    ['a lone surrogate in a key', { '\udc00x': 1 }],
    ['a sparse array', [1, , 3]],
    ['a symbol-keyed property', { [Symbol('k')]: 1 }],
  ])('rejects %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('rejects cycles but accepts shared (acyclic) references', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
  });

  it('accepts null-prototype objects', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.b = 1;
    o.a = 2;
    expect(canonicalJson(o)).toBe('{"a":2,"b":1}');
  });
});

describe('utf8', () => {
  it('encodes astral characters as four bytes', () => {
    expect(Array.from(utf8('\ud83d\ude00'))).toEqual([0xf0, 0x9f, 0x98, 0x80]);
    expect(Array.from(utf8('é'))).toEqual([0xc3, 0xa9]);
  });

  it('refuses lone surrogates instead of writing U+FFFD', () => {
    expect(() => utf8('a\ud800')).toThrow(CanonicalJsonError);
    expect(() => utf8('\udfff')).toThrow(CanonicalJsonError);
  });

  it('the fallback well-formedness check agrees with String#isWellFormed', () => {
    const original = Object.getOwnPropertyDescriptor(String.prototype, 'isWellFormed');
    const samples = fc.sample(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), 500);
    const native = samples.map((s) => s.isWellFormed());
    try {
      // Simulate an older browser without String.prototype.isWellFormed.
      Object.defineProperty(String.prototype, 'isWellFormed', { value: undefined, configurable: true });
      expect(samples.map((s) => isWellFormedUnicode(s))).toEqual(native);
      expect(isWellFormedUnicode('\ud83d')).toBe(false);
      expect(isWellFormedUnicode('\ude00\ud83d')).toBe(false);
      expect(isWellFormedUnicode('\ud83d\ude00')).toBe(true);
    } finally {
      if (original !== undefined) Object.defineProperty(String.prototype, 'isWellFormed', original);
    }
  });
});
