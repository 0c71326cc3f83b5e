import { describe, expect, it } from 'vitest';
import { compareVersions, installedFromLockfile, isAffected, knownAdvisories, offlineCheck, offlinePackageNames } from './advisories';
import { advisoryKey, decide, parseAllowlist, parseNpmAudit } from './decide';
import type { Finding } from './decide';

const today = '2026-11-25';

/** The shape `npm audit --json` (auditReportVersion 2) prints. */
function auditReport(vulnerabilities: Record<string, unknown>): string {
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 }, dependencies: { prod: 1, dev: 1, total: 2 } },
  });
}

const sampleReport = auditReport({
  'tar-lib': {
    name: 'tar-lib',
    severity: 'high',
    isDirect: false,
    via: [
      {
        source: 1101,
        name: 'tar-lib',
        dependency: 'tar-lib',
        title: 'Path traversal',
        url: 'https://github.com/advisories/GHSA-2222-3333-4444',
        severity: 'high',
        range: '<6.2.1',
      },
    ],
    effects: ['builder'],
    range: '<6.2.1',
    nodes: ['node_modules/tar-lib'],
    fixAvailable: true,
  },
  // Vulnerable only through tar-lib: a string `via`, no advisory of its own.
  builder: {
    name: 'builder',
    severity: 'high',
    isDirect: true,
    via: ['tar-lib'],
    effects: [],
    range: '1.0.0 - 2.0.0',
    nodes: ['node_modules/builder'],
    fixAvailable: true,
  },
  'md-lib': {
    name: 'md-lib',
    severity: 'moderate',
    isDirect: true,
    via: [
      {
        source: 1102,
        name: 'md-lib',
        dependency: 'md-lib',
        title: 'ReDoS',
        url: 'https://github.com/advisories/GHSA-5555-6666-7777',
        severity: 'moderate',
        range: '<2.0.0',
      },
    ],
    effects: [],
    range: '<2.0.0',
    nodes: ['node_modules/md-lib'],
    fixAvailable: true,
  },
  'rce-lib': {
    name: 'rce-lib',
    severity: 'critical',
    isDirect: true,
    via: [
      {
        source: 1103,
        name: 'rce-lib',
        dependency: 'rce-lib',
        title: 'Prototype pollution to RCE',
        url: 'https://github.com/advisories/GHSA-8888-9999-cccc',
        severity: 'critical',
        range: '<3.0.1',
      },
    ],
    effects: [],
    range: '<3.0.1',
    nodes: ['node_modules/rce-lib'],
    fixAvailable: true,
  },
});

const exception = (over: Record<string, unknown> = {}) => ({
  package: 'tar-lib',
  advisory: 'https://github.com/advisories/GHSA-2222-3333-4444',
  reason: 'Only the build step unpacks archives, and only our own; no user input reaches it.',
  expires: '2027-01-31',
  ...over,
});

function findingsOf(stdout: string): Finding[] {
  const outcome = parseNpmAudit(stdout);
  if (outcome.kind !== 'report') throw new Error(`expected a report, got ${outcome.kind}`);
  return outcome.findings;
}

