import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeSha256 } from './node-hash';
import { secretBallotCommitment } from './secret-ballot-commitment';

const opening = { voteId: '6f1c1d0e-7c4e-4d43-9a59-0c4c3a1b2e3f', receipt: 'K7Q2-9MZD-3TXA-E8WB-PN4R', preferences: [2, 0], nonce: 'ab'.repeat(32) };

describe('secret ballot commitments', () => {
  it('is SHA-256 of the canonical JSON of domain, voteId, receipt, preferences and nonce', () => {
    const json = `{"domain":"quorate.secret-ballot/1","nonce":"${opening.nonce}","preferences":[2,0],"receipt":"${opening.receipt}","voteId":"${opening.voteId}"}`;
    expect(secretBallotCommitment(nodeSha256, opening)).toBe(createHash('sha256').update(json).digest('hex'));
  });

  it('binds every part: another ballot, receipt, order or nonce gives another commitment', () => {
    const c = secretBallotCommitment(nodeSha256, opening);
    for (const other of [
      { ...opening, preferences: [0, 2] },
      { ...opening, preferences: [2] },
      { ...opening, receipt: 'K7Q2-9MZD-3TXA-E8WB-PN4S' },
      { ...opening, voteId: opening.voteId.replace('6f', '6e') },
      { ...opening, nonce: 'ac'.repeat(32) },
    ]) {
      expect(secretBallotCommitment(nodeSha256, other)).not.toBe(c);
    }
  });

  it('cannot be matched to a published receipt line without the nonce', () => {
    // What the public has after the close: the receipt and the preferences, not the nonce.
    const c = secretBallotCommitment(nodeSha256, opening);
    const guesses = ['', '0'.repeat(64), opening.receipt].map((nonce) => secretBallotCommitment(nodeSha256, { ...opening, nonce }));
    expect(guesses).not.toContain(c);
  });
});
