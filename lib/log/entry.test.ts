import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';
import { canonicalEntry, entryLeafHash, entryShapeProblem, sealEntry, tryCanonicalEntry } from './entry';
import type { LogEntry } from './entry';
import { GENESIS_HASH, toHex } from './hash';
import { nodeSha256 } from './node-hash';

const entry: LogEntry = {
  orgId: 'org_1',
  seq: 1,
  at: '2025-03-01T09:30:00.000Z',
  actorId: 'user_7',
  kind: 'proposal.adopted',
  subject: 'proposal_3',
  payload: { votesFor: 12, votesAgainst: 3, title: 'Adopt the charter', seats: ['chair', 'treasurer'] },
};

describe('canonicalEntry', () => {
  it('is the RFC 8785 form of exactly the LogEntry fields', () => {
    expect(canonicalEntry(entry)).toBe(
      '{"actorId":"user_7","at":"2025-03-01T09:30:00.000Z","kind":"proposal.adopted","orgId":"org_1",' +
        '"payload":{"seats":["chair","treasurer"],"title":"Adopt the charter","votesAgainst":3,"votesFor":12},' +
        '"seq":1,"subject":"proposal_3"}',
    );
  });

  it('ignores prevHash, hash and any other extra property', () => {
    const stored = { ...sealEntry(nodeSha256, GENESIS_HASH, entry), extra: 'ignored' };
    expect(canonicalEntry(stored)).toBe(canonicalEntry(entry));
  });

  it('keeps nulls (a missing actor is recorded, not omitted)', () => {
    expect(canonicalEntry({ ...entry, actorId: null, subject: null })).toContain('"actorId":null');
  });

  it.each<[string, Partial<Record<keyof LogEntry, unknown>>]>([
    ['seq 0', { seq: 0 }],
    ['a fractional seq', { seq: 1.5 }],
    ['a non-UTC time', { at: '2025-03-01T10:30:00.000+01:00' }],
    ['a time without milliseconds', { at: '2025-03-01T09:30:00Z' }],
    ['an impossible date', { at: '2025-02-30T09:30:00.000Z' }],
    ['29 February in a common year', { at: '2025-02-29T09:30:00.000Z' }],
    ['29 February 1900 (not a leap year)', { at: '1900-02-29T09:30:00.000Z' }],
    ['31 April', { at: '2025-04-31T09:30:00.000Z' }],
    ['month 13', { at: '2025-13-01T09:30:00.000Z' }],
    ['hour 24', { at: '2025-03-01T24:00:00.000Z' }],
    ['an empty kind', { kind: '' }],
    ['an empty orgId', { orgId: '' }],
    ['an undefined actor', { actorId: undefined }],
    ['an array payload', { payload: [] }],
    ['a float in the payload', { payload: { share: 0.5 } }],
  ])('rejects %s', (_label, change) => {
    expect(() => canonicalEntry({ ...entry, ...change } as LogEntry)).toThrow();
  });

  it('accepts every timestamp Date#toISOString produces, leap days included', () => {
    for (const at of ['2024-02-29T00:00:00.000Z', '2000-02-29T23:59:59.999Z', '2025-12-31T23:59:59.999Z']) {
      expect(entryShapeProblem({ ...entry, at }), at).toBeNull();
    }
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
        expect(entryShapeProblem({ ...entry, at: d.toISOString() })).toBeNull();
      }),
    );
  });

  it('entryShapeProblem names the field', () => {
    expect(entryShapeProblem({ ...entry, kind: 7 })).toMatch(/kind/);
    expect(entryShapeProblem(null)).toMatch(/not an object/);
    expect(entryShapeProblem(entry)).toBeNull();
  });
});

// The regex check `at` had before it was written out by hand, as the reference it must match.
function referenceIsIsoUtc(at: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/.exec(at);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= daysInMonth;
}

