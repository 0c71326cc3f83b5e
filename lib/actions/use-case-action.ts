import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import type { Database } from '@/db/client';
import { now } from '@/lib/clock';
import type { Role } from '@/lib/governance/roles';
import type { LimitPolicy } from '@/lib/rate-limit';
import type { Actor } from '@/lib/use-cases/actor';
import { orgAction } from './action';
import { spendLimit } from './limit';

/** A use case as the engine writes it: the database, who acts (with their role in the organization), the input and the time. */
type UseCase<T, R> = (db: Database, actor: Actor, input: T, at: Date) => Promise<R>;

/**
 * An organization action that runs one use case as the signed-in member, now, and answers with
 * `message` (fixed, or worded from the input and what the use case returned). With `limit`, the
 * member first spends one point of that rate limit.
 */
export function orgUseCaseAction<S extends z.ZodType<{ orgId: string }>, R>(
  schema: S,
  minimumRole: Role,
  useCase: UseCase<z.output<S>, R>,
  message: string | ((input: z.output<S>, result: R) => string),
  options: {
    limit?: LimitPolicy;
    /** A success answers with what it recorded (returned as `recorded`) instead of re-rendering the page (orgAction's `rerender: false`). */
    recorded?: (input: z.output<S>, result: R) => Record<string, string>;
  } = {},
) {
  const { recorded } = options;
  return orgAction(
    schema,
    minimumRole,
    async ({ input, user, membership }) => {
      if (options.limit) await spendLimit(options.limit, user.id);
      const result = await useCase(getDb(), { userId: user.id, role: membership.role }, input, now());
      return { ok: true, message: typeof message === 'string' ? message : message(input, result), ...(recorded ? { recorded: recorded(input, result) } : {}) };
    },
    { rerender: !recorded },
  );
}
