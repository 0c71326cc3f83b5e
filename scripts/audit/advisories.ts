// The offline floor of `npm run audit:deps` (scripts/audit.ts): when the advisory database cannot be
// reached, check the packages we know must be patched against the versions that fixed them.
// No I/O here: the script passes in the lockfile.

import type { Finding, Severity } from './decide';

// ---------------------------------------------------------------------------------------------
// Versions: enough of SemVer 2.0.0 §11 to order releases, betas and canaries.

type Parsed = { core: [number, number, number]; pre: (number | string)[] };

function parseVersion(version: string): Parsed {
  const m = version
    .trim()
    .replace(/^v/, '')
    .match(/^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/);
  if (!m) throw new Error(`Not a version: "${version}"`);
  const pre = m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre };
}

/** Negative, zero or positive as `a` is older than, the same as, or newer than `b`. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! - y.core[i]!;
  // A release is newer than any of its pre-releases (16.1.0 > 16.1.0-canary.19).
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    if (typeof p === 'number') return -1;
    if (typeof q === 'number') return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** An affected range the way OSV and GitHub state them: introduced ≤ version < fixed. */
export type AffectedRange = { introduced: string; fixed: string };

export function isAffected(version: string, ranges: readonly AffectedRange[]): boolean {
  return ranges.some((r) => compareVersions(version, r.introduced) >= 0 && compareVersions(version, r.fixed) < 0);
}

export type KnownAdvisory = {
  id: string;
  cves: string[];
  title: string;
  severity: Severity;
  urls: string[];
  packages: string[];
  affected: AffectedRange[];
};

const line = (introduced: string, fixed: string): AffectedRange => ({ introduced, fixed });
const rscPackages = ['react-server-dom-webpack', 'react-server-dom-turbopack', 'react-server-dom-parcel'];

/**
 * What must be patched even when the advisory database is out of reach: the 2025 advisories
 * that matter most to a Next.js App Router app with server actions and e-mail sign-in, with
 * affected ranges copied from the advisories linked in each entry. It is a floor, not a
 * substitute for the database: anything published later is only caught by a real `npm audit`.
 *
 * React note: the React advisories name react-server-dom-{webpack,turbopack,parcel}, which
 * Next.js vendors (next/dist/compiled), so for this app the `next` entries are what decide.
 * react and react-dom are held to the same floors because React ships the RSC runtime in
 * lockstep with them and the upgrade guidance (react.dev, 2025-12-03 and 2025-12-11) moves
 * them together; a stale react next to a patched next is a sign the lockfile was not updated.
 */
