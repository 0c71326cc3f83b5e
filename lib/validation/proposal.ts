import { z } from 'zod';
import { charterFromForm } from '@/lib/governance/charter-form';
import type { Charter } from '@/lib/governance/types';
import { isStorableJson, storableText } from './text';

const id = (message: string) => z.uuid(message);
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export const proposalTitleSchema = z
  .string({ error: 'Enter a title.' })
  .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(
    storableText(
      z
        .string()
        .min(5, 'A title is at least 5 characters.')
        .max(160, 'A title is at most 160 characters.')
        .refine((s) => !controlChars.test(s), 'The title contains invisible or control characters.'),
      'title',
    ),
  );

export const proposalBodySchema = z
  .string({ error: 'Write the proposal text.' })
  .transform((s) => s.normalize('NFC').replace(/\r\n/g, '\n').trim())
  .pipe(
    storableText(
      z
        .string()
        .min(20, 'The proposal text is at least 20 characters: say what is decided and why.')
        .max(50_000, 'The proposal text is at most 50,000 characters.'),
      'proposalText',
    ),
  );

const optionalId = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : null))
  .pipe(z.uuid('Unknown choice.').nullable());

// User ids are compared in SQL: a NUL there failed the query (a 500) instead of "unknown member".
const userId = storableText(z.string().min(1, 'Choose a member.').max(100), 'member');

const optionalUserId = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : null))
  .pipe(userId.nullable());

/** The new-proposal form's fields (before the charter editor's fields are assembled; see createProposalSchema). */
export const createProposalFields = z.object({
  orgId: id('Unknown organization.'),
  typeKey: storableText(z.string().min(1, 'Choose a proposal type.').max(64), 'proposalType'),
  title: proposalTitleSchema,
  body: proposalBodySchema,
  subjectUserId: optionalUserId,
  seatId: optionalId,
  appointeeUserId: optionalUserId,
  /** For an appointment to a class seat: the declaration the appointee will make (the charter's wording if empty). */
  declaration: z
    .string()
    .optional()
    .transform((s) => (s ?? '').normalize('NFC').replace(/\r\n/g, '\n').trim())
    .pipe(
      storableText(
        z
          .string()
          .max(2000, 'The declaration is at most 2,000 characters.')
          .refine((s) => !controlChars.test(s.replace(/\n/g, '')), 'The declaration contains invisible or control characters.'),
        'declaration',
      ),
    ),
  /** For a choice among options: the options, one per line (checked against the type's method by the use case). */
  options: z
    .string()
    .optional()
    .transform((s) => (s ?? '').normalize('NFC').replace(/\r\n/g, '\n'))
    .pipe(
      storableText(
        z
          .string()
          .max(10_000, 'The options are at most 10,000 characters in all.')
          .refine((s) => !controlChars.test(s.replace(/\n/g, '')), 'The options contain invisible or control characters.'),
        'options',
      ),
    ),
  /** For charter amendments: the full proposed charter as JSON. */
  proposedCharter: z
    .string()
    .max(100_000, 'The proposed charter is at most 100,000 characters.')
    .optional()
    .transform((s, ctx) => {
      if (!s || !s.trim()) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The proposed charter is not valid JSON.' });
        return z.NEVER;
      }
      // Escapes decode after parsing: "\u0000" in the JSON is a NUL that jsonb refuses.
      if (!isStorableJson(parsed)) {
        ctx.addIssue({ code: 'custom', message: 'The proposed charter contains a NUL or broken character; remove it.' });
        return z.NEVER;
      }
      return parsed;
    }),
  ratifiesProposalId: optionalId,
  /** A held motion (a roll call carried at an irregular meeting) this proposal ratifies. */
  ratifiesRollCallId: optionalId,
  /** A seat election: the body and seat class it fills, as "body:class" (e.g. "board:general"). */
  electionSeats: z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(
      z
        .string()
        .max(130, 'Unknown seats.')
        .regex(/^$|^[a-z0-9_-]{1,64}:[a-z0-9_-]{1,64}$/, 'Choose the seats this election fills.'),
    ),
  emergency: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'true'),

  /** A membership-weight change: the subject's new weight (checked against the rule in lib/governance/weights.ts by the use case). Blank: none. */
  newWeight: z
    .string()
    .max(20, 'Enter a whole number.')
    .optional()
    .transform((s) => (s && s.trim() ? Number(s.trim()) : undefined))
    .pipe(z.number({ error: 'Enter a whole number.' }).int('Enter a whole number.').optional()),
});

