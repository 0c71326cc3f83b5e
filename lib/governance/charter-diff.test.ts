import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { charterDiff } from './charter-diff';
import { charterFromTemplate, charterTemplateKeys } from './templates';

const templates = charterTemplateKeys.map((k) => charterFromTemplate(k));

describe('charterDiff', () => {
  it('says nothing when nothing changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.integer({ min: 1, max: 99 }), (t, seats) => {
        const c = structuredClone(t);
        c.bodies[0]!.charterSeats = seats;
        expect(charterDiff(c, structuredClone(c))).toEqual([]);
      }),
    );
  });

  it('says something whenever a body’s seats change', () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.integer({ min: 1, max: 99 }), (t, seats) => {
        const after = structuredClone(t);
        after.bodies[0]!.charterSeats = seats;
        expect(charterDiff(t, after).length > 0).toBe(seats !== t.bodies[0]!.charterSeats);
      }),
    );
  });

  it('says when a type’s counting method changes', () => {
    const before = charterFromTemplate('small_board');
    const after = structuredClone(before);
    after.proposalTypes.find((t) => t.key === 'board_shortlist')!.method = { key: 'meek_stv', winners: 2 };
    after.proposalTypes.find((t) => t.key === 'resolution')!.method = { key: 'approval', winners: 1, maxApprovals: 2 };
    expect(charterDiff(before, after)).toEqual([
      'Board resolution: decided yes or no → choosing one option (approval (approve one or more), at most 2 approved per ballot).',
      'Board shortlist of several options (single transferable vote): decided choosing 3 options (ranked, single transferable vote (Scottish rules)) → choosing 2 options (ranked, single transferable vote (Meek rules)).',
    ]);
  });

  it('says when a type comes to decide by consent, or stops, and when an election’s rule changes', () => {
    const before = charterFromTemplate('informal_group');
    const after = structuredClone(before);
    const resolution = after.proposalTypes.find((t) => t.key === 'decision')!;
    const consent = after.proposalTypes.find((t) => t.consent)!;
    resolution.consent = true;
    delete consent.consent;
    consent.method = { key: 'approval', winners: 2 };
    expect(charterDiff(before, after)).toEqual([
      `${resolution.name}: decided yes or no → by consent (it passes unless an objection stands at the close).`,
      `${consent.name}: decided by consent (it passes unless an objection stands at the close) → choosing 2 options (approval (approve one or more)).`,
    ]);
    expect(charterDiff(after, before)).toContain(`${resolution.name}: decided by consent (it passes unless an objection stands at the close) → yes or no.`);

    const board = charterFromTemplate('nonprofit_board');
    const meek = structuredClone(board);
    const election = meek.proposalTypes.find((t) => t.election)!;
    election.election = { rule: 'meek_stv' };
    expect(charterDiff(board, meek)).toEqual([
      `${election.name}: the election is counted by single transferable vote (Scottish rules) → single transferable vote (Meek rules).`,
    ]);
    // An election rule dropped (the charter then refuses it) or given to a yes/no type is said too.
    delete election.election;
    expect(charterDiff(board, meek)).toEqual([
      `${election.name}: decided by electing to seats (ranked ballots counted by single transferable vote (Scottish rules)) → yes or no.`,
    ]);
  });

  it('says something whenever how a type decides changes', () => {
    const ways = [{}, { consent: true as const }, { method: { key: 'irv' as const, winners: 1 } }, { election: { rule: 'meek_stv' as const } }];
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.nat(), fc.constantFrom(...ways), (t, n, way) => {
        const k = n % t.proposalTypes.length;
        const after = structuredClone(t);
        const { method, consent, election, ...rest } = after.proposalTypes[k]!;
        after.proposalTypes[k] = { ...rest, ...way };
        const same = JSON.stringify({ method, consent, election }) === JSON.stringify({ method: undefined, consent: undefined, election: undefined, ...way });
        expect(charterDiff(t, after).length > 0).toBe(!same);
      }),
    );
  });

  it('reads as sentences', () => {
    const before = charterFromTemplate('nonprofit_board');
    const after = structuredClone(before);
    const board = after.bodies[0]!;
    board.charterSeats = 7;
    board.vacancyDeadlineDays = 30;
    board.seatClassMinimums = { ...board.seatClassMinimums, tenant_delegate: 1 };
    const t = after.proposalTypes[0]!;
    t.minCommentWindowHours = 240;
    t.stages[0]!.threshold = { num: 3, den: 5, inclusive: true };
    after.proposalTypes = after.proposalTypes.filter((x) => x.effect !== 'sanction');
    const lines = charterDiff(before, after);
    expect(lines).toContain(`Board: charter seats 9 → 7.`);
    expect(lines).toContain(`Board: vacancy deadline ${before.bodies[0]!.vacancyDeadlineDays} days → 30 days.`);
    expect(lines).toContain('Board: new seat class “tenant delegate”, at least 1 seat.');
    expect(lines.some((l) => l.startsWith(`${before.proposalTypes[0]!.name}: comment window `) && l.endsWith('→ 10 days.'))).toBe(true);
    expect(lines.some((l) => l.includes('threshold') && l.includes('→ 3/5 or more of'))).toBe(true);
    for (const removed of before.proposalTypes.filter((x) => x.effect === 'sanction'))
      expect(lines).toContain(`Proposal type “${removed.name}”: removed from the charter.`);
  });

  it('names new and removed bodies', () => {
    const before = charterFromTemplate('nonprofit_board');
    const after = structuredClone(before);
    const [first, ...rest] = after.bodies;
    after.bodies = [...rest, { ...first!, key: 'council', name: 'Council', charterSeats: 1 }];
    const lines = charterDiff(before, after);
    expect(lines).toContain(`${first!.name}: removed from the charter.`);
    expect(lines).toContain('New body: Council, with 1 charter seat.');
  });
});