export const knownAdvisories: readonly KnownAdvisory[] = [
  {
    id: 'GHSA-f82v-jwr5-mffw',
    cves: ['CVE-2025-29927'],
    title: 'Authorization bypass in Next.js middleware (x-middleware-subrequest)',
    severity: 'critical',
    urls: ['https://github.com/advisories/GHSA-f82v-jwr5-mffw', 'https://nvd.nist.gov/vuln/detail/CVE-2025-29927'],
    packages: ['next'],
    affected: [line('11.1.4', '12.3.5'), line('13.0.0', '13.5.9'), line('14.0.0', '14.2.25'), line('15.0.0', '15.2.3')],
  },
  {
    id: 'GHSA-9qr9-h5gf-34mp',
    cves: ['CVE-2025-66478', 'CVE-2025-55182'],
    title: 'Remote code execution in React Server Components ("React2Shell"), as shipped in Next.js',
    severity: 'critical',
    urls: ['https://github.com/vercel/next.js/security/advisories/GHSA-9qr9-h5gf-34mp', 'https://www.cve.org/CVERecord?id=CVE-2025-66478'],
    packages: ['next'],
    affected: [
      line('14.3.0-canary.77', '15.0.0'),
      line('15.0.0', '15.0.5'),
      line('15.1.0', '15.1.9'),
      line('15.2.0', '15.2.6'),
      line('15.3.0', '15.3.6'),
      line('15.4.0', '15.4.8'),
      line('15.5.0', '15.5.7'),
      line('16.0.0', '16.0.7'),
    ],
  },
  {
    id: 'GHSA-fv66-9v8q-g76r',
    cves: ['CVE-2025-55182'],
    title: 'Remote code execution in React Server Components ("React2Shell")',
    severity: 'critical',
    urls: ['https://github.com/advisories/GHSA-fv66-9v8q-g76r', 'https://react.dev/blog/2025/12/03/critical-security-vulnerability-in-react-server-components'],
    packages: [...rscPackages, 'react', 'react-dom'],
    affected: [line('19.0.0', '19.0.1'), line('19.1.0', '19.1.2'), line('19.2.0', '19.2.1')],
  },
  {
    // The Dec 11 fixes (CVE-2025-55183 source exposure, CVE-2025-55184 DoS) were incomplete;
    // CVE-2025-67779 covers the rest, so the floors below are the final ones.
    id: 'GHSA-5j59-xgg2-r9c4',
    cves: ['CVE-2025-55184', 'CVE-2025-67779', 'CVE-2025-55183'],
    title: 'Denial of service and server-function source exposure in React Server Components, as shipped in Next.js',
    severity: 'high',
    urls: [
      'https://github.com/vercel/next.js/security/advisories/GHSA-5j59-xgg2-r9c4',
      'https://github.com/vercel/next.js/security/advisories/GHSA-mwv6-3258-q52c',
      'https://github.com/vercel/next.js/security/advisories/GHSA-w37m-7fhw-fmv9',
      'https://nextjs.org/blog/security-update-2025-12-11',
    ],
    packages: ['next'],
    affected: [
      line('13.3.0', '14.2.35'),
      line('15.0.0', '15.0.7'),
      line('15.1.0', '15.1.11'),
      line('15.2.0', '15.2.8'),
      line('15.3.0', '15.3.8'),
      line('15.4.0', '15.4.10'),
      line('15.5.0', '15.5.9'),
      line('16.0.0', '16.0.10'),
    ],
  },
  {
    id: 'CVE-2025-67779',
    cves: ['CVE-2025-55184', 'CVE-2025-67779', 'CVE-2025-55183'],
    title: 'Denial of service and server-function source exposure in React Server Components',
    severity: 'high',
    urls: [
      'https://www.cve.org/CVERecord?id=CVE-2025-67779',
      'https://github.com/advisories/GHSA-2m3v-v2m8-q956',
      'https://react.dev/blog/2025/12/11/denial-of-service-and-source-code-exposure-in-react-server-components',
    ],
    packages: [...rscPackages, 'react', 'react-dom'],
    affected: [line('19.0.0', '19.0.3'), line('19.1.0', '19.1.4'), line('19.2.0', '19.2.3')],
  },
  {
    // Moderate, so reported rather than failing — but it is about e-mail sign-in, which we use.
    id: 'GHSA-5jpx-9hw9-2fx4',
    cves: [],
    title: 'Auth.js e-mail sign-in link misdelivered through a crafted address',
    severity: 'moderate',
    urls: ['https://github.com/nextauthjs/next-auth/security/advisories/GHSA-5jpx-9hw9-2fx4'],
    packages: ['next-auth'],
    affected: [line('0.0.0', '4.24.12'), line('5.0.0-beta.0', '5.0.0-beta.30')],
  },
  {
    id: 'GHSA-8fpg-xm3f-6cx3',
    cves: [],
    title: 'Auth.js configuration errors can make existence-based auth checks fail open (2026)',
    severity: 'critical',
    urls: ['https://github.com/advisories/GHSA-8fpg-xm3f-6cx3'],
    packages: ['next-auth'],
    affected: [line('5.0.0-beta.0', '5.0.0-beta.32')],
  },
  {
    id: 'GHSA-7rqj-j65f-68wh',
    cves: [],
    title: 'Auth.js e-mail normalizer checks the address before Unicode normalization (2026)',
    severity: 'critical',
    urls: ['https://github.com/advisories/GHSA-7rqj-j65f-68wh'],
    packages: ['next-auth'],
    affected: [line('4.10.3', '4.24.15'), line('5.0.0-beta.1', '5.0.0-beta.32')],
  },
];

export type InstalledPackage = { name: string; version: string; path: string };

/** Every copy of the named packages in an npm lockfile (v2/v3), nested copies included. */
export function installedFromLockfile(lock: unknown, names: ReadonlySet<string>): InstalledPackage[] {
  const packages = (lock as { packages?: Record<string, { version?: unknown }> } | null)?.packages;
  if (!packages || typeof packages !== 'object') throw new Error('package-lock.json has no "packages" map (lockfileVersion 2 or 3 is needed)');
  const out: InstalledPackage[] = [];
  for (const [path, meta] of Object.entries(packages)) {
    const at = path.lastIndexOf('node_modules/');
    if (at === -1) continue;
    const name = path.slice(at + 'node_modules/'.length);
    if (names.has(name) && typeof meta?.version === 'string') out.push({ name, version: meta.version, path });
  }
  return out;
}

/** The known advisories the installed versions fall into, as findings. */
export function offlineCheck(installed: readonly InstalledPackage[], advisories: readonly KnownAdvisory[] = knownAdvisories): Finding[] {
  const findings: Finding[] = [];
  for (const pkg of installed) {
    for (const a of advisories) {
      if (!a.packages.includes(pkg.name) || !isAffected(pkg.version, a.affected)) continue;
      const fixedIn = a.affected.map((r) => r.fixed).join(', ');
      findings.push({
        package: pkg.name,
        advisory: a.id,
        title: `${a.title} — ${pkg.name}@${pkg.version} at ${pkg.path}, fixed in ${fixedIn}${a.cves.length ? ` (${a.cves.join(', ')})` : ''}`,
        url: a.urls[0]!,
        severity: a.severity,
        range: a.affected.map((r) => `>=${r.introduced} <${r.fixed}`).join(' || '),
        source: 'offline list',
      });
    }
  }
  return findings;
}

/** The packages the offline list knows about. */
export function offlinePackageNames(advisories: readonly KnownAdvisory[] = knownAdvisories): Set<string> {
  return new Set(advisories.flatMap((a) => a.packages));
}
