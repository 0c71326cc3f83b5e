import { z } from 'zod';
import { deleteAccountPhrase } from '@/lib/governance/account';
import { formatMessage } from '@/lib/governance/messages';

/** Deleting one's account: the phrase typed exactly (case and surrounding spaces aside). */
export const deleteAccountSchema = z.object({
  confirm: z
    .string({ error: `Type “${deleteAccountPhrase}” to confirm.` })
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.literal(deleteAccountPhrase, { error: `Type “${deleteAccountPhrase}” exactly to confirm. Nothing was deleted.` })),
});

/** Creating one's calendar link: nothing to fill in. */
export const createCalendarFeedSchema = z.object({});

/** Replacing one's calendar link: the box ticked, since the old address stops working. */
export const rotateCalendarFeedSchema = z.object({
  confirmRotate: z.literal('yes', { error: formatMessage('calendar.rotate_confirmation') }),
});
