// Pure decisions behind `npm run audit:deps` (scripts/audit.ts): read `npm audit --json` and apply
// the justified allowlist (.ci/audit-allowlist.json). The offline check for when the advisory
// database cannot be reached is in ./advisories.ts.
// No I/O and no clock here: the script passes in files, command output and today's date.

import { z } from 'zod';

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';
const severities: readonly Severity[] = ['info', 'low', 'moderate', 'high', 'critical'];

/** Severities that fail the build unless an unexpired exception covers them. */
export const blockingSeverities: ReadonlySet<Severity> = new Set(['high', 'critical']);

export type Finding = {
  /** The vulnerable package (not whatever depends on it). */
  package: string;
  /** GHSA id when the advisory has one, else its URL or npm's numeric id. */
  advisory: string;
  title: string;
  url: string;
  severity: Severity;
  /** Affected versions, as the advisory states them. */
  range: string;
  /** Where the finding came from: the live advisory database or our offline list. */
  source: 'npm audit' | 'offline list';
};

export type AuditOutcome =
  | { kind: 'report'; findings: Finding[] }
  /** The advisory endpoint did not answer (network, proxy, or a registry without it, e.g. 405). */
  | { kind: 'unreachable'; reason: string }
  /** npm audit failed for a reason of ours (no lockfile, bad arguments): that is a real failure. */
  | { kind: 'error'; reason: string };

const ghsaPattern = /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/i;

/** The identity an exception names an advisory by: its GHSA id if any, else the text itself. */
export function advisoryKey(text: string): string {
  const ghsa = text.match(ghsaPattern);
  return (ghsa ? ghsa[0] : text.trim()).toLowerCase();
}

const networkFailure =
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|socket hang up|network|proxy|fetch failed|request to \S+ failed/i;

/**
 * Classifies the stdout of `npm audit --json`. npm exits 1 both when it finds vulnerabilities
 * and when it fails, so the JSON's shape decides, never the exit code.
 */
export function parseNpmAudit(stdout: string): AuditOutcome {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    const head = stdout.trim().slice(0, 200);
    // Nothing at all, or a crash message, is npm failing, not the network: never a pass.
    return head !== '' && networkFailure.test(head)
      ? { kind: 'unreachable', reason: head }
      : { kind: 'error', reason: `npm audit did not print JSON: ${head || '(nothing)'}` };
  }
  if (typeof json !== 'object' || json === null) return { kind: 'error', reason: 'npm audit printed JSON that is not an object' };
  const report = json as Record<string, unknown>;
  if (typeof report.vulnerabilities === 'object' && report.vulnerabilities !== null && typeof report.metadata === 'object') {
    return { kind: 'report', findings: findingsOf(report.vulnerabilities as Record<string, unknown>) };
  }
  const error = (typeof report.error === 'object' && report.error !== null ? report.error : {}) as Record<string, unknown>;
  const code = typeof error.code === 'string' ? error.code : undefined;
  const status = typeof report.statusCode === 'number' ? report.statusCode : undefined;
  const message = [report.message, error.summary, error.detail].filter((s) => typeof s === 'string' && s !== '').join(' — ');
  const reason = [code, message].filter(Boolean).join(': ') || 'unknown npm audit failure';
  // An HTTP status is the registry answering without an advisory service (405 here), or a
  // proxy/outage (5xx, 403): either way nothing was audited, through no fault of the project.
  if (status !== undefined || (code !== undefined && networkFailure.test(code)) || (code === undefined && networkFailure.test(message))) {
    return { kind: 'unreachable', reason: status !== undefined ? `HTTP ${status}: ${reason}` : reason };
  }
  return { kind: 'error', reason };
}

function findingsOf(vulnerabilities: Record<string, unknown>): Finding[] {
  const out = new Map<string, Finding>();
  for (const entry of Object.values(vulnerabilities)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const via = (entry as { via?: unknown }).via;
    if (!Array.isArray(via)) continue;
    // String entries say "vulnerable because of package X": X has its own entry with the advisory.
    for (const v of via) {
      if (typeof v !== 'object' || v === null) continue;
      const a = v as Record<string, unknown>;
      const pkg = typeof a.name === 'string' ? a.name : typeof a.dependency === 'string' ? a.dependency : undefined;
      if (!pkg) continue;
      const url = typeof a.url === 'string' ? a.url : '';
      const advisory = url.match(ghsaPattern)?.[0] ?? (url || String(a.source ?? 'unknown advisory'));
      const severity = severities.includes(a.severity as Severity) ? (a.severity as Severity) : 'critical';
      const finding: Finding = {
        package: pkg,
        advisory,
        title: typeof a.title === 'string' ? a.title : advisory,
        url,
        severity,
        range: typeof a.range === 'string' ? a.range : '',
        source: 'npm audit',
      };
      out.set(`${pkg} ${advisoryKey(advisory)}`, finding);
    }
  }
  return [...out.values()].sort((a, b) => a.package.localeCompare(b.package) || a.advisory.localeCompare(b.advisory));
}

