// npm run audit:deps [-- --require-database]
//
// Dependency advisories for CI. Runs `npm audit --json` over all dependencies and over
// production ones only, and fails (exit 1) on any high or critical advisory that no unexpired,
// justified exception in .ci/audit-allowlist.json covers. The decisions live in
// scripts/audit/ (unit-tested); this file only runs commands and prints.
//
// When the advisory database cannot be reached (this machine's registry answers 405 to
// /-/npm/v1/security/advisories/bulk) nothing is audited, and the output says so in capitals
// rather than passing quietly. The packages we know must be patched — next, react, react-dom,
// next-auth and the RSC runtimes — are then checked offline against the 2025 advisories' fixed
// versions (scripts/audit/advisories.ts cites each one).
//
// Policy: unreachable does NOT fail by default, because CI here reaches the npm registry and
// nothing else, and a check that always fails gets switched off. Pass --require-database where
// the database is reachable (a release pipeline with internet) to make unreachable a failure.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedFromLockfile, offlineCheck, offlinePackageNames } from './audit/advisories';
import { decide, parseAllowlist, parseNpmAudit } from './audit/decide';
import type { AuditOutcome, Finding, Verdict } from './audit/decide';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allowlistPath = path.join(root, '.ci', 'audit-allowlist.json');

function npmAudit(args: string[]): AuditOutcome {
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['audit', '--json', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) return { kind: 'error', reason: `could not run npm audit: ${result.error.message}` };
  return parseNpmAudit(result.stdout);
}

function banner(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length)) + 6;
  const rule = '!'.repeat(width);
  return [rule, ...lines.map((l) => `!! ${l.padEnd(width - 6)} !!`), rule].join('\n');
}

function describe(f: Finding, productionKeys: Set<string>): string {
  const scope = f.source === 'offline list' ? 'installed' : productionKeys.has(`${f.package} ${f.advisory}`) ? 'production' : 'development only';
  return `${f.severity.padEnd(8)} ${f.package} ${f.advisory} [${scope}] ${f.title}${f.url ? ` — ${f.url}` : ''}`;
}

function printVerdict(verdict: Verdict, allowlistProblems: string[], productionKeys: Set<string>): void {
  for (const { finding, exception } of verdict.excepted) {
    console.log(`  excepted  ${describe(finding, productionKeys)}\n            until ${exception.expires}: ${exception.reason}`);
  }
  for (const f of verdict.notices) console.log(`  notice    ${describe(f, productionKeys)}`);
  for (const e of verdict.unusedExceptions)
    console.log(`  unused exception: ${e.package} ${e.advisory} (until ${e.expires}) matched nothing; remove it once the fix is in`);
  for (const f of verdict.blocked) console.log(`  FAIL      ${describe(f, productionKeys)}${f.range ? `, affected ${f.range}` : ''}`);
  for (const problem of allowlistProblems) console.log(`  FAIL      ${problem}`);
}

export function main(argv: string[]): number {
  const requireDatabase = argv.includes('--require-database');
  const today = new Date().toISOString().slice(0, 10);

  let allowlist;
  let lock: unknown;
  try {
    allowlist = parseAllowlist(JSON.parse(readFileSync(allowlistPath, 'utf8')), today);
    lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  } catch (error) {
    console.log(`dependency advisories: FAILED — ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  const all = npmAudit([]);
  const production = npmAudit(['--omit=dev']);
  const findings: Finding[] = [];
  const productionKeys = new Set<string>();
  let unreachable: string | undefined;
  for (const [label, outcome] of [
    ['all dependencies', all],
    ['production dependencies (--omit=dev)', production],
  ] as const) {
    if (outcome.kind === 'error') {
      console.log(`dependency advisories: FAILED — npm audit (${label}) failed: ${outcome.reason}`);
      return 1;
    }
    if (outcome.kind === 'unreachable') unreachable ??= outcome.reason;
    else console.log(`npm audit, ${label}: ${outcome.findings.length} advisories`);
  }
  if (all.kind === 'report') findings.push(...all.findings);
  if (production.kind === 'report') for (const f of production.findings) productionKeys.add(`${f.package} ${f.advisory}`);

  if (unreachable !== undefined) {
    console.log(
      banner([
        'ADVISORY DATABASE UNREACHABLE — not audited',
        `npm audit: ${unreachable.slice(0, 160)}`,
        'Only the offline list of known advisories (scripts/audit/advisories.ts) is checked below;',
        'anything published since is NOT caught. Run `npm audit` where the registry allows it.',
      ]),
    );
  }

  // Always, reachable or not: a floor that does not depend on the registry's database.
  const installed = installedFromLockfile(lock, offlinePackageNames());
  console.log(`offline list: ${installed.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  findings.push(...offlineCheck(installed));

  const verdict = decide(findings, allowlist);
  printVerdict(verdict, allowlist.problems, productionKeys);

  if (!verdict.ok) {
    console.log(`dependency advisories: FAILED — ${verdict.failures.length} problem(s) above`);
    return 1;
  }
  if (unreachable !== undefined) {
    if (requireDatabase) {
      console.log('dependency advisories: FAILED — ADVISORY DATABASE UNREACHABLE and --require-database was given');
      return 1;
    }
    console.log('dependency advisories: offline list OK — ADVISORY DATABASE UNREACHABLE, dependencies NOT audited (not failing CI: see scripts/audit.ts)');
    return 0;
  }
  console.log(`dependency advisories: OK — no unexcepted high or critical advisories (${verdict.excepted.length} excepted)`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(main(process.argv.slice(2)));
}
