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
  decidedByOf,
  newBodyFields,
  newTypeFields,
  stageField,
  typeField,
  typeSection,
} from './charter-form';
import type { Charter, ChoiceMethodSpec, ProposalTypeSpec } from './types';

const templates = charterTemplateKeys.map((k) => charterFromTemplate(k));

/** A way of deciding as the charter states it: yes/no, a choice with any method and numbers, consent, or a seat election's rule. */
const methodArb: fc.Arbitrary<ChoiceMethodSpec> = fc.oneof(
  fc.record({ key: fc.constantFrom('plurality' as const, 'irv' as const), winners: fc.constant(1) }),
  fc.record({ key: fc.constantFrom('scottish_stv' as const, 'meek_stv' as const), winners: fc.integer({ min: 1, max: 30 }) }),
  fc.record(
    { key: fc.constant('approval' as const), winners: fc.integer({ min: 1, max: 30 }), maxApprovals: fc.integer({ min: 1, max: 30 }) },
    { requiredKeys: ['key', 'winners'] },
  ),
);
type Decision = { kind: 'yes_no' } | { kind: 'choice'; method: ChoiceMethodSpec } | { kind: 'consent' };
const decisionArb: fc.Arbitrary<Decision> = fc.oneof(
  fc.constant({ kind: 'yes_no' as const }),
  methodArb.map((method) => ({ kind: 'choice' as const, method })),
  fc.constant({ kind: 'consent' as const }),
);
/** `t` deciding as `d` says (no other setting touched). */
function decidingAs(t: ProposalTypeSpec, d: Decision): ProposalTypeSpec {
  const rest = { ...t };
  delete rest.method;
  delete rest.consent;
  return d.kind === 'choice' ? { ...rest, method: d.method } : d.kind === 'consent' ? { ...rest, consent: true } : rest;
}
/** Types that may decide any way but by election: one stage, a resolution, no subject, no emergency. */
const plainResolution = (t: ProposalTypeSpec) => t.effect === 'resolution' && t.stages.length === 1 && !t.requiresSubject && !t.emergency;

