import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEntry, entryLeafHash, entryShapeProblem, sealEntry } from './entry';
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
    const expected = createHash('sha256').update(Buffer.from([0])).update(canonicalEntry(entry)).digest('hex');
    expect(toHex(entryLeafHash(nodeSha256, entry))).toBe(expected);
  });
});
