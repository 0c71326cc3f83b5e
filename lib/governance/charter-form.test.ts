import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { charterFromTemplate, charterTemplateKeys } from './templates';
import { validateCharter } from './charter';
import {
  MAX_NEW,
  bodyField,
  bodySection,
  charterFromForm,
  charterToForm,
  classField,
  newBodyFields,
  newTypeFields,
  stageField,
  typeField,
  typeSection,
} from './charter-form';
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

describe('charterFromForm: adding and removing bodies and proposal types', () => {
  const typeRemovals = fc.constantFrom(...templates).chain((c) => fc.tuple(fc.constant(c), fc.subarray(c.proposalTypes.map((_, k) => k))));

  it('removes exactly the types marked, and refuses when the rules need one of them', () => {
    fc.assert(
      fc.property(typeRemovals, ([c, gone]) => {
        const f = charterToForm(c);
        for (const k of gone) f[typeField(k, 'removed')] = 'on';
        const r = charterFromForm(f, c);
        const expected = { ...c, proposalTypes: c.proposalTypes.filter((_, k) => !gone.includes(k)) };
        expect(r.charter).toEqual(expected);
        expect(r.ok).toBe(validateCharter(expected).ok);
        // Without a way to amend it, a charter could never change again: that removal is always refused.
        if (gone.some((k) => c.proposalTypes[k]!.effect === 'charter_amendment')) expect(r.ok).toBe(false);
      }),
    );
  });

  it('adds a body and a type decided by it, with the values typed and keys of their own', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.constantFrom('Finance committee', 'Board', 'Comité des fêtes', '理事会'),
        fc.integer({ min: 2, max: 50 }),
        fc.integer({ min: 1, max: 2000 }),
        (c, name, seats, hours) => {
          const i = c.bodies.length;
          const k = c.proposalTypes.length;
          const f = {
            ...charterToForm(c),
            ...newBodyFields(i),
            ...newTypeFields(k, i),
            [bodyField(i, 'name')]: name,
            [bodyField(i, 'seats')]: String(seats),
            [bodyField(i, 'critical')]: '1',
            [typeField(k, 'name')]: `${name} decision`,
            [stageField(k, 0, 'voting')]: String(hours),
          };
          const r = charterFromForm(f, c);
          expect(r.ok).toBe(true);
          const body = r.charter!.bodies[i]!;
          const type = r.charter!.proposalTypes[k]!;
          expect(r.charter!.bodies.slice(0, i)).toEqual(c.bodies);
          expect(r.charter!.proposalTypes.slice(0, k)).toEqual(c.proposalTypes);
          expect(body).toMatchObject({ name, charterSeats: seats, minSeatsForCriticalDecisions: 1, seatClassMinimums: {} });
          expect(body.key).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(c.bodies.map((b) => b.key)).not.toContain(body.key);
          expect(c.proposalTypes.map((t) => t.key)).not.toContain(type.key);
          expect(type).toMatchObject({ name: `${name} decision`, effect: 'resolution', critical: false, emergency: null });
          expect(type.stages).toEqual([expect.objectContaining({ bodyKey: body.key, votingWindowHours: hours })]);
          // What the editor shows for the result reads back as the result.
          expect(charterFromForm(charterToForm(r.charter!), r.charter!).charter).toEqual(r.charter);
        },
      ),
    );
  });

  it('makes keys from names: accents dropped, a taken key numbered, no letters at all numbered by position', () => {
    const c = charterFromTemplate('nonprofit_board');
    const i = c.bodies.length;
    const f = {
      ...charterToForm(c),
      ...newBodyFields(i),
      ...newBodyFields(i + 1),
      ...newBodyFields(i + 2),
      [bodyField(i, 'name')]: 'Comité des fêtes',
      [bodyField(i + 1, 'name')]: c.bodies[0]!.name,
      [bodyField(i + 2, 'name')]: '理事会',
    };
    const r = charterFromForm(f, c);
    expect(r.charter!.bodies.slice(i).map((b) => b.key)).toEqual(['comite_des_fetes', `${c.bodies[0]!.key}_2`, `body_${i + 2}`]);
  });

  it('asks for a new body’s and a new type’s name', () => {
    const c = charterFromTemplate('informal_group');
    const r = charterFromForm({ ...newBodyFields(1), ...newTypeFields(c.proposalTypes.length, 0) }, c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors[bodyField(1, 'name')]).toEqual(['Enter the new body’s name.']);
    expect(r.fieldErrors[typeField(c.proposalTypes.length, 'name')]).toEqual(['Enter the name of “new proposal type”.']);
  });

  it('refuses in plain words to remove a body a proposal type still uses, and accepts it once no type does', () => {
    const c = charterFromTemplate('nonprofit_board');
    const members = c.bodies.findIndex((b) => b.key === 'members');
    const users = c.proposalTypes.flatMap((t, k) => (t.stages.some((s) => s.bodyKey === 'members') ? [k] : []));
    expect(users.length).toBeGreaterThan(0);
    const f = { ...charterToForm(c), [bodyField(members, 'removed')]: 'on' };
    const r = charterFromForm(f, c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const k of users) {
      const said = r.fieldErrors[typeSection(k)]!.join(' ');
      expect(said).toContain(`“${c.proposalTypes[k]!.name}”`);
      expect(said).toContain(`is decided by the ${c.bodies[members]!.name}, which this amendment removes`);
      expect(said).not.toContain('"members"');
    }
    // A body added earlier, with a type it decides: removing the body alone is refused; with its type, it goes.
    const g = charterFromTemplate('informal_group');
    const withCommittee = charterFromForm(
      {
        ...newBodyFields(1),
        ...newTypeFields(g.proposalTypes.length, 1),
        [bodyField(1, 'name')]: 'Committee',
        [typeField(g.proposalTypes.length, 'name')]: 'Budget',
      },
      g,
    ).charter!;
    const alone = charterFromForm({ [bodyField(1, 'removed')]: 'on' }, withCommittee);
    expect(alone.ok || alone.fieldErrors[typeSection(g.proposalTypes.length)]).toEqual([
      '“Budget”, stage 1 is decided by the Committee, which this amendment removes. Choose another body to decide it, or remove this type too.',
    ]);
    const both = charterFromForm({ [bodyField(1, 'removed')]: 'on', [typeField(g.proposalTypes.length, 'removed')]: 'on' }, withCommittee);
    expect(both).toEqual({ ok: true, charter: g });
  });

  it('refuses a deciding body that is not in the form', () => {
    const c = charterFromTemplate('small_board');
    const r = charterFromForm({ [stageField(0, 0, 'body')]: '7' }, c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors)).toEqual([stageField(0, 0, 'body')]);
  });

  it('leaves a removed body’s fields unread, and caps how many bodies one amendment adds', () => {
    const c = charterFromTemplate('informal_group');
    const typed = { ...charterToForm(c), ...newBodyFields(1), [bodyField(1, 'seats')]: 'lots', [bodyField(1, 'removed')]: 'on' };
    expect(charterFromForm(typed, c)).toEqual({ ok: true, charter: c });
    const many: Record<string, string> = {};
    for (let i = 1; i <= MAX_NEW + 1; i++) Object.assign(many, newBodyFields(i), { [bodyField(i, 'name')]: `Committee ${i}` });
    const r = charterFromForm(many, c);
    expect(r.ok || r.fieldErrors.proposedCharter).toEqual([`One amendment can add at most ${MAX_NEW} bodies.`]);
  });
});
