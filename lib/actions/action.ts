import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { getMembership } from '@/db/queries/memberships';
import type { MembershipContext } from '@/db/queries/memberships';
import { getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/session';
import { hasRole } from '@/lib/governance/roles';
import type { Role } from '@/lib/governance/roles';
import { setFlash } from './flash';
import type { ActionState } from './state';

/** Plain string fields of a form; files and repeated keys are not part of any of our forms. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) out[key] = value;
  }
  return out;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Bounds what we echo back: a 5 MB field must not come back in the response. */
function echo(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v.slice(0, 5000);
  return out;
}

export const signedOutState: ActionState = { ok: false, message: 'Your session has ended. Sign in again to continue.' };

type UserHandler<T> = (ctx: { input: T; user: SessionUser; values: Record<string, string> }) => Promise<ActionState>;
type OrgHandler<T> = (ctx: { input: T; user: SessionUser; membership: MembershipContext; values: Record<string, string> }) => Promise<ActionState>;

/**
 * An action for any signed-in user. Order: parse (zod) → authenticate → handler.
 * Actions are public POST endpoints: the check happens here, whatever the page showed.
 */
export function userAction<S extends z.ZodType>(schema: S, handler: UserHandler<z.output<S>>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values: echo(values) };
    }
    const user = await getSessionUser();
    if (!user) return { ...signedOutState, values: echo(values) };
    const result = await handler({ input: parsed.data, user, values: echo(values) });
    // Every success confirms itself, even when the page comes back without the form that was used.
    if (result.ok && result.message) await setFlash(result.message);
    return result;
  };
}

/**
 * An action inside one organization: parse → authenticate → the caller's membership in the
 * organization named by the (validated) `orgId` field, with at least `minimumRole` → handler.
 */
export function orgAction<S extends z.ZodType<{ orgId: string }>>(schema: S, minimumRole: Role, handler: OrgHandler<z.output<S>>) {
  return userAction(schema, async ({ input, user, values }) => {
    const membership = await getMembership(getDb(), input.orgId, user.id);
    if (!membership || !hasRole(membership.role, minimumRole)) {
      // The same answer whether the organization exists or not: no probing of other orgs.
      return { ok: false, message: 'You do not have permission to do this in this organization.', values };
    }
    return handler({ input, user, membership, values });
  });
}
