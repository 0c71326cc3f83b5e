import { describe, expect, it } from 'vitest';
import { createOrganizationSchema, organizationNameSchema, personNameSchema } from './organization';
import {
  ballotSchema,
  commentSchema,
  createProposalSchema,
  proposalTitleSchema,
  recusalSchema,
  seatAppointSchema,
  reviseProposalSchema,
  withdrawProposalSchema,
} from './proposal';

const orgId = '00000000-0000-4000-8000-000000000001';
const proposalId = '00000000-0000-4000-8000-000000000002';
const nul = 'A sentence long enough, with a NUL \u0000 byte inside it.';

describe('storable text', () => {
  // PostgreSQL text cannot hold U+0000: before this check a comment with one failed with a 500.
  it.each([
    ['comment', () => commentSchema.safeParse({ orgId, proposalId, body: nul }), 'body', 'The comment contains a NUL character; remove it.'],
    [
      'proposal text',
      () => createProposalSchema.safeParse({ orgId, typeKey: 'resolution', title: 'A fine title', body: nul }),
      'body',
      'The proposal text contains a NUL character; remove it.',
    ],
    [
      'change note',
      () => reviseProposalSchema.safeParse({ orgId, proposalId, title: 'A fine title', body: 'A body long enough for the rules.', changeNote: nul }),
      'changeNote',
      'The change note contains a NUL character; remove it.',
    ],
    [
      'withdrawal reason',
      () => withdrawProposalSchema.safeParse({ orgId, proposalId, reason: nul }),
      'reason',
      'The reason contains a NUL character; remove it.',
    ],
    ['recusal reason', () => recusalSchema.safeParse({ orgId, proposalId, reason: nul }), 'reason', 'The reason contains a NUL character; remove it.'],
    [
      'ballot rationale',
      () => ballotSchema.safeParse({ orgId, proposalId, choice: 'yes', rationale: nul }),
      'rationale',
      'The rationale contains a NUL character; remove it.',
    ],
    [
      'mission',
      () => createOrganizationSchema.safeParse({ name: 'A fine name', slug: 'fine-slug', mission: nul }),
      'mission',
      'The mission contains a NUL character; remove it.',
    ],
  ])('refuses a NUL in the %s with a clear message', (_l, parse, field, message) => {
    const result = parse();
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it('keeps ordinary text, tabs and newlines', () => {
    expect(commentSchema.parse({ orgId, proposalId, body: 'Line one\n\tLine two' }).body).toBe('Line one\n\tLine two');
  });
});

describe('broken characters', () => {
  // A lone surrogate was stored as U+FFFD: the saved name differed from the one typed.
  const broken = ['lone high \ud800 surrogate', 'lone low \udc00 surrogate', 'reversed \udc00\ud800 pair'];
  it.each(broken)('refuses %j in names, titles and text', (value) => {
    expect(organizationNameSchema.safeParse(value).error?.issues[0]?.message).toBe('The name contains invisible or control characters.');
    expect(personNameSchema.safeParse(value).error?.issues[0]?.message).toBe('The name contains invisible or control characters.');
    expect(proposalTitleSchema.safeParse(value).error?.issues[0]?.message).toBe(
      'The title contains a broken character (a lone surrogate); retype or remove it.',
    );
    expect(commentSchema.safeParse({ orgId, proposalId, body: value }).error?.issues[0]?.message).toBe(
      'The comment contains a broken character (a lone surrogate); retype or remove it.',
    );
  });

  it('keeps well-formed astral characters', () => {
    expect(personNameSchema.parse('Ada 😀 Okafor')).toBe('Ada 😀 Okafor');
  });
});

describe('proposed charter JSON', () => {
  // JSON escapes decode after the text checks: "\u0000" reached jsonb, which refuses it.
  it.each(['{"bodies":[{"name":"\\u0000"}]}', '{"\\u0000":1}', '{"name":"\\ud800"}', '["a\\u0000"]'])('refuses %s', (proposedCharter) => {
    const result = createProposalSchema.safeParse({
      orgId,
      typeKey: 'charter_amendment',
      title: 'A fine title',
      body: 'A body long enough for the rules.',
      proposedCharter,
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['The proposed charter contains a NUL or broken character; remove it.']);
  });

  it('keeps an ordinary charter', () => {
    const result = createProposalSchema.safeParse({
      orgId,
      typeKey: 'charter_amendment',
      title: 'A fine title',
      body: 'A body long enough for the rules.',
      proposedCharter: '{"bodies":[{"name":"Board \\u00e9"}]}',
    });
    expect(result.data?.proposedCharter).toEqual({ bodies: [{ name: 'Board é' }] });
  });
});

describe('member ids', () => {
  // Compared in SQL: a NUL failed the query with a 500 instead of "unknown member".
  it('refuses a NUL in a member id', () => {
    const seat = seatAppointSchema.safeParse({ orgId, seatId: proposalId, userId: '\u0000\u0000' });
    expect(seat.error?.issues[0]?.message).toBe('The member contains a NUL character; remove it.');
    const removal = createProposalSchema.safeParse({
      orgId,
      typeKey: 'officer_removal',
      title: 'A fine title',
      body: 'A body long enough for the rules.',
      subjectUserId: 'a\u0000b',
    });
    expect(removal.error?.issues[0]?.path).toEqual(['subjectUserId']);
  });
});
