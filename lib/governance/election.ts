/**
 * Seat elections: a proposal type with `effect: 'seat_election'` fills several vacant seats of a
 * body at once by single transferable vote.
 *
 * - The proposal names the body and the seat class it fills (one class per election: a general
 *   seat and an independent seat are two elections). The seats are the body's vacant seats of
 *   that class when voting opens.
 * - Nominations are open during the comment window only: any member who may comment nominates a
 *   member (themselves included); the nominee must accept, in their own name, and for a class
 *   seat with the class's declaration. A nominee may decline, or withdraw while the window runs.
 * - When voting opens, the accepted nominees still eligible become the candidates, frozen, in
 *   alphabetical order. With no more candidates than seats there is no vote: they are elected
 *   unopposed and the remaining seats stay vacant. Otherwise the deciding body ranks them by
 *   secret ballot and the type's rule (Scottish or Meek STV) counts at the close.
 * - When the election passes, the elected take the seats in order of election, each seat in
 *   order of position; every seat filled is logged.
 */
import { wordPart } from './rule-word-parts';
import type { RuleWordPart } from './rule-word-parts';
import { seatClassLabel } from './seat-class';
import type { Charter, ChoiceMethodSpec, Phase, ProposalTypeSpec, SeatState } from './types';
import { canAppointToBody } from './vacancy';

export type ElectionRule = 'scottish_stv' | 'meek_stv';
/** The STV rules a seat election may count by. */
export const electionRules: readonly ElectionRule[] = ['scottish_stv', 'meek_stv'];
const rules = electionRules;

/** What a seat election's proposal records: the seats it fills and, once voting opens, its frozen candidates. */
export type ElectionEffect = {
  bodyKey: string;
  seatClass: string;
  /** Frozen when voting opens: the vacant seats of the class, in order of position. */
  seatIds?: string[];
  /** Frozen when voting opens: the candidates' user ids, in ballot order (option i is candidates[i]). */
  candidates?: string[];
  /** True when there were no more candidates than seats: no vote, all elected. */
  unopposed?: boolean;
};

export type NominationStatus = 'nominated' | 'accepted' | 'declined' | 'withdrawn';

export function isElection(type: ProposalTypeSpec): boolean {
  return type.effect === 'seat_election';
}

/** The charter's rules for a seat-election type, as plain-English problems (empty when fine). */
export function electionTypeErrors(type: ProposalTypeSpec): string[] {
  const label = `Proposal type "${type.key}"`;
  if (!isElection(type)) return type.election !== undefined ? [`${label}: only a seat election names an election rule.`] : [];
  const errors: string[] = [];
  if (!type.election || !rules.includes(type.election.rule)) {
    errors.push(`${label} elects to seats, so it names its counting rule: scottish_stv or meek_stv.`);
  }
  if (type.stages.length !== 1) errors.push(`${label} elects to seats, so it has exactly one deciding stage (it has ${type.stages.length}).`);
  if (type.critical) errors.push(`${label} fills vacant seats, so it must not be critical: a body below strength must always be able to fill its vacancies.`);
  if (type.requiresSubject) errors.push(`${label} elects to seats, so it cannot name a subject.`);
  if (type.emergency) errors.push(`${label} elects to seats, so it cannot have an emergency procedure.`);
  if (type.method) errors.push(`${label} elects to seats: its candidates are nominated, so it cannot also name a method for options.`);
  if (type.consent) errors.push(`${label} elects to seats, so it cannot be decided by consent.`);
  return errors;
}

/**
 * The method a proposal's ballots are counted with: a choice type's own, or a seat election's
 * rule with as many winners as seats were frozen when voting opened. Undefined: a yes/no vote.
 */
export function countingMethodOf(type: ProposalTypeSpec, effect: unknown): ChoiceMethodSpec | undefined {
  if (type.method) return type.method;
  if (!isElection(type) || !type.election) return undefined;
  const seatIds = (effect as Partial<ElectionEffect> | null)?.seatIds;
  return { key: type.election.rule, winners: Array.isArray(seatIds) ? Math.max(1, seatIds.length) : 1 };
}

/** What an election of this type can fill now: each body it may fill with its vacant seats, one entry per seat class ("board:general"). */
export function electionTargets(charter: Charter, type: ProposalTypeSpec, seats: SeatState[]): { value: string; label: string; vacant: number }[] {
  const out: { value: string; label: string; vacant: number }[] = [];
  for (const body of charter.bodies) {
    if (!canAppointToBody({ charter, type, seatBodyKey: body.key, seats }).ok) continue;
    const vacant = new Map<string, number>();
    for (const s of seats) if (s.bodyKey === body.key && s.holderUserId === null) vacant.set(s.seatClass, (vacant.get(s.seatClass) ?? 0) + 1);
    for (const [seatClass, n] of vacant) {
      out.push({ value: `${body.key}:${seatClass}`, label: `${body.name}: ${n} vacant ${seatClassLabel(seatClass)} ${n === 1 ? 'seat' : 'seats'}`, vacant: n });
    }
  }
  return out;
}

