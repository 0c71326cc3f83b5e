/**
 * What an amendment changes, as sentences a member can check before voting: "Board: charter seats
 * 9 → 7". Pure; bodies and proposal types are matched by their keys, so a rename reads as one.
 */
import { choiceMethodName } from './choice';
import { ratioText, seatClassWords } from './charter';
import { meetingRulesText } from './meeting';
import { minutesSpecOf } from './minutes';
import { petitionRulesText } from './petition-words';
import { formatHours } from './time';
import { writtenConsentSpecOf } from './written-consent';
import type { BodySpec, Charter, ProposalTypeSpec, Ratio, StageSpec } from './types';

export function charterDiff(before: Charter, after: Charter): string[] {
  const lines: string[] = [];
  for (const b of before.bodies) {
    const a = after.bodies.find((x) => x.key === b.key);
    if (!a) lines.push(`${b.name}: removed from the charter.`);
    else lines.push(...bodyDiff(b, a));
  }
  for (const a of after.bodies) {
    if (!before.bodies.some((b) => b.key === a.key))
      lines.push(`New body: ${a.name}, with ${a.charterSeats} charter ${a.charterSeats === 1 ? 'seat' : 'seats'}.`);
  }
  const bodyName = (key: string) => after.bodies.find((b) => b.key === key)?.name ?? before.bodies.find((b) => b.key === key)?.name ?? key;
  for (const t of before.proposalTypes) {
    const a = after.proposalTypes.find((x) => x.key === t.key);
    if (!a) lines.push(`Proposal type “${t.name}”: removed from the charter.`);
    else lines.push(...typeDiff(t, a, bodyName));
  }
  for (const a of after.proposalTypes) {
    if (!before.proposalTypes.some((t) => t.key === a.key)) lines.push(newTypeLine(a, bodyName));
  }
  if (JSON.stringify(before.petitions ?? null) !== JSON.stringify(after.petitions ?? null)) {
    lines.push(after.petitions ? `Petitions change. From now on: ${petitionRulesText(after)}` : 'Petitions: removed from the charter.');
  }
  if (JSON.stringify(before.meetings ?? null) !== JSON.stringify(after.meetings ?? null)) {
    lines.push(
      after.meetings
        ? `Meetings change. From now on: ${meetingRulesText(after.meetings, ratioText)}`
        : 'Meetings: back to the default notice (7 days regular, 48 hours special).',
    );
  }
  const consentDays = (c: Charter) => writtenConsentSpecOf(c).expiresAfterDays;
  if (consentDays(before) !== consentDays(after)) {
    lines.push(`Written consent: every signature is needed within ${consentDays(after)} days (was ${consentDays(before)}).`);
  }
  const disclosureDays = (c: Charter) => minutesSpecOf(c).closedDisclosureDays;
  if (disclosureDays(before) !== disclosureDays(after)) {
    lines.push(`Minutes: a closed session's sealed minutes are disclosed ${disclosureDays(after)} days after sealing (was ${disclosureDays(before)}).`);
  }
  return lines;
}

/** 'New proposal type: Budget decision. 7 days of comments, then Board votes for 3 days, quorum 1/2 or more of charter seats, passing with more than 1/2 of votes cast.' */
function newTypeLine(a: ProposalTypeSpec, bodyName: (key: string) => string): string {
  const stages = a.stages.map(
    (s) =>
      `${bodyName(s.bodyKey)} votes for ${formatHours(s.votingWindowHours)}, quorum ${ratioText(s.quorum)} of charter seats, passing with ${ratioText(s.threshold)} of ${base(s)}`,
  );
  return `New proposal type: ${a.name}. ${formatHours(a.minCommentWindowHours)} of comments, then ${stages.join('; then ') || 'no deciding stage'}.`;
}

function bodyDiff(b: BodySpec, a: BodySpec): string[] {
  const lines: string[] = [];
  const n = b.name;
  if (a.name !== b.name) lines.push(`${n}: renamed to ${a.name}.`);
  change(lines, `${n}: charter seats`, b.charterSeats, a.charterSeats);
  change(lines, `${n}: filled seats needed for critical decisions`, b.minSeatsForCriticalDecisions, a.minSeatsForCriticalDecisions);
  change(lines, `${n}: vacancy deadline`, b.vacancyDeadlineDays, a.vacancyDeadlineDays, days);
  for (const [cls, min] of Object.entries(b.seatClassMinimums)) {
    const next = a.seatClassMinimums[cls];
    if (next === undefined) lines.push(`${n}: seat class “${seatClassWords(cls)}” removed (it required at least ${min}).`);
    else change(lines, `${n}: minimum ${seatClassWords(cls)} seats`, min, next);
  }
  for (const [cls, min] of Object.entries(a.seatClassMinimums)) {
    if (!(cls in b.seatClassMinimums)) lines.push(`${n}: new seat class “${seatClassWords(cls)}”, at least ${min} ${min === 1 ? 'seat' : 'seats'}.`);
  }
  if (a.recusedSeatsCountTowardQuorumBase !== b.recusedSeatsCountTowardQuorumBase) {
    lines.push(`${n}: recused seats ${a.recusedSeatsCountTowardQuorumBase ? 'now count' : 'no longer count'} toward the quorum base.`);
  }
  if (Boolean(a.classShortfallBlocksCriticalDecisions) !== Boolean(b.classShortfallBlocksCriticalDecisions)) {
    lines.push(`${n}: a seat-class shortfall ${a.classShortfallBlocksCriticalDecisions ? 'now stops' : 'no longer stops'} critical decisions.`);
  }
  if (JSON.stringify(a.vacancyFilling ?? null) !== JSON.stringify(b.vacancyFilling ?? null)) lines.push(`${n}: who fills its vacancies changes.`);
  return lines;
}

