import { describe, expect, it } from 'vitest';
import { charterFromTemplate } from './charter';
import { reconcileSeats } from './reconcile';
import type { Charter } from './types';

function seatsOf(bodyKey: string, n: number, held: number[]) {
  return Array.from({ length: n }, (_, i) => ({ seatId: `${bodyKey}-${i + 1}`, bodyKey, seatClass: 'general', holderUserId: held.includes(i + 1) ? `u${i + 1}` : null, vacatedAt: held.includes(i + 1) ? null : new Date(0), position: i + 1 }));
}

function withBoardSeats(n: number): Charter {
  const c = charterFromTemplate('nonprofit_board');
  c.bodies[0]!.charterSeats = n;
  c.bodies[0]!.minSeatsForCriticalDecisions = Math.min(c.bodies[0]!.minSeatsForCriticalDecisions, n);
  return c;
}

describe('reconcileSeats', () => {
  const assembly = seatsOf('members', 25, []);
  it('adds vacant seats when a body grows', () => {
    const r = reconcileSeats(withBoardSeats(11), [...seatsOf('board', 9, [1, 2, 3]), ...assembly]);
    expect(r).toEqual({ ok: true, plan: { add: [{ bodyKey: 'board', seatClass: 'general', count: 2 }], retire: [] } });
  });
  it('retires the highest vacant seats when it shrinks', () => {
    const r = reconcileSeats(withBoardSeats(7), [...seatsOf('board', 9, [1, 2, 9]), ...assembly]);
    expect(r.ok && r.plan.retire).toEqual(['board-8', 'board-7']);
  });
  it('never unseats a holder', () => {
    const r = reconcileSeats(withBoardSeats(3), [...seatsOf('board', 9, [1, 2, 3, 4, 5]), ...assembly]);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/5 are held/) });
  });
  it('refuses to drop a body whose seats are held', () => {
    const c = charterFromTemplate('nonprofit_board');
    const r = reconcileSeats({ ...c, bodies: c.bodies.filter((b) => b.key === 'board') }, [...seatsOf('board', 9, []), ...seatsOf('members', 25, [4])]);
    expect(r.ok).toBe(false);
  });
});
