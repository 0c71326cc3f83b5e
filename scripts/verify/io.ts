// The I/O of `npm run verify` (scripts/verify.ts): fetching or reading the export, the progress bar, the remembered-checkpoint state.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseSeenState } from '@/lib/log/seen-checkpoints';
import type { SeenState } from '@/lib/log/seen-checkpoints';
import type { CliDeps, Fetcher } from '../support/cli';
import { exportLocation, LoadError } from './check';

export function progressBar(stream: NodeJS.WriteStream): ((done: number, total: number) => void) & { clear: () => void } {
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

export async function load(target: string, fetcher: Fetcher, stderr: (s: string) => void): Promise<{ data: unknown; source: string }> {
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

/** What `npm run verify` runs on: the I/O every command-line tool here is given. */
export type VerifyDeps = CliDeps;

export async function readState(file: string): Promise<SeenState | null> {
  try {
    return parseSeenState(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LoadError(`Cannot read the checkpoint state ${file}: ${(error as Error).message}`);
  }
}

export async function writeState(file: string, state: SeenState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(tmp, file); // whole file or nothing: a crash never leaves half a history
}

export async function getJson(fetcher: Fetcher, url: string): Promise<unknown> {
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
