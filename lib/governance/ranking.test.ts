import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RankingState, Step } from './ranking';
import {
  announcement,
  decodePreferences,
  encodePreferences,
  moveDown,
  moveTo,
  moveToSlot,
  moveUp,
  preferencesFromRankSelects,
  rank,
  rankSelectName,
  readRankedBallot,
  startRanking,
  unrank,
} from './ranking';

const names = ['Ada', 'Bo', 'Cy', 'Di'];
const state = (ranked: number[], unranked: number[]): RankingState => ({ ranked, unranked });

describe('ranking moves', () => {
  it('starts with the valid initial ids ranked and the rest in ballot-paper order', () => {
    expect(startRanking(4, [2, 9, 2, -1, 0])).toEqual(state([2, 0], [1, 3]));
    expect(startRanking(3)).toEqual(state([], [0, 1, 2]));
  });

  it('adds at the end and removes back to ballot-paper order', () => {
    const added = rank(state([2], [0, 1, 3]), 1);
    expect(added).toEqual({ state: state([2, 1], [0, 3]), move: { kind: 'added', id: 1, position: 2, of: 2 } });
    const removed = unrank(added.state, 2);
    expect(removed).toEqual({ state: state([1], [0, 2, 3]), move: { kind: 'removed', id: 2, of: 1 } });
  });

  it('moves up and down one place, and stays put at either end', () => {
    const s = state([0, 1, 2], [3]);
    expect(moveUp(s, 2)).toEqual({ state: state([0, 2, 1], [3]), move: { kind: 'moved', id: 2, from: 3, position: 2, of: 3 } });
    expect(moveDown(s, 0)).toEqual({ state: state([1, 0, 2], [3]), move: { kind: 'moved', id: 0, from: 1, position: 2, of: 3 } });
    expect(moveUp(s, 0)).toEqual({ state: s, move: { kind: 'stayed', id: 0, position: 1, of: 3 } });
    expect(moveDown(s, 2)).toEqual({ state: s, move: { kind: 'stayed', id: 2, position: 3, of: 3 } });
  });

  it('drops a candidate at an index, clamped to the ranking, whether it was ranked or not', () => {
    const s = state([0, 1, 2], [3]);
    expect(moveTo(s, 2, 0).state.ranked).toEqual([2, 0, 1]);
    expect(moveTo(s, 0, 99).state.ranked).toEqual([1, 2, 0]);
    expect(moveTo(s, 3, 1)).toEqual({ state: state([0, 3, 1, 2], []), move: { kind: 'added', id: 3, position: 2, of: 4 } });
    expect(moveTo(s, 3, -5).state.ranked).toEqual([3, 0, 1, 2]);
  });

  it('drops a candidate into the gap before a slot of the ranking as it was', () => {
    const s = state([0, 1, 2], [3]);
    expect(moveToSlot(s, 0, 2).state.ranked).toEqual([1, 0, 2]);
    expect(moveToSlot(s, 0, 3).state.ranked).toEqual([1, 2, 0]);
    expect(moveToSlot(s, 2, 0).state.ranked).toEqual([2, 0, 1]);
    expect(moveToSlot(s, 1, 1)).toEqual({ state: s, move: { kind: 'stayed', id: 1, position: 2, of: 3 } });
    expect(moveToSlot(s, 1, 2)).toEqual({ state: s, move: { kind: 'stayed', id: 1, position: 2, of: 3 } });
    expect(moveToSlot(s, 3, 3).state.ranked).toEqual([0, 1, 2, 3]);
  });

  it('does nothing, and says so with a null move, when the id is not where the move needs it', () => {
    const s = state([0], [1, 2]);
    for (const step of [rank(s, 0), rank(s, 7), unrank(s, 1), moveUp(s, 1), moveDown(s, 2), moveTo(s, 9, 0)]) expect(step).toEqual({ state: s, move: null });
  });
});

