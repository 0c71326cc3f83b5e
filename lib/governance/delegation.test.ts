import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicableDelegate, carriedWeights, delegationProblem, resolveRepresentation } from './delegation';
import type { Representation } from './delegation';
import type { RollEntry } from './types';

/**
 * A naive reference: walk each member's chain one step at a time, with no memo, stopping at the
 * first voter, at a step off the roll or to nobody, at a member seen before on this walk (a loop)
 * or once more than `maxDepth` delegations would be followed.
 */
function naive(roll: readonly RollEntry[], voted: ReadonlySet<string>, maxDepth: number | null): Map<string, Representation> {
  const byUser = new Map(roll.map((e) => [e.userId, e]));
  const out = new Map<string, Representation>();
  for (const e of roll) {
    if (voted.has(e.userId)) {
      out.set(e.userId, { voterUserId: e.userId, hops: 0 });
      continue;
    }
    const seen = new Set([e.userId]);
    let at = e;
    for (let hops = 1; ; hops++) {
      const next = at.delegateUserId === null ? undefined : byUser.get(at.delegateUserId);
      if (!next || (maxDepth !== null && hops > maxDepth) || seen.has(next.userId)) break;
      if (voted.has(next.userId)) {
        out.set(e.userId, { voterUserId: next.userId, hops });
        break;
      }
      seen.add(next.userId);
      at = next;
    }
  }
  return out;
}

const sorted = <V>(m: ReadonlyMap<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A roll of up to 14 members (u0…), each delegating to nobody, another member, themself or someone off the roll; who voted; a cap. */
const votes = fc
  .integer({ min: 0, max: 14 })
  .chain((n) =>
    fc.record({
      roll: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            userId: fc.constant(`u${i}`),
            weight: fc.integer({ min: 0, max: 5 }),
            delegateUserId: fc.oneof(
              { weight: 1, arbitrary: fc.constant(null) },
              { weight: 4, arbitrary: fc.integer({ min: 0, max: Math.max(0, n - 1) }).map((j) => `u${j}`) },
              { weight: 1, arbitrary: fc.constantFrom('off-roll-1', 'off-roll-2') },
            ),
          }),
        ),
      ),
      voted: fc.uniqueArray(
        fc.oneof(
          fc.integer({ min: 0, max: Math.max(0, n - 1) }).map((j) => `u${j}`),
          fc.constant('off-roll-1'),
        ),
        { maxLength: n + 1 },
      ),
      maxDepth: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    }),
  )
  .map(({ roll, voted, maxDepth }) => ({ roll: roll as RollEntry[], voted, maxDepth }));

const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

