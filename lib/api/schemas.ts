import { z } from 'zod';
import { delegateSchema } from '@/lib/validation/delegation';
import {
  answerAttendanceSchema,
  answerRollCallVoteSchema,
  cancelMeetingSchema,
  recordAttendanceSchema,
  recordRollCallSchema,
  scheduleMeetingSchema,
  updateMeetingSchema,
} from '@/lib/validation/meeting';
import { answerMinutesSchema, draftMinutesSchema } from '@/lib/validation/meeting-minutes';
import { answerPetitionSchema, openPetitionSchema, revokePetitionSignatureSchema, signPetitionSchema } from '@/lib/validation/petition';
import { openWrittenConsentSchema, signWrittenConsentSchema } from '@/lib/validation/written-consent';
import {
  ballotSchema,
  commentSchema,
  createProposalFields,
  editCommentSchema,
  nominationAnswerSchema,
  nominationSchema,
  objectionSchema,
  publishProposalSchema,
  recusalSchema,
  reviseProposalSchema,
  seatAppointSchema,
  withdrawProposalSchema,
} from '@/lib/validation/proposal';

/**
 * The API's inputs, from the forms' own schemas (lib/validation): a write's body is the form's
 * fields without the organization and proposal, which come from the path. Pure (no database):
 * the OpenAPI document is generated from these.
 */
export const commentBodySchema = commentSchema.omit({ orgId: true, proposalId: true });
export const ballotBodySchema = ballotSchema.omit({ orgId: true, proposalId: true });
/** The new-proposal form's fields; the route parses them with the form's own schema (createProposalSchema). */
export const createProposalBodySchema = createProposalFields.omit({ orgId: true });
export const publishBodySchema = publishProposalSchema.omit({ orgId: true, proposalId: true });
export const withdrawBodySchema = withdrawProposalSchema.omit({ orgId: true, proposalId: true });
export const objectionBodySchema = objectionSchema.omit({ orgId: true, proposalId: true });
export const recusalBodySchema = recusalSchema.omit({ orgId: true, proposalId: true });
/** The revise form's fields: `substantive` is "false" when the author marks the change editorial (the rules may still find it substantive). */
export const reviseBodySchema = reviseProposalSchema.omit({ orgId: true, proposalId: true });
export const nominationBodySchema = nominationSchema.omit({ orgId: true, proposalId: true });
export const nominationAnswerBodySchema = nominationAnswerSchema.omit({ orgId: true, proposalId: true });
/** The delegation form's fields: `scope` is `general`, `type:<key>` (one proposal type) or `proposal:<id>` (one proposal, by its id). */
export const delegateBodySchema = delegateSchema.omit({ orgId: true });
/** The meeting form's fields; the route parses them with the form's own schema (scheduleMeetingSchema, which adds the end). */
export const scheduleMeetingBodySchema = scheduleMeetingSchema.in.omit({ orgId: true });
export const cancelMeetingBodySchema = cancelMeetingSchema.omit({ orgId: true, meetingId: true });
/**
 * A choice ballot as the form sends it (the route parses it with the form's own choiceBallotSchema):
 * `preferences` the option numbers (0 for the first option) in order of preference for a ranked or
 * STV ballot, or the approved ones for an approval ballot, comma-separated: `"2,0,1"`.
 */
export const choiceBallotBodySchema = z.object({
  preferences: z
    .string()
    .max(2000)
    .meta({ description: 'Option numbers (0-based, as the proposal lists its options), comma-separated, first preference first: "2,0,1".' }),
});

/** `?cursor=&limit=`: the cursor is the `next_cursor` of the previous page (opaque to clients), the limit 1 to 100 (25 by default). */
export const proposalListQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,10}$/, 'Use the next_cursor of the previous page.')
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'limit is a whole number from 1 to 100.')
    .optional()
    .transform((v) => (v ? Number(v) : 25))
    .pipe(z.number().int().min(1, 'limit is a whole number from 1 to 100.').max(100, 'limit is a whole number from 1 to 100.')),
});

