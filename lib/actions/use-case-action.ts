import 'server-only';
import type { z } from 'zod';
import type { Role } from '@/lib/governance/roles';
import type { LimitPolicy } from '@/lib/rate-limit';
import { orgAction } from './action';
import { spendLimit } from './limit';
import { performAsMember } from './operations';
import type { OrgOperation, UseCase } from './operations';

/**
 * An organization action that runs one use case as the signed-in member, now, and answers with
 * `message` (fixed, or worded from the input and what the use case returned — in the request's
 * language when it comes from a translator: lib/i18n/refusals.ts requestTranslator). With `limit`, the
 * member spends one point of that rate limit, sent alongside the membership check (one round trip
 * fewer); the use case runs only once both said yes, a refused membership answering first.
 */
export function orgUseCaseAction<S extends z.ZodType<{ orgId: string }>, R>(
  schema: S,
  minimumRole: Role,
  useCase: UseCase<z.output<S>, R>,
  message: string | ((input: z.output<S>, result: R) => string | Promise<string>),
  options: {
    limit?: LimitPolicy;
    /** A success answers with what it recorded (returned as `recorded`) instead of re-rendering the page (orgAction's `rerender: false`). */
    recorded?: (input: z.output<S>, result: R) => Record<string, string>;
  } = {},
) {
  const { recorded, limit } = options;
  return orgAction(
    schema,
    minimumRole,
    async ({ input, user, membership, alongside }) => {
      // The limit's point was spent alongside the membership check (keyed by the caller: their own points).
      await alongside;
      const result = await performAsMember({ schema, minimumRole, useCase }, { userId: user.id, role: membership.role }, input);
      return {
        ok: true,
        message: typeof message === 'string' ? message : await message(input, result),
        ...(recorded ? { recorded: recorded(input, result) } : {}),
      };
    },
    { rerender: !recorded, ...(limit ? { alongsideAuthorization: (_input, user) => spendLimit(limit, user.id) } : {}) },
  );
}

/** The server action of an operation the API shares (lib/actions/operations.ts): its schema, role, use case and limit, with the form's answer. */
export function orgOperationAction<S extends z.ZodType<{ orgId: string }>, R>(
  op: OrgOperation<S, R>,
  message: string | ((input: z.output<S>, result: R) => string | Promise<string>),
  options: { recorded?: (input: z.output<S>, result: R) => Record<string, string> } = {},
) {
  return orgUseCaseAction(op.schema, op.minimumRole, op.useCase, message, { ...options, ...(op.limit ? { limit: op.limit } : {}) });
}