function typeDiff(t: ProposalTypeSpec, a: ProposalTypeSpec, bodyName: (key: string) => string): string[] {
  const lines: string[] = [];
  const n = t.name;
  if (a.name !== t.name) lines.push(`${n}: renamed to ${a.name}.`);
  if (a.effect !== t.effect) lines.push(`${n}: what it does changes from ${t.effect.replace(/_/g, ' ')} to ${a.effect.replace(/_/g, ' ')}.`);
  change(lines, `${n}: comment window`, t.minCommentWindowHours, a.minCommentWindowHours, formatHours);
  change(lines, `${n}: late-revision window`, t.lateRevisionWindowHours, a.lateRevisionWindowHours, formatHours);
  change(lines, `${n}: late-revision extension`, t.lateRevisionExtensionHours, a.lateRevisionExtensionHours, formatHours);
  change(lines, `${n}: the subject’s reply window`, t.replyWindowHours, a.replyWindowHours, formatHours);
  if (a.critical !== t.critical) lines.push(`${n}: ${a.critical ? 'now critical' : 'no longer critical'}.`);
  if (a.requiresSubject !== t.requiresSubject) lines.push(`${n}: ${a.requiresSubject ? 'now names' : 'no longer names'} a subject.`);
  if (Boolean(a.answersRequired) !== Boolean(t.answersRequired))
    lines.push(`${n}: ${a.answersRequired ? 'now needs' : 'no longer needs'} the author’s answer to every concern before voting opens.`);
  if (a.consultationAudience !== t.consultationAudience)
    lines.push(`${n}: consultation audience ${words(t.consultationAudience)} → ${words(a.consultationAudience)}.`);
  if (a.stages.length !== t.stages.length) {
    const list = (s: StageSpec[]) => s.map((x) => bodyName(x.bodyKey)).join(', then ') || 'none';
    lines.push(`${n}: deciding stages ${list(t.stages)} → ${list(a.stages)}.`);
  }
  t.stages.forEach((s, i) => {
    const next = a.stages[i];
    if (!next) return;
    const where = t.stages.length > 1 ? `${n}, stage ${i + 1}` : n;
    if (next.bodyKey !== s.bodyKey) lines.push(`${where}: decided by ${bodyName(s.bodyKey)} → ${bodyName(next.bodyKey)}.`);
    change(lines, `${where}: voting window`, s.votingWindowHours, next.votingWindowHours, formatHours);
    if (!sameRatio(s.quorum, next.quorum)) lines.push(`${where}: quorum ${ratioText(s.quorum)} → ${ratioText(next.quorum)} of charter seats.`);
    if (!sameRatio(s.threshold, next.threshold) || s.thresholdBase !== next.thresholdBase) {
      lines.push(`${where}: threshold ${ratioText(s.threshold)} of ${base(s)} → ${ratioText(next.threshold)} of ${base(next)}.`);
    }
  });
  if (a.election && t.election && a.consent === t.consent && sameMethod(a, t)) {
    if (a.election.rule !== t.election.rule) lines.push(`${n}: the election is counted by ${ruleWords(t.election.rule)} → ${ruleWords(a.election.rule)}.`);
  } else if (!sameMethod(a, t) || Boolean(a.consent) !== Boolean(t.consent) || a.election?.rule !== t.election?.rule) {
    lines.push(`${n}: decided ${decisionWords(t)} → ${decisionWords(a)}.`);
  }
  if (JSON.stringify(a.emergency) !== JSON.stringify(t.emergency)) {
    lines.push(!a.emergency ? `${n}: emergency procedure removed.` : !t.emergency ? `${n}: emergency procedure added.` : `${n}: emergency procedure changes.`);
  }
  return lines;
}

function change<T>(lines: string[], label: string, before: T, after: T, show: (v: T) => string = String): void {
  if (before !== after) lines.push(`${label} ${show(before)} → ${show(after)}.`);
}

function sameMethod(a: ProposalTypeSpec, b: ProposalTypeSpec): boolean {
  return JSON.stringify(a.method ?? null) === JSON.stringify(b.method ?? null);
}

/** A seat election's rule in words: 'single transferable vote (Meek rules)'. */
function ruleWords(rule: string): string {
  return rule === 'scottish_stv' || rule === 'meek_stv' ? choiceMethodName(rule).replace(/^ranked, /, '') : rule.replace(/_/g, ' ');
}

/** 'yes or no', 'by consent (…)', 'by electing to seats (…)', 'choosing 3 options (ranked, single transferable vote (Scottish rules))'. */
function decisionWords(t: ProposalTypeSpec): string {
  if (t.election) return `by electing to seats (ranked ballots counted by ${ruleWords(t.election.rule)})`;
  if (t.consent) return 'by consent (it passes unless an objection stands at the close)';
  if (!t.method) return 'yes or no';
  const approvals = t.method.maxApprovals !== undefined ? `, at most ${t.method.maxApprovals} approved per ballot` : '';
  return `choosing ${t.method.winners === 1 ? 'one option' : `${t.method.winners} options`} (${choiceMethodName(t.method.key)}${approvals})`;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

function words(s: string): string {
  return s.replace(/_/g, ' ');
}

function base(s: StageSpec): string {
  return s.thresholdBase === 'charter_seats' ? 'charter seats' : 'votes cast';
}

function sameRatio(a: Ratio, b: Ratio): boolean {
  return a.num === b.num && a.den === b.den && a.inclusive === b.inclusive;
}
