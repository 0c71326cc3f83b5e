import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lotOrder } from '@/lib/governance/methods/lot';
import { runTally } from './tally';

const root = path.resolve(__dirname, '..');
const fixture = (name: string) => path.join('test/fixtures/blt', name);

/** Runs `npm run tally -- …` the way npm does (tsx on scripts/tally.ts) and returns its exit code and output. */
async function tally(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['scripts/tally.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The same command run in this process, for the cases that need no new process. */
async function tallyHere(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const deps = { fetch, stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), defaultStateDir: '', now: () => new Date() };
  const code = await runTally(args, deps);
  return { code, stdout, stderr };
}

describe('npm run tally', () => {
  it('prints exactly { elected, rounds } with --json, candidates named', async () => {
    // The worked example of lib/governance/methods/irv.test.ts: Di, then Bo excluded; Cy wins with 14 of 22.
    const { code, stdout } = await tally('--method', 'irv', '--json', fixture('irv-example.blt'));
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['elected', 'rounds']);
    expect(report.elected).toEqual(['Cy']);
    expect(report.rounds.map((r: { action: unknown; votes: unknown }) => [r.action, r.votes])).toEqual([
      [
        { kind: 'first_count', candidates: [] },
        { Ann: '8', Bo: '6', Cy: '5', Di: '3' },
      ],
      [
        { kind: 'exclusion', candidates: ['Di'] },
        { Ann: '8', Bo: '6', Cy: '8', Di: '0' },
      ],
      [
        { kind: 'exclusion', candidates: ['Bo'] },
        { Ann: '8', Bo: '0', Cy: '14', Di: '0' },
      ],
    ]);
    expect(report.rounds[2]).toMatchObject({ nonTransferable: '0', residue: '0', elected: ['Cy'], excluded: ['Bo'], ties: [] });
  });

  it('prints the elected and a table of every round', async () => {
    const { code, stdout } = await tally('--method', 'irv', fixture('irv-example.blt'));
    expect(code).toBe(0);
    expect(stdout).toContain('Elected, in order: Cy');
    expect(stdout).toMatch(/^Cy +5 +8 +14$/m);
    expect(stdout).toMatch(/^Non-transferable +0 +0 +0$/m);
    expect(stdout).toContain('Round 3: exclusion of Bo. Elected: Cy.');
  });

  it('prints the text report exactly as the README shows it', async () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const shown = /Without `--json` it prints, for `test\/fixtures\/blt\/irv-example\.blt`:\n\n```\n([\s\S]*?)```/.exec(readme);
    expect(shown).not.toBeNull();
    const { code, stdout } = await tallyHere('--method', 'irv', fixture('irv-example.blt'));
    expect(code).toBe(0);
    expect(stdout).toBe(shown![1]);
  });

  it('draws lots from --seed, and shows the tie in its round', async () => {
    const [out, winner] = lotOrder('s1', 'irv exclude round 3', [0, 1], ['Ann', 'Bo']).map((c) => ['Ann', 'Bo'][c]);
    const { stdout } = await tallyHere('--method=irv', '--seed=s1', '--json', fixture('irv-lot.blt'));
    const report = JSON.parse(stdout);
    expect(report.elected).toEqual([winner]);
    expect(report.rounds[2].ties).toEqual([{ among: ['Ann', 'Bo'], chosen: out, by: 'lot', purpose: 'exclude' }]);
  });

  it('skips withdrawn candidates, sets blank ballots aside, and takes --seats', async () => {
    // Di is withdrawn: "1 1 4 0" counts for Ann only, "2 4 0" is blank. Ann 3+1, Bo 3+2, Cy 2+4.
    const two = await tallyHere('--method', 'approval', fixture('approval-withdrawn.blt'));
    expect(two.stdout).toContain('10 valid ballot(s), 2 blank ballot(s) set aside');
    expect(two.stdout).toContain('Elected, in order: Cy, Bo');
    const one = JSON.parse((await tallyHere('--method', 'approval', '--seats', '1', '--json', fixture('approval-withdrawn.blt'))).stdout);
    expect(one.elected).toEqual(['Cy']);
  });

  it('exits 1 with FILE:LINE: message for a bad file or a ballot the method refuses', async () => {
    const stray = await tally('--method', 'irv', fixture('stray-token.blt'));
    expect(stray).toMatchObject({ code: 1, stdout: '' });
    expect(stray.stderr).toBe(`${fixture('stray-token.blt')}:3: Unexpected "3" after the 0 that ends the ballot.\n`);
    const ranked = await tallyHere('--method', 'plurality', fixture('ranked.blt'));
    expect(ranked.code).toBe(1);
    expect(ranked.stderr).toMatch(/^test\/fixtures\/blt\/ranked\.blt:5: This ballot makes 2 choices; this vote allows at most 1\.\n$/);
  });

  it('exits 2 with the usage for bad arguments', async () => {
    const spawned = await tally('--method', 'borda', fixture('ranked.blt'));
    expect(spawned.code).toBe(2);
    expect(spawned.stderr).toContain('Unknown method "borda"');
    for (const args of [
      [fixture('ranked.blt')],
      ['--method', 'irv', '--seats', '2', fixture('ranked.blt')],
      ['--method', 'irv', '--seats', 'x', fixture('ranked.blt')],
    ]) {
      const run = await tallyHere(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: npm run tally');
    }
  });
});
