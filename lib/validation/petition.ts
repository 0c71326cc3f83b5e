import { z } from 'zod';
import { proposalBodySchema, proposalTitleSchema } from './proposal';
import { storableText } from './text';

const ids = { orgId: z.uuid('Unknown organization.'), petitionId: z.uuid('Unknown petition.') };

/** Opening a petition: its title and text (as a proposal's), and whether it speaks for all members or the opener's stakeholder group. */
export const openPetitionSchema = z.object({
  orgId: ids.orgId,
  title: proposalTitleSchema,
  body: proposalBodySchema,
  constituency: z.enum(['all', 'group'], { error: 'Choose all members or your group.' }).transform((v) => v === 'group'),
});

export const petitionRefSchema = z.object(ids);

/** Signing and revoking are confirmed with a ticked box: a signature is a public act. */
const confirmed = z.literal('yes', { error: 'Tick the box to confirm.' });
export const signPetitionSchema = petitionRefSchema.extend({ confirm: confirmed });
export const revokePetitionSignatureSchema = petitionRefSchema.extend({ confirm: confirmed });

/** The answering body's public answer. */
export const answerPetitionSchema = petitionRefSchema.extend({
  answer: z
    .string({ error: 'Write the answer.' })
    .transform((s) => s.normalize('NFC').replace(/\r\n/g, '\n').trim())
    .pipe(storableText(z.string().min(20, 'Write the answer in at least 20 characters.').max(10_000, 'An answer is at most 10,000 characters.'), 'answer')),
});