/** The value's result or the error it raises, so results and failures compare alike. */
function outcome(f: () => string): string {
  try {
    return `ok ${f()}`;
  } catch (error) {
    return `error ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe('tryCanonicalEntry (the verifier hot path)', () => {
  // Field values near and across the edges of what an entry may hold: escapes, astral pairs,
  // lone surrogates, empty strings, wrong types, timestamps one character off.
  const text = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.constantFrom('', 'a"b', 'c\\d', 'tab\there', '\u0001', 'Zoë', '\ud83d\ude00', '\ud800', 'x\udfff', '\u2028'),
  );
  const at = fc.oneof(
    fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc
      .tuple(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.nat(23),
        fc.constantFrom('0', '9', 'a', '-', ':', '٣', ' ', ''),
      )
      .map(([d, i, c]) => {
        const iso = d.toISOString();
        return iso.slice(0, i) + c + iso.slice(i + 1);
      }),
    // Every field in and just past its range, in the right layout.
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.nat(19), fc.nat(39), fc.nat(29), fc.nat(69), fc.nat(69)).map(([y, ...rest]) => {
      const [mo, d, h, mi, se] = rest.map((x) => String(x).padStart(2, '0'));
      return `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${se}.000Z`;
    }),
    fc.constantFrom(
      '2025-02-29T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
      '2025-04-31T00:00:00.000Z',
      '2025-00-10T00:00:00.000Z',
      '2025-01-00T00:00:00.000Z',
      '2025-01-01T24:00:00.000Z',
      '2025-01-01T23:60:00.000Z',
      '2025-01-01T23:59:60.000Z',
      '2025-01-01T00:00:00Z',
      '+02025-01-01T00:00:00.000Z',
    ),
  );
  const field = <T>(valid: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, 7, 1.5, true, [], {}, '') });
  const json = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.constantFrom(0.5, 2 ** 53),
      text,
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(text, tie('v'), { maxKeys: 4 }),
    ),
  })).v;
  const candidate = fc.record({
    orgId: field(text),
    seq: field(fc.oneof(fc.integer({ min: -2, max: 1_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER))),
    at: field(at),
    actorId: field(fc.option(text)),
    kind: field(text),
    subject: field(fc.option(text)),
    payload: field(fc.dictionary(text, json, { maxKeys: 5 })),
    prevHash: fc.constant(GENESIS_HASH),
    hash: fc.string(),
  });

  it('gives canonicalJson of exactly the seven fields, or the shape or canonical-JSON problem', () => {
    fc.assert(
      fc.property(candidate, (value) => {
        const { orgId, seq, at: time, actorId, kind, subject, payload } = value;
        const shape = entryShapeProblem(value);
        const expected = shape !== null ? `error ${shape}` : outcome(() => canonicalJson({ orgId, seq, at: time, actorId, kind, subject, payload }));
        const result = tryCanonicalEntry(value);
        expect(result.ok ? `ok ${result.canonical}` : `error ${result.problem}`).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts exactly the timestamps the regex check accepted', () => {
    fc.assert(
      fc.property(at, (time) => {
        expect(entryShapeProblem({ ...entry, at: time }) === null).toBe(referenceIsIsoUtc(time));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('sealEntry', () => {
  it('links to prevHash and hashes prev ‖ canonical entry', () => {
    const sealed = sealEntry(nodeSha256, GENESIS_HASH, entry);
    const expected = createHash('sha256').update(Buffer.alloc(32)).update(canonicalEntry(entry)).digest('hex');
    expect(sealed.prevHash).toBe(GENESIS_HASH);
    expect(sealed.hash).toBe(expected);
    const second = sealEntry(nodeSha256, sealed.hash, { ...entry, seq: 2 });
    expect(second.prevHash).toBe(sealed.hash);
  });

  it('stores a copy of the payload, so later mutation cannot desynchronize it from the hash', () => {
    const payload: Record<string, unknown> = { count: 1 };
    const sealed = sealEntry(nodeSha256, GENESIS_HASH, { ...entry, payload });
    payload.count = 2;
    expect(sealed.payload).toEqual({ count: 1 });
  });

  it('entryLeafHash is SHA-256(0x00 ‖ canonical entry)', () => {
    const expected = createHash('sha256')
      .update(Buffer.from([0]))
      .update(canonicalEntry(entry))
      .digest('hex');
    expect(toHex(entryLeafHash(nodeSha256, entry))).toBe(expected);
  });
});
