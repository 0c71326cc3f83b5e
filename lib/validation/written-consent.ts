import { z } from 'zod';
import { proposalBodySchema, proposalTitleSchema } from './proposal';

const ids = { orgId: z.uuid('Unknown organization.'), consentId: z.uuid('Unknown written consent.') };

/** Opening a written consent: the body that decides, a title and the resolution's text (as a proposal's). */
export const openWrittenConsentSchema = z.object({
  orgId: ids.orgId,
  bodyKey: z
    .string({ error: 'Choose the body.' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Choose the body.'),
  title: proposalTitleSchema,
  body: proposalBodySchema,
});

export const writtenConsentRefSchema = z.object(ids);

/** Signing, revoking and withdrawing are confirmed with a ticked box: each is a public, logged act. */
const confirmed = z.literal('yes', { error: 'Tick the box to confirm.' });
export const signWrittenConsentSchema = writtenConsentRefSchema.extend({ confirm: confirmed });
export const revokeWrittenConsentSchema = writtenConsentRefSchema.extend({ confirm: confirmed });
export const withdrawWrittenConsentSchema = writtenConsentRefSchema.extend({ confirm: confirmed });