describe('parseNpmAudit', () => {
  it('reads one finding per advisory, on the vulnerable package, ignoring "vulnerable through" entries', () => {
    const findings = findingsOf(sampleReport);
    expect(findings.map((f) => [f.package, f.advisory, f.severity])).toEqual([
      ['md-lib', 'GHSA-5555-6666-7777', 'moderate'],
      ['rce-lib', 'GHSA-8888-9999-cccc', 'critical'],
      ['tar-lib', 'GHSA-2222-3333-4444', 'high'],
    ]);
  });

  it('reads a clean report as no findings', () => {
    expect(findingsOf(auditReport({}))).toEqual([]);
  });

  it('calls the registry answering 405 (this machine) unreachable, not clean', () => {
    const stdout = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    });
    const outcome = parseNpmAudit(stdout);
    expect(outcome.kind).toBe('unreachable');
    expect(outcome.kind === 'unreachable' && outcome.reason).toMatch(/^HTTP 405: 405 Method Not Allowed/);
  });

  it('calls a refused connection unreachable', () => {
    const stdout = JSON.stringify({
      message: 'request to http://127.0.0.1:9/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED 127.0.0.1:9',
      error: { summary: '', detail: '' },
    });
    expect(parseNpmAudit(stdout).kind).toBe('unreachable');
    expect(parseNpmAudit(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.npmjs.org' } })).kind).toBe('unreachable');
  });

  it('calls our own failures errors, never unreachable or clean', () => {
    expect(parseNpmAudit(JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.', detail: '' } }))).toEqual({
      kind: 'error',
      reason: 'ENOLOCK: This command requires an existing lockfile.',
    });
    expect(parseNpmAudit('').kind).toBe('error');
    expect(parseNpmAudit('Segmentation fault').kind).toBe('error');
    expect(parseNpmAudit('[]').kind).toBe('error');
  });

  it('treats an advisory without a known severity as critical', () => {
    const stdout = auditReport({
      x: { via: [{ source: 1, name: 'x', title: 't', url: 'https://github.com/advisories/GHSA-2345-6789-cfgh', severity: 'spicy' }] },
    });
    expect(findingsOf(stdout)[0]!.severity).toBe('critical');
  });
});

describe('parseAllowlist', () => {
  it('accepts a justified, unexpired exception', () => {
    expect(parseAllowlist({ exceptions: [exception()] }, today)).toEqual({ exceptions: [exception()], problems: [] });
  });

  it('an exception is good through its expiry date and expired the day after', () => {
    expect(parseAllowlist({ exceptions: [exception({ expires: today })] }, today).problems).toEqual([]);
    const expired = parseAllowlist({ exceptions: [exception({ expires: '2026-11-24' })] }, today);
    expect(expired.exceptions).toEqual([]);
    expect(expired.problems).toEqual([
      'allowlist: the exception for tar-lib https://github.com/advisories/GHSA-2222-3333-4444 expired on 2026-11-24; fix the dependency, or renew it with a fresh reason',
    ]);
  });

  it('refuses exceptions without a reason, without a date, too far ahead, or with unknown fields', () => {
    expect(parseAllowlist({ exceptions: [exception({ reason: 'n/a' })] }, today).problems[0]).toMatch(/reason/);
    expect(parseAllowlist({ exceptions: [exception({ expires: 'next year' })] }, today).problems[0]).toMatch(/expires: a date/);
    expect(parseAllowlist({ exceptions: [exception({ expires: '2027-13-45' })] }, today).problems[0]).toMatch(/not a date/);
    expect(parseAllowlist({ exceptions: [exception({ expires: '2027-06-01' })] }, today).problems[0]).toMatch(/more than 180 days ahead/);
    expect(parseAllowlist({ exceptions: [exception({ severity: 'low' })] }, today).problems[0]).toMatch(/severity|Unrecognized/i);
    expect(parseAllowlist({}, today).problems).not.toEqual([]);
  });
});