describe('resolveRepresentation / carriedWeights', () => {
  it('agrees with a naive walker of each chain, with and without a cap', () => {
    fc.assert(
      fc.property(votes, ({ roll, voted, maxDepth }) => {
        expect(sorted(resolveRepresentation(roll, new Set(voted), maxDepth))).toEqual(sorted(naive(roll, new Set(voted), maxDepth)));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts only members on the roll, each once, with a ballot of someone on the roll who voted', () => {
    fc.assert(
      fc.property(votes, ({ roll, voted, maxDepth }) => {
        const onRoll = new Set(roll.map((e) => e.userId));
        const rep = resolveRepresentation(roll, new Set(voted), maxDepth);
        for (const [userId, r] of rep) {
          expect(onRoll.has(userId)).toBe(true);
          expect(onRoll.has(r.voterUserId)).toBe(true);
          expect(voted.includes(r.voterUserId)).toBe(true);
          if (maxDepth !== null) expect(r.hops).toBeLessThanOrEqual(maxDepth);
        }
        // Each member's weight goes to exactly one ballot: the carried weights add up to the counted members' own.
        const carried = carriedWeights(roll, rep);
        const countedWeight = sum(roll.filter((e) => rep.has(e.userId)).map((e) => e.weight));
        expect(sum(carried.values())).toBe(countedWeight);
        expect(countedWeight).toBeLessThanOrEqual(sum(roll.map((e) => e.weight)));
        // Only voters carry weight.
        for (const voter of carried.keys()) expect(voted.includes(voter)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a direct vote always wins: every voter on the roll is counted with their own ballot, whoever they delegated to', () => {
    fc.assert(
      fc.property(votes, ({ roll, voted, maxDepth }) => {
        const rep = resolveRepresentation(roll, new Set(voted), maxDepth);
        for (const e of roll) if (voted.includes(e.userId)) expect(rep.get(e.userId)).toEqual({ voterUserId: e.userId, hops: 0 });
      }),
    );
  });

  it('a voter never carries less than their own weight, and never more than the whole roll', () => {
    fc.assert(
      fc.property(votes, ({ roll, voted, maxDepth }) => {
        const carried = carriedWeights(roll, resolveRepresentation(roll, new Set(voted), maxDepth));
        const total = sum(roll.map((e) => e.weight));
        for (const e of roll) if (voted.includes(e.userId)) expect(carried.get(e.userId) ?? 0).toBeGreaterThanOrEqual(e.weight);
        for (const w of carried.values()) expect(w).toBeLessThanOrEqual(total);
      }),
    );
  });

  it('members on a loop with no voter on it are not counted, nor is anyone whose chain runs into it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5 }), (loop, tail, weight) => {
        // l0 → l1 → … → l(loop-1) → l0, and t0 → t1 → … → l0; v votes and nobody delegates to them.
        const roll: RollEntry[] = [
          ...Array.from({ length: loop }, (_, i) => ({ userId: `l${i}`, weight, delegateUserId: `l${(i + 1) % loop}` })),
          ...Array.from({ length: tail }, (_, i) => ({ userId: `t${i}`, weight, delegateUserId: i + 1 < tail ? `t${i + 1}` : 'l0' })),
          { userId: 'v', weight, delegateUserId: 'l0' },
        ];
        const rep = resolveRepresentation(roll, new Set(['v']), null);
        expect(sorted(rep)).toEqual([['v', { voterUserId: 'v', hops: 0 }]]);
        expect(sorted(carriedWeights(roll, rep))).toEqual([['v', weight]]);
      }),
    );
  });

  it('a loop with a voter on it: everyone on it and leading into it is counted with that ballot', () => {
    const roll: RollEntry[] = [
      { userId: 'a', weight: 1, delegateUserId: 'b' },
      { userId: 'b', weight: 2, delegateUserId: 'c' },
      { userId: 'c', weight: 3, delegateUserId: 'a' },
      { userId: 'd', weight: 4, delegateUserId: 'a' },
    ];
    const rep = resolveRepresentation(roll, new Set(['c']), null);
    expect(sorted(rep)).toEqual([
      ['a', { voterUserId: 'c', hops: 2 }],
      ['b', { voterUserId: 'c', hops: 1 }],
      ['c', { voterUserId: 'c', hops: 0 }],
      ['d', { voterUserId: 'c', hops: 3 }],
    ]);
    expect(carriedWeights(roll, rep).get('c')).toBe(10);
    // With a cap of 2, d's chain (3 delegations) runs past it: d is not counted, the others are.
    expect(carriedWeights(roll, resolveRepresentation(roll, new Set(['c']), 2)).get('c')).toBe(6);
  });

  it('does not depend on the order of the roll, of the ballots or of the delegations', () => {
    fc.assert(
      fc.property(
        votes.chain((v) =>
          fc.record({
            v: fc.constant(v),
            rollOrder: fc.shuffledSubarray(v.roll, { minLength: v.roll.length, maxLength: v.roll.length }),
            ballotOrder: fc.shuffledSubarray(v.voted, { minLength: v.voted.length, maxLength: v.voted.length }),
          }),
        ),
        ({ v, rollOrder, ballotOrder }) => {
          const a = resolveRepresentation(v.roll, new Set(v.voted), v.maxDepth);
          const b = resolveRepresentation(rollOrder, new Set(ballotOrder), v.maxDepth);
          expect(sorted(b)).toEqual(sorted(a));
          expect(sorted(carriedWeights(rollOrder, b))).toEqual(sorted(carriedWeights(v.roll, a)));
        },
      ),
      { numRuns: 500 },
    );
  });

  // No clock here (a shared machine is no stopwatch): a walk quadratic in the chain would take billions of steps and
  // not finish within the suite's 30 s test timeout.
  it('resolves a chain of 100,000 members without overflowing the stack', () => {
    const n = 100_000;
    const roll: RollEntry[] = Array.from({ length: n }, (_, i) => ({ userId: `m${i}`, weight: 1, delegateUserId: i + 1 < n ? `m${i + 1}` : null }));
    const rep = resolveRepresentation(roll, new Set([`m${n - 1}`]), null);
    expect(rep.size).toBe(n);
    expect(rep.get('m0')).toEqual({ voterUserId: `m${n - 1}`, hops: n - 1 });
    expect(carriedWeights(roll, rep).get(`m${n - 1}`)).toBe(n);
    // Reversed order, and a loop closing the chain with nobody voting: nobody counted.
    const loop = roll.map((e, i) => ({ ...e, delegateUserId: `m${(i + 1) % n}` })).reverse();
    expect(resolveRepresentation(loop, new Set(), null).size).toBe(0);
    // A cap: only the last 10 delegators (and the voter) are counted.
    expect(resolveRepresentation(roll, new Set([`m${n - 1}`]), 10).size).toBe(11);
  });
});

describe('applicableDelegate', () => {
  const general = { typeKey: null, proposalId: null, delegateUserId: 'g' };
  const forType = { typeKey: 'budget', proposalId: null, delegateUserId: 't' };
  const forProposal = { typeKey: null, proposalId: 'p1', delegateUserId: 'p' };
  const vote = { typeKey: 'budget', proposalId: 'p1' };

  it('takes the proposal’s delegation over the type’s over the general one, in any order', () => {
    const all = [general, forType, forProposal];
    for (const order of [all, [...all].reverse(), [forType, general, forProposal]]) {
      expect(applicableDelegate(order, vote)?.delegateUserId).toBe('p');
      expect(applicableDelegate(order, { typeKey: 'budget', proposalId: 'p2' })?.delegateUserId).toBe('t');
      expect(applicableDelegate(order, { typeKey: 'resolution', proposalId: 'p2' })?.delegateUserId).toBe('g');
    }
  });

  it('ignores another type’s and another proposal’s delegations; none applies without a general one', () => {
    expect(applicableDelegate([forType, forProposal], { typeKey: 'resolution', proposalId: 'p2' })).toBeNull();
    expect(applicableDelegate([], vote)).toBeNull();
  });
});

describe('delegationProblem', () => {
  const ok = {
    delegatorUserId: 'a',
    delegateUserId: 'b',
    delegateIsMember: true,
    delegateInElectorate: true,
    allowed: true,
    votingOpened: false,
    chainFromDelegate: [] as string[],
  };

  it('accepts a delegation to a member in the electorate, allowed, before voting, with no loop', () => {
    expect(delegationProblem(ok)).toBeNull();
    expect(delegationProblem({ ...ok, chainFromDelegate: ['c', 'd'] })).toBeNull();
  });

  it('refuses each problem with its code', () => {
    expect(delegationProblem({ ...ok, delegateUserId: 'a' })).toBe('delegation.to_self');
    expect(delegationProblem({ ...ok, delegateIsMember: false })).toBe('delegation.not_member');
    expect(delegationProblem({ ...ok, allowed: false })).toBe('delegation.not_allowed');
    expect(delegationProblem({ ...ok, delegateInElectorate: false })).toBe('delegation.outside_electorate');
    expect(delegationProblem({ ...ok, votingOpened: true })).toBe('delegation.voting_open');
    expect(delegationProblem({ ...ok, chainFromDelegate: ['c', 'a'] })).toBe('delegation.would_cycle');
  });

  it('names the first problem when there are several: oneself before anything else', () => {
    expect(delegationProblem({ ...ok, delegateUserId: 'a', delegateIsMember: false, allowed: false })).toBe('delegation.to_self');
    expect(delegationProblem({ ...ok, delegateIsMember: false, votingOpened: true })).toBe('delegation.not_member');
  });
});