// ---------------------------------------------------------------------------------------------
// The allowlist: every exception names the package and advisory, says why, and expires.

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Exceptions may be granted for at most this long: each one must be looked at again. */
export const maxExceptionDays = 180;

const exceptionSchema = z.strictObject({
  package: z.string().min(1),
  advisory: z.string().min(1, 'advisory: a GHSA id or advisory URL'),
  reason: z.string().trim().min(20, 'reason: say why this advisory does not affect Quorate, or what mitigates it (20 characters or more)'),
  expires: z.string().regex(isoDate, 'expires: a date, YYYY-MM-DD'),
  approvedBy: z.string().min(1).optional(),
});

const allowlistSchema = z.strictObject({
  $comment: z.string().optional(),
  exceptions: z.array(exceptionSchema),
});

export type AuditException = z.infer<typeof exceptionSchema>;

export type Allowlist = { exceptions: AuditException[]; problems: string[] };

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Validates the allowlist file. Problems fail the audit: an exception that has expired, has no
 * real reason, or reaches further than `maxExceptionDays` is not an exception anyone approved.
 */
export function parseAllowlist(json: unknown, today: string): Allowlist {
  const parsed = allowlistSchema.safeParse(json);
  if (!parsed.success) {
    return { exceptions: [], problems: parsed.error.issues.map((i) => `allowlist ${i.path.join('.') || '(file)'}: ${i.message}`) };
  }
  const problems: string[] = [];
  const exceptions: AuditException[] = [];
  const latest = addDays(today, maxExceptionDays);
  for (const e of parsed.data.exceptions) {
    const name = `${e.package} ${e.advisory}`;
    if (Number.isNaN(Date.parse(`${e.expires}T00:00:00Z`))) problems.push(`allowlist: ${name}: expires ${e.expires} is not a date`);
    else if (e.expires < today)
      problems.push(`allowlist: the exception for ${name} expired on ${e.expires}; fix the dependency, or renew it with a fresh reason`);
    else if (e.expires > latest)
      problems.push(`allowlist: the exception for ${name} runs to ${e.expires}, more than ${maxExceptionDays} days ahead; choose a nearer date`);
    else exceptions.push(e);
  }
  return { exceptions, problems };
}

export type Verdict = {
  ok: boolean;
  /** High or critical findings no exception covers, and allowlist problems. */
  failures: string[];
  /** The findings among the failures. */
  blocked: Finding[];
  /** High or critical findings an unexpired exception covers. */
  excepted: { finding: Finding; exception: AuditException }[];
  /** Below the blocking severities: reported, never failing. */
  notices: Finding[];
  /** Exceptions that matched nothing this run: candidates for removal. */
  unusedExceptions: AuditException[];
};

export function decide(findings: Finding[], allowlist: Allowlist): Verdict {
  const failures = [...allowlist.problems];
  const excepted: Verdict['excepted'] = [];
  const blocked: Finding[] = [];
  const notices: Finding[] = [];
  const used = new Set<AuditException>();
  for (const finding of findings) {
    if (!blockingSeverities.has(finding.severity)) {
      notices.push(finding);
      continue;
    }
    const exception = allowlist.exceptions.find((e) => e.package === finding.package && advisoryKey(e.advisory) === advisoryKey(finding.advisory));
    if (exception) {
      used.add(exception);
      excepted.push({ finding, exception });
    } else {
      blocked.push(finding);
      failures.push(
        `${finding.severity.toUpperCase()} ${finding.package} — ${finding.title} (${finding.url || finding.advisory})${finding.range ? `, affected ${finding.range}` : ''} [${finding.source}]`,
      );
    }
  }
  return { ok: failures.length === 0, failures, blocked, excepted, notices, unusedExceptions: allowlist.exceptions.filter((e) => !used.has(e)) };
}
