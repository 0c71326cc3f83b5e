import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRevision } from './revisions';

const title = 'Open board meetings';
const body =
  'Board meetings are open to residents. The secretary publishes the agenda seven days ahead on the notice board, and minutes within two weeks. ' +
  'Residents may speak for three minutes each at the start of the meeting, on any item of the agenda. The chair keeps time and keeps order.';

describe('classifyRevision', () => {
  it('a typo fix is editorial', () => {
    const after = body.replace('publishes', 'publishes').replace('keeps order', 'keeps order.').replace('minutes within', 'the minutes within');
    expect(classifyRevision({ title, body }, { title, body: after })).toEqual({ substantive: false, reasons: [] });
  });

  it('a changed amount is substantive, however small the edit', () => {
    const r = classifyRevision({ title, body: `${body} The budget is €1,200.` }, { title, body: `${body} The budget is €1,300.` });
    expect(r.substantive).toBe(true);
    expect(r.reasons).toContain('A number, amount, date or percentage changed.');
  });

  it('a changed name is substantive; a capital at the start of a sentence is not a name', () => {
    expect(classifyRevision({ title, body: `${body} Minutes go to Alice Moreau.` }, { title, body: `${body} Minutes go to Bruno Keller.` }).reasons).toContain(
      'A name or mention changed.',
    );
    expect(classifyRevision({ title, body: `${body} Ask @alice.` }, { title, body: `${body} Ask @bruno.` }).reasons).toContain('A name or mention changed.');
    expect(
      classifyRevision(
        { title, body: 'the chair keeps time. minutes are public and kept for ten years by the secretary.' },
        { title, body: 'the chair keeps time. Minutes are public and kept for ten years by the secretary.' },
      ).substantive,
    ).toBe(false);
  });

  it('“not” turns a rule round', () => {
    const after = body.replace('Residents may speak', 'Residents may not speak');
    expect(classifyRevision({ title, body }, { title, body: after }).reasons).toContain('A word such as “not”, “must” or “may” changed.');
  });

  it('a changed title is substantive; its case and punctuation are not', () => {
    expect(classifyRevision({ title, body }, { title: 'Closed board meetings', body }).reasons).toContain('The title changed.');
    expect(classifyRevision({ title, body }, { title: 'OPEN board meetings.', body }).substantive).toBe(false);
  });

  it('the author may make a revision more substantive, never less', () => {
    expect(classifyRevision({ title, body }, { title, body }, true)).toEqual({ substantive: true, reasons: ['The author marked it substantive.'] });
    expect(classifyRevision({ title, body }, { title: 'Closed board meetings', body }, false).substantive).toBe(true);
  });

  it('changing any digit is substantive (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 99_999 }), fc.nat({ max: 99_999 }), fc.nat({ max: 200 }), (x, y, at) => {
        fc.pre(x !== y);
        const cut = Math.min(at, body.length);
        const space = body.lastIndexOf(' ', cut);
        const insert = (n: number) => `${body.slice(0, space)} ${n} ${body.slice(space + 1)}`;
        expect(classifyRevision({ title, body: insert(x) }, { title, body: insert(y) }).substantive).toBe(true);
      }),
    );
  });

  it('whitespace-only changes are editorial (property)', () => {
    const whitespace = fc.constantFrom(' ', '  ', '\n', '\n\n', '\t', ' \n ');
    fc.assert(
      fc.property(fc.array(whitespace, { minLength: 60, maxLength: 60 }), fc.array(whitespace, { minLength: 4, maxLength: 4 }), (gaps, titleGaps) => {
        const respace = (text: string, g: string[]) =>
          text
            .split(' ')
            .map((w, i) => (i === 0 ? w : `${g[i % g.length]}${w}`))
            .join('');
        expect(classifyRevision({ title, body }, { title: respace(title, titleGaps), body: respace(body, gaps) })).toEqual({ substantive: false, reasons: [] });
      }),
    );
  });

  it('a full rewrite is substantive (property), and on a long text too (8,000 words; a quadratic diff would exceed the test timeout)', () => {
    const word = fc.stringMatching(/^[a-z]{2,9}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 20, maxLength: 200 }), fc.array(word, { minLength: 20, maxLength: 200 }), (a, b) => {
        fc.pre(a.filter((w, i) => b[i] !== w).length > a.length / 2);
        const before = a.map((w) => `x${w}`).join(' ');
        const after = b.map((w) => `y${w}`).join(' ');
        expect(classifyRevision({ title, body: before }, { title, body: after }).reasons).toContain('More than a tenth of the text changed.');
      }),
    );
    const long = Array.from({ length: 8000 }, (_, i) => `alpha${i % 97}z`).join(' ');
    const other = Array.from({ length: 8000 }, (_, i) => `beta${i % 89}q`).join(' ');
    expect(classifyRevision({ title, body: long }, { title, body: other }).substantive).toBe(true);
  });

  it('changing just over a tenth of the words is substantive; just under is not', () => {
    const base = Array.from({ length: 100 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}x`);
    const replace = (k: number) => base.map((w, i) => (i < k ? `other${String.fromCharCode(97 + (i % 26))}y` : w)).join(' ');
    expect(classifyRevision({ title, body: base.join(' ') }, { title, body: replace(10) }).substantive).toBe(false);
    expect(classifyRevision({ title, body: base.join(' ') }, { title, body: replace(11) }).substantive).toBe(true);
  });
});
