import { describe, expect, it } from 'vitest';
import { consultsMembers, proposalAudience } from './audience';
import { findType } from './charter';
import { nonprofit, seatsOf } from './test-fixtures';
import { bodyStrength, bodyStrengths } from './strength';
import { T0 } from './test-fixtures';

const charter = nonprofit();

describe('proposalAudience', () => {
  it('the deciding bodies’ seat holders, each once, plus the members consulted', () => {
    const type = findType(charter, 'resolution');
    const seats = [
      ...seatsOf('board', 3, 2),
      { seatId: 'x', bodyKey: 'board', seatClass: 'general', holderUserId: 'user-1', vacatedAt: null },
      ...seatsOf('other', 1, 1),
    ];
    const a = proposalAudience(type, seats, ['user-1', 'm-1']);
    expect(a.seatHolders).toEqual(['user-1', 'user-2']);
    expect(a.members).toEqual(['user-1', 'm-1']);
    expect(a.recipients).toEqual(['user-1', 'user-2', 'm-1']);
  });

  it('a type consulting seat holders only reaches no plain member', () => {
    const type = { ...findType(charter, 'resolution'), consultationAudience: 'seat_holders' as const };
    expect(consultsMembers(type)).toBe(false);
    expect(proposalAudience(type, seatsOf('board', 2, 2), ['m-1'])).toEqual({
      seatHolders: ['user-1', 'user-2'],
      members: [],
      recipients: ['user-1', 'user-2'],
    });
  });
});

describe('bodyStrengths', () => {
  it('is bodyStrength of every body, keyed by body key', () => {
    const seats = [...seatsOf('board', 9, 6), ...seatsOf('members', 3, 3)];
    const all = bodyStrengths(charter, seats, T0);
    expect(Object.keys(all).sort()).toEqual(charter.bodies.map((b) => b.key).sort());
    for (const b of charter.bodies) expect(all[b.key]).toEqual(bodyStrength(b, seats, T0));
  });
});
