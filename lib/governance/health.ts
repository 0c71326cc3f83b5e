/**
 * Organization health, shown publicly (docs/design.md §3.12): seats filled against the charter, overdue
 * vacancies, composition shortfalls, outcomes, participation and notice coverage. An
 * organization drifting towards rule by a few shows here first.
 */
import type { BodyStrength, ClassShortfall } from './strength';
import type { Phase } from './types';

export type DecisionKind = 'passed' | 'rejected' | 'failed_quorum' | 'lapsed';

export type HealthInput = {
  strengths: Record<string, BodyStrength> | BodyStrength[];
  proposals: { phase: Pick<Phase, 'kind'>; noticeCoverage?: { notified: number; seatHolders: number } }[];
  /** Per closed stage: ballots cast and seats eligible to vote. */
  participation: { ballots: number; eligible: number }[];
  /** Decisions not in `proposals`, by outcome: settled ones a page counts without deriving their phases (db/read/overview-front.ts). */
  settled?: Partial<Record<DecisionKind, number>>;
  /** Notice coverage of proposals not carrying their own `noticeCoverage`, already summed. */
  noticeTotals?: { notified: number; seatHolders: number };
  /** Petitions past their threshold whose answer is past the charter's deadline and still missing (petition.ts); absent: 0. */
  overduePetitionAnswers?: number;
};

export type OrganizationHealth = {
  seatsFilled: number;
  charterSeats: number;
  overdueVacancies: number;
  classShortfalls: (ClassShortfall & { bodyKey: string })[];
  bodiesBelowStrength: string[];
  decisionsPassed: number;
  decisionsRejected: number;
  decisionsFailedQuorum: number;
  decisionsLapsed: number;
  /** Ballots over eligible seats across closed stages (0..1); null when nothing was put to a vote. */
  participationRate: number | null;
  /** Seat holders notified over seat holders, across published proposals (0..1); null when none recorded. */
  noticeCoverage: number | null;
  /** Petitions the answering body has not answered by the charter's deadline. */
  overduePetitionAnswers: number;
};

export function organizationHealth({
  strengths,
  proposals,
  participation,
  overduePetitionAnswers = 0,
  settled = {},
  noticeTotals,
}: HealthInput): OrganizationHealth {
  const bodies = Array.isArray(strengths) ? strengths : Object.values(strengths);
  const count = (kind: DecisionKind) => proposals.filter((p) => p.phase.kind === kind).length + (settled[kind] ?? 0);
  const ballots = sum(participation.map((p) => p.ballots));
  const eligible = sum(participation.map((p) => p.eligible));
  const notices = [...proposals.flatMap((p) => (p.noticeCoverage ? [p.noticeCoverage] : [])), ...(noticeTotals ? [noticeTotals] : [])];
  const notified = sum(notices.map((n) => n.notified));
  const seatHolders = sum(notices.map((n) => n.seatHolders));
  return {
    seatsFilled: sum(bodies.map((b) => b.filled)),
    charterSeats: sum(bodies.map((b) => b.charterSeats)),
    overdueVacancies: sum(bodies.map((b) => b.overdueCount)),
    classShortfalls: bodies.flatMap((b) => b.classShortfalls.map((c) => ({ bodyKey: b.bodyKey, ...c }))),
    bodiesBelowStrength: bodies.filter((b) => b.isBelowStrength).map((b) => b.bodyKey),
    decisionsPassed: count('passed'),
    decisionsRejected: count('rejected'),
    decisionsFailedQuorum: count('failed_quorum'),
    decisionsLapsed: count('lapsed'),
    participationRate: eligible > 0 ? clampUnit(ballots / eligible) : null,
    noticeCoverage: seatHolders > 0 ? clampUnit(notified / seatHolders) : null,
    overduePetitionAnswers,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function clampUnit(x: number): number {
  return Math.min(1, Math.max(0, x));
}
