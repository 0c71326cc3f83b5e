// npm run verify -- <org page URL | export file> [--key <verifier key>] [--checkpoint <file>]
//                   [--state <dir>] [--witness <witness key>]…
//
// Checks an organization's decision log from its public JSON export alone: the hash chain,
// every signed tree head's signature, and that each signed root matches the entries. For a URL
// it also remembers the checkpoints it has seen (per log, in a state directory) and checks that
// the log still extends every one of them, by consistency proofs. Exit code 0 = intact,
// 1 = tampered, rewritten or not verifiable, 2 = usage, network or file errors.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64Decode } from '@/lib/log/base64';
import { parseWitnessVerifierKey, verifyCosignatures } from '@/lib/log/cosignature';
import type { WitnessKey } from '@/lib/log/cosignature';
import { nodeSha256 } from '@/lib/log/node-hash';
import { extractCheckpointNote } from '@/lib/log/saved-checkpoint';
import type { ConsistencyProofJson } from '@/lib/log/saved-checkpoint';
import { checkHistory, checkpointNoteSize, parseSeenState, rememberCheckpoints, seenStateFileName } from '@/lib/log/seen-checkpoints';
import type { SeenState } from '@/lib/log/seen-checkpoints';
import { parseVerifierKey } from '@/lib/log/signed-note';
import { verifyLog } from '@/lib/log/verify';
import { ballotSummaryText } from '@/lib/log/verify-ballots';
import type { VerifyProblem, VerifyReport } from '@/lib/log/verify';

export const EXPORT_FORMAT = 'quorate-log-export/1';

const USAGE = `Usage: npm run verify -- <organization URL | export file> [--key <verifier key>]
         [--checkpoint <saved note or e-mail>] [--state <dir>] [--witness <witness key>]...

  npm run verify -- http://localhost:3000/o/riverbend-commons
  npm run verify -- --checkpoint saved-mail.txt http://localhost:3000/o/riverbend-commons
  npm run verify -- ./riverbend-commons-decision-log.json --key 'quorate.localhost/o/riverbend-commons+1a2b3c4d+AT…'

--key pins the organization's verifier key (as published on its page, or noted earlier).
Without it, the key remembered from an earlier run is used (trust on first use), and on the
first run the key in the export is trusted as given.

--checkpoint checks a signed checkpoint you kept (a notice e-mail saved as text, or the bare
note): its signature, that the exported entries give its root, and (for a URL) that the log
now extends it.

--state is where checkpoints seen in earlier runs are kept, one JSON file per log
(default: $XDG_CONFIG_HOME/quorate/checkpoints, or ~/.config/quorate/checkpoints). For a URL,
every run checks the log still extends each of them, then remembers the current one.
--no-state neither reads nor writes it.

--witness trusts a witness key (name+hash+base64) and reports its cosignatures; witnesses the
organization lists are reported too, marked as listed by the server.`;

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
export async function checkExport(
  data: unknown,
  options: { pinnedKey?: string; onProgress?: (done: number, total: number) => void; extraCheckpoints?: { note: string }[] } = {},
): Promise<ExportCheck> {
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
      if (publicKeyRaw && Buffer.compare(Buffer.from(parsed.publicKeyRaw), Buffer.from(publicKeyRaw)) !== 0)
        problem('verifierKey and publicKey are different keys');
      if (origin !== undefined && parsed.name !== origin)
        problem(`verifierKey names ${JSON.stringify(parsed.name)}, but the origin is ${JSON.stringify(origin)}`);
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
      keyProblems.push({
        seq: null,
        kind: 'bad_checkpoint_signature',
        message: `the export is signed by ${vkey ?? 'no key'}, not the pinned key ${options.pinnedKey}`,
      });
    }
    publicKeyRaw = pinned.publicKeyRaw;
    origin = pinned.name;
    vkey = options.pinnedKey;
  }

  const checkpoints = Array.isArray(doc.checkpoints) ? (doc.checkpoints as { note: string }[]) : [];
  // Checkpoints the reader kept are checked against the entries like the export's own: a
  // rewritten log gives another root at their size.
  const extra = options.extraCheckpoints ?? [];
  const report = await verifyLog({ entries: doc.entries as never, checkpoints: [...checkpoints, ...extra], publicKeyRaw, origin }, options.onProgress, {
    hasher: nodeSha256,
    yieldEvery: 5_000,
  });
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
    return report.ballots && report.ballots.ballotsOpened + report.ballots.stillSealed > 0
      ? `${intact}\nBallots: ${ballotSummaryText(report.ballots)}`
      : intact;
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