describe('decide', () => {
  it('fails on each high or critical advisory no exception covers, and only those', () => {
    const verdict = decide(findingsOf(sampleReport), parseAllowlist({ exceptions: [] }, today));
    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toHaveLength(2);
    expect(verdict.failures[0]).toMatch(/^CRITICAL rce-lib — Prototype pollution to RCE/);
    expect(verdict.failures[1]).toMatch(/^HIGH tar-lib — Path traversal/);
    expect(verdict.notices.map((f) => f.package)).toEqual(['md-lib']);
  });

  it('an exception covers its own package and advisory only', () => {
    const allowlist = parseAllowlist({ exceptions: [exception(), exception({ package: 'rce-lib', advisory: 'GHSA-2222-3333-4444' })] }, today);
    const verdict = decide(findingsOf(sampleReport), allowlist);
    expect(verdict.excepted.map((e) => e.finding.package)).toEqual(['tar-lib']);
    expect(verdict.failures).toHaveLength(1);
    expect(verdict.failures[0]).toMatch(/rce-lib/);
    expect(verdict.unusedExceptions.map((e) => e.package)).toEqual(['rce-lib']);
  });

  it('passes when every blocking advisory is excepted, matching GHSA ids case-insensitively', () => {
    const allowlist = parseAllowlist(
      { exceptions: [exception({ advisory: 'ghsa-2222-3333-4444' }), exception({ package: 'rce-lib', advisory: 'GHSA-8888-9999-CCCC' })] },
      today,
    );
    const verdict = decide(findingsOf(sampleReport), allowlist);
    expect(verdict.ok).toBe(true);
    expect(verdict.excepted).toHaveLength(2);
  });

  it('an expired exception fails even when it would have covered the finding, and even when nothing matches it', () => {
    const stale = parseAllowlist({ exceptions: [exception({ expires: '2026-01-01' })] }, today);
    expect(decide(findingsOf(sampleReport), stale).failures.some((f) => f.includes('expired on 2026-01-01'))).toBe(true);
    expect(decide(findingsOf(sampleReport), stale).failures.some((f) => f.startsWith('HIGH tar-lib'))).toBe(true);
    expect(decide([], stale).ok).toBe(false);
  });

  it('moderate and low advisories never fail', () => {
    const only = findingsOf(sampleReport).filter((f) => f.severity === 'moderate');
    expect(decide(only, parseAllowlist({ exceptions: [] }, today)).ok).toBe(true);
  });
});

describe('advisoryKey', () => {
  it('names an advisory by its GHSA id whether given as id or URL', () => {
    expect(advisoryKey('https://github.com/advisories/GHSA-f82v-jwr5-mffw')).toBe('ghsa-f82v-jwr5-mffw');
    expect(advisoryKey('GHSA-F82V-JWR5-MFFW')).toBe('ghsa-f82v-jwr5-mffw');
    expect(advisoryKey(' 1101 ')).toBe('1101');
  });
});

describe('compareVersions', () => {
  it('orders releases numerically, not as text', () => {
    expect(compareVersions('16.0.10', '16.0.9')).toBeGreaterThan(0);
    expect(compareVersions('15.10.0', '15.9.9')).toBeGreaterThan(0);
    expect(compareVersions('19.2.3', '19.2.3')).toBe(0);
    expect(compareVersions('v1.2.3', '1.2.3+build.7')).toBe(0);
  });

  it('orders pre-releases below their release and by their numbered parts', () => {
    expect(compareVersions('16.1.0-canary.19', '16.1.0')).toBeLessThan(0);
    expect(compareVersions('5.0.0-beta.32', '5.0.0-beta.30')).toBeGreaterThan(0);
    expect(compareVersions('5.0.0-beta.9', '5.0.0-beta.30')).toBeLessThan(0);
    expect(compareVersions('5.0.0-beta.32', '4.24.15')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-alpha', '1.0.0-alpha.1')).toBeLessThan(0);
    expect(compareVersions('1.0.0-alpha.beta', '1.0.0-beta')).toBeLessThan(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0-beta.11')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-1', '1.0.0-alpha')).toBeLessThan(0);
  });

  it('refuses what is not a version', () => {
    expect(() => compareVersions('^16.0.0', '16.0.0')).toThrow(/Not a version/);
    expect(() => compareVersions('latest', '16.0.0')).toThrow(/Not a version/);
  });
});