/** Nominations are made, accepted, declined and withdrawn only while the comment window runs. */
export function nominationsOpen(phase: Phase): boolean {
  return phase.kind === 'discussion';
}

/** A nomination as the election section lists it (and the API's listNominations): names only, never a user id. */
export type NominationLine = { nomineeName: string; nominatorName: string; self: boolean; status: NominationStatus };

/** Each nomination as the proposal page lists it: the nominee's and nominator's names ("A member" without one), whether they stood themselves, the status. */
export function nominationLine(n: {
  nomineeUserId: string;
  nomineeName: string | null;
  nominatorUserId: string;
  nominatorName: string | null;
  status: NominationStatus;
}): NominationLine {
  const nameOf = (name: string | null) => name?.trim() || 'A member';
  return { nomineeName: nameOf(n.nomineeName), nominatorName: nameOf(n.nominatorName), self: n.nominatorUserId === n.nomineeUserId, status: n.status };
}

/** The viewer's own nomination they may still answer (accept, decline) or withdraw from: only while nominations are open. */
export function ownOpenNomination(
  phase: Phase,
  nominations: readonly { nomineeUserId: string; status: NominationStatus }[],
  userId: string | null,
): 'nominated' | 'accepted' | null {
  const mine = userId ? nominations.find((n) => n.nomineeUserId === userId)?.status : undefined;
  return nominationsOpen(phase) && (mine === 'nominated' || mine === 'accepted') ? mine : null;
}

export type Candidate = { userId: string; name: string };

/** The frozen ballot order: alphabetical by name (then by id, so equal names keep a fixed order). */
export function ballotOrder(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort(
    (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}

/** The names printed on the ballot: equal names (ignoring case) numbered "(2)", "(3)", so every option differs. */
export function ballotNames(candidates: readonly Candidate[]): string[] {
  const seen = new Map<string, number>();
  return candidates.map(({ name }) => {
    const key = name.normalize('NFKC').toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

export type ElectionPlan =
  /** More candidates than seats: the body votes. */
  | { kind: 'contested'; seats: number }
  /** No more candidates than seats: elected without a vote; `leftVacant` seats stay vacant. */
  | { kind: 'unopposed'; elected: string[]; leftVacant: number };

/** What opening an election does, given the vacant seats and the candidates (user ids, ballot order). */
export function electionPlan(vacantSeats: number, candidates: readonly string[]): ElectionPlan {
  if (candidates.length > vacantSeats) return { kind: 'contested', seats: vacantSeats };
  return { kind: 'unopposed', elected: [...candidates], leftVacant: vacantSeats - candidates.length };
}

/** The elected, in order of election, matched to the seats in order: one seat each, while seats last. */
export function seatingPlan(seatIds: readonly string[], elected: readonly string[]): { seatId: string; userId: string }[] {
  return elected.slice(0, seatIds.length).map((userId, i) => ({ seatId: seatIds[i]!, userId }));
}

/** "2 seats stay vacant: …" — the plain sentence for an election with fewer candidates than seats. */
export function unopposedSentence(elected: readonly string[], leftVacant: number): string {
  const who =
    elected.length === 0
      ? 'No candidate accepted a nomination, so nobody is elected.'
      : `${listWords(elected)} ${elected.length === 1 ? 'was' : 'were'} the only ${elected.length === 1 ? 'candidate' : 'candidates'}, so ${elected.length === 1 ? 'is' : 'are'} elected unopposed, without a vote.`;
  const vacant = leftVacant === 0 ? '' : ` ${leftVacant} ${leftVacant === 1 ? 'seat stays' : 'seats stay'} vacant.`;
  return who + vacant;
}

/** The same statement as parts, for a page to show in the reader's language (the English is `unopposedSentence`, the log's words). */
export function unopposedParts(elected: readonly string[], leftVacant: number): RuleWordPart[] {
  const parts = [elected.length === 0 ? wordPart('unopposed.nobody') : wordPart('unopposed.elected', { names: { list: elected }, n: elected.length })];
  if (leftVacant !== 0) parts.push(wordPart('unopposed.vacant', { n: leftVacant }));
  return parts;
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
