/** How a count's rounds and ties are told in words, and the transfers between rounds as bars. */

import { compareSize, percentOf, signOf, subtractDecimals, sumDecimals } from './exact-decimal';
import type { Round, TallyResult, TieBreak } from './methods/types';

const nameOf = (names: readonly string[], id: number) => names[id] ?? `Candidate ${id + 1}`;

/** "Ada", "Ada and Bo", "Ada, Bo and Cy". */
export function listNames(ids: readonly number[], names: readonly string[]): string {
  const all = ids.map((id) => nameOf(names, id));
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

const extraVotes = (ids: readonly number[], names: readonly string[]) =>
  ids.length === 0 ? 'Extra votes' : ids.length === 1 ? `${nameOf(names, ids[0]!)}’s extra votes` : `Extra votes of ${listNames(ids, names)}`;

/** What a round did, short enough for a column heading: "Bo excluded; their votes passed on". */
export function roundActionText(round: Round, names: readonly string[]): string {
  const { kind, candidates } = round.action;
  switch (kind) {
    case 'first_count':
      return 'First count';
    case 'surplus':
    case 'iteration':
      return `${extraVotes(candidates, names)} passed on`;
    case 'exclusion':
      return `${listNames(candidates, names)} excluded; ${candidates.length === 1 ? 'their' : 'those'} votes passed on`;
    case 'final':
      return round.elected.length > 0 ? 'Remaining seats filled' : 'Final result';
  }
}

const purposeText: Record<TieBreak['purpose'], string> = {
  elect: 'election',
  exclude: 'exclusion',
  surplus_order: 'which surplus to pass on first',
  winner: 'the win',
};

const outcomeText = (tie: TieBreak, names: readonly string[]): string => {
  const chosen = nameOf(names, tie.chosen);
  switch (tie.purpose) {
    case 'elect':
      return `${chosen} was elected`;
    case 'exclude':
      return `${chosen} was excluded`;
    case 'surplus_order':
      return `${chosen}’s surplus went first`;
    case 'winner':
      return `${chosen} won`;
  }
};

/** "Tie between Ada and Bo for exclusion in round 3, broken by lot: Bo was excluded." */
export function tieText(tie: TieBreak, names: readonly string[]): string {
  const by = tie.by === 'lot' ? 'by lot' : 'by earlier rounds';
  return `Tie between ${listNames(tie.among, names)} for ${purposeText[tie.purpose]} in round ${tie.round}, broken ${by}: ${outcomeText(tie, names)}.`;
}

/** A round's total: every candidate's votes, the non-transferable votes and the residue, added exactly. */
export function roundTotal(round: Round): string {
  return sumDecimals([...round.votes, round.nonTransferable, round.residue]);
}

/**
 * One line of the transfers chart: who gained or lost (`of`: a candidate's id, or the non-transferable votes or the
 * residue, for a page that words it in another language), by how much (signed, exact), and the bar's width in percent.
 */
export type TransferBar = { of: number | 'non_transferable' | 'residue'; label: string; change: string; sign: -1 | 1; percent: number };

export type RoundTransfers = { round: number; heading: string; bars: TransferBar[] };

/**
 * For each round after the first, the change in each candidate's votes (and in the non-transferable
 * votes and the residue) from the round before. Lines that did not change are left out; bars are
 * scaled to the round's largest change.
 */
export function transfersByRound(result: TallyResult, names: readonly string[]): RoundTransfers[] {
  return result.rounds.slice(1).map((round, i) => {
    const before = result.rounds[i]!;
    const lines = [
      ...round.votes.map((v, id) => ({ of: id, label: nameOf(names, id), change: subtractDecimals(v, before.votes[id] ?? '0') })),
      { of: 'non_transferable' as const, label: 'Non-transferable', change: subtractDecimals(round.nonTransferable, before.nonTransferable) },
      { of: 'residue' as const, label: 'Residue', change: subtractDecimals(round.residue, before.residue) },
    ].filter((line) => signOf(line.change) !== 0);
    const largest = lines.reduce((max, line) => (compareSize(line.change, max) > 0 ? line.change : max), '0');
    const bars = lines.map((line) => ({ ...line, sign: signOf(line.change) as -1 | 1, percent: percentOf(line.change, largest) }));
    return { round: round.number, heading: `Round ${round.number}: ${roundActionText(round, names)}`, bars };
  });
}
