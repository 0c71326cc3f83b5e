/**
 * How a proposal type decides, as the charter editor reads and shows it: a yes/no vote, a choice
 * among options (`method`), consent, or a seat election (`election`). Pure, like charter-form.ts.
 */
import { choiceMethodKeys } from './choice';
import { electionRules, type ElectionRule } from './election';
import { typeField } from './charter-form-fields';
import type { ChoiceMethodSpec, ProposalTypeSpec } from './types';

/** How a proposal type decides: a yes/no vote, a choice among options (`method`), consent, or a seat election (`election`). */
export type DecidedBy = 'yes_no' | 'choice' | 'consent' | 'election';
export const decidedByValues: readonly DecidedBy[] = ['yes_no', 'choice', 'consent', 'election'];

/** How `t` decides, as the editor's "How it is decided" shows it (a seat election by its effect or its rule). */
export function decidedByOf(t: ProposalTypeSpec): DecidedBy {
  if (t.effect === 'seat_election' || t.election !== undefined) return 'election';
  if (t.consent !== undefined) return 'consent';
  if (t.method !== undefined) return 'choice';
  return 'yes_no';
}

/** What reading a decision needs from charterFromForm: the posted fields and its readers (which record field errors). */
export type DecisionForm = {
  fields: Record<string, string>;
  pick: <T extends string>(key: string, allowed: readonly T[], fallback: T, problem: string) => T;
  whole: (key: string, fallback: number, what: string, min: number, max?: number) => number;
};

/**
 * How type `k` decides, read onto `spec` (a copy of `t`). Only the chosen way's fields are read.
 * Switching to another way drops the settings of the others; keeping the way keeps whatever the
 * form does not show. Whether the combination is allowed is the charter's rules' to say.
 */
export function decisionFromForm(form: DecisionForm, k: number, t: ProposalTypeSpec, spec: ProposalTypeSpec, label: string): DecidedBy {
  const { fields, pick, whole } = form;
  const was = decidedByOf(t);
  const decide = pick(
    typeField(k, 'decide'),
    decidedByValues,
    was,
    `Choose how ${label} is decided: by a yes or no vote, a choice among options, consent or a seat election.`,
  );
  if (decide !== was) {
    delete spec.method;
    delete spec.consent;
    delete spec.election;
  }
  if (decide === 'consent' && was !== 'consent') spec.consent = true;
  if (decide === 'choice') {
    const before = t.method;
    const key = pick(typeField(k, 'method'), choiceMethodKeys, before?.key ?? choiceMethodKeys[0]!, `Choose how ${label} counts its ballots.`);
    // The rules say which numbers fit the method (choiceTypeErrors); here they only have to be whole numbers.
    const winners = whole(typeField(k, 'winners'), before?.winners ?? 1, `${label}: the number of winners`, 0, 1000);
    let maxApprovals = before?.maxApprovals;
    const approvalsRaw = fields[typeField(k, 'approvals')];
    if (key === 'approval' && approvalsRaw !== undefined) {
      maxApprovals =
        approvalsRaw.trim() === ''
          ? undefined
          : whole(typeField(k, 'approvals'), before?.maxApprovals ?? 0, `${label}: the most options one ballot may approve`, 0, 1000);
    } else if (key !== 'approval' && key !== before?.key) maxApprovals = undefined; // switching away from approval drops its setting
    const method: ChoiceMethodSpec = { ...structuredClone(before), key, winners };
    if (maxApprovals === undefined) delete method.maxApprovals;
    else method.maxApprovals = maxApprovals;
    spec.method = method;
  }
  if (decide === 'election') {
    const rule = pick<ElectionRule>(
      typeField(k, 'rule'),
      electionRules,
      t.election?.rule ?? electionRules[0]!,
      `Choose the rule that counts ${label}’s election: Scottish or Meek STV.`,
    );
    spec.election = { ...structuredClone(t.election), rule };
  }
  return decide;
}

/** The field a sentence of the rules on how type `k` decides belongs beside: the number or select it is about, else "How it is decided". */
export function decisionFieldOf(k: number, decide: DecidedBy, message: string): string {
  if (decide === 'choice') {
    if (/number of winners|chooses exactly one option/.test(message)) return typeField(k, 'winners');
    if (/most options one ballot may approve|most-approvals/.test(message)) return typeField(k, 'approvals');
    if (/is not a counting method/.test(message)) return typeField(k, 'method');
  }
  if (decide === 'election' && /names its counting rule/.test(message)) return typeField(k, 'rule');
  return typeField(k, 'decide');
}
