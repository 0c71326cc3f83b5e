// How `npm run tally` prints a result: the JSON shape (documented in docs/vote-methods.md) and
// the readable tables.

import type { Contest, MethodKey, Round, TallyResult, TieBreak } from '@/lib/governance/methods/types';

export type JsonTie = { among: string[]; chosen: string; by: TieBreak['by']; purpose: TieBreak['purpose'] };

export type JsonRound = {
  number: number;
  action: { kind: Round['action']['kind']; candidates: string[] };
  /** Votes per candidate name, in ballot-paper order. */
  votes: Record<string, string>;
  nonTransferable: string;
  residue: string;
  quota?: string;
  keepFactors?: Record<string, string>;
  elected: string[];
  excluded: string[];
  /** Ties broken in this round. */
  ties: JsonTie[];
};

export type JsonReport = { elected: string[]; rounds: JsonRound[] };

/** `{ "elected": [names…], "rounds": [...] }`, candidates named. */
export function jsonReport(result: TallyResult, candidates: readonly string[]): JsonReport {
  const names = (ids: readonly number[]) => ids.map((c) => candidates[c]!);
  const byName = (values: readonly string[]) => Object.fromEntries(values.map((v, c) => [candidates[c]!, v]));
  const last = result.rounds.length;
  return {
    elected: names(result.elected),
    rounds: result.rounds.map((round) => ({
      number: round.number,
      action: { kind: round.action.kind, candidates: names(round.action.candidates) },
      votes: byName(round.votes),
      nonTransferable: round.nonTransferable,
      residue: round.residue,
      ...(round.quota === undefined ? {} : { quota: round.quota }),
      ...(round.keepFactors === undefined ? {} : { keepFactors: byName(round.keepFactors) }),
      elected: names(round.elected),
      excluded: names(round.excluded),
      // A tie is shown in the round it was broken in (one past the last round shows in the last).
      ties: result.ties
        .filter((t) => Math.min(t.round, last) === round.number)
        .map((t) => ({ among: names(t.among), chosen: candidates[t.chosen]!, by: t.by, purpose: t.purpose })),
    })),
  };
}

const METHOD_NAMES: Record<MethodKey, string> = {
  yes_no: 'yes / no / abstain',
  plurality: 'single choice (plurality)',
  approval: 'approval',
  irv: 'instant-runoff',
  scottish_stv: 'Scottish STV',
  meek_stv: 'Meek STV',
};

const ACTIONS: Record<Round['action']['kind'], string> = {
  first_count: 'first count',
  surplus: 'surplus of',
  exclusion: 'exclusion of',
  iteration: 'iteration',
  final: 'final',
};

const TIE_OUTCOMES: Record<TieBreak['purpose'], string> = {
  elect: 'elected',
  winner: 'wins',
  exclude: 'excluded',
  surplus_order: 'has its surplus transferred first',
};

/** The readable report: a heading, the elected, a table of every round's votes, and what each round did. */
export function textReport(result: TallyResult, context: { contest: Contest; title: string; blank: number }): string {
  const { candidates, seats } = context.contest;
  const list = (ids: readonly number[]) => ids.map((c) => candidates[c]!).join(', ');
  const out: string[] = [];
  out.push(`${context.title || 'Untitled election'}: ${METHOD_NAMES[result.method]}, ${seats} seat(s), ${candidates.length} candidate(s)`);
  out.push(`${result.totalValid} valid ballot(s)${context.blank ? `, ${context.blank} blank ballot(s) set aside` : ''}`);
  out.push(`Elected, in order: ${result.elected.length ? list(result.elected) : 'nobody'}`, '');
  const rows: string[][] = [['', ...result.rounds.map((r) => `Round ${r.number}`)]];
  candidates.forEach((name, c) => rows.push([name, ...result.rounds.map((r) => r.votes[c]!)]));
  rows.push(['Non-transferable', ...result.rounds.map((r) => r.nonTransferable)]);
  rows.push(['Residue', ...result.rounds.map((r) => r.residue)]);
  if (result.rounds.some((r) => r.quota !== undefined)) rows.push(['Quota', ...result.rounds.map((r) => r.quota ?? '')]);
  if (result.rounds.some((r) => r.keepFactors !== undefined)) {
    candidates.forEach((name, c) => rows.push([`Keep factor ${name}`, ...result.rounds.map((r) => r.keepFactors?.[c] ?? '')]));
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows)
    out.push(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  out.push('');
  for (const round of result.rounds) {
    const did = [`Round ${round.number}: ${ACTIONS[round.action.kind]}${round.action.candidates.length ? ` ${list(round.action.candidates)}` : ''}.`];
    if (round.elected.length) did.push(`Elected: ${list(round.elected)}.`);
    if (round.excluded.length && list(round.excluded) !== list(round.action.candidates)) did.push(`Excluded: ${list(round.excluded)}.`);
    out.push(did.join(' '));
  }
  for (const tie of result.ties) {
    const how = tie.by === 'lot' ? 'by lot' : 'by the earlier rounds';
    out.push(`Tie in round ${tie.round} among ${list(tie.among)}: ${candidates[tie.chosen]} ${TIE_OUTCOMES[tie.purpose]} ${how}.`);
  }
  return `${out.join('\n')}\n`;
}
