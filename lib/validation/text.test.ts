import { describe, expect, it } from 'vitest';
import { createOrganizationSchema } from './organization';
import { ballotSchema, commentSchema, createProposalSchema, recusalSchema, reviseProposalSchema, withdrawProposalSchema } from './proposal';

const orgId = '00000000-0000-4000-8000-000000000001';
const proposalId = '00000000-0000-4000-8000-000000000002';
const nul = 'A sentence long enough, with a NUL \u0000 byte inside it.';

describe('storable text', () => {
  // PostgreSQL text cannot hold U+0000: before this check a comment with one failed with a 500.
  it.each([
    ['comment', () => commentSchema.safeParse({ orgId, proposalId, body: nul }), 'body', 'The comment contains a NUL character; remove it.'],
    ['proposal text', () => createProposalSchema.safeParse({ orgId, typeKey: 'resolution', title: 'A fine title', body: nul }), 'body', 'The proposal text contains a NUL character; remove it.'],
    ['change note', () => reviseProposalSchema.safeParse({ orgId, proposalId, title: 'A fine title', body: 'A body long enough for the rules.', changeNote: nul }), 'changeNote', 'The change note contains a NUL character; remove it.'],
    ['withdrawal reason', () => withdrawProposalSchema.safeParse({ orgId, proposalId, reason: nul }), 'reason', 'The reason contains a NUL character; remove it.'],
    ['recusal reason', () => recusalSchema.safeParse({ orgId, proposalId, reason: nul }), 'reason', 'The reason contains a NUL character; remove it.'],
    ['ballot rationale', () => ballotSchema.safeParse({ orgId, proposalId, choice: 'yes', rationale: nul }), 'rationale', 'The rationale contains a NUL character; remove it.'],
    ['mission', () => createOrganizationSchema.safeParse({ name: 'A fine name', slug: 'fine-slug', mission: nul }), 'mission', 'The mission contains a NUL character; remove it.'],
  ])('refuses a NUL in the %s with a clear message', (_l, parse, field, message) => {
    const result = parse();
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it('keeps ordinary text, tabs and newlines', () => {
    expect(commentSchema.parse({ orgId, proposalId, body: 'Line one\n\tLine two' }).body).toBe('Line one\n\tLine two');
  });
});
