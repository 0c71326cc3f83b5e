// npm run verify -- <org page URL | export file> [--key <verifier key>]
//
// Checks an organization's decision log from its public JSON export alone: the hash chain,
// every signed tree head's signature, and that each signed root matches the entries. Exit code
// 0 = intact, 1 = tampered (or not verifiable), 2 = usage, network or file errors.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { base64Decode } from '@/lib/log/base64';
import { nodeSha256 } from '@/lib/log/node-hash';
import { parseVerifierKey } from '@/lib/log/signed-note';
import { verifyLog } from '@/lib/log/verify';
import { ballotSummaryText } from '@/lib/log/verify-ballots';
import type { VerifyProblem, VerifyReport } from '@/lib/log/verify';

export const EXPORT_FORMAT = 'quorate-log-export/1';

const USAGE = `Usage: npm run verify -- <organization URL | export file> [--key <verifier key>]

  npm run verify -- http://localhost:3000/o/riverbend-commons
  npm run verify -- ./riverbend-commons-decision-log.json --key 'quorate.localhost/o/riverbend-commons+1a2b3c4d+AT…'

--key pins the organization's verifier key (as published on its page, or noted earlier);
without it the key in the export is trusted as given.`;

/** Bad arguments: exit 2 with the usage text. */
export class UsageError extends Error {}
/** The export could not be had (network, HTTP status, file, not JSON): exit 2, no usage text. */
export class LoadError extends Error {}

/** Where the export of `target` is: a URL for an org page or API URL, else a file path. */
export function exportLocation(target: string): { url: string } | { file: string } {
  if (!/^https?:\/\//i.test(target)) return { file: target };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`Not a valid URL: ${target}`);
  }
  const match = /^\/(?:api\/)?o\/([^/]+)(?:\/.*)?$/.exec(url.pathname);
  if (!match) throw new UsageError(`Expected an organization URL like http://localhost:3000/o/<slug>, got ${target}`);
  return { url: `${url.origin}/api/o/${match[1]}/log/export` };
}

export type ExportCheck = {
  report: VerifyReport;
  vkey: string | null;
  checkpoints: number;
  /** Problems with the export's own key material, before any entry is looked at. */
  keyProblems: VerifyProblem[];
};

/**
 * Verifies a parsed export. The export names its own key; `pinnedKey` (a C2SP verifier key)
 * overrides it, so a forger who re-signs with a new key and swaps it into the export is caught.
 */
