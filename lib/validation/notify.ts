import { z } from 'zod';
import { notificationModes } from '@/lib/notify/kinds';
import type { OptionalKind } from '@/lib/notify/kinds';

const mode = z.enum(notificationModes, 'Choose immediately, daily digest or off.');

export const notificationPrefsSchema = z.object({
  orgId: z.uuid('Unknown organization.'),
  proposal_published: mode,
  comment_window_closing: mode,
  voting_open: mode,
  vote_reminder: mode,
  decision: mode,
  vacancy_overdue: mode,
  followed_activity: mode,
  // Added after the others: a form rendered before it existed still saves (the default, immediate).
  petition_update: mode.default('immediate'),
} satisfies Record<'orgId' | OptionalKind, z.ZodType>);

export const retryDeadLetterSchema = z.object({
  orgId: z.uuid('Unknown organization.'),
  /** Empty: every dead letter of the organization. */
  outboxId: z.union([z.uuid(), z.literal('')]).default(''),
});