describe('offline check', () => {
  const advisory = (id: string) => knownAdvisories.find((a) => a.id === id)!;

  // [advisory, versions it affects, versions it does not], across the release lines each one names.
  it.each<[string, string[], string[]]>([
    ['GHSA-f82v-jwr5-mffw', ['15.2.2', '14.2.24'], ['15.2.3', '16.0.0']], // middleware authorization bypass
    ['GHSA-9qr9-h5gf-34mp', ['16.0.6', '15.5.6', '14.3.0-canary.80'], ['16.0.7', '14.2.30']], // React2Shell in next
    // The Dec 11 follow-ups: 16.0.9 fixed CVE-2025-55184 incompletely; 16.0.10 is the floor.
    ['GHSA-5j59-xgg2-r9c4', ['16.0.9', '14.2.34'], ['16.0.10', '16.1.0']],
    ['GHSA-fv66-9v8q-g76r', ['19.2.0'], ['19.2.1', '18.3.1']], // React2Shell in react
    ['CVE-2025-67779', ['19.2.2', '19.1.3'], ['19.2.3', '19.3.0']],
  ])('knows the fixed versions of 2025 advisory %s on its release lines', (id, affected, unaffected) => {
    const ranges = advisory(id).affected;
    for (const version of affected) expect(isAffected(version, ranges), version).toBe(true);
    for (const version of unaffected) expect(isAffected(version, ranges), version).toBe(false);
  });

  it('cites an advisory URL for every entry', () => {
    for (const a of knownAdvisories) {
      expect(a.urls.length, a.id).toBeGreaterThan(0);
      for (const url of a.urls) expect(url, a.id).toMatch(/^https:\/\//);
    }
  });

  const lock = (versions: Record<string, string>) => ({
    lockfileVersion: 3,
    packages: {
      '': { name: 'quorate' },
      ...Object.fromEntries(Object.entries(versions).map(([p, v]) => [p, { version: v }])),
      'node_modules/unrelated': { version: '0.0.1' },
    },
  });

  it('passes the versions this project pins', () => {
    const installed = installedFromLockfile(
      lock({ 'node_modules/next': '16.4.6', 'node_modules/react': '19.3.1', 'node_modules/react-dom': '19.3.1', 'node_modules/next-auth': '5.0.0-beta.32' }),
      offlinePackageNames(),
    );
    expect(installed.map((p) => p.name).sort()).toEqual(['next', 'next-auth', 'react', 'react-dom']);
    expect(offlineCheck(installed)).toEqual([]);
  });

  it('fails a vulnerable copy, nested ones included, and names the fix', () => {
    const installed = installedFromLockfile(
      lock({ 'node_modules/next': '16.0.9', 'node_modules/some-tool/node_modules/react-server-dom-webpack': '19.2.0', 'node_modules/react': '19.2.3' }),
      offlinePackageNames(),
    );
    const findings = offlineCheck(installed);
    expect(findings.map((f) => `${f.package} ${f.advisory}`)).toEqual([
      'next GHSA-5j59-xgg2-r9c4',
      'react-server-dom-webpack GHSA-fv66-9v8q-g76r',
      'react-server-dom-webpack CVE-2025-67779',
    ]);
    expect(findings[0]!.title).toContain('next@16.0.9 at node_modules/next, fixed in');
    expect(findings[0]!.title).toContain('16.0.10');
    const verdict = decide(findings, parseAllowlist({ exceptions: [] }, today));
    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toHaveLength(3);
  });

  it('reports the moderate Auth.js misdelivery advisory without failing on it', () => {
    const findings = offlineCheck([{ name: 'next-auth', version: '5.0.0-beta.29', path: 'node_modules/next-auth' }]);
    expect(findings.map((f) => [f.advisory, f.severity])).toEqual([
      ['GHSA-5jpx-9hw9-2fx4', 'moderate'],
      ['GHSA-8fpg-xm3f-6cx3', 'critical'],
      ['GHSA-7rqj-j65f-68wh', 'critical'],
    ]);
  });

  it('refuses a lockfile it cannot read', () => {
    expect(() => installedFromLockfile({ lockfileVersion: 1, dependencies: {} }, offlinePackageNames())).toThrow(/lockfileVersion 2 or 3/);
  });
});