/**
 * The charter editor posts its fields (`ch.…`, see lib/governance/charter-form.ts) beside
 * `charterBase`, the charter they edit. Unless the "advanced" JSON was chosen (`charterJson`),
 * they are read onto that charter here and become `proposedCharter`; the draft step then checks
 * the result against the organization's actual current charter, as for any amendment.
 */
function assembleCharter(raw: unknown, ctx: z.RefinementCtx): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const values = raw as Record<string, unknown>;
  if (typeof values.charterBase !== 'string' || values.charterJson === 'on') return raw;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string' && k.startsWith('ch.')) fields[k] = v;
  let base: Charter;
  try {
    base = JSON.parse(values.charterBase) as Charter;
    if (!Array.isArray(base?.bodies) || !Array.isArray(base?.proposalTypes)) throw new Error('not a charter');
  } catch {
    ctx.addIssue({ code: 'custom', path: ['proposedCharter'], message: 'The charter this form edits could not be read. Reload the page and try again.' });
    return raw;
  }
  const result = charterFromForm(fields, base);
  if (!result.ok) {
    for (const [path, messages] of Object.entries(result.fieldErrors)) for (const message of messages) ctx.addIssue({ code: 'custom', path: [path], message });
    return raw;
  }
  return { ...values, proposedCharter: JSON.stringify(result.charter) };
}

export const createProposalSchema = z.preprocess(assembleCharter, createProposalFields);

export const proposalRefSchema = z.object({ orgId: id('Unknown organization.'), proposalId: id('Unknown proposal.') });

export const reviseProposalSchema = proposalRefSchema.extend({
  title: proposalTitleSchema,
  body: proposalBodySchema,
  changeNote: storableText(z.string().max(500, 'The change note is at most 500 characters.'), 'changeNote')
    .optional()
    .transform((s) => (s ?? '').trim()),
  substantive: z
    .string()
    .optional()
    .transform((v) => v !== 'false'),
});

/** Publish a draft. `confirmFoundingClose` is the "I understand" box the first publication asks for while seats are vacant: ticked ("yes") or not. */
export const publishProposalSchema = proposalRefSchema.extend({
  confirmFoundingClose: z
    .literal('yes', { error: 'Tick “I understand” or leave it empty.' })
    .optional()
    .transform((v) => v === 'yes'),
});

export const withdrawProposalSchema = proposalRefSchema.extend({
  reason: storableText(z.string().trim().min(5, 'Say briefly why it is withdrawn (at least 5 characters).').max(1000), 'reason'),
});

export const commentSchema = proposalRefSchema.extend({
  parentId: optionalId,
  body: z
    .string({ error: 'Write a comment.' })
    .transform((s) => s.replace(/\r\n/g, '\n').trim())
    .pipe(storableText(z.string().min(1, 'Write a comment.').max(10_000, 'A comment is at most 10,000 characters.'), 'comment')),
  stance: z.enum(['support', 'concern', 'object', 'none']).default('none'),
  asReply: z
    .string()
    .optional()
    .transform((v) => v === 'true'),
});

export const editCommentSchema = proposalRefSchema.extend({
  commentId: id('Unknown comment.'),
  body: z
    .string({ error: 'Write a comment.' })
    .transform((s) => s.replace(/\r\n/g, '\n').trim())
    .pipe(storableText(z.string().min(1, 'Write a comment.').max(10_000, 'A comment is at most 10,000 characters.'), 'comment')),
});

export const deleteCommentSchema = proposalRefSchema.extend({ commentId: id('Unknown comment.') });

export const ballotSchema = proposalRefSchema.extend({
  choice: z.enum(['yes', 'no', 'abstain'], { error: 'Choose yes, no or abstain.' }),
  rationale: storableText(z.string().max(2000, 'A rationale is at most 2,000 characters.'), 'rationale')
    .optional()
    .transform((s) => (s && s.trim() ? s.trim() : null)),
});

/**
 * A secret ballot of a choice among options, from whichever form posted it: `preferences` as
 * "3,0,5" (the ranked ballot's script, or a single choice's radio), one `preferences.approve.<n>`
 * per approved option (checkboxes), or one `preferences.rank.<n>` select per option giving its
 * rank (the ranked ballot without JavaScript). Option numbers are checked against the proposal
 * by the use case; here only the form's shape.
 */