/** `?q=&cursor=&limit=` for the member list: `q` searches names and e-mail addresses; the cursor is the previous page's `next_cursor`. */
export const memberListQuerySchema = proposalListQuerySchema.extend({
  q: z
    .string()
    .max(200, 'q is at most 200 characters.')
    .optional()
    .transform((v) => (v ?? '').trim()),
});

/** `?cursor=&limit=&kind=` for the decision log: the cursor is the previous page's `next_cursor` (a sequence number), the kind one log kind (e.g. `ballot.cast`). */
export const logQuerySchema = proposalListQuerySchema.extend({
  kind: z
    .string()
    .regex(/^[a-z][a-z_]{0,40}\.[a-z_]{1,40}$/, 'kind is a log kind such as proposal.published.')
    .optional(),
});

/** `?cursor=&limit=` for a list read whole and served a page at a time (delegations to the caller, nominations, petitions): the cursor is the previous page's `next_cursor`. */
export const pageQuerySchema = proposalListQuerySchema;

/** The sign form's one field: `confirm` is "yes", the ticked box (a signature is a public act). */
export const signPetitionBodySchema = signPetitionSchema.omit({ orgId: true, petitionId: true });
/** The open form's fields: a title, the text, and `constituency`: `all` (every member) or `group` (the opener's stakeholder group). */
export const openPetitionBodySchema = openPetitionSchema.omit({ orgId: true });
/** The revoke form's one field: `confirm` is "yes", the ticked box. */
export const revokePetitionBodySchema = revokePetitionSignatureSchema.omit({ orgId: true, petitionId: true });
/** The answer form's one field: the answering body's public answer (20 to 10,000 characters). */
export const answerPetitionBodySchema = answerPetitionSchema.omit({ orgId: true, petitionId: true });

/** The comment edit form's one field: the new text (the path names the comment). */
export const editCommentBodySchema = editCommentSchema.omit({ orgId: true, proposalId: true, commentId: true });
/** The attendance form's fields: the seat holder (their user id, as the meeting's attendance lists it) and `present`, `remote` or `absent`. */
export const recordAttendanceBodySchema = recordAttendanceSchema.omit({ orgId: true, meetingId: true });
/** A seat holder's answer to their own attendance record, or a voter's to their recorded vote: `confirmed` or `disputed`, with an optional note. */
export const answerAttendanceBodySchema = answerAttendanceSchema.omit({ orgId: true, meetingId: true });
export const answerRollCallVoteBodySchema = answerRollCallVoteSchema.omit({ orgId: true, meetingId: true, rollCallId: true });
/**
 * The roll-call form's fields (the route parses them with the form's own recordRollCallSchema): the agenda item (1-based, "" for
 * a free-text motion), the motion, and one vote per seat holder. The form's `vote:<userId>` fields are accepted too.
 */
export const recordRollCallBodySchema = recordRollCallSchema.out.omit({ orgId: true, meetingId: true });
/** The minutes form's fields: the markdown text and, for a closed session, its kind of matter ("" for an open meeting). */
export const draftMinutesBodySchema = draftMinutesSchema.omit({ orgId: true, meetingId: true });
/** A seat holder's answer to the revision they read: `approve` or `reject`. */
export const answerMinutesBodySchema = answerMinutesSchema.in.omit({ orgId: true, meetingId: true });

/** The open form's fields: the body that decides (its key, as the organization's bodies list it), a title and the resolution's text. */
export const openWrittenConsentBodySchema = openWrittenConsentSchema.omit({ orgId: true });
/** Signing, revoking and withdrawing a written consent: `confirm` is "yes", the ticked box (each is a public, logged act). */
export const confirmWrittenConsentBodySchema = signWrittenConsentSchema.omit({ orgId: true, consentId: true });

/** The founding appointment form's one field: the member to seat (their `userId`, as the member list gives it); the path names the seat. */
export const seatAppointBodySchema = seatAppointSchema.omit({ orgId: true, seatId: true });

/** The change form's fields (the route parses them with the form's own updateMeetingSchema, which adds the end): all of them, as the form sends them. */
export const updateMeetingBodySchema = updateMeetingSchema.in.omit({ orgId: true, meetingId: true });
