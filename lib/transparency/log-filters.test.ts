import { describe, expect, it } from 'vitest';
import { dateBounds, hasFilters, logQueryString, parseLogQuery } from './log-filters';

describe('parseLogQuery', () => {
  it('reads valid filters and a cursor', () => {
    const q = parseLogQuery(new URLSearchParams('kind=ballot.cast&body=board&proposal=7&from=2026-01-01&to=2026-01-31&before=120'));
    expect(q).toEqual({
      filters: { kind: 'ballot.cast', body: 'board', proposal: 7, from: '2026-01-01', to: '2026-01-31' },
      cursor: { before: 120 },
      errors: [],
    });
  });

  it('treats empty form fields as absent', () => {
    expect(parseLogQuery({ kind: '', body: ' ', proposal: '', from: '', to: '' })).toEqual({ filters: {}, cursor: {}, errors: [] });
  });

  it('drops and explains bad values instead of passing them on', () => {
    const q = parseLogQuery({ kind: "x' or 1=1", body: 'BOARD!', proposal: '-3', from: '2026-02-30', before: '0' });
    expect(q.filters).toEqual({});
    expect(q.cursor).toEqual({});
    expect(q.errors).toHaveLength(4);
  });

  it('accepts #7 for a proposal and swaps a reversed date range', () => {
    const q = parseLogQuery({ proposal: '#7', from: '2026-03-01', to: '2026-01-01' });
    expect(q.filters).toEqual({ proposal: 7, from: '2026-01-01', to: '2026-03-01' });
    expect(q.errors).toHaveLength(1);
  });

  it('uses the first value of a repeated parameter', () => {
    expect(parseLogQuery({ kind: ['ballot.cast', 'voting.closed'] }).filters.kind).toBe('ballot.cast');
  });
});

describe('logQueryString', () => {
  it('round-trips through parseLogQuery', () => {
    const filters = { kind: 'voting.closed', proposal: 3, to: '2026-01-31' };
    const s = logQueryString(filters, { after: 10 });
    expect(s).toBe('?kind=voting.closed&proposal=3&to=2026-01-31&after=10');
    expect(parseLogQuery(new URLSearchParams(s.slice(1)))).toEqual({ filters, cursor: { after: 10 }, errors: [] });
    expect(logQueryString({})).toBe('');
    expect(hasFilters({})).toBe(false);
    expect(hasFilters(filters)).toBe(true);
  });
});

describe('dateBounds', () => {
  it('makes the end date inclusive', () => {
    expect(dateBounds({ from: '2026-01-01', to: '2026-01-31' })).toEqual({
      fromAt: new Date('2026-01-01T00:00:00.000Z'),
      toBefore: new Date('2026-02-01T00:00:00.000Z'),
    });
  });
});
