import { describe, expect, it } from 'vitest';
import { sealEntry } from './entry';
import type { LogEntry, StoredEntry } from './entry';
import { GENESIS_HASH } from './hash';
import { nodeSha256 } from './node-hash';
import { checkCharterReferences } from './verify-charter';
import { verifyLog } from './verify';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);

function entry(seq: number, kind: string, payload: Record<string, unknown>): LogEntry {
  return { orgId: 'org_1', seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(), actorId: null, kind, subject: null, payload };
}

function chain(entries: LogEntry[]): StoredEntry[] {
  const out: StoredEntry[] = [];
  for (const e of entries) out.push(sealEntry(nodeSha256, out.at(-1)?.hash ?? GENESIS_HASH, e));
  return out;
}

const adopted = [
  entry(1, 'charter.adopted', { version: 1, documentHash: H1 }),
  entry(2, 'charter.amended', { version: 2, documentHash: H2, proposalNumber: 1 }),
];

describe('decisions name the charter they ran under', () => {
  it('accepts a decision naming an adopted version with its hash, and old entries without the fields', async () => {
    const log = chain([
      ...adopted,
      entry(3, 'voting.closed', { number: 2, charterVersion: 2, charterDocumentHash: H2 }),
      entry(4, 'proposal.decided', { number: 2, outcome: 'passed', charterVersion: 2, charterDocumentHash: H2 }),
      entry(5, 'proposal.decided', { number: 1, outcome: 'passed' }),
    ]);
    const report = await verifyLog({ entries: log });
    expect(report.problems).toEqual([]);
  });

  it('reports a forged hash at the deciding entry, even though the chain is re-sealed around it', async () => {
    const log = chain([...adopted, entry(3, 'proposal.decided', { number: 2, outcome: 'passed', charterVersion: 2, charterDocumentHash: H1 })]);
    const report = await verifyLog({ entries: log });
    expect(report.ok).toBe(false);
    expect(report.firstBadSeq).toBe(3);
    expect(report.problems).toEqual([
      expect.objectContaining({ seq: 3, kind: 'charter_mismatch', message: expect.stringContaining(`adopted with hash ${H2}`) }),
    ]);
  });

  it('reports a version never adopted, or adopted only later in the log', () => {
    const later = [
      entry(1, 'charter.adopted', { version: 1, documentHash: H1 }),
      entry(2, 'proposal.decided', { number: 1, charterVersion: 2, charterDocumentHash: H2 }),
      entry(3, 'charter.amended', { version: 2, documentHash: H2 }),
    ];
    expect(checkCharterReferences(later)).toEqual([
      expect.objectContaining({ seq: 2, kind: 'charter_mismatch', message: expect.stringContaining('no earlier entry adopted that version') }),
    ]);
  });

  it('reports a decision naming only half of its charter', () => {
    const half = [...adopted, entry(3, 'proposal.decided', { number: 3, charterVersion: 2 })];
    expect(checkCharterReferences(half)).toEqual([expect.objectContaining({ seq: 3, kind: 'charter_mismatch' })]);
  });

  it('never throws on junk', () => {
    expect(
      checkCharterReferences([
        null,
        3,
        'x',
        { kind: 'proposal.decided', payload: [] },
        { kind: 'proposal.decided', payload: { charterVersion: 1, charterDocumentHash: H1 } },
      ]),
    ).toHaveLength(1);
  });
});