async function load(target: string, fetcher: Fetcher, stderr: (s: string) => void): Promise<{ data: unknown; source: string }> {
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
  stderr(`fetching ${where.url}\n`);
  const response = await fetcher(where.url, { headers: { Accept: 'application/json' } }).catch((error: unknown) => {
    throw new LoadError(
      `Cannot reach ${where.url}: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`,
    );
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

type Args = { target: string; pinnedKey?: string; checkpointFile?: string; stateDir?: string; noState?: boolean; witnesses: string[]; help?: boolean };

function parseArgs(argv: string[]): Args {
  const rest: string[] = [];
  const args: Args = { target: '', witnesses: [] };
  const value = (i: number, flag: string, what: string): string => {
    const v = argv[i];
    if (v === undefined) throw new UsageError(`${flag} needs ${what}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const next = (what: string) => inline ?? value(++i, flag, what);
    if (flag === '--help' || flag === '-h') return { ...args, help: true };
    else if (flag === '--key') args.pinnedKey = next('a verifier key');
    else if (flag === '--checkpoint') args.checkpointFile = next('a file');
    else if (flag === '--state') args.stateDir = next('a directory');
    else if (flag === '--no-state') args.noState = true;
    else if (flag === '--witness') args.witnesses.push(next('a witness key'));
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}`);
    else rest.push(arg);
  }
  if (rest.length !== 1) throw new UsageError(rest.length === 0 ? 'Give an organization URL or an export file.' : 'Give one URL or file.');
  return { ...args, target: rest[0]! };
}

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

export type VerifyDeps = {
  fetch: Fetcher;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The default state directory, when --state is not given. */
  defaultStateDir: string;
  now: () => Date;
};

/** $XDG_CONFIG_HOME/quorate/checkpoints, else ~/.config/quorate/checkpoints. */
export function defaultStateDir(): string {
  const xdg = process.env.XDG_CONFIG_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.config'), 'quorate', 'checkpoints');
}

async function readState(file: string): Promise<SeenState | null> {
  try {
    return parseSeenState(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LoadError(`Cannot read the checkpoint state ${file}: ${(error as Error).message}`);
  }
}

async function writeState(file: string, state: SeenState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(tmp, file); // whole file or nothing: a crash never leaves half a history
}

async function getJson(fetcher: Fetcher, url: string): Promise<unknown> {
  const response = await fetcher(url, { headers: { Accept: 'application/json' } }).catch((error: unknown) => {
    throw new LoadError(`Cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const text = await response.text();
  if (!response.ok) throw new LoadError(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new LoadError(`${url} did not return JSON`);
  }
}

/** The verifier, with its I/O passed in: main() wires it to the network, files and the terminal. */
export async function runVerify(argv: string[], deps: VerifyDeps): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      deps.stdout(`${USAGE}\n`);
      return 0;
    }
    const witnessPins: WitnessKey[] = args.witnesses.map((w) => {
      try {
        return parseWitnessVerifierKey(w);
      } catch (error) {
        throw new UsageError(`--witness: ${(error as Error).message}`);
      }
    });
    let saved: { note: string; source: string } | null = null;
    if (args.checkpointFile !== undefined) {
      const file = args.checkpointFile;
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new LoadError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      saved = { note: extractCheckpointNote(text), source: `the saved checkpoint ${file}` };
    }

    const started = performance.now();
    const { data, source } = await load(args.target, deps.fetch, deps.stderr);
    const loaded = performance.now();
    const where = exportLocation(args.target);
    const doc = (typeof data === 'object' && data !== null ? data : {}) as { origin?: unknown; verifierKey?: unknown };
    const origin = typeof doc.origin === 'string' ? doc.origin : null;

    // Trust on first use: the key remembered for this log pins it unless --key says otherwise.
    const stateFile = 'url' in where && !args.noState && origin !== null ? path.join(args.stateDir ?? deps.defaultStateDir, seenStateFileName(origin)) : null;
    const state = stateFile ? await readState(stateFile) : null;
    const lines: string[] = [];
    let historyFailed = false;
    if (state && args.pinnedKey === undefined && typeof doc.verifierKey === 'string' && doc.verifierKey !== state.verifierKey) {
      historyFailed = true;
      lines.push(
        `✘ KEY CHANGED: this log was signed by ${state.verifierKey} when last checked, and now by ${doc.verifierKey}. A real key rotation is announced by the organization; otherwise someone is re-signing the log. Checked against the remembered key; if the change is genuine, pin the new key with --key or delete ${stateFile}.`,
      );
    }
    const pinnedKey = args.pinnedKey ?? state?.verifierKey;

    const bar = progressBar(process.stderr);
    const seen = [...(state?.checkpoints ?? []).map((c) => ({ note: c.note, source: `the checkpoint seen ${c.seenAt}` })), ...(saved ? [saved] : [])];
    const check = await checkExport(data, { pinnedKey, onProgress: bar, extraCheckpoints: seen.map((c) => ({ note: c.note })) });
    bar.clear();
    const done = performance.now();
    if (pinnedKey === undefined && check.vkey !== null) {
      deps.stderr(`key taken from the export; compare it with the one the organization publishes, or pin it with --key\n`);
    }

    let remember: { size: number; note: string; source: string }[] = [];
    if ('url' in where && check.vkey !== null) {
      const base = where.url.replace(/\/export$/, '');
      const key = parseVerifierKey(check.vkey);
      const head = (await getJson(deps.fetch, `${base}/checkpoint`)) as { note?: unknown; witnesses?: unknown };
      const currentNote = typeof head.note === 'string' ? head.note : '';
      const history = await checkHistory({
        hasher: nodeSha256,
        key,
        current: currentNote,
        seen,
        proof: async (from, to) => (await getJson(deps.fetch, `${base}/proof/consistency?from=${from}&to=${to}`)) as ConsistencyProofJson,
      });
      if (history.problems.length > 0) {
        historyFailed = true;
        lines.push(`✘ SPLIT VIEW / REWRITTEN LOG: the log served now does not extend what was seen before.`);
        for (const p of history.problems) lines.push(`    ${p}`);
      } else if (history.current) {
        const sizes = history.consistentWith.map((c) => c.size);
        lines.push(
          sizes.length > 0
            ? `✔ Consistent with ${sizes.length} earlier checkpoint${sizes.length === 1 ? '' : 's'} (sizes ${sizes.join(', ')}); current checkpoint: ${history.current.size} entries`
            : `✔ Current checkpoint: ${history.current.size} entries (no earlier checkpoint remembered for this log: this run is the baseline)`,
        );
        remember = [{ size: history.current.size, note: currentNote, source: 'checkpoint' }];
        // Witnesses: the ones pinned here, and the ones the organization lists (weaker: the
        // server chose them).
        const listed = Array.isArray(head.witnesses) ? (head.witnesses as { verifierKey?: unknown }[]) : [];
        const fromServer: WitnessKey[] = [];
        for (const w of listed) {
          try {
            if (typeof w.verifierKey === 'string') fromServer.push(parseWitnessVerifierKey(w.verifierKey));
          } catch {}
        }
        const known = [...witnessPins, ...fromServer.filter((w) => !witnessPins.some((p) => p.name === w.name))];
        const cosigs = await verifyCosignatures(currentNote, known);
        for (const c of cosigs.valid) {
          const pinned = witnessPins.some((p) => p.name === c.name);
          lines.push(
            `  ✔ cosigned by witness ${c.name} at size ${history.current.size}, ${new Date(c.time * 1000).toISOString()}${pinned ? '' : ' (witness listed by the server)'}`,
          );
        }
        for (const c of cosigs.invalid) {
          historyFailed = true;
          lines.push(`  ✘ cosignature by ${c.name} is INVALID: ${c.why}`);
        }
        for (const p of witnessPins) {
          if (!cosigs.valid.some((c) => c.name === p.name)) lines.push(`  ! witness ${p.name} has not cosigned this checkpoint`);
        }
      }
    }
    if (saved && 'file' in where && check.report.ok) lines.push(`✔ ${saved.source}: signed by this log's key, and the exported entries give its root`);

    deps.stdout(`${formatVerdict(check)}\n`);
    if (lines.length > 0) deps.stdout(`${lines.join('\n')}\n`);
    deps.stderr(`${source}: loaded in ${Math.round(loaded - started)} ms, verified in ${Math.round(done - loaded)} ms\n`);
    const ok = check.report.ok && !historyFailed;
    if (ok && stateFile && check.vkey !== null && origin !== null) {
      const savedSize = saved ? checkpointNoteSize(saved.note) : null;
      const kept = saved && savedSize !== null ? [...remember, { size: savedSize, note: saved.note, source: saved.source }] : remember;
      await writeState(stateFile, rememberCheckpoints(state, origin, check.vkey, kept, deps.now().toISOString()));
      deps.stderr(`remembered in ${stateFile}\n`);
    }
    return ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      deps.stderr(`verify: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    deps.stderr(`verify: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function main(argv: string[]): Promise<number> {
  return runVerify(argv, {
    fetch: (url, init) => fetch(url, init),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    defaultStateDir: defaultStateDir(),
    now: () => new Date(),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