describe('announcement', () => {
  it('says each move in a plain sentence', () => {
    expect(announcement({ kind: 'moved', id: 0, from: 1, position: 2, of: 4 }, names)).toBe('Ada moved to position 2 of 4.');
    expect(announcement({ kind: 'added', id: 0, position: 3, of: 3 }, names)).toBe('Ada added as choice 3.');
    expect(announcement({ kind: 'removed', id: 0, of: 2 }, names)).toBe('Ada removed from your ranking.');
    expect(announcement({ kind: 'stayed', id: 1, position: 1, of: 3 }, names)).toBe('Bo is already your first choice.');
    expect(announcement({ kind: 'stayed', id: 1, position: 3, of: 3 }, names)).toBe('Bo is already your last choice.');
    expect(announcement({ kind: 'stayed', id: 1, position: 1, of: 1 }, names)).toBe('Bo stays at position 1 of 1.');
  });
});

describe('encoded preferences', () => {
  it('encode as comma-separated ids', () => {
    expect(encodePreferences([3, 0, 5])).toBe('3,0,5');
    expect(encodePreferences([])).toBe('');
  });

  it.each([
    ['3, 0,5', 6, { ok: true, preferences: [3, 0, 5] }],
    ['', 3, { ok: true, preferences: [] }],
    ['1,,2', 3, { ok: false, problem: 'The ranking could not be read: it should list candidates separated by commas.' }],
    ['1,x', 3, { ok: false, problem: 'The ranking could not be read: it should list candidates separated by commas.' }],
    ['-1', 3, { ok: false, problem: 'The ranking could not be read: it should list candidates separated by commas.' }],
    ['01', 3, { ok: false, problem: 'The ranking could not be read: it should list candidates separated by commas.' }],
    ['1.5', 3, { ok: false, problem: 'The ranking could not be read: it should list candidates separated by commas.' }],
    ['0,3', 3, { ok: false, problem: 'The ranking names a candidate who is not on this ballot.' }],
    ['99999999999999999999', 3, { ok: false, problem: 'The ranking could not be read: it should list candidates separated by commas.' }],
    ['2,0,2', 3, { ok: false, problem: 'The ranking names the same candidate more than once.' }],
  ])('decode %j (of %i candidates)', (text, count, expected) => {
    expect(decodePreferences(text, count)).toEqual(expected);
  });

  it('never throw, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 20 }), (text, n) => {
        const read = decodePreferences(text, n);
        if (read.ok) for (const id of read.preferences) expect(id).toBeLessThan(n);
      }),
    );
  });
});

const selects = (ranks: Record<number, string>, count: number, name = 'vote') =>
  Object.fromEntries(Array.from({ length: count }, (_, id) => [rankSelectName(name, id), ranks[id] ?? '']));

describe('the no-script rank fields', () => {
  it('read in rank order, skipping candidates left unranked', () => {
    expect(preferencesFromRankSelects(selects({ 0: '2', 2: '1' }, 4), 'vote', 4)).toEqual({ ok: true, preferences: [2, 0] });
    expect(preferencesFromRankSelects(selects({}, 3), 'vote', 3)).toEqual({ ok: true, preferences: [] });
    expect(preferencesFromRankSelects({ 'vote.rank.1': '1' }, 'vote', 3)).toEqual({ ok: true, preferences: [1] });
  });

  it('refuse a shared rank, a gap, and a rank out of range', () => {
    expect(preferencesFromRankSelects(selects({ 0: '1', 1: '2', 3: '2' }, 4), 'vote', 4)).toEqual({ ok: false, problem: 'Two candidates share rank 2.' });
    expect(preferencesFromRankSelects(selects({ 0: '1', 1: '1', 2: '1' }, 3), 'vote', 3)).toEqual({ ok: false, problem: 'Three candidates share rank 1.' });
    expect(preferencesFromRankSelects(selects({ 0: '1', 1: '3' }, 4), 'vote', 4)).toEqual({ ok: false, problem: 'Rank 3 is given but rank 2 is missing.' });
    expect(preferencesFromRankSelects(selects({ 0: '2' }, 4), 'vote', 4)).toEqual({ ok: false, problem: 'Rank 2 is given but rank 1 is missing.' });
    expect(preferencesFromRankSelects(selects({ 0: '5' }, 4), 'vote', 4)).toEqual({ ok: false, problem: 'A rank must be a number from 1 to 4.' });
    expect(preferencesFromRankSelects(selects({ 0: '—' }, 4), 'vote', 4)).toEqual({ ok: false, problem: 'A rank must be a number from 1 to 4.' });
  });

  it('read back any ranking they were filled in from', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }))),
        ([n, ranking]) => {
          const ranks = Object.fromEntries(ranking.map((id, i) => [id, String(i + 1)]));
          expect(preferencesFromRankSelects(selects(ranks, n), 'vote', n)).toEqual({ ok: true, preferences: ranking });
        },
      ),
    );
  });

  it('are what a posted form is read from when present; otherwise the encoded field is', () => {
    expect(readRankedBallot({ vote: '1,0', ...selects({ 2: '1' }, 3) }, 'vote', 3)).toEqual({ ok: true, preferences: [2] });
    expect(readRankedBallot({ vote: '1,0' }, 'vote', 3)).toEqual({ ok: true, preferences: [1, 0] });
    expect(readRankedBallot({}, 'vote', 3)).toEqual({ ok: true, preferences: [] });
  });
});