/** A template with random whole numbers where the editor has fields: any charter the form can show. */
const charterArb: fc.Arbitrary<Charter> = fc
  .record({
    t: fc.constantFrom(...templates),
    decisions: fc.array(decisionArb, { minLength: 12, maxLength: 12 }),
    rule: fc.constantFrom('scottish_stv' as const, 'meek_stv' as const),
    seats: fc.integer({ min: 1, max: 500 }),
    days: fc.integer({ min: 1, max: 3650 }),
    hours: fc.integer({ min: 1, max: 2000 }),
    num: fc.integer({ min: 1, max: 9 }),
    den: fc.integer({ min: 1, max: 9 }),
    inclusive: fc.boolean(),
    base: fc.constantFrom('votes_cast' as const, 'charter_seats' as const),
  })
  .map(({ t, decisions, rule, seats, days, hours, num, den, inclusive, base }) => {
    const c = structuredClone(t);
    // Each plain resolution decides one of the ways at random; each seat election counts by one of the rules.
    c.proposalTypes = c.proposalTypes.map((type, k) =>
      plainResolution(type) ? decidingAs(type, decisions[k % decisions.length]!) : type.election ? { ...type, election: { rule } } : type,
    );
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

  it('covers every way of deciding in the templates it starts from', () => {
    const ways = new Set(templates.flatMap((c) => c.proposalTypes.map(decidedByOf)));
    expect([...ways].sort()).toEqual(['choice', 'consent', 'election', 'yes_no']);
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

/** The fields that set type `k` to decide as `d`, as a browser posts them after the change. */
function decisionFields(k: number, d: Decision): Record<string, string> {
  const f: Record<string, string> = { [typeField(k, 'decide')]: d.kind };
  if (d.kind === 'choice') {
    f[typeField(k, 'method')] = d.method.key;
    f[typeField(k, 'winners')] = String(d.method.winners);
    f[typeField(k, 'approvals')] = d.method.maxApprovals === undefined ? '' : String(d.method.maxApprovals);
  }
  return f;
}

describe('charterFromForm: how a proposal type decides', () => {
  const switchArb = fc
    .constantFrom(...templates)
    .chain((c) =>
      fc.tuple(
        fc.constant(c),
        fc.constantFrom(...c.proposalTypes.flatMap((t, k) => (plainResolution(t) && !byMembers(c, t) ? [k] : []))),
        decisionArb,
        decisionArb,
      ),
    );
  // A member-wide body cannot decide by consent (electorate.ts): those types are left out of the switch.
  function byMembers(c: Charter, t: Charter['proposalTypes'][number]) {
    return t.stages.some((s) => c.bodies.find((b) => b.key === s.bodyKey)?.electorate);
  }

  it('switches a resolution to any way of deciding and back, changing nothing else', () => {
    fc.assert(
      fc.property(switchArb, ([c, k, from, to]) => {
        // Start from a charter where the type decides `from`, switch it to `to` with the form.
        const start = { ...c, proposalTypes: c.proposalTypes.map((t, j) => (j === k ? decidingAs(t, from) : t)) };
        const r = charterFromForm({ ...charterToForm(start), ...decisionFields(k, to) }, start);
        const expected = { ...start, proposalTypes: start.proposalTypes.map((t, j) => (j === k ? decidingAs(t, to) : t)) };
        expect(r).toEqual({ ok: true, charter: expected });
        expect(decidedByOf(r.charter!.proposalTypes[k]!)).toBe(to.kind);
      }),
    );
  });

  it('changes a seat election’s counting rule, and keeps its effect', () => {
    const c = charterFromTemplate('nonprofit_board');
    const k = c.proposalTypes.findIndex((t) => t.effect === 'seat_election');
    expect(c.proposalTypes[k]!.election).toEqual({ rule: 'scottish_stv' });
    const r = charterFromForm({ ...charterToForm(c), [typeField(k, 'rule')]: 'meek_stv' }, c);
    expect(r.ok).toBe(true);
    expect(r.charter!.proposalTypes[k]).toEqual({ ...c.proposalTypes[k], election: { rule: 'meek_stv' } });
    // The rule is read only while the type is a seat election; a plain type's rule field changes nothing.
    const plain = c.proposalTypes.findIndex(plainResolution);
    expect(charterFromForm({ ...charterToForm(c), [typeField(plain, 'rule')]: 'meek_stv' }, c)).toEqual({ ok: true, charter: c });
  });

  it('drops the most approvals when the method is no longer approval, and reads a blank as all', () => {
    const c = charterFromTemplate('small_board');
    const k = c.proposalTypes.findIndex(plainResolution);
    const approval = {
      ...c,
      proposalTypes: c.proposalTypes.map((t, j) => (j === k ? decidingAs(t, { kind: 'choice', method: { key: 'approval', winners: 2, maxApprovals: 3 } }) : t)),
    };
    const f = charterToForm(approval);
    expect(f[typeField(k, 'approvals')]).toBe('3');
    expect(charterFromForm({ ...f, [typeField(k, 'method')]: 'meek_stv' }, approval).charter!.proposalTypes[k]!.method).toEqual({
      key: 'meek_stv',
      winners: 2,
    });
    expect(charterFromForm({ ...f, [typeField(k, 'approvals')]: ' ' }, approval).charter!.proposalTypes[k]!.method).toEqual({ key: 'approval', winners: 2 });
  });

  it('puts the rules’ sentences beside the field they are about, in plain words', () => {
    const c = charterFromTemplate('nonprofit_board');
    const plain = c.proposalTypes.findIndex(plainResolution);
    const amendment = c.proposalTypes.findIndex((t) => t.effect === 'charter_amendment');
    const election = c.proposalTypes.findIndex((t) => t.effect === 'seat_election');
    const name = (k: number) => `“${c.proposalTypes[k]!.name}”`;
    const r = charterFromForm(
      {
        ...charterToForm(c),
        ...decisionFields(plain, { kind: 'choice', method: { key: 'plurality', winners: 2 } }),
        [typeField(amendment, 'decide')]: 'consent',
        [typeField(election, 'decide')]: 'yes_no',
      },
      c,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors[typeField(plain, 'winners')]).toEqual([
      `${name(plain)}: single choice (most votes wins) chooses exactly one option (it asks for 2); use STV or approval for more.`,
    ]);
    expect(r.fieldErrors[typeField(amendment, 'decide')]).toEqual([
      `${name(amendment)} decides by consent, so it has exactly one deciding stage (it has 2).`,
      `${name(amendment)} decides by consent, so its effect must be resolution.`,
    ]);
    expect(r.fieldErrors[typeField(election, 'decide')]).toEqual([
      `${name(election)} elects to seats, so it names its counting rule: scottish_stv or meek_stv.`,
    ]);
    // Nothing about the decision is left at the section or above the editor.
    expect(r.fieldErrors[typeSection(plain)]).toBeUndefined();
    expect(r.fieldErrors[typeSection(amendment)]).toBeUndefined();
    expect(r.fieldErrors.proposedCharter).toBeUndefined();
  });

  it('refuses a seat election for a type whose effect is not one, no winners, and values no select offers', () => {
    const c = charterFromTemplate('informal_group');
    const k = c.proposalTypes.findIndex(plainResolution);
    const name = `“${c.proposalTypes[k]!.name}”`;
    const election = charterFromForm({ ...charterToForm(c), [typeField(k, 'decide')]: 'election' }, c);
    expect(election.ok || election.fieldErrors).toEqual({ [typeField(k, 'decide')]: [`${name}: only a seat election names an election rule.`] });
    const none = charterFromForm(
      { ...charterToForm(c), ...decisionFields(k, { kind: 'choice', method: { key: 'approval', winners: 0, maxApprovals: 0 } }) },
      c,
    );
    expect(none.ok || none.fieldErrors).toEqual({
      [typeField(k, 'winners')]: [`${name}: the number of winners must be a whole number of at least 1 (it is 0).`],
      [typeField(k, 'approvals')]: [`${name}: the most options one ballot may approve must be a whole number of at least 1 (it is 0).`],
    });
    const odd = charterFromForm(
      { ...charterToForm(c), [typeField(k, 'decide')]: 'choice', [typeField(k, 'method')]: 'borda', [typeField(k, 'winners')]: 'two' },
      c,
    );
    expect(odd.ok || Object.keys(odd.fieldErrors).sort()).toEqual([typeField(k, 'method'), typeField(k, 'winners')].sort());
    const unknown = charterFromForm({ [typeField(k, 'decide')]: 'lottery' }, c);
    expect(unknown.ok || unknown.fieldErrors[typeField(k, 'decide')]![0]).toMatch(/^Choose how .* is decided/);
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
