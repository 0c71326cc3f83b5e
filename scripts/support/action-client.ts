/**
 * Calls the app's server actions over HTTP against a running production server (`next start`),
 * as a browser would — for crash drills and benchmarks that must drive the real server.
 *
 *   const actions = new ActionClient({ baseUrl: 'http://localhost:3100' });   // reads .next's manifest
 *   const ada = await actions.signInAs(insertSession, adaUserId);               // a sessions row + cookie
 *   const outcome = await ada.call('castBallotAction', `/o/${slug}/proposals/3`, { orgId, proposalId, choice: 'yes' });
 *   if (outcome.kind === 'ok') …  // 'refused' (the action said no, with its message), 'redirect', 'error' (5xx)
 *
 * - Action ids come from the production build's `.next/server/server-reference-manifest.json`,
 *   looked up by exported name (`castBallotAction`), or `file#name` when a name is ambiguous.
 * - Signing in inserts an Auth.js database session (`sessions` row) through the caller's own
 *   database handle and sends its token as the session cookie (`quorate.session` over http,
 *   `__Secure-quorate.session` over https; see lib/auth/config.ts).
 * - mode 'js' (default) posts what React sends when JavaScript runs: a `Next-Action` header and
 *   the reply encoding of `(prevState, formData)` — form fields as `_1_<name>`, then the root
 *   `0` = `[prevState, "$K1"]` (root last: the server resolves `$K1` from fields read before
 *   it). The answer is a Flight stream whose row 0 names the row holding the ActionState.
 * - mode 'no-js' posts the form like a browser without JavaScript: it GETs the page once, copies
 *   the hidden `$ACTION_REF_n` / `$ACTION_n:0` / `$ACTION_n:1` / `$ACTION_KEY` fields of the form
 *   bound to the action, and reads the message the re-rendered page shows in that form. (A bare
 *   `$ACTION_ID_<id>` field does NOT work for these actions: React then calls the action with the
 *   form data as its first argument, and `useActionState` actions take `(prevState, formData)`,
 *   so the server answers 500.) When the re-rendered page no longer has the form (the phase moved
 *   on), the answer cannot say what happened: outcome 'unknown'.
 * - A request that dies on the wire (server killed, connection reset) rejects with
 *   {@link ActionTransportError}: its outcome is unknown — it may or may not have committed.
 *
 * Plain Node (fetch, fs): no server-only imports, usable from Playwright specs, Vitest and tsx.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The ActionState every action returns (lib/actions/state.ts). */
export type ActionState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

export type ActionOutcome =
  /** The action answered ok: true — the write is acknowledged. */
  | { kind: 'ok'; status: number; message: string | undefined; state: ActionState }
  /** The action answered ok: false — a rule's refusal, invalid fields, no permission, a rate limit. */
  | { kind: 'refused'; status: number; message: string; state: ActionState }
  /** The action redirected (e.g. creating a proposal ends on its page). */
  | { kind: 'redirect'; status: number; location: string }
  /** No ActionState in the answer: a 5xx, or a page the client cannot read. */
  | { kind: 'error'; status: number; body: string }
  /**
   * no-js only: the page came back (200) but no longer shows the form, so it cannot say what
   * happened — e.g. the proposal's phase moved on while the action ran. The write may or may not
   * have been made; a browser without JavaScript would show the same page.
   */
  | { kind: 'unknown'; status: number; body: string };

/** The request failed on the wire (connection refused or reset): whether it took effect is unknown. */
export class ActionTransportError extends Error {
  /** The socket error's code when there is one, e.g. ECONNREFUSED (never sent) or ECONNRESET / UND_ERR_SOCKET (sent, no answer). */
  readonly code: string | undefined;

  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ActionTransportError';
    // fetch's TypeError carries the socket error as its cause (an AggregateError for a dual-stack host).
    const socket = (cause as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | undefined)?.cause;
    const c = socket?.code ?? socket?.errors?.[0]?.code;
    this.code = typeof c === 'string' ? c : undefined;
  }

  /** The connection was refused: the request never reached a server, so it cannot have taken effect. */
  get neverSent(): boolean {
    return this.code === 'ECONNREFUSED';
  }
}

export type SessionRow = { sessionToken: string; userId: string; expires: Date };

