import 'server-only';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { MembershipContext } from '@/db/queries/memberships';
import { getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/session';
import { formatMessage } from '@/lib/governance/messages';
import { zodErrorsIn } from '@/lib/i18n/field-errors';
import { localizedFieldErrors, localizedRefusal, requestLanguage } from '@/lib/i18n/refusals';
import type { RefusalCode } from '@/lib/governance/messages';
import { RuleRefusal } from '@/lib/governance/refusal';
import type { Role } from '@/lib/governance/roles';
import { noteOrgWrite } from '@/lib/public-cache/org-data';
import { authorizeMember } from './authorize';
import { setFlash } from './flash';
import type { ActionState } from './state';

/**
 * The action wrappers. Every server action is one of these, so the order of checks, the answer
 * to a refusal and the revalidation after a change are written once:
 *
 *   parse (zod) → authenticate → (membership and role) → handler → success or refusal
 *
 * A handler does its work and returns an ActionResult; a rule's "no" is thrown as a RuleRefusal
 * (lib/governance/refusal.ts) and comes back here as `{ ok: false, code, message, fieldErrors }`
 * with what the user typed. Anything else thrown is unexpected and reaches error.tsx.
 */

/** What a handler returns: the state for the form, or a place to go once the change is made. */
export type ActionResult = ActionState & { redirectTo?: string };

/** Plain string fields of a form; files and repeated keys are not part of any of our forms. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    // "__proto__" would set the object's prototype rather than a field: no form of ours has it.
    if (typeof value === 'string' && !key.startsWith('$ACTION') && key !== '__proto__') out[key] = value;
  }
  return out;
}

/** A zod error as the form's field errors: each field's messages (`_form` for the whole input). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    // Own keys only: a forged field named "constructor" must not reach Object.prototype's.
    if (key === '__proto__') continue;
    if (Object.hasOwn(out, key)) out[key]!.push(issue.message);
    else out[key] = [issue.message];
  }
  return out;
}

/** Bounds what we echo back: a 5 MB field must not come back in the response. */
function echo(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v.slice(0, 5000);
  return out;
}

/** A refusal the wrapper itself gives (no rule involved): its code and the catalogue's words. */
export function refusalState(code: RefusalCode, values?: Record<string, string>): ActionState {
  return { ok: false, code, message: formatMessage(code), ...(values ? { values } : {}) };
}

export const signedOutState: ActionState = refusalState('action.signed_out');

/**
 * A refusal state with its words in the request's language (the wrapper's own refusals: invalid input, signed out, forbidden),
 * and its field errors that are a refusal's English (lib/i18n/refusals.ts `localizedFieldErrors`).
 */
async function inLanguage(state: ActionState): Promise<ActionState> {
  if (state.ok || !state.code || !state.message) return state;
  const message = await localizedRefusal(state.code, undefined, state.message);
  return { ...state, message, ...(state.fieldErrors ? { fieldErrors: await localizedFieldErrors(state.fieldErrors) } : {}) };
}

type Parsed<T> = { ok: true; input: T; values: Record<string, string> } | { ok: false; state: ActionState };

type Echo<T> = (values: Record<string, string>, input?: T) => Record<string, string>;

/** Parses a form; zod's own words for a check without a schema message come in the request's language (`zodErrorsIn`). */
async function parse<S extends z.ZodType>(schema: S, formData: FormData, echoed: Echo<z.output<S>> = echo): Promise<Parsed<z.output<S>>> {
  const values = formValues(formData);
  const error = zodErrorsIn(await requestLanguage());
  const parsed = error ? schema.safeParse(values, { error }) : schema.safeParse(values);
  if (!parsed.success) return { ok: false, state: { ...refusalState('action.invalid_input', echoed(values)), fieldErrors: fieldErrorsOf(parsed.error) } };
  return { ok: true, input: parsed.data, values: echoed(values, parsed.data) };
}

type SignedIn<T> = { ok: true; input: T; values: Record<string, string>; user: SessionUser } | { ok: false; state: ActionState };

/** parse → authenticate: the input and who sent it, or the form's state when either says no. */
async function parseSignedIn<S extends z.ZodType>(schema: S, formData: FormData, echoed?: Echo<z.output<S>>): Promise<SignedIn<z.output<S>>> {
  const parsed = await parse(schema, formData, echoed);
  if (!parsed.ok) return parsed;
  const user = await getSessionUser();
  if (!user) return { ok: false, state: { ...signedOutState, values: parsed.values } };
  return { ...parsed, user };
}

/**
 * Runs the handler: a RuleRefusal becomes the form's state (its field, if it names one, gets the
 * message beside it); on success `afterChange` runs (revalidation), the message is flashed — the
 * page may come back without the form that was used — and a `redirectTo` is followed. A form that
 * answers for itself (`answer`) skips the re-render, the flash, or both.
 */
async function settle(
  values: Record<string, string>,
  run: () => Promise<ActionResult>,
  afterChange: () => void,
  answer: { rerender: boolean; flash: boolean } = { rerender: true, flash: true },
): Promise<ActionState> {
  let result: ActionResult;
  try {
    result = await run();
  } catch (error) {
    if (!(error instanceof RuleRefusal)) throw error;
    // The words in the reader's language where the catalogues have them (lib/i18n/refusals.ts); the code is the same in every language.
    const message = await localizedRefusal(error.code, error.params, error.message);
    return { ok: false, code: error.code, message, ...(error.field ? { fieldErrors: { [error.field]: [message] } } : {}), values };
  }
  if (!result.ok) return result;
  if (answer.rerender) afterChange();
  const { redirectTo, ...state } = result;
  if (state.message && answer.rerender && answer.flash) await setFlash(state.message);
  if (redirectTo) redirect(redirectTo);
  return state;
}

type PublicHandler<T> = (ctx: { input: T; values: Record<string, string> }) => Promise<ActionResult>;
type UserHandler<T> = (ctx: { input: T; user: SessionUser; values: Record<string, string> }) => Promise<ActionResult>;
type OrgHandler<T> = (ctx: {
  input: T;
  user: SessionUser;
  membership: MembershipContext & { orgSlug: string };
  values: Record<string, string>;
  /** What `alongsideAuthorization` started (settled: await it to take its answer), or null. */
  alongside: Promise<void> | null;
}) => Promise<ActionResult>;
type Revalidation = { path: string; type?: 'layout' | 'page' };
type Options<T> = {
  /** Paths a success changes beyond the organization's own; none by default. */
  revalidate?: Revalidation[];
  /** What of the form comes back on a refusal (`input` once it is valid); all of it, bounded, by default. */
  echo?: Echo<T>;
  /**
   * false: a success answers with its state alone — no page re-rendered into the reply (nothing
   * revalidated) and no flash cookie (which would make Next.js re-render too). For a form that
   * stays on the page and shows what was recorded itself (the ballot form). The next request
   * of any page is rendered fresh (signed-in pages are rendered per request; the public page
   * cache follows the decision log, lib/public-cache). A form posted without JavaScript gets
   * the page rendered anyway (`postedByScript`), with the form's state in it: the form confirms
   * the success itself, so it is not flashed as well.
   */
  rerender?: boolean;
  /**
   * Work of the caller's own, started at the same time as the membership check instead of after it
   * (the rate limit's point: keyed by the caller, it spends only their own points). The handler
   * runs only once authorized, and awaits it there; a refusal of the membership answers first.
   */
  alongsideAuthorization?: (input: T, user: SessionUser) => Promise<void>;
};

/**
 * Whether this action call came from the page's JavaScript (Next.js sends its `Next-Action`
 * header), not from a form posted without it (the action's id is then a form field). Outside a
 * request (tests calling an action directly) there is no page to render: counted as a script's.
 */
async function postedByScript(): Promise<boolean> {
  try {
    return (await headers()).has('next-action');
  } catch {
    return true;
  }
}

function revalidateAll(paths: Revalidation[] = []): void {
  for (const { path, type } of paths) revalidatePath(path, type);
}

/**
 * An action anyone may call, signed in or not (requesting a sign-in link): parse → handler.
 * Whatever it protects (rate limits) is the handler's to check.
 */
export function publicAction<S extends z.ZodType>(schema: S, handler: PublicHandler<z.output<S>>, options: Options<z.output<S>> = {}) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = await parse(schema, formData, options.echo);
    if (!parsed.ok) return inLanguage(parsed.state);
    const { input, values } = parsed;
    return settle(
      values,
      () => handler({ input, values }),
      () => revalidateAll(options.revalidate),
    );
  };
}

