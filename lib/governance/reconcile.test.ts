import { describe, expect, it } from 'vitest';
import { charterFromTemplate } from './charter';
import { reconcileSeats } from './reconcile';
import type { Charter } from './types';

/** Seats as the template creates them: the board's first three independent, the fourth employee representative. */
function seatsOf(bodyKey: string, n: number, held: number[]) {
  const classOf = (i: number) => (bodyKey !== 'board' ? 'general' : i < 3 ? 'independent' : i === 3 ? 'employee_representative' : 'general');
  return Array.from({ length: n }, (_, i) => ({
    seatId: `${bodyKey}-${i + 1}`,
    bodyKey,
    seatClass: classOf(i),
    holderUserId: held.includes(i + 1) ? `u${i + 1}` : null,
    vacatedAt: held.includes(i + 1) ? null : new Date(0),
    position: i + 1,
  }));
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
    expect(r).toEqual({ ok: true, plan: { add: [{ bodyKey: 'board', seatClass: 'general', count: 2 }], retire: [], reclassify: [] } });
  });
  it('retires the highest vacant seats when it shrinks', () => {
    const r = reconcileSeats(withBoardSeats(7), [...seatsOf('board', 9, [1, 2, 9]), ...assembly]);
    expect(r.ok && r.plan.retire).toEqual(['board-8', 'board-7']);
  });
  it('adds seats of a class whose minimum was raised, then reclassifies vacant general seats', () => {
    // Raised from 3 to 6 independent directors while growing by 2: two new independent seats,
    // and one vacant general seat (the lowest, seat 5) becomes independent.
    const c = withBoardSeats(11);
    c.bodies[0]!.seatClassMinimums = { independent: 6, employee_representative: 1 };
    const r = reconcileSeats(c, [...seatsOf('board', 9, [1, 2, 3, 4, 6]), ...assembly]);
    expect(r).toEqual({
      ok: true,
      plan: { add: [{ bodyKey: 'board', seatClass: 'independent', count: 2 }], retire: [], reclassify: [{ seatId: 'board-5', seatClass: 'independent' }] },
    });
  });
  it('never reclassifies a held seat: a minimum that only held seats could meet is refused', () => {
    const c = withBoardSeats(9);
    c.bodies[0]!.seatClassMinimums = { independent: 8, employee_representative: 1 };
    const r = reconcileSeats(c, [...seatsOf('board', 9, [1, 2, 3, 4, 5, 6, 7, 8, 9])]);
    expect(r).toMatchObject({ ok: false, code: 'amendment.class_minimum_unreachable' });
  });
  it('never unseats a holder', () => {
    const r = reconcileSeats(withBoardSeats(3), [...seatsOf('board', 9, [1, 2, 3, 4, 5]), ...assembly]);
    expect(r).toMatchObject({ ok: false, code: 'amendment.retires_held_seats', params: { held: 5 } });
  });
  it('refuses to drop a body whose seats are held', () => {
    const c = charterFromTemplate('nonprofit_board');
    const r = reconcileSeats({ ...c, bodies: c.bodies.filter((b) => b.key === 'board') }, [...seatsOf('board', 9, []), ...seatsOf('members', 25, [4])]);
    expect(r.ok).toBe(false);
  });
});
