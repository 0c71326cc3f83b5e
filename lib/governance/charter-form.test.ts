import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { charterFromTemplate, charterTemplateKeys } from './templates';
import { bodyField, bodySection, charterFromForm, charterToForm, classField, stageField, typeField } from './charter-form';
import type { Charter } from './types';

const templates = charterTemplateKeys.map((k) => charterFromTemplate(k));

/** A template with random whole numbers where the editor has fields: any charter the form can show. */
const charterArb: fc.Arbitrary<Charter> = fc
  .record({
    t: fc.constantFrom(...templates),
    seats: fc.integer({ min: 1, max: 500 }),
    days: fc.integer({ min: 1, max: 3650 }),
    hours: fc.integer({ min: 1, max: 2000 }),
    num: fc.integer({ min: 1, max: 9 }),
    den: fc.integer({ min: 1, max: 9 }),
    inclusive: fc.boolean(),
    base: fc.constantFrom('votes_cast' as const, 'charter_seats' as const),
  })
  .map(({ t, seats, days, hours, num, den, inclusive, base }) => {
    const c = structuredClone(t);
    c.bodies[0]!.charterSeats = seats;
    c.bodies[0]!.vacancyDeadlineDays = days;
    c.proposalTypes[0]!.minCommentWindowHours = hours;
    c.proposalTypes[0]!.stages[0] = { ...c.proposalTypes[0]!.stages[0]!, threshold: { num, den, inclusive }, thresholdBase: base };
    return c;
  });

describe('charterFromForm', () => {
  it('gives back the charter its own form was built from', () => {
    fc.assert(
      fc.property(charterArb, (c) => {
        const r = charterFromForm(charterToForm(c), c);
        expect(r.charter).toEqual(c);
      }),
    );
  });

  it('shows seat classes in words and keeps their stored keys, even odd ones', () => {
    const c = charterFromTemplate('nonprofit_board');
    c.bodies[0]!.seatClassMinimums = { 'Employee-Rep': 1, independent: 2 };
    const f = charterToForm(c);
    expect(f[classField(0, 0, 'key')]).toBe('Employee Rep');
    expect(charterFromForm(f, c).charter).toEqual(c);
  });

  it('keeps every current value when the form sends nothing', () => {
    for (const c of templates) expect(charterFromForm({}, c)).toEqual({ ok: true, charter: c });
  });

  it('changes the board’s seats and a stage’s threshold', () => {
    const c = charterFromTemplate('nonprofit_board');
    const f = {
      ...charterToForm(c),
      [bodyField(0, 'seats')]: ' 11 ',
      [stageField(0, 0, 'tn')]: '3',
      [stageField(0, 0, 'td')]: '5',
      [stageField(0, 0, 'ti')]: 'more_than',
    };
    const r = charterFromForm(f, c);
    expect(r.ok).toBe(true);
    expect(r.charter!.bodies[0]!.charterSeats).toBe(11);
    expect(r.charter!.proposalTypes[0]!.stages[0]!.threshold).toEqual({ num: 3, den: 5, inclusive: false });
    expect(c.bodies[0]!.charterSeats).toBe(9); // the current charter is not touched
  });

  it('adds a seat class from the empty row and removes one whose name is cleared', () => {
    const c = charterFromTemplate('nonprofit_board');
    const classes = Object.keys(c.bodies[0]!.seatClassMinimums);
    const f = {
      ...charterToForm(c),
      [classField(0, 0, 'key')]: '',
      [classField(0, classes.length, 'key')]: 'Tenant Delegate',
      [classField(0, classes.length, 'min')]: '1',
    };
    const r = charterFromForm(f, c);
    expect(r.ok).toBe(true);
    const after = r.charter!.bodies[0]!.seatClassMinimums;
    expect(after[classes[0]!]).toBeUndefined();
    expect(after.tenant_delegate).toBe(1);
  });

  it('puts bad numbers beside their fields in plain words, and builds nothing', () => {
    const c = charterFromTemplate('nonprofit_board');
    const f = {
      ...charterToForm(c),
      [bodyField(0, 'seats')]: 'seven',
      [typeField(0, 'comment')]: '',
      [stageField(0, 0, 'qd')]: '0',
      [typeField(0, 'name')]: '  ',
    };
    const r = charterFromForm(f, c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.charter).toBeNull();
    expect(r.fieldErrors[bodyField(0, 'seats')]![0]).toMatch(/must be a whole number/);
    expect(r.fieldErrors[typeField(0, 'comment')]![0]).toMatch(/^Enter /);
    expect(r.fieldErrors[stageField(0, 0, 'qd')]![0]).toMatch(/at least 1/);
    expect(r.fieldErrors[typeField(0, 'name')]![0]).toMatch(/^Enter the name/);
  });

  it('refuses a class name that is not a name, and the same class twice', () => {
    const c = charterFromTemplate('nonprofit_board');
    const n = Object.keys(c.bodies[0]!.seatClassMinimums).length;
    const first = Object.keys(c.bodies[0]!.seatClassMinimums)[0]!;
    const bad = charterFromForm({ ...charterToForm(c), [classField(0, n, 'key')]: '1; drop', [classField(0, n, 'min')]: '1' }, c);
    expect(bad.ok).toBe(false);
    const twice = charterFromForm({ ...charterToForm(c), [classField(0, n, 'key')]: first.replace(/_/g, ' '), [classField(0, n, 'min')]: '1' }, c);
    expect(twice.ok || twice.fieldErrors[classField(0, n, 'key')]).toEqual([expect.stringMatching(/already has a seat class/)]);
  });

  it('runs the charter’s own validation and puts its sentences beside the body or type', () => {
    const c = charterFromTemplate('nonprofit_board');
    const amendment = c.proposalTypes.findIndex((t) => t.effect === 'charter_amendment');
    const f = { ...charterToForm(c), [bodyField(0, 'seats')]: '2', [stageField(amendment, 0, 'tn')]: '1', [stageField(amendment, 0, 'td')]: '2' };
    const r = charterFromForm(f, c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors[bodySection(0)]!.join(' ')).toMatch(/The Board .*seats/);
    expect(r.fieldErrors[`ch.t${amendment}`]!.join(' ')).toMatch(/at least 2\/3 of charter seats/);
  });

  it('refuses an unknown threshold base or comparison', () => {
    const c = charterFromTemplate('informal_group');
    const r = charterFromForm({ [stageField(0, 0, 'base')]: 'headcount', [stageField(0, 0, 'qi')]: 'about' }, c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors).sort()).toEqual([stageField(0, 0, 'base'), stageField(0, 0, 'qi')].sort());
  });
});
