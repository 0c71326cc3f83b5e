import { z } from 'zod';
import { ballotSchema, commentSchema, createProposalFields, publishProposalSchema, withdrawProposalSchema } from '@/lib/validation/proposal';

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

/** `?cursor=&limit=&kind=` for the decision log: the cursor is the previous page's `next_cursor` (a sequence number), the kind one log kind (e.g. `ballot.cast`). */
export const logQuerySchema = proposalListQuerySchema.extend({
  kind: z
    .string()
    .regex(/^[a-z][a-z_]{0,40}\.[a-z_]{1,40}$/, 'kind is a log kind such as proposal.published.')
    .optional(),
});
