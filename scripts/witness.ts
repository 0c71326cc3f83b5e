// npm run witness -- --key <private key file> --name <witness name> [--log-key <verifier key>]
//                    [--state <dir>] <organization URL>
// npm run witness -- --new-key <file> --name <witness name>
//
// What an independent witness runs (from cron, say): fetch the organization's newest
// checkpoint, check its signature with the log key pinned on the first run, check by a
// consistency proof that it extends the last checkpoint this witness cosigned, and only then
// cosign it (C2SP tlog-cosignature, cosignature/v1) and hand the cosignature to the log.
// A log rewritten after the witness cosigned is refused, loudly, and nothing is signed.
// Exit code 0 = cosigned, 1 = refused (inconsistent or bad signature), 2 = usage or I/O errors.

import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cosignedMessage, formatCosignatureLine, witnessVerifierKey } from '@/lib/log/cosignature';
import { nodeSha256 } from '@/lib/log/node-hash';
import type { ConsistencyProofJson } from '@/lib/log/saved-checkpoint';
import { checkHistory, seenStateFileName } from '@/lib/log/seen-checkpoints';
import { isValidKeyName, parseVerifierKey, splitNote } from '@/lib/log/signed-note';
import { runCommand, runIfMain, UsageError } from './support/cli';
import type { CliDeps } from './support/cli';

const USAGE = `Usage: npm run witness -- --key <private key file> --name <witness name> [--log-key <verifier key>] [--state <dir>] <organization URL>
       npm run witness -- --new-key <file> --name <witness name>

--new-key makes an Ed25519 key (PKCS#8 PEM, readable only by you) and prints the witness key
to give the organization's admins. --log-key pins the log's verifier key on the first run;
later runs use the one remembered in the state directory (default: the verifier's, under
witness/). The witness cosigns only a checkpoint consistent with the last one it cosigned.`;

/** The raw 32-byte Ed25519 public key of a private key. */
function ed25519RawPublicKey(key: KeyObject): Uint8Array {
  const { x } = createPublicKey(key).export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('not an Ed25519 key');
  return new Uint8Array(Buffer.from(x, 'base64url'));
}

/** What a witness remembers per log: the pinned log key and the last checkpoint it cosigned. */
export type WitnessState = { format: 'quorate-witness/1'; origin: string; logKey: string; last: { size: number; note: string; cosignedAt: number } | null };

export type WitnessDecision = { ok: true; cosignedNote: string; size: number; state: WitnessState } | { ok: false; reason: string };

/**
 * One witnessing step, free of I/O: verify the current checkpoint with the pinned log key,
 * check it extends the last one cosigned, and cosign. Refuses without signing on any doubt.
 */
export async function witnessStep(params: {
  logKey: string;
  witness: { name: string; privateKey: KeyObject };
  state: WitnessState | null;
  currentNote: string;
  proof: (from: number, to: number) => Promise<ConsistencyProofJson | null>;
  now: Date;
}): Promise<WitnessDecision> {
  const key = parseVerifierKey(params.logKey);
  const history = await checkHistory({
    hasher: nodeSha256,
    key,
    current: params.currentNote,
    seen: params.state?.last
      ? [{ note: params.state.last.note, source: `the checkpoint this witness cosigned at ${new Date(params.state.last.cosignedAt * 1000).toISOString()}` }]
      : [],
    proof: params.proof,
  });
  if (history.current === null || history.problems.length > 0) return { ok: false, reason: history.problems.join('; ') };
  const time = Math.floor(params.now.getTime() / 1000);
  const text = splitNote(params.currentNote).text;
  const signature = sign(null, cosignedMessage(text, time), params.witness.privateKey);
  const line = formatCosignatureLine({ name: params.witness.name, publicKeyRaw: ed25519RawPublicKey(params.witness.privateKey) }, time, signature);
  const logSigned = params.currentNote.slice(0, params.currentNote.lastIndexOf('\n\n') + 2);
  const logLines = params.currentNote
    .slice(logSigned.length)
    .split('\n')
    .filter((l) => l.startsWith(`\u2014 ${key.name} `));
  const cosignedNote = `${logSigned}${logLines.map((l) => `${l}\n`).join('')}${line}`;
  return {
    ok: true,
    cosignedNote,
    size: history.current.size,
    state: {
      format: 'quorate-witness/1',
      origin: key.name,
      logKey: params.logKey,
      last: { size: history.current.size, note: params.currentNote, cosignedAt: time },
    },
  };
}

