import { describe, expect, it } from 'vitest';
import { webhookBody } from './payload';

describe('webhook body', () => {
  it('is the canonical entry’s public fields, typed by its kind', () => {
    const entry = JSON.stringify({
      actorId: 'u1',
      at: '2026-06-01T12:00:00.000Z',
      kind: 'ballot.cast',
      orgId: 'o1',
      payload: { commitment: 'abc', number: 7 },
      seq: 42,
      subject: 'proposal:p1',
    });
    expect(webhookBody('acme', entry)).toEqual({
      type: 'ballot.cast',
      timestamp: '2026-06-01T12:00:00.000Z',
      data: {
        organization: { id: 'o1', slug: 'acme' },
        seq: 42,
        at: '2026-06-01T12:00:00.000Z',
        kind: 'ballot.cast',
        subject: 'proposal:p1',
        actorId: 'u1',
        payload: { commitment: 'abc', number: 7 },
      },
    });
  });
});