export type ActionClientOptions = {
  /** e.g. http://localhost:3100 — use the host name AUTH_URL uses (Auth.js ignores AUTH_URL on a bare IP). */
  baseUrl: string;
  /** The production build folder holding server/server-reference-manifest.json. Default `.next` in the working directory. */
  buildDir?: string;
  mode?: 'js' | 'no-js';
  /** Session cookie name; default from the base URL's scheme, as lib/auth/config.ts chooses it. */
  cookieName?: string;
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
};

type ManifestEntry = { filename?: string; exportedName?: string };

/** exported name → ids, and `file#name` → id, from a production build. */
export function readActionIds(buildDir = '.next'): Map<string, string[]> {
  const file = path.join(buildDir, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { node?: Record<string, ManifestEntry> };
  const ids = new Map<string, string[]>();
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    if (!entry.exportedName) continue;
    for (const key of [entry.exportedName, `${entry.filename}#${entry.exportedName}`]) ids.set(key, [...(ids.get(key) ?? []), id]);
  }
  return ids;
}

/** A fresh session token and its `sessions` row (valid for `days`). */
export function newSession(userId: string, days = 1): SessionRow {
  return { sessionToken: randomBytes(32).toString('hex'), userId, expires: new Date(Date.now() + days * 86_400_000) };
}

/** The ActionState in a Flight answer: row 0 is `{"a":"$@<row>",…}`, that row the state. */
export function actionStateFromFlight(body: string): ActionState | null {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && /^[0-9a-f]+$/.test(line.slice(0, colon))) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  try {
    const root = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    const ref = typeof root?.a === 'string' && root.a.startsWith('$@') ? root.a.slice(2) : null;
    const state = ref ? (JSON.parse(rows.get(ref) ?? 'null') as ActionState | null) : null;
    return state && typeof state.ok === 'boolean' ? state : null;
  } catch {
    return null;
  }
}

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The hidden progressive-enhancement fields of the form bound to `actionId` on a rendered page
 * — the first such form, or the one whose aria-label is `formLabel` (a page may bind one action
 * to several forms: a new comment and a reply to each comment).
 */
export function progressiveFields(html: string, actionId: string, formLabel?: string): Record<string, string> | null {
  for (const form of html.match(/<form\b[\s\S]*?<\/form>/g) ?? []) {
    if (formLabel !== undefined && decodeEntities(/^<form\b[^>]*\baria-label="([^"]*)"/.exec(form)?.[1] ?? '') !== formLabel) continue;
    const fields: Record<string, string> = {};
    for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
      const name = /\bname="([^"]*)"/.exec(input)?.[1];
      if (!name || !name.startsWith('$ACTION')) continue;
      fields[decodeEntities(name)] = decodeEntities(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? '');
    }
    const meta = Object.entries(fields).find(([k]) => /^\$ACTION_\d+:0$/.test(k))?.[1];
    if (meta && (JSON.parse(meta) as { id?: string }).id === actionId) return fields;
  }
  return null;
}

/** The message a re-rendered ActionForm shows (components/ui/action-form.tsx), with its ok/refused colour. */
export function actionStateFromHtml(html: string): ActionState | null {
  // The answer's box carries role="status" and, so that focus can move to it, a tabindex and a class.
  const m = /role="status"[^>]*><p class="[^"]*\b(border-emerald-300|border-red-300)\b[^"]*">([\s\S]*?)<\/p>/.exec(html);
  if (!m) return null;
  return { ok: m[1] === 'border-emerald-300', message: decodeEntities(m[2]!.replace(/<!-- -->/g, '')) };
}

export class ActionClient {
  readonly baseUrl: string;
  readonly mode: 'js' | 'no-js';
  private readonly ids: Map<string, string[]>;
  private readonly cookieName: string;
  private readonly timeoutMs: number;

