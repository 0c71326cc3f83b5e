import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import type { Database } from '@/db/client';
import { now } from '@/lib/clock';
import type { Role } from '@/lib/governance/roles';
import type { LimitPolicy } from '@/lib/rate-limit';
import type { Actor } from '@/lib/use-cases/actor';
import { castBallot } from '@/lib/use-cases/ballots';
import { postComment } from '@/lib/use-cases/comments';
import { ballotSchema, commentSchema } from '@/lib/validation/proposal';
import { spendLimit } from './limit';

/** A use case as the engine writes it: the database, who acts (with their role in the organization), the input and the time. */
export type UseCase<T, R> = (db: Database, actor: Actor, input: T, at: Date) => Promise<R>;

/**
 * One thing a member does in an organization, written once for every way in: the schema its
 * input must pass, the minimum role, the use case, and the rate limit it spends. The server
 * action (lib/actions/use-case-action.ts `orgOperationAction`) and the API (lib/api/write.ts)
 * both run it, after the same check (lib/actions/authorize.ts), through `performAsMember`.
 */
export type OrgOperation<S extends z.ZodType<{ orgId: string }>, R> = {
  schema: S;
  minimumRole: Role;
  useCase: UseCase<z.output<S>, R>;
  limit?: LimitPolicy;
};

function operation<S extends z.ZodType<{ orgId: string }>, R>(op: OrgOperation<S, R>): OrgOperation<S, R> {
  return op;
}

/**
 * The member, already authorized for the organization with the operation's minimum role, spends
 * one point of its rate limit (keyed by their user id, whichever way they came in) and runs the
 * use case now. A rule's "no" is thrown as a RuleRefusal.
 */
export async function performAsMember<S extends z.ZodType<{ orgId: string }>, R>(
  op: OrgOperation<S, R>,
  member: { userId: string; role: Role },
  input: z.output<S>,
): Promise<R> {
  if (op.limit) await spendLimit(op.limit, member.userId);
  return op.useCase(getDb(), { userId: member.userId, role: member.role }, input, now());
}

// Observers may post only the right-of-reply statement when they are the subject; the pure
// permission rules decide that, so the minimum role here is observer.
export const postCommentOperation = operation({ schema: commentSchema, minimumRole: 'observer', useCase: postComment, limit: 'comment' });

// Seats, recusals and the voting window are the use case's to check (lib/governance/permissions.ts, voting.ts).
export const castBallotOperation = operation({ schema: ballotSchema, minimumRole: 'observer', useCase: castBallot, limit: 'ballot' });
