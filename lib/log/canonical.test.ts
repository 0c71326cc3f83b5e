import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, isWellFormedUnicode, utf8 } from './canonical';

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
