import { z } from 'zod';
import { deleteAccountPhrase } from '@/lib/governance/account';

/** Deleting one's account: the phrase typed exactly (case and surrounding spaces aside). */
export const deleteAccountSchema = z.object({
  confirm: z
    .string({ error: `Type “${deleteAccountPhrase}” to confirm.` })
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.literal(deleteAccountPhrase, { error: `Type “${deleteAccountPhrase}” exactly to confirm. Nothing was deleted.` })),
});
