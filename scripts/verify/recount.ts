// `npm run verify` recounts every closed choice among options from the export: the anonymous
// ballots and the count a `voting.closed` entry published, counted again with the same method,
// options and public seed. A result that differs from the logged one is a problem.

import { countChoice } from '@/lib/governance/choice-count';
import type { ChoiceCount, ChoiceMethodKey } from '@/lib/governance/types';
import { canonicalJson } from '@/lib/log/canonical';
import type { VerifyProblem } from '@/lib/log/verify';

const methods = new Set<ChoiceMethodKey>(['plurality', 'approval', 'irv', 'scottish_stv', 'meek_stv']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type RecountSummary = { recounted: number; problems: VerifyProblem[] };

/** Recounts each published count in `entries` (log order); never throws on bad data. */
export function recountChoices(entries: readonly unknown[]): RecountSummary {
  const problems: VerifyProblem[] = [];
  let recounted = 0;
  for (const raw of entries) {
    if (!isRecord(raw) || raw.kind !== 'voting.closed' || !isRecord(raw.payload)) continue;
    const seq = typeof raw.seq === 'number' ? raw.seq : null;
    const tally = raw.payload.tally;
    if (!isRecord(tally) || !isRecord(tally.choice) || tally.choice.count === undefined) continue;
    const problem = (message: string) => problems.push({ seq, kind: 'recount_mismatch', message: `${String(raw.subject)}: ${message}` });
    const logged = tally.choice.count as ChoiceCount;
    if (
      !isRecord(logged) ||
      !methods.has(logged.method) ||
      !Array.isArray(logged.options) ||
      !Array.isArray(logged.ballots) ||
      typeof logged.lotSeed !== 'string'
    ) {
      problem('the published count lacks its method, options, ballots or seed');
      continue;
    }
    const ballots: number[][] = [];
    let total = 0;
    for (const line of logged.ballots) {
      if (!Array.isArray(line) || line.length < 2 || !line.every((n) => Number.isSafeInteger(n) && n >= 0) || line[0]! < 1) {
        problem(`the published ballot ${JSON.stringify(line).slice(0, 80)} is not [count, option, …]`);
        continue;
      }
      const [count, ...preferences] = line as number[];
      total += count!;
      for (let i = 0; i < count!; i++) ballots.push(preferences);
    }
    if (tally.cast !== total) problem(`the tally says ${String(tally.cast)} ballots were cast, the published ballots are ${total}`);
    let again: ChoiceCount;
    try {
      again = countChoice(
        { key: logged.method, winners: logged.winners, ...(logged.maxApprovals !== undefined ? { maxApprovals: logged.maxApprovals } : {}) },
        logged.options,
        logged.lotSeed,
        ballots,
      );
    } catch (error) {
      problem(`the published ballots cannot be counted: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    recounted++;
    const name = (i: number) => logged.options[i] ?? `option ${i + 1}`;
    if (JSON.stringify(again.result.elected) !== JSON.stringify(logged.result?.elected)) {
      problem(
        `the recount elects ${again.result.elected.map(name).join(', ') || 'nobody'}; the log says ${(logged.result?.elected ?? []).map(name).join(', ') || 'nobody'}`,
      );
    } else if (canonicalJson(again.result as never) !== canonicalJson(logged.result as never)) {
      problem('the recount elects the same, but its rounds differ from the logged ones');
    }
  }
  return { recounted, problems };
}
