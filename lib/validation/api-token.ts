import { z } from 'zod';
import { formatMessage } from '@/lib/governance/messages';
import { storableText } from './text';

/** How long a token may live, in days, as the form offers it. */
export const apiTokenLifetimes = ['7', '30', '90', '365'] as const;

/** Creating an API token: a name to recognize it by, what it may do, where, and for how long. */
export const createApiTokenSchema = z.object({
  name: storableText(z.string({ error: 'Name the token.' }).trim().min(1, 'Name the token.').max(80, 'A token name is at most 80 characters.'), 'name'),
  scope: z.enum(['read', 'write'], { error: 'Choose read or write.' }),
  /** An organization's id, or empty for every organization the owner belongs to. */
  orgId: z
    .union([z.literal(''), z.uuid({ error: 'Unknown organization.' })])
    .optional()
    .transform((v) => (v ? v : null)),
  expiresInDays: z.enum(apiTokenLifetimes, { error: 'Choose how long the token lasts.' }),
});

/** Revoking one's own token: the box ticked, since scripts using it stop working. */
export const revokeApiTokenSchema = z.object({
  tokenId: z.uuid({ error: 'Unknown token.' }),
  confirmRevoke: z.literal('yes', { error: formatMessage('api_token.revoke_confirmation') }),
});