export const choiceBallotSchema = z.record(z.string(), z.string().max(2000)).transform((fields, ctx) => {
  const issue = (message: string) => {
    ctx.addIssue({ code: 'custom', path: ['preferences'], message });
    return z.NEVER;
  };
  const option = /^\d{1,3}$/;
  const approved = Object.keys(fields)
    .map((k) => /^preferences\.approve\.(\d{1,3})$/.exec(k)?.[1])
    .filter((n): n is string => n !== undefined);
  const ranks = Object.entries(fields)
    .map(([k, v]) => [/^preferences\.rank\.(\d{1,3})$/.exec(k)?.[1], v.trim()] as const)
    .filter((e): e is readonly [string, string] => e[0] !== undefined && e[1] !== '' && e[1] !== '—');
  let preferences: number[];
  if (ranks.length > 0) {
    if (ranks.some(([, r]) => !option.test(r))) return issue('Each rank is a number: 1 for your first choice, 2 for your second, and so on.');
    const byRank = [...ranks].map(([o, r]) => [Number(o), Number(r)] as const).sort((a, b) => a[1] - b[1]);
    for (const [i, [, rank]] of byRank.entries()) {
      if (rank === byRank[i - 1]?.[1]) return issue(`Two options share rank ${rank}: give each rank once.`);
      if (rank !== i + 1) return issue(`Rank ${rank} is given but rank ${i + 1} is missing: number your choices 1, 2, 3 without gaps.`);
    }
    preferences = byRank.map(([o]) => o);
  } else if (approved.length > 0) {
    preferences = approved.map(Number).sort((a, b) => a - b);
  } else {
    const text = (fields.preferences ?? '').trim();
    if (text === '') return issue('Choose at least one option.');
    const parts = text.split(',').map((p) => p.trim());
    if (parts.length > 1000 || parts.some((p) => !option.test(p))) return issue('This ballot could not be read. Reload the page and choose again.');
    preferences = parts.map(Number);
  }
  const orgId = z.uuid().safeParse(fields.orgId);
  const proposalId = z.uuid().safeParse(fields.proposalId);
  if (!orgId.success) {
    ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'Unknown organization.' });
    return z.NEVER;
  }
  if (!proposalId.success) {
    ctx.addIssue({ code: 'custom', path: ['proposalId'], message: 'Unknown proposal.' });
    return z.NEVER;
  }
  return { orgId: orgId.data, proposalId: proposalId.data, preferences };
});

export const recusalSchema = proposalRefSchema.extend({
  reason: storableText(z.string().trim().min(5, 'Name the conflict (at least 5 characters).').max(1000), 'reason'),
});

/** An objection to a proposal decided by consent: its reason, public at once (lib/governance/consent.ts; the use case checks again). */
export const objectionSchema = proposalRefSchema.extend({
  reason: z
    .string({ error: 'Give the reason for your objection.' })
    .transform((s) => s.replace(/\r\n/g, '\n').trim())
    .pipe(
      storableText(
        z
          .string()
          .min(10, 'Give the reason for your objection in at least 10 characters, so it can be addressed.')
          .max(2000, 'An objection is at most 2,000 characters.'),
        'objection',
      ),
    ),
});

export const seatAppointSchema = z.object({ orgId: id('Unknown organization.'), seatId: id('Unknown seat.'), userId });
export const seatResignSchema = z.object({ orgId: id('Unknown organization.'), seatId: id('Unknown seat.') });

/** Follow ("true") or unfollow ("false") a proposal. */
export const followProposalSchema = proposalRefSchema.extend({
  follow: z.enum(['true', 'false'], 'Choose follow or unfollow.').transform((v) => v === 'true'),
});

/** A nomination for a seat election: the member nominated (the use case checks they may stand). */
export const nominationSchema = proposalRefSchema.extend({ nomineeUserId: userId });

/** The nominee's answer: accept (confirming a class seat's declaration when asked), decline, or withdraw an acceptance. */
export const nominationAnswerSchema = proposalRefSchema.extend({
  answer: z.enum(['accept', 'decline', 'withdraw'], { error: 'Accept, decline or withdraw.' }),
  declarationConfirmed: z
    .literal('yes', { error: 'Tick the declaration or leave it empty.' })
    .optional()
    .transform((v) => v === 'yes'),
});
