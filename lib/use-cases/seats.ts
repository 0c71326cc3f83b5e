import 'server-only';
import type { Database } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { findSeat, vacateSeat } from '@/db/queries/seats';
import { refuse } from '@/lib/governance/refusal';
import type { Actor } from './actor';
import { requireOrganizationWritable } from './writable';

/** A holder's own resignation: the seat empties and its vacancy clock starts. */
export async function resignSeat(db: Database, actor: Actor, input: { orgId: string; seatId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    const seat = await findSeat(tx, input.orgId, input.seatId, { forUpdate: true });
    if (!seat || seat.holderUserId !== actor.userId) refuse('seat.not_holder');
    await vacateSeat(tx, seat!.id, at);
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'seat.resigned',
      subject: `seat:${seat!.id}`,
      payload: { bodyKey: seat!.bodyKey, position: seat!.position, formerHolderId: actor.userId },
      at,
    });
  });
}
