/**
 * A choice among options: a proposal type that names a counting method (plurality, approval,
 * instant-runoff, Scottish or Meek STV) decides among the proposal's options instead of yes/no.
 *
 * - The options are the proposal's, fixed at publication: nobody can add, drop or reword one
 *   while people deliberate or vote.
 * - The ballots are secret: who voted is public once the stage closes, how each voted is not.
 *   The counted ballots are published at the close without voters (sorted, identical ones
 *   merged), with the count, so anyone can recount them.
 * - Quorum is the stage's, counted against charter seats exactly as for yes/no; a ballot counts
 *   towards it whatever it ranks. The stage "passes" (a choice is made) when the quorum is met
 *   and at least one option wins; otherwise it fails its quorum.
 *
 * Counting itself is in choice-count.ts (it needs the methods, which hash with node:crypto for
 * their lots); this file stays importable by the browser (the charter editor validates with it).
 */
import { minimumCount } from './tally';
import type { BodySpec, ChoiceBallot, ChoiceMethodSpec, ProposalTypeSpec, StageSpec, TallyResult } from './types';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 30;
export const MAX_OPTION_LENGTH = 200;

const methodNames: Record<ChoiceMethodSpec['key'], string> = {
  plurality: 'single choice (most votes wins)',
  approval: 'approval (approve one or more)',
  irv: 'ranked, instant-runoff',
  scottish_stv: 'ranked, single transferable vote (Scottish rules)',
  meek_stv: 'ranked, single transferable vote (Meek rules)',
};

/** The counting methods, in the order the charter editor offers them. */
export const choiceMethodKeys = Object.keys(methodNames) as ChoiceMethodSpec['key'][];

/** The method as a person reads it: 'ranked, instant-runoff'. */
export function choiceMethodName(key: ChoiceMethodSpec['key']): string {
  return methodNames[key];
}

/** Whether a ballot of this method orders its choices (ranked) or sets them (approval, single choice). */
export function isRanked(key: ChoiceMethodSpec['key']): boolean {
  return key === 'irv' || key === 'scottish_stv' || key === 'meek_stv';
}

/** The charter's rules for a type that names a method, as plain-English problems (empty when fine). */
export function choiceTypeErrors(type: ProposalTypeSpec): string[] {
  const method = type.method;
  if (!method) return [];
  const label = `Proposal type "${type.key}"`;
  const errors: string[] = [];
  if (!(method.key in methodNames)) {
    errors.push(`${label}: "${String(method.key)}" is not a counting method (use plurality, approval, irv, scottish_stv or meek_stv).`);
    return errors;
  }
  if (!Number.isInteger(method.winners) || method.winners < 1) {
    errors.push(`${label}: the number of winners must be a whole number of at least 1 (it is ${method.winners}).`);
  } else if ((method.key === 'plurality' || method.key === 'irv') && method.winners !== 1) {
    errors.push(`${label}: ${methodNames[method.key]} chooses exactly one option (it asks for ${method.winners}); use STV or approval for more.`);
  }
  if (method.maxApprovals !== undefined) {
    if (method.key !== 'approval') errors.push(`${label}: only an approval vote takes a most-approvals setting.`);
    else if (!Number.isInteger(method.maxApprovals) || method.maxApprovals < 1) {
      errors.push(`${label}: the most options one ballot may approve must be a whole number of at least 1 (it is ${method.maxApprovals}).`);
    }
  }
  if (type.stages.length !== 1) errors.push(`${label} chooses among options, so it has exactly one deciding stage (it has ${type.stages.length}).`);
  if (type.effect !== 'resolution') errors.push(`${label} chooses among options, so its effect must be resolution (it records the choice).`);
  if (type.requiresSubject) errors.push(`${label} chooses among options, so it cannot name a subject.`);
  if (type.emergency) errors.push(`${label} chooses among options, so it cannot have an emergency procedure.`);
  return errors;
}

/** Options as typed (one per line): trimmed, blank lines dropped. */
export function parseOptions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Why these options cannot be put to a vote, or null. */
export function optionsProblem(options: readonly string[]): string | null {
  if (options.length < MIN_OPTIONS)
    return `Give at least ${MIN_OPTIONS} options, one per line (there ${options.length === 1 ? 'is 1' : `are ${options.length}`}).`;
  if (options.length > MAX_OPTIONS) return `Give at most ${MAX_OPTIONS} options (there are ${options.length}).`;
  const long = options.find((o) => o.length > MAX_OPTION_LENGTH);
  if (long !== undefined) return `Each option is at most ${MAX_OPTION_LENGTH} characters; "${long.slice(0, 40)}…" has ${long.length}.`;
  const seen = new Map<string, string>();
  for (const option of options) {
    const key = option.normalize('NFKC').toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) return `"${option}" is listed twice${earlier === option ? '' : ` (as "${earlier}")`}: each option once.`;
    seen.set(key, option);
  }
  return null;
}

/** The current ballot of each seat that did not recuse: the latest, and with `window`, the latest cast inside it (a closed stage's counted ballots). */
export function countedChoiceBallots(
  ballots: readonly ChoiceBallot[],
  recusedSeatIds: readonly string[],
  window?: { opensAt: Date; closesAt: Date },
): ChoiceBallot[] {
  const recused = new Set(recusedSeatIds);
  const inWindow = (t: number) => !window || (t >= window.opensAt.getTime() && t < window.closesAt.getTime());
  const latest = new Map<string, ChoiceBallot>();
  for (const b of ballots) {
    if (!inWindow(b.castAt.getTime()) || recused.has(b.seatId)) continue;
    const held = latest.get(b.seatId);
    if (!held || b.castAt.getTime() > held.castAt.getTime()) latest.set(b.seatId, b);
  }
  return [...latest.values()];
}

/** The stage's tally for a choice: quorum against charter seats; "passed" means a choice was made. */
export function choiceStageTally(input: {
  ballots: readonly ChoiceBallot[];
  stage: StageSpec;
  body: BodySpec;
  charterSeats: number;
  recusedSeatIds: readonly string[];
  method: ChoiceMethodSpec;
}): TallyResult {
  const { ballots, stage, body, charterSeats, recusedSeatIds, method } = input;
  const recused = Math.min(new Set(recusedSeatIds).size, charterSeats);
  const cast = ballots.length;
  const quorumBase = body.recusedSeatsCountTowardQuorumBase ? charterSeats : charterSeats - recused;
  const quorumRequired = minimumCount(quorumBase, stage.quorum);
  const quorumMet = cast >= quorumRequired;
  const passed = quorumMet && cast >= 1;
  return {
    yes: 0,
    no: 0,
    abstain: 0,
    cast,
    charterSeats,
    recused,
    quorumRequired,
    quorumMet,
    thresholdBase: cast,
    yesRequired: 0,
    passed,
    outcome: passed ? 'passed' : 'failed_quorum',
    choice: { method: method.key },
  };
}
