// What the command-line tools `npm run verify` and `npm run witness` share: their I/O passed in
// (so tests can fake it), the real one, and how a failed run ends.

import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

/** A tool's I/O: network, terminal, where it keeps state by default, and the clock. */
export type CliDeps = {
  fetch: Fetcher;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The default state directory, when --state is not given. */
  defaultStateDir: string;
  now: () => Date;
};

/** Bad arguments: exit 2 with the usage text. */
export class UsageError extends Error {}

/** $XDG_CONFIG_HOME/quorate/checkpoints, else ~/.config/quorate/checkpoints. */
export function defaultStateDir(): string {
  const xdg = process.env.XDG_CONFIG_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.config'), 'quorate', 'checkpoints');
}

/**
 * Runs a tool: parses its arguments, prints the usage text for --help (exit 0), else runs it. A
 * run that throws exits 2 after the message (and after the usage text when the arguments were wrong).
 */
export async function runCommand<A extends { help?: boolean }>(
  command: { tool: string; usage: string; parse: () => A },
  deps: CliDeps,
  run: (args: A) => Promise<number>,
): Promise<number> {
  try {
    const args = command.parse();
    if (args.help) {
      deps.stdout(`${command.usage}\n`);
      return 0;
    }
    return await run(args);
  } catch (error) {
    return failedRun(command.tool, command.usage, error, deps.stderr);
  }
}

function failedRun(tool: string, usage: string, error: unknown, stderr: (s: string) => void): number {
  if (error instanceof UsageError) {
    stderr(`${tool}: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  stderr(`${tool}: ${error instanceof Error ? error.message : String(error)}\n`);
  return 2;
}

/** When `moduleUrl` is the script node was started with: runs the tool on the real I/O and exits with its code. */
export function runIfMain(moduleUrl: string, run: (argv: string[], deps: CliDeps) => Promise<number>): void {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  void run(process.argv.slice(2), {
    fetch: (url, init) => fetch(url, init),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    defaultStateDir: defaultStateDir(),
    now: () => new Date(),
  }).then((code) => process.exit(code));
}