/**
 * An action for any signed-in user: parse → authenticate → handler.
 * Actions are public POST endpoints: the check happens here, whatever the page showed.
 */
export function userAction<S extends z.ZodType>(schema: S, handler: UserHandler<z.output<S>>, options: Options<z.output<S>> = {}) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const signedIn = await parseSignedIn(schema, formData, options.echo);
    if (!signedIn.ok) return inLanguage(signedIn.state);
    const { input, values, user } = signedIn;
    return settle(
      values,
      () => handler({ input, user, values }),
      () => revalidateAll(options.revalidate),
    );
  };
}

/**
 * An action inside one organization: parse → authenticate → the caller's membership in the
 * organization named by the (validated) `orgId` field, with at least `minimumRole` → handler.
 * A success re-renders that organization's pages (and only that organization's).
 */
export function orgAction<S extends z.ZodType<{ orgId: string }>>(
  schema: S,
  minimumRole: Role,
  handler: OrgHandler<z.output<S>>,
  options: Options<z.output<S>> = {},
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const signedIn = await parseSignedIn(schema, formData, options.echo);
    if (!signedIn.ok) return inLanguage(signedIn.state);
    const { input, values, user } = signedIn;
    const alongside = options.alongsideAuthorization?.(input, user) ?? null;
    // Not left unhandled when the membership check refuses first; the handler awaits it otherwise.
    alongside?.catch(() => {});
    // The same answer whether the organization exists or not: no probing of other orgs.
    const membership = await authorizeMember(input.orgId, user.id, minimumRole);
    if (!membership) return inLanguage(refusalState('action.forbidden', values));
    return settle(
      values,
      () => handler({ input, user, membership, values, alongside }).finally(() => noteOrgWrite(membership.orgId)),
      () => revalidateAll([{ path: `/o/${membership.orgSlug}`, type: 'layout' }, ...(options.revalidate ?? [])]),
      // A form that shows its own answer (rerender: false) is never flashed: posted without JavaScript, the
      // page comes back rendered with the form's state, and the form says it once.
      { rerender: options.rerender !== false || !(await postedByScript()), flash: options.rerender !== false },
    );
  };
}
