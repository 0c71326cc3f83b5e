import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '@/db/client';
import { notifyEvents, outbox } from '@/db/schema';
import { notificationMail } from '@/lib/notify/templates';
import type { NotificationPayload } from '@/lib/notify/templates';
import { testMailContext } from './helpers';

/** A secret ballot's receipt was mailed to its voter alone: one mandatory notice, one outbox row (its voter's), a mail with the receipt and the lookup page. */
export async function expectReceiptMailedToVoterAlone(
  db: Database,
  v: { id: string; voterUserId: string; receipt: string | null },
  at: { slug: string; number: number },
): Promise<void> {
  const [event] = await db
    .select()
    .from(notifyEvents)
    .where(eq(notifyEvents.key, `receipt:${v.id}`));
  expect((event!.payload as NotificationPayload).receipt).toBe(v.receipt);
  const rows = await db.select().from(outbox).where(eq(outbox.eventId, event!.id));
  expect(rows.map((r) => [r.recipientUserId, r.kind, r.mandatory])).toEqual([[v.voterUserId, 'ballot_receipt', true]]);
  const mail = notificationMail({ kind: 'ballot_receipt', payload: event!.payload as NotificationPayload, ...testMailContext(at.slug) });
  expect(mail.text).toContain(`Your receipt: ${v.receipt}`);
  expect(mail.text).toContain(`/o/${at.slug}/proposals/${at.number}/receipt`);
}
