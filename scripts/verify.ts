// npm run verify -- <org page URL | export file> [--key <verifier key>] [--checkpoint <file>]
//                   [--state <dir>] [--witness <witness key>]…
//
// Checks an organization's decision log from its public JSON export alone: the hash chain,
// every signed tree head's signature, and that each signed root matches the entries. For a URL
// it also remembers the checkpoints it has seen (per log, in a state directory) and checks that
// the log still extends every one of them, by consistency proofs. Exit code 0 = intact,
// 1 = tampered, rewritten or not verifiable, 2 = usage, network or file errors.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseWitnessVerifierKey, verifyCosignatures } from '@/lib/log/cosignature';
import type { WitnessKey } from '@/lib/log/cosignature';
import { nodeSha256 } from '@/lib/log/node-hash';
import { extractCheckpointNote } from '@/lib/log/saved-checkpoint';
import type { ConsistencyProofJson } from '@/lib/log/saved-checkpoint';
import { checkHistory, checkpointNoteSize, rememberCheckpoints, seenStateFileName } from '@/lib/log/seen-checkpoints';
import { parseVerifierKey } from '@/lib/log/signed-note';
import { checkExport, exportLocation, formatVerdict, LoadError } from './verify/check';
import { runCommand, runIfMain, UsageError } from './support/cli';
import { getJson, load, progressBar, readState, writeState } from './verify/io';
import type { VerifyDeps } from './verify/io';

export { checkExport, EXPORT_FORMAT, exportLocation, formatVerdict, LoadError } from './verify/check';
export type { ExportCheck } from './verify/check';
export { defaultStateDir, UsageError } from './support/cli';
export type { Fetcher } from './support/cli';
export type { VerifyDeps } from './verify/io';

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

/** The verifier, with its I/O passed in: main() wires it to the network, files and the terminal. */
export async function runVerify(argv: string[], deps: VerifyDeps): Promise<number> {
  return runCommand({ tool: 'verify', usage: USAGE, parse: () => parseArgs(argv) }, deps, async (args) => {
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
  });
}

runIfMain(import.meta.url, runVerify);
