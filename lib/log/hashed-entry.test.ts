import { describe, expect, it } from 'vitest';
import { canonicalEntry, sealEntry } from './entry';
import { GENESIS_HASH } from './hash';
import { readHashedEntry } from './hashed-entry';
import { nodeSha256 } from './node-hash';

const h = nodeSha256;
const fields = {
  orgId: 'org_1',
  seq: 1,
  at: '2026-01-01T00:00:00.000Z',
  actorId: null,
  kind: 'voting.closed',
  subject: 'proposal:1',
  payload: { tally: { yes: 1, no: 2 } },
};
const sealed = sealEntry(h, GENESIS_HASH, fields);
const row = { seq: 1, entry: canonicalEntry(sealed), prevHash: sealed.prevHash, hash: sealed.hash };

describe('readHashedEntry', () => {
  it('reads an intact entry from its hashed text', () => {
    expect(readHashedEntry(h, row, 'org_1')).toEqual({ entry: fields, problem: null, problemText: null });
  });

  it('shows what one changed byte says, and that it does not match its hash', () => {
    const read = readHashedEntry(h, { ...row, entry: row.entry.replace('"yes":1', '"yes":3') }, 'org_1');
    expect(read.entry?.payload).toEqual({ tally: { yes: 3, no: 2 } });
    expect(read.problem).toBe('entry #1 does not match its hash');
  });

  it('flags text that is not JSON, not canonical, numbered otherwise or of another organization', () => {
    expect(readHashedEntry(h, { ...row, entry: row.entry.slice(1) }).problem).toBe('entry #1 is not readable JSON');
    expect(readHashedEntry(h, { ...row, entry: ` ${row.entry}` }).problem).toBe('entry #1 is not in canonical form');
    expect(readHashedEntry(h, { ...row, seq: 2 }).problem).toBe('entry #2 says it is #1');
    expect(readHashedEntry(h, row, 'org_2').problem).toBe('entry #1 belongs to another organization');
    expect(readHashedEntry(h, { ...row, hash: 'x' }).problem).toBe('entry #1 does not match its hash');
  });
});
