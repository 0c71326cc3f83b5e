import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { objections, users } from '@/db/schema';

/** An objection as the page and the close's log entry show it: public, with the objector's name and reason. */
export type ObjectionView = {
  id: string;
  stageIndex: number;
  seatId: string;
  objectorUserId: string;
  objectorName: string | null;
  reason: string;
  raisedAt: Date;
  withdrawnAt: Date | null;
};

/** Every objection raised on a proposal, oldest first (withdrawn ones too, with when). */
export async function listObjections(db: Executor, proposalId: string): Promise<ObjectionView[]> {
  return db
    .select({
      id: objections.id,
      stageIndex: objections.stageIndex,
      seatId: objections.seatId,
      objectorUserId: objections.objectorUserId,
      objectorName: users.name,
      reason: objections.reason,
      raisedAt: objections.raisedAt,
      withdrawnAt: objections.withdrawnAt,
    })
    .from(objections)
    .leftJoin(users, eq(users.id, objections.objectorUserId))
    .where(eq(objections.proposalId, proposalId))
    .orderBy(asc(objections.raisedAt), asc(objections.id));
}

/** Ends the seat's standing objection at this stage (withdrawn or replaced); true when there was one. The caller holds the proposal's lock. */
export async function endStandingObjection(tx: Executor, o: { proposalId: string; stageIndex: number; seatId: string; at: Date }): Promise<boolean> {
  const ended = await tx
    .update(objections)
    .set({ withdrawnAt: o.at })
    .where(
      and(eq(objections.proposalId, o.proposalId), eq(objections.stageIndex, o.stageIndex), eq(objections.seatId, o.seatId), isNull(objections.withdrawnAt)),
    )
    .returning({ id: objections.id });
  return ended.length > 0;
}

export async function insertObjection(
  tx: Executor,
  o: { id: string; proposalId: string; stageIndex: number; seatId: string; objectorUserId: string; reason: string; at: Date },
): Promise<void> {
  await tx.insert(objections).values({
    id: o.id,
    proposalId: o.proposalId,
    stageIndex: o.stageIndex,
    seatId: o.seatId,
    objectorUserId: o.objectorUserId,
    reason: o.reason,
    raisedAt: o.at,
  });
}
