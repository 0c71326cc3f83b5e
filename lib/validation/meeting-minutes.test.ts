/**
 * Property-based fuzzing of the minutes schemas, as lib/validation/fuzz.test.ts does for the
 * others (that file is at its size limit): whatever arrives, `safeParse` never throws, and
 * anything it accepts is within bounds and storable; a valid form with hostile values in a few
 * fields is refused or bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closedMatterKinds } from '@/lib/governance/minutes';
import { answerMinutesSchema, draftMinutesSchema, minutesTextSchema } from './meeting-minutes';
import { LONE_SURROGATE, NUL } from './text';

type Out = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: unknown) => typeof v === 'string' && UUID.test(v);
const isText = (v: unknown) => typeof v === 'string' && v.length >= 20 && v.length <= 50_000 && !NUL.test(v) && !LONE_SURROGATE.test(v);
const onMeeting = (o: Out) => uuid(o.orgId) && uuid(o.meetingId);

const o = '00000000-0000-4000-8000-000000000001';
const p2 = '00000000-0000-4000-8000-000000000002';
const text = 'The board met and adopted the budget.';
const cases = [
  { name: 'minutesTextSchema', schema: minutesTextSchema, valid: text as unknown, bounds: (v: unknown) => isText(v) },
  {
    name: 'draftMinutesSchema',
    schema: draftMinutesSchema,
    valid: { orgId: o, meetingId: p2, text, closedMatter: 'personnel' } as unknown,
    bounds: (v: unknown) => onMeeting(v as Out) && isText((v as Out).text) && [null, ...closedMatterKinds].includes((v as Out).closedMatter as never),
  },
  {
    name: 'answerMinutesSchema',
    schema: answerMinutesSchema,
    valid: { orgId: o, meetingId: p2, revision: '2', answer: 'approve' } as unknown,
    bounds: (v: unknown) =>
      onMeeting(v as Out) && Number.isSafeInteger((v as Out).revision) && ((v as Out).revision as number) >= 1 && typeof (v as Out).approve === 'boolean',
  },
];

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', ' ', 'a\u0000b'.repeat(10), '\ud800'.repeat(25), 'x'.repeat(50_001), '0', '-1', '1e9', 'approve', 'reject', 'legal', 'gossip', o),
  fc.anything(),
);
const keys = ['orgId', 'meetingId', 'text', 'closedMatter', 'revision', 'answer'];

describe.each(cases)('$name', ({ schema, valid, bounds }) => {
  it('accepts its valid input', () => {
    const r = schema.safeParse(valid);
    expect(r.success).toBe(true);
    expect(bounds(r.data)).toBe(true);
  });
  it('never throws, and what it accepts is bounded and storable', () => {
    const near =
      typeof valid === 'object'
        ? fc.tuple(fc.constantFrom(...keys), hostile).map(([k, v]) => ({ ...(valid as object), [k]: v }) as unknown)
        : hostile.map((v) => v as unknown);
    fc.assert(
      fc.property(fc.oneof(near, fc.anything()), (input) => {
        const r = schema.safeParse(input);
        if (r.success) expect(bounds(r.data)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
