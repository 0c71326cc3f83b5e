// The public decision log's filters and page cursor, parsed from and written to a query
// string, so every filtered view is a shareable URL and the page, CSV and Atom feed agree.

export type LogFilters = {
  /** A dotted kind, e.g. 'ballot.cast'. */
  kind?: string;
  /** A body key: entries whose payload.bodyKey is this. */
  body?: string;
  /** A proposal number: entries whose subject is that proposal. */
  proposal?: number;
  /** Inclusive UTC dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
};

/** Keyset cursor on seq: `before` pages to older entries, `after` to newer ones. */
export type LogCursor = { before?: number; after?: number };

export type ParsedLogQuery = { filters: LogFilters; cursor: LogCursor; errors: string[] };

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

function get(q: QueryInput, key: string): string | undefined {
  const v = q instanceof URLSearchParams ? q.get(key) : q[key];
  const s = Array.isArray(v) ? v[0] : v;
  const t = s?.trim();
  return t ? t : undefined;
}

const KIND = /^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/;
const BODY = /^[a-z0-9][a-z0-9_-]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SEQ = /^[1-9]\d{0,14}$/;

function isRealDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** What parseLogQuery says of a value it drops, by code (the log page shows `log.queryErrors.<code>`). */
export const logQueryErrors = {
  kind: 'Unknown kind of entry; showing all kinds.',
  body: 'Unknown body; showing all bodies.',
  proposal: 'A proposal is chosen by its number, like 7.',
  from: 'The start date must be a date like 2026-01-31.',
  to: 'The end date must be a date like 2026-01-31.',
  swapped: 'The start date is after the end date, so they were swapped.',
} as const;
export type LogQueryError = keyof typeof logQueryErrors;

/** The code of one of parseLogQuery's explanations, or null. */
export function logQueryErrorCode(message: string): LogQueryError | null {
  return (Object.keys(logQueryErrors) as LogQueryError[]).find((code) => logQueryErrors[code] === message) ?? null;
}

/** Reads filters and cursor; invalid values are dropped and explained, never passed to SQL. */
export function parseLogQuery(q: QueryInput): ParsedLogQuery {
  const filters: LogFilters = {};
  const cursor: LogCursor = {};
  const errors: string[] = [];

  const kind = get(q, 'kind');
  if (kind !== undefined) {
    if (kind.length <= 64 && KIND.test(kind)) filters.kind = kind;
    else errors.push(logQueryErrors.kind);
  }
  const body = get(q, 'body');
  if (body !== undefined) {
    if (body.length <= 64 && BODY.test(body)) filters.body = body;
    else errors.push(logQueryErrors.body);
  }
  const proposal = get(q, 'proposal');
  if (proposal !== undefined) {
    const n = Number(proposal.replace(/^#/, ''));
    if (Number.isSafeInteger(n) && n >= 1 && n <= 1_000_000_000) filters.proposal = n;
    else errors.push(logQueryErrors.proposal);
  }
  for (const key of ['from', 'to'] as const) {
    const v = get(q, key);
    if (v === undefined) continue;
    if (isRealDate(v)) filters[key] = v;
    else errors.push(logQueryErrors[key]);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.push(logQueryErrors.swapped);
    [filters.from, filters.to] = [filters.to, filters.from];
  }
  const before = get(q, 'before');
  const after = get(q, 'after');
  if (before !== undefined && SEQ.test(before)) cursor.before = Number(before);
  else if (after !== undefined && SEQ.test(after)) cursor.after = Number(after);
  return { filters, cursor, errors };
}

/** `?kind=…&body=…` (or '' when empty), cursor last, keys in a stable order. */
export function logQueryString(filters: LogFilters, cursor: LogCursor = {}): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.body) params.set('body', filters.body);
  if (filters.proposal !== undefined) params.set('proposal', String(filters.proposal));
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (cursor.before !== undefined) params.set('before', String(cursor.before));
  else if (cursor.after !== undefined) params.set('after', String(cursor.after));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function hasFilters(f: LogFilters): boolean {
  return Boolean(f.kind || f.body || f.proposal !== undefined || f.from || f.to);
}

/** The date filters as instants: `fromAt` inclusive, `toBefore` exclusive (the day after `to`). */
export function dateBounds(f: LogFilters): { fromAt?: Date; toBefore?: Date } {
  const out: { fromAt?: Date; toBefore?: Date } = {};
  if (f.from) out.fromAt = new Date(`${f.from}T00:00:00.000Z`);
  if (f.to) out.toBefore = new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 86_400_000);
  return out;
}
