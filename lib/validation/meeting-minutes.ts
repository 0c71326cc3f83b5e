import { z } from 'zod';
import { closedMatterKinds } from '@/lib/governance/minutes';
import { storableText } from './text';

const ids = { orgId: z.uuid('Unknown organization.'), meetingId: z.uuid('Unknown meeting.') };

/** The minutes' markdown: NFC, Unix line ends, trimmed; 20 to 50,000 characters, storable (as a proposal's text). */
export const minutesTextSchema = z
  .string({ error: 'Write the minutes.' })
  .transform((s) => s.normalize('NFC').replace(/\r\n/g, '\n').trim())
  .pipe(storableText(z.string().min(20, 'The minutes are at least 20 characters.').max(50_000, 'The minutes are at most 50,000 characters.'), 'minutes'));

/** A draft or a revision, with the kind of matter when the meeting was (partly) a closed session; '' for an open meeting. */
export const draftMinutesSchema = z.object({
  ...ids,
  text: minutesTextSchema,
  closedMatter: z
    .enum(['', ...closedMatterKinds], { error: 'Choose whether this was a closed session, and its kind of matter.' })
    .default('')
    .transform((v) => (v === '' ? null : v)),
});

/** A seat holder's answer to the revision they read. */
export const answerMinutesSchema = z
  .object({
    ...ids,
    revision: z.coerce.number({ error: 'Unknown revision.' }).int('Unknown revision.').min(1, 'Unknown revision.').max(1_000_000, 'Unknown revision.'),
    answer: z.enum(['approve', 'reject'], { error: 'Approve or reject the minutes.' }),
  })
  .transform(({ answer, ...v }) => ({ ...v, approve: answer === 'approve' }));