type Command = { kind: 'rank' | 'unrank' | 'up' | 'down'; id: number } | { kind: 'to'; id: number; index: number };

function apply(s: RankingState, c: Command): Step {
  if (c.kind === 'to') return moveTo(s, c.id, c.index);
  return { rank, unrank, up: moveUp, down: moveDown }[c.kind](s, c.id);
}

/** n candidates, a starting ranking, and moves naming valid ids (mostly) and a few unknown ones. */
const scenario = fc.integer({ min: 1, max: 7 }).chain((n) => {
  const id = fc.integer({ min: -1, max: n });
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ kind: fc.constantFrom('rank' as const, 'unrank' as const, 'up' as const, 'down' as const), id }),
    fc.record({ kind: fc.constant('to' as const), id, index: fc.integer({ min: -2, max: n + 2 }) }),
  );
  return fc.record({
    n: fc.constant(n),
    initial: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }),
    commands: fc.array(command, { maxLength: 30 }),
  });
});

describe('a drop into a gap', () => {
  it('puts the candidate after everyone ranked before the gap and before everyone ranked after it', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.nat(), ({ n, initial }, pick, at) => {
        const s = startRanking(n, initial);
        const id = pick % n;
        const slot = at % (s.ranked.length + 1);
        const { ranked } = moveToSlot(s, id, slot).state;
        const where = ranked.indexOf(id);
        for (const before of s.ranked.slice(0, slot)) if (before !== id) expect(ranked.indexOf(before)).toBeLessThan(where);
        for (const after of s.ranked.slice(slot)) if (after !== id) expect(ranked.indexOf(after)).toBeGreaterThan(where);
      }),
    );
  });
});

describe('any sequence of moves', () => {
  it('keeps ranked and unranked together a permutation of all ids, the unranked in ballot-paper order', () => {
    fc.assert(
      fc.property(scenario, ({ n, initial, commands }) => {
        let s = startRanking(n, initial);
        for (const c of commands) {
          const step = apply(s, c);
          s = step.state;
          expect([...s.ranked, ...s.unranked].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
          expect(s.unranked).toEqual([...s.unranked].sort((a, b) => a - b));
          if (step.move && step.move.kind !== 'removed') {
            expect(s.ranked[step.move.position - 1]).toBe(c.id);
            expect(step.move.of).toBe(s.ranked.length);
          }
          if (step.move?.kind === 'removed') expect(s.unranked).toContain(c.id);
        }
      }),
    );
  });

  it('change nothing but the moved candidate: the others keep their order', () => {
    fc.assert(
      fc.property(scenario, ({ n, initial, commands }) => {
        let s = startRanking(n, initial);
        for (const c of commands) {
          const next = apply(s, c).state;
          expect(next.ranked.filter((x) => x !== c.id)).toEqual(s.ranked.filter((x) => x !== c.id));
          s = next;
        }
      }),
    );
  });

  it('encode to text that decodes to the same ranking', () => {
    fc.assert(
      fc.property(scenario, ({ n, initial, commands }) => {
        const s = commands.reduce((acc, c) => apply(acc, c).state, startRanking(n, initial));
        expect(decodePreferences(encodePreferences(s.ranked), n)).toEqual({ ok: true, preferences: s.ranked });
      }),
    );
  });
});