type Args = { target?: string; keyFile?: string; newKey?: string; name?: string; logKey?: string; stateDir?: string; help?: boolean };

function parseArgs(argv: string[]): Args {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--key') args.keyFile = next();
    else if (arg === '--new-key') args.newKey = next();
    else if (arg === '--name') args.name = next();
    else if (arg === '--log-key') args.logKey = next();
    else if (arg === '--state') args.stateDir = next();
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}`);
    else if (args.target === undefined) args.target = arg;
    else throw new UsageError('Give one organization URL.');
  }
  return args;
}

export type WitnessDeps = CliDeps;

export async function runWitness(argv: string[], deps: WitnessDeps): Promise<number> {
  return runCommand({ tool: 'witness', usage: USAGE, parse: () => parseArgs(argv) }, deps, async (args) => {
    if (args.name === undefined || !isValidKeyName(args.name))
      throw new UsageError('--name must be a witness name without spaces or "+", e.g. witness.example.org/quorate');
    if (args.newKey !== undefined) {
      const { privateKey } = generateKeyPairSync('ed25519');
      await writeFile(args.newKey, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      deps.stdout(`witness key: ${witnessVerifierKey(args.name, ed25519RawPublicKey(privateKey))}\n`);
      return 0;
    }
    if (args.keyFile === undefined || args.target === undefined) throw new UsageError('Give --key and an organization URL.');
    const privateKey = createPrivateKey(await readFile(args.keyFile, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new UsageError('--key must be an Ed25519 private key (PKCS#8 PEM).');
    const url = new URL(args.target);
    const match = /^\/(?:api\/)?o\/([^/]+)/.exec(url.pathname);
    if (!match) throw new UsageError(`Expected an organization URL like https://example.org/o/<slug>, got ${args.target}`);
    const base = `${url.origin}/api/o/${match[1]}/log`;

    const response = await deps.fetch(`${base}/checkpoint?format=text`);
    if (!response.ok) throw new Error(`${base}/checkpoint answered ${response.status}`);
    const currentNote = await response.text();
    const origin = currentNote.slice(0, currentNote.indexOf('\n'));
    const stateFile = path.join(
      args.stateDir ?? path.join(deps.defaultStateDir, 'witness'),
      `${args.name.replace(/[^\w.-]/g, '_')}--${seenStateFileName(origin)}`,
    );
    let state: WitnessState | null = null;
    try {
      state = JSON.parse(await readFile(stateFile, 'utf8')) as WitnessState;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const logKey = args.logKey ?? state?.logKey;
    if (logKey === undefined) throw new UsageError('First run for this log: pin its verifier key with --log-key (from the organization page).');
    if (state && args.logKey !== undefined && args.logKey !== state.logKey) {
      deps.stderr(
        `witness: REFUSING: --log-key differs from the key pinned for ${origin} (${state.logKey}). Delete ${stateFile} only if the organization really changed its key.\n`,
      );
      return 1;
    }
    const decision = await witnessStep({
      logKey,
      witness: { name: args.name, privateKey },
      state,
      currentNote,
      proof: async (from, to) => {
        const r = await deps.fetch(`${base}/proof/consistency?from=${from}&to=${to}`);
        return r.ok ? ((await r.json()) as ConsistencyProofJson) : null;
      },
      now: deps.now(),
    });
    if (!decision.ok) {
      deps.stderr(`witness: REFUSING TO COSIGN ${origin}: ${decision.reason}\n`);
      return 1;
    }
    const posted = await deps.fetch(`${base}/cosign`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: decision.cosignedNote,
    });
    const answer = await posted.text();
    if (!posted.ok) {
      deps.stderr(`witness: the log did not take the cosignature (${posted.status}): ${answer.slice(0, 300)}\n`);
      return 2;
    }
    await mkdir(path.dirname(stateFile), { recursive: true });
    await writeFile(`${stateFile}.tmp`, `${JSON.stringify(decision.state, null, 2)}\n`);
    await rename(`${stateFile}.tmp`, stateFile);
    deps.stdout(`✔ cosigned ${origin} at size ${decision.size}\n`);
    return 0;
  });
}

runIfMain(import.meta.url, runWitness);
