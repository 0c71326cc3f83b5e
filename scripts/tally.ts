// npm run tally -- --method <plurality|approval|irv|scottish-stv|meek-stv> [--seats N] [--seed S] [--json] FILE.blt
//
// Recounts a BLT ballot file offline with one of Quorate's vote methods and prints the elected
// candidates in order of election and every round (docs/vote-methods.md describes the methods and
// the output). Exit code 0 = counted, 1 = the file is not a valid BLT file or holds a ballot the
// method refuses (printed as FILE:LINE: message), 2 = usage or other errors.

import { readFile } from 'node:fs/promises';
import { ballotProblemMessage, InvalidBallotError, skipWithdrawn } from '@/lib/governance/methods/ballots';
import { BltError, parseBlt } from '@/lib/governance/methods/blt';
import { methodFor } from '@/lib/governance/methods/registry';
import type { Contest, MethodKey } from '@/lib/governance/methods/types';
import type { CliDeps } from './support/cli';
import { runCommand, runIfMain, UsageError } from './support/cli';
import { jsonReport, textReport } from './tally/report';

const USAGE = `Usage: npm run tally -- --method <plurality|approval|irv|scottish-stv|meek-stv> [--seats N] [--seed S] [--json] FILE.blt

  npm run tally -- --method irv board.blt
  npm run tally -- --method scottish-stv --seed 9f86d081… --json board.blt

--method  how to count (see docs/vote-methods.md).
--seats   how many to elect; default: the file's second number (instant-runoff always elects one).
--seed    the public seed that ties broken by lot are drawn from (the same seed draws the same
          lot; docs/vote-methods.md); default: the empty string.
--json    print { "elected": [names…], "rounds": [...] } instead of tables.

Withdrawn candidates (the file's negative line) are skipped on every ballot; ballots left with no
preference are set aside as blank.`;

const METHODS: Record<string, MethodKey> = {
  plurality: 'plurality',
  approval: 'approval',
  irv: 'irv',
  'scottish-stv': 'scottish_stv',
  'meek-stv': 'meek_stv',
};

type Args = { method: MethodKey; file: string; seats?: number; seed: string; json: boolean; help?: boolean };

function parseArgs(argv: readonly string[]): Args {
  const files: string[] = [];
  let method: MethodKey | undefined;
  let seats: number | undefined;
  let seed = '';
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i]!);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') return { method: 'irv', file: '', seed, json, help: true };
    if (flag === '--json') json = true;
    else if (flag === '--seed') seed = value();
    else if (flag === '--method') {
      const name = value();
      method = METHODS[name];
      if (!method) throw new UsageError(`Unknown method "${name}": use ${Object.keys(METHODS).join(', ')}.`);
    } else if (flag === '--seats') {
      const text = value();
      seats = /^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : NaN;
      if (Number.isNaN(seats)) throw new UsageError(`--seats takes a whole number of at least 1, not "${text}".`);
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`Unknown option ${flag}`);
    else files.push(flag);
  }
  if (!method) throw new UsageError('Choose a method with --method.');
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'Give a BLT file.' : 'Give one BLT file.');
  if (method === 'irv' && seats !== undefined && seats !== 1) throw new UsageError('Instant-runoff elects one candidate: --seats must be 1.');
  return { method, file: files[0]!, seats, seed, json };
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

/** The tally command, with its I/O passed in. */
export async function runTally(argv: string[], deps: CliDeps): Promise<number> {
  return runCommand({ tool: 'tally', usage: USAGE, parse: () => parseArgs(argv) }, deps, async (args) => {
    const text = await readFile(args.file, 'utf8');
    const fail = (line: number, message: string) => {
      deps.stderr(`${args.file}:${line}: ${message}\n`);
      return 1;
    };
    let file;
    try {
      file = parseBlt(text);
    } catch (error) {
      if (error instanceof BltError) return fail(error.line, error.message);
      throw error;
    }
    const { candidates, withdrawn, title } = file.contest;
    const contest: Contest = { candidates, withdrawn, seats: args.method === 'irv' ? 1 : (args.seats ?? file.contest.seats), lotSeed: args.seed };
    const counted = skipWithdrawn(file.ballots, withdrawn);
    let result;
    try {
      result = methodFor(args.method).tally(counted.ballots, contest);
    } catch (error) {
      if (!(error instanceof InvalidBallotError)) throw error;
      return fail(file.ballotLines[counted.from[error.index]!]!, ballotProblemMessage(error.problem, candidates));
    }
    const blank = counted.blank.reduce((sum, i) => sum + file.ballots[i]!.count, 0);
    deps.stdout(args.json ? `${JSON.stringify(jsonReport(result, candidates), null, 2)}\n` : textReport(result, { contest, title, blank }));
    return 0;
  });
}

runIfMain(import.meta.url, runTally);
