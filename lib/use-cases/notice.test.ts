import { describe, expect, it } from 'vitest';
import { coverageText, noticeCoverage } from './notice';

const row = (recipientUserId: string, status: string, kind = 'proposal_published') => ({ kind, recipientUserId, status });

describe('notice coverage', () => {
  it('counts each recipient once, by the fate of their notice', () => {
    const c = noticeCoverage([...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((u) => row(u, 'sent')), row('h', 'pending'), row('i', 'dead')]);
    expect(c.publication).toEqual({ queued: 9, delivered: 7, pending: 1, failed: 1 });
    expect(c.reply).toBeNull();
    expect(coverageText(c.publication, 9)).toBe('7 of 9 seat holders reached, 1 pending, 1 failed');
  });

  it('keeps the right of reply apart and names seat holders without a notice', () => {
    const c = noticeCoverage([row('a', 'sent'), row('s', 'dead', 'right_of_reply')]);
    expect(c.reply).toEqual({ queued: 1, delivered: 0, pending: 0, failed: 1 });
    expect(coverageText(c.publication, 3)).toBe('1 of 3 seat holders reached, 2 with no notice on record');
    expect(coverageText({ queued: 1, delivered: 1, pending: 0, failed: 0 }, 1)).toBe('1 of 1 seat holder reached');
  });
});