describe('charterDiff: added and removed bodies and types', () => {
  it('names every removed type and body, and only those', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...templates)
          .chain((c) => fc.tuple(fc.constant(c), fc.subarray(c.proposalTypes.map((t) => t.key)), fc.subarray(c.bodies.map((b) => b.key)))),
        ([before, goneTypes, goneBodies]) => {
          const after = {
            ...structuredClone(before),
            bodies: before.bodies.filter((b) => !goneBodies.includes(b.key)),
            proposalTypes: before.proposalTypes.filter((t) => !goneTypes.includes(t.key)),
          };
          const lines = charterDiff(before, after);
          const removedLines = lines.filter((l) => l.endsWith('removed from the charter.'));
          expect([...removedLines].sort()).toEqual(
            [
              ...before.bodies.filter((b) => goneBodies.includes(b.key)).map((b) => `${b.name}: removed from the charter.`),
              ...before.proposalTypes.filter((t) => goneTypes.includes(t.key)).map((t) => `Proposal type “${t.name}”: removed from the charter.`),
            ].sort(),
          );
          // Nothing else changed, so nothing else is said.
          expect(lines).toEqual(removedLines);
        },
      ),
    );
  });

  it('describes a new type by its windows and what it takes to pass', () => {
    const before = charterFromTemplate('informal_group');
    const after = structuredClone(before);
    after.proposalTypes.push({
      ...structuredClone(before.proposalTypes[0]!),
      key: 'budget',
      name: 'Budget',
      minCommentWindowHours: 168,
      stages: [
        {
          bodyKey: before.bodies[0]!.key,
          votingWindowHours: 72,
          quorum: { num: 1, den: 2, inclusive: true },
          threshold: { num: 1, den: 2, inclusive: false },
          thresholdBase: 'votes_cast',
        },
      ],
    });
    expect(charterDiff(before, after)).toEqual([
      `New proposal type: Budget. 7 days of comments, then ${before.bodies[0]!.name} votes for 3 days, quorum 1/2 or more of charter seats, passing with more than 1/2 of votes cast.`,
    ]);
  });
});