  constructor(opts: ActionClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.mode = opts.mode ?? 'js';
    this.ids = readActionIds(opts.buildDir ?? path.join(process.cwd(), '.next'));
    this.cookieName = opts.cookieName ?? (this.baseUrl.startsWith('https://') ? '__Secure-quorate.session' : 'quorate.session');
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  /** The action's id in this build, by exported name (or `app/…/actions.ts#name`). */
  actionId(name: string): string {
    const ids = this.ids.get(name) ?? [];
    if (ids.length !== 1) throw new Error(ids.length === 0 ? `No server action named ${name} in this build.` : `${name} is ambiguous: use file#name.`);
    return ids[0]!;
  }

  /** A client signed in as `userId`: inserts a session row through `insert` (the caller's database), sends its cookie. */
  async signInAs(insert: (row: SessionRow) => Promise<unknown>, userId: string): Promise<SignedInClient> {
    const row = newSession(userId);
    await insert(row);
    return this.withSession(row.sessionToken);
  }

  /** A client for an existing session token. */
  withSession(sessionToken: string): SignedInClient {
    return new SignedInClient(this, `${this.cookieName}=${sessionToken}`, this.timeoutMs);
  }
}

export class SignedInClient {
  private readonly formCache = new Map<string, Record<string, string>>();

  constructor(
    private readonly client: ActionClient,
    readonly cookie: string,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Submits `fields` to the action `name` from the page at `pagePath` (the page whose form
   * carries it: the answer is that page re-rendered). Resolves with what the action said;
   * rejects with ActionTransportError when the request died on the wire. `opts.form` (no-js)
   * names the form by its aria-label when the page binds the action to several.
   */
  async call(name: string, pagePath: string, fields: Record<string, string>, opts: { form?: string } = {}): Promise<ActionOutcome> {
    const id = this.client.actionId(name);
    return this.client.mode === 'js' ? this.callJs(id, pagePath, fields) : this.callNoJs(id, pagePath, fields, opts.form);
  }

  private async send(pagePath: string, init: RequestInit): Promise<{ status: number; headers: Headers; body: string }> {
    const url = `${this.client.baseUrl}${pagePath}`;
    try {
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { Cookie: this.cookie, Origin: this.client.baseUrl, ...(init.headers as Record<string, string> | undefined) },
      });
      return { status: res.status, headers: res.headers, body: await res.text() };
    } catch (error) {
      throw new ActionTransportError(
        `${init.method ?? 'GET'} ${url}: ${error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)}`,
        error,
      );
    }
  }

  private async callJs(id: string, pagePath: string, fields: Record<string, string>): Promise<ActionOutcome> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
    body.append('0', JSON.stringify([{ ok: false }, '$K1']));
    const res = await this.send(pagePath, { method: 'POST', body, headers: { 'Next-Action': id, Accept: 'text/x-component' } });
    const redirect = res.headers.get('x-action-redirect');
    if (redirect) return { kind: 'redirect', status: res.status, location: redirect.split(';')[0]! };
    return outcomeOf(res.status, res.body, actionStateFromFlight(res.body));
  }

  private async callNoJs(id: string, pagePath: string, fields: Record<string, string>, formLabel?: string): Promise<ActionOutcome> {
    const cacheKey = `${pagePath} ${id} ${formLabel ?? ''}`;
    let hidden = this.formCache.get(cacheKey);
    if (!hidden) {
      const page = await this.send(pagePath, { method: 'GET' });
      const found = progressiveFields(page.body, id, formLabel);
      if (!found) return { kind: 'error', status: page.status, body: `no form for action ${id} on ${pagePath}` };
      this.formCache.set(cacheKey, (hidden = found));
    }
    const body = new FormData();
    for (const [k, v] of Object.entries(hidden)) body.append(k, v);
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    const res = await this.send(pagePath, { method: 'POST', body });
    if (res.status === 303) return { kind: 'redirect', status: res.status, location: res.headers.get('location') ?? '' };
    // The answer is the page re-rendered: the next submission uses its form, as a browser would.
    const next = res.status === 200 ? progressiveFields(res.body, id, formLabel) : null;
    if (next) this.formCache.set(cacheKey, next);
    const state = res.status === 200 ? actionStateFromHtml(res.body) : null;
    if (!state && res.status === 200 && !next) return { kind: 'unknown', status: res.status, body: res.body.slice(0, 2000) };
    return outcomeOf(res.status, res.body, state);
  }
}

function outcomeOf(status: number, body: string, state: ActionState | null): ActionOutcome {
  if (!state) return { kind: 'error', status, body: body.slice(0, 2000) };
  if (state.ok) return { kind: 'ok', status, message: state.message, state };
  return { kind: 'refused', status, message: state.message ?? 'refused', state };
}
