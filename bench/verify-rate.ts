// Verification rate: the existing bench/log-verify.ts, run in a child process and parsed.

import { spawnSync } from 'node:child_process';
import { fmt, log, notes, num, table } from './common';

export function verifyBench(): void {
  const n = num('verify');
  log(`(c) verifying ${fmt(n)} entries`);
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), '--conditions=react-server', 'bench/log-verify.ts', String(n), '3'], {
    encoding: 'utf8',
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('node:crypto'));
  const m = line && /verifyLog best\s+(\d+) ms.*?([\d,]+) entries\/s.*?raw SHA-256 .*? best\s+(\d+) ms\s+([\d,]+) entries\/s/.exec(line);
  if (!m) throw new Error(`bench/log-verify.ts output not understood:\n${r.stdout}\n${r.stderr}`);
  const rate = Number(m[2]!.replace(/,/g, ''));
  const rawRate = Number(m[4]!.replace(/,/g, ''));
  table.push({
    figure: `(c) verifyLog, ${fmt(n)} entries (node:crypto)`,
    measured: `${fmt(rate)} entries/s (${m[1]} ms)`,
    baseline: `raw SHA-256 over the same bytes: ${fmt(rawRate)} entries/s (${m[3]} ms)`,
    ratio: `${fmt(rate / rawRate, 3)}×`,
    target: '≥ 200,000 entries/s',
    met: rate >= 200_000 ? 'yes' : 'no',
  });
  const pure = r.stdout.split('\n').find((l) => l.startsWith('pure-JS'));
  if (pure) notes.push(`Verification with the browser's pure-JS SHA-256: ${pure.replace(/\s+/g, ' ').trim()}`);
}