export async function checkExport(data: unknown, options: { pinnedKey?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<ExportCheck> {
  const keyProblems: VerifyProblem[] = [];
  const problem = (message: string) => keyProblems.push({ seq: null, kind: 'malformed', message });
  const doc = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (doc.format !== EXPORT_FORMAT) problem(`format is ${JSON.stringify(doc.format)}, expected "${EXPORT_FORMAT}"`);

  let publicKeyRaw: Uint8Array | undefined;
  let origin = typeof doc.origin === 'string' ? doc.origin : undefined;
  let vkey: string | null = typeof doc.verifierKey === 'string' ? doc.verifierKey : null;
  const exportKey = typeof doc.publicKey === 'string' ? base64Decode(doc.publicKey) : null;
  if (exportKey === null || exportKey.length !== 32) problem('publicKey is not base64 of a 32-byte Ed25519 key');
  else publicKeyRaw = exportKey;
  if (vkey !== null) {
    try {
      const parsed = parseVerifierKey(vkey);
      if (publicKeyRaw && Buffer.compare(Buffer.from(parsed.publicKeyRaw), Buffer.from(publicKeyRaw)) !== 0) problem('verifierKey and publicKey are different keys');
      if (origin !== undefined && parsed.name !== origin) problem(`verifierKey names ${JSON.stringify(parsed.name)}, but the origin is ${JSON.stringify(origin)}`);
    } catch (error) {
      problem(`verifierKey: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (options.pinnedKey !== undefined) {
    let pinned: ReturnType<typeof parseVerifierKey>;
    try {
      pinned = parseVerifierKey(options.pinnedKey);
    } catch (error) {
      throw new UsageError(`--key: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (vkey !== options.pinnedKey) {
      keyProblems.push({ seq: null, kind: 'bad_checkpoint_signature', message: `the export is signed by ${vkey ?? 'no key'}, not the pinned key ${options.pinnedKey}` });
    }
    publicKeyRaw = pinned.publicKeyRaw;
    origin = pinned.name;
    vkey = options.pinnedKey;
  }

  const checkpoints = Array.isArray(doc.checkpoints) ? (doc.checkpoints as { note: string }[]) : [];
  const report = await verifyLog({ entries: doc.entries as never, checkpoints, publicKeyRaw, origin }, options.onProgress, { hasher: nodeSha256, yieldEvery: 5_000 });
  if (keyProblems.length > 0) {
    report.problems.unshift(...keyProblems);
    report.ok = false;
  }
  if (report.ok && checkpoints.length === 0) {
    // A chain with no signed head only shows the entries agree with each other.
    report.problems.push({ seq: null, kind: 'malformed', message: 'the export has no signed checkpoint, so nothing vouches for the entries' });
    report.ok = false;
  }
  return { report, vkey, checkpoints: checkpoints.length, keyProblems };
}

/** One verdict for people: what was checked, or where it first went wrong, then every problem. */
export function formatVerdict(check: ExportCheck): string {
  const { report } = check;
  if (report.ok) {
    const intact = `✔ Log intact: ${report.entriesChecked} entries, root ${report.root}, ${check.checkpoints} checkpoint${check.checkpoints === 1 ? '' : 's'} signed by ${check.vkey}`;
    return report.ballots && report.ballots.ballotsOpened + report.ballots.stillSealed > 0 ? `${intact}\nBallots: ${ballotSummaryText(report.ballots)}` : intact;
  }
  const first = report.firstBadSeq === null ? undefined : report.problems.find((p) => p.seq === report.firstBadSeq);
  const lead = first ?? report.problems[0];
  const where = report.firstBadSeq === null ? 'no entry implicated' : `first bad entry #${report.firstBadSeq}`;
  const lines = [`✘ Log TAMPERED: ${where} — ${lead ? `${lead.kind}: ${lead.message}` : 'unknown problem'}`];
  lines.push(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${report.entriesChecked} entries:`);
  for (const p of report.problems) lines.push(`  ${p.seq === null ? '      -' : `#${p.seq}`.padStart(7)}  ${p.kind}: ${p.message}`);
  return lines.join('\n');
}

function progressBar(stream: NodeJS.WriteStream): ((done: number, total: number) => void) & { clear: () => void } {
  const width = 30;
  let last = '';
  const draw = (done: number, total: number) => {
    if (!stream.isTTY || total === 0) return;
    const filled = Math.round((done / total) * width);
    const line = `verifying [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
    if (line !== last) stream.write(`\r${line}`);
    last = line;
  };
  return Object.assign(draw, { clear: () => (last !== '' ? void stream.write('\r\x1b[K') : undefined) });
}

async function load(target: string): Promise<{ data: unknown; source: string }> {
  const where = exportLocation(target);
  if ('file' in where) {
    const text = await readFile(where.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new LoadError(`Cannot read ${where.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    try {
      return { data: JSON.parse(text), source: where.file };
    } catch (error) {
      throw new LoadError(`${where.file} is not JSON: ${(error as Error).message}`);
    }
  }
  process.stderr.write(`fetching ${where.url}\n`);
  const response = await fetch(where.url, { headers: { Accept: 'application/json' } }).catch((error: unknown) => {
    throw new LoadError(`Cannot reach ${where.url}: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`);
  });
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 200);
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? message;
    } catch {}
    throw new LoadError(`${where.url} answered ${response.status}: ${message}`);
  }
  try {
    return { data: JSON.parse(text), source: where.url };
  } catch (error) {
    throw new LoadError(`${where.url} did not return JSON (truncated download?): ${(error as Error).message}`);
  }
}

function parseArgs(argv: string[]): { target: string; pinnedKey?: string; help?: boolean } {
  const rest: string[] = [];
  let pinnedKey: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { target: '', help: true };
    if (arg === '--key') {
      pinnedKey = argv[++i];
      if (pinnedKey === undefined) throw new UsageError('--key needs a verifier key');
    } else if (arg.startsWith('--key=')) pinnedKey = arg.slice('--key='.length);
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}`);
    else rest.push(arg);
  }
  if (rest.length !== 1) throw new UsageError(rest.length === 0 ? 'Give an organization URL or an export file.' : 'Give one URL or file.');
  return { target: rest[0]!, pinnedKey };
}

async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const started = performance.now();
    const { data, source } = await load(args.target);
    const loaded = performance.now();
    const bar = progressBar(process.stderr);
    const check = await checkExport(data, { pinnedKey: args.pinnedKey, onProgress: bar });
    bar.clear();
    const done = performance.now();
    if (args.pinnedKey === undefined && check.vkey !== null) {
      process.stderr.write(`key taken from the export; compare it with the one the organization publishes, or pin it with --key\n`);
    }
    process.stdout.write(`${formatVerdict(check)}\n`);
    process.stderr.write(`${source}: loaded in ${Math.round(loaded - started)} ms, verified in ${Math.round(done - loaded)} ms\n`);
    return check.report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`verify: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`verify: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
