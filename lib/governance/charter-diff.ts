/**
 * What an amendment changes, as sentences a member can check before voting: "Board: charter seats
 * 9 → 7". Pure; bodies and proposal types are matched by their keys, so a rename reads as one.
 *
 * The rules give each sentence as a part (a `charterDiff` message key and its parameters,
 * `charterDiffParts`) so a page can say it in the reader's language
 * (components/proposals/charter-diff-words.ts); `charterDiff` is the same parts in English, word for
 * word as it always was. Names from the charter (bodies, types, a charter's own seat classes) are
 * parameters, passed as given.
 */
import { choiceMethodName } from './choice';
import { ratioText, seatClassWords } from './charter';
import { meetingRulesText } from './meeting';
import { minutesSpecOf } from './minutes';
import { petitionRulesText } from './petition-words';
import { formatHours } from './time';
import { writtenConsentSpecOf } from './written-consent';
import type { BodySpec, Charter, ChoiceMethodSpec, ProposalTypeSpec, Ratio, StageSpec } from './types';

/** How a type decides, for the "decided … → …" sentence. */
export type DiffDecision =
  | { kind: 'election'; rule: string }
  | { kind: 'consent' }
  | { kind: 'yes_no' }
  | { kind: 'choice'; winners: number; method: ChoiceMethodSpec['key']; maxApprovals: number | null };

/** A deciding stage of a new proposal type. */
export type DiffNewStage = { body: string; votingHours: number; quorum: Ratio; threshold: Ratio; base: StageSpec['thresholdBase'] };

/**
 * A parameter: a plain value (names as the charter gives them; 'true'/'false' for a choice), or a value the page words
 * in the reader's language: a duration in hours or days, a ratio, a code (what a type does, its consultation audience,
 * an election rule, a seat class), how a type decides, a list of deciding bodies, the new type's stages, or which stage
 * of a type a sentence is about.
 */
export type DiffParam =
  | string
  | number
  | { hours: number }
  | { days: number }
  | { ratio: Ratio }
  | { effect: string }
  | { audience: string }
  | { electionRule: string }
  | { seatClass: string }
  | { decision: DiffDecision }
  | { bodies: string[] }
  | { newStages: DiffNewStage[] }
  | { where: { type: string; stage: number | null } };

export type CharterDiffKey =
  | 'bodyRemoved'
  | 'bodyNew'
  | 'typeRemoved'
  | 'typeNew'
  | 'petitionsChange'
  | 'petitionsRemoved'
  | 'meetingsChange'
  | 'meetingsDefault'
  | 'writtenConsent'
  | 'minutesDisclosure'
  | 'bodyRenamed'
  | 'bodySeats'
  | 'bodyCriticalSeats'
  | 'bodyVacancyDeadline'
  | 'bodyClassRemoved'
  | 'bodyClassMinimum'
  | 'bodyClassNew'
  | 'bodyRecused'
  | 'bodyShortfall'
  | 'bodyVacancyFilling'
  | 'typeRenamed'
  | 'typeEffect'
  | 'typeCommentWindow'
  | 'typeLateRevisionWindow'
  | 'typeLateRevisionExtension'
  | 'typeReplyWindow'
  | 'typeCritical'
  | 'typeRequiresSubject'
  | 'typeAnswersRequired'
  | 'typeAudience'
  | 'typeStages'
  | 'stageBody'
  | 'stageVotingWindow'
  | 'stageQuorum'
  | 'stageThreshold'
  | 'typeElectionRule'
  | 'typeDecided'
  | 'typeEmergencyRemoved'
  | 'typeEmergencyAdded'
  | 'typeEmergencyChanges';

/** One sentence: its `charterDiff` message key and parameters, and its English (`text`, what `charterDiff` says). */
export type CharterDiffPart = { key: CharterDiffKey; params: Record<string, DiffParam>; text: string };

function p(text: string, key: CharterDiffKey, params: Record<string, DiffParam> = {}): CharterDiffPart {
  return { key, params, text };
}

/** The changes in English, one sentence a line (the proposal page's and editor's English, and any log or e-mail's). */
export function charterDiff(before: Charter, after: Charter): string[] {
  return charterDiffParts(before, after).map((l) => l.text);
}

/** The changes as parts, in the order `charterDiff` says them. */
export function charterDiffParts(before: Charter, after: Charter): CharterDiffPart[] {
  const lines: CharterDiffPart[] = [];
  for (const b of before.bodies) {
    const a = after.bodies.find((x) => x.key === b.key);
    if (!a) lines.push(p(`${b.name}: removed from the charter.`, 'bodyRemoved', { name: b.name }));
    else lines.push(...bodyDiff(b, a));
  }
  for (const a of after.bodies) {
    if (!before.bodies.some((b) => b.key === a.key))
      lines.push(
        p(`New body: ${a.name}, with ${a.charterSeats} charter ${a.charterSeats === 1 ? 'seat' : 'seats'}.`, 'bodyNew', {
          name: a.name,
          seats: a.charterSeats,
        }),
      );
  }
  const bodyName = (key: string) => after.bodies.find((b) => b.key === key)?.name ?? before.bodies.find((b) => b.key === key)?.name ?? key;
  for (const t of before.proposalTypes) {
    const a = after.proposalTypes.find((x) => x.key === t.key);
    if (!a) lines.push(p(`Proposal type “${t.name}”: removed from the charter.`, 'typeRemoved', { name: t.name }));
    else lines.push(...typeDiff(t, a, bodyName));
  }
  for (const a of after.proposalTypes) {
    if (!before.proposalTypes.some((t) => t.key === a.key)) lines.push(newTypeLine(a, bodyName));
  }
  if (JSON.stringify(before.petitions ?? null) !== JSON.stringify(after.petitions ?? null)) {
    const spec = after.petitions;
    lines.push(
      spec
        ? p(`Petitions change. From now on: ${petitionRulesText(after)}`, 'petitionsChange', {
            bodyLower: (after.bodies.find((b) => b.key === spec.answeringBodyKey)?.name ?? spec.answeringBodyKey).toLowerCase(),
            namesPublic: String(spec.signerNamesPublic),
            members: { ratio: spec.thresholdOfMembers },
            group: { ratio: spec.thresholdOfGroup },
            signingDays: spec.signingDays,
            answerDays: spec.answerWithinDays,
          })
        : p('Petitions: removed from the charter.', 'petitionsRemoved'),
    );
  }
  if (JSON.stringify(before.meetings ?? null) !== JSON.stringify(after.meetings ?? null)) {
    const spec = after.meetings;
    lines.push(
      spec
        ? p(`Meetings change. From now on: ${meetingRulesText(spec, ratioText)}`, 'meetingsChange', {
            regular: { hours: spec.regularNoticeHours },
            special: { hours: spec.specialNoticeHours },
            quorum: { ratio: spec.quorum },
          })
        : p('Meetings: back to the default notice (7 days regular, 48 hours special).', 'meetingsDefault'),
    );
  }
  const consentDays = (c: Charter) => writtenConsentSpecOf(c).expiresAfterDays;
  if (consentDays(before) !== consentDays(after)) {
    lines.push(
      p(`Written consent: every signature is needed within ${consentDays(after)} days (was ${consentDays(before)}).`, 'writtenConsent', {
        days: consentDays(after),
        was: consentDays(before),
      }),
    );
  }
  const disclosureDays = (c: Charter) => minutesSpecOf(c).closedDisclosureDays;
  if (disclosureDays(before) !== disclosureDays(after)) {
    lines.push(
      p(
        `Minutes: a closed session's sealed minutes are disclosed ${disclosureDays(after)} days after sealing (was ${disclosureDays(before)}).`,
        'minutesDisclosure',
        { days: disclosureDays(after), was: disclosureDays(before) },
      ),
    );
  }
  return lines;
}

/** 'New proposal type: Budget decision. 7 days of comments, then Board votes for 3 days, quorum 1/2 or more of charter seats, passing with more than 1/2 of votes cast.' */
function newTypeLine(a: ProposalTypeSpec, bodyName: (key: string) => string): CharterDiffPart {
  const stages = a.stages.map(
    (s) =>
      `${bodyName(s.bodyKey)} votes for ${formatHours(s.votingWindowHours)}, quorum ${ratioText(s.quorum)} of charter seats, passing with ${ratioText(s.threshold)} of ${base(s)}`,
  );
  return p(
    `New proposal type: ${a.name}. ${formatHours(a.minCommentWindowHours)} of comments, then ${stages.join('; then ') || 'no deciding stage'}.`,
    'typeNew',
    {
      name: a.name,
      comments: { hours: a.minCommentWindowHours },
      stages: {
        newStages: a.stages.map((s) => ({
          body: bodyName(s.bodyKey),
          votingHours: s.votingWindowHours,
          quorum: s.quorum,
          threshold: s.threshold,
          base: s.thresholdBase,
        })),
      },
    },
  );
}

function bodyDiff(b: BodySpec, a: BodySpec): CharterDiffPart[] {
  const lines: CharterDiffPart[] = [];
  const n = b.name;
  if (a.name !== b.name) lines.push(p(`${n}: renamed to ${a.name}.`, 'bodyRenamed', { name: n, to: a.name }));
  change(lines, `${n}: charter seats`, b.charterSeats, a.charterSeats, 'bodySeats', { name: n });
  change(lines, `${n}: filled seats needed for critical decisions`, b.minSeatsForCriticalDecisions, a.minSeatsForCriticalDecisions, 'bodyCriticalSeats', {
    name: n,
  });
  change(lines, `${n}: vacancy deadline`, b.vacancyDeadlineDays, a.vacancyDeadlineDays, 'bodyVacancyDeadline', { name: n }, days, (d) => ({ days: d }));
  for (const [cls, min] of Object.entries(b.seatClassMinimums)) {
    const next = a.seatClassMinimums[cls];
    if (next === undefined)
      lines.push(
        p(`${n}: seat class “${seatClassWords(cls)}” removed (it required at least ${min}).`, 'bodyClassRemoved', {
          name: n,
          seatClass: { seatClass: cls },
          min,
        }),
      );
    else change(lines, `${n}: minimum ${seatClassWords(cls)} seats`, min, next, 'bodyClassMinimum', { name: n, seatClass: { seatClass: cls } });
  }
  for (const [cls, min] of Object.entries(a.seatClassMinimums)) {
    if (!(cls in b.seatClassMinimums))
      lines.push(
        p(`${n}: new seat class “${seatClassWords(cls)}”, at least ${min} ${min === 1 ? 'seat' : 'seats'}.`, 'bodyClassNew', {
          name: n,
          seatClass: { seatClass: cls },
          min,
        }),
      );
  }
  if (a.recusedSeatsCountTowardQuorumBase !== b.recusedSeatsCountTowardQuorumBase) {
    lines.push(
      p(`${n}: recused seats ${a.recusedSeatsCountTowardQuorumBase ? 'now count' : 'no longer count'} toward the quorum base.`, 'bodyRecused', {
        name: n,
        now: String(a.recusedSeatsCountTowardQuorumBase),
      }),
    );
  }
  if (Boolean(a.classShortfallBlocksCriticalDecisions) !== Boolean(b.classShortfallBlocksCriticalDecisions)) {
    lines.push(
      p(`${n}: a seat-class shortfall ${a.classShortfallBlocksCriticalDecisions ? 'now stops' : 'no longer stops'} critical decisions.`, 'bodyShortfall', {
        name: n,
        now: String(Boolean(a.classShortfallBlocksCriticalDecisions)),
      }),
    );
  }
  if (JSON.stringify(a.vacancyFilling ?? null) !== JSON.stringify(b.vacancyFilling ?? null))
    lines.push(p(`${n}: who fills its vacancies changes.`, 'bodyVacancyFilling', { name: n }));
  return lines;
}

function typeDiff(t: ProposalTypeSpec, a: ProposalTypeSpec, bodyName: (key: string) => string): CharterDiffPart[] {
  const lines: CharterDiffPart[] = [];
  const n = t.name;
  const name = { name: n };
  if (a.name !== t.name) lines.push(p(`${n}: renamed to ${a.name}.`, 'typeRenamed', { name: n, to: a.name }));
  if (a.effect !== t.effect)
    lines.push(
      p(`${n}: what it does changes from ${t.effect.replace(/_/g, ' ')} to ${a.effect.replace(/_/g, ' ')}.`, 'typeEffect', {
        name: n,
        from: { effect: t.effect },
        to: { effect: a.effect },
      }),
    );
  const hours = (h: number) => ({ hours: h });
  change(lines, `${n}: comment window`, t.minCommentWindowHours, a.minCommentWindowHours, 'typeCommentWindow', name, formatHours, hours);
  change(lines, `${n}: late-revision window`, t.lateRevisionWindowHours, a.lateRevisionWindowHours, 'typeLateRevisionWindow', name, formatHours, hours);
  change(
    lines,
    `${n}: late-revision extension`,
    t.lateRevisionExtensionHours,
    a.lateRevisionExtensionHours,
    'typeLateRevisionExtension',
    name,
    formatHours,
    hours,
  );
  change(lines, `${n}: the subject’s reply window`, t.replyWindowHours, a.replyWindowHours, 'typeReplyWindow', name, formatHours, hours);
  if (a.critical !== t.critical)
    lines.push(p(`${n}: ${a.critical ? 'now critical' : 'no longer critical'}.`, 'typeCritical', { name: n, now: String(a.critical) }));
  if (a.requiresSubject !== t.requiresSubject)
    lines.push(
      p(`${n}: ${a.requiresSubject ? 'now names' : 'no longer names'} a subject.`, 'typeRequiresSubject', { name: n, now: String(a.requiresSubject) }),
    );
  if (Boolean(a.answersRequired) !== Boolean(t.answersRequired))
    lines.push(
      p(`${n}: ${a.answersRequired ? 'now needs' : 'no longer needs'} the author’s answer to every concern before voting opens.`, 'typeAnswersRequired', {
        name: n,
        now: String(Boolean(a.answersRequired)),
      }),
    );
  if (a.consultationAudience !== t.consultationAudience)
    lines.push(
      p(`${n}: consultation audience ${words(t.consultationAudience)} → ${words(a.consultationAudience)}.`, 'typeAudience', {
        name: n,
        from: { audience: t.consultationAudience },
        to: { audience: a.consultationAudience },
      }),
    );
  if (a.stages.length !== t.stages.length) {
    const list = (s: StageSpec[]) => s.map((x) => bodyName(x.bodyKey)).join(', then ') || 'none';
    lines.push(
      p(`${n}: deciding stages ${list(t.stages)} → ${list(a.stages)}.`, 'typeStages', {
        name: n,
        from: { bodies: t.stages.map((x) => bodyName(x.bodyKey)) },
        to: { bodies: a.stages.map((x) => bodyName(x.bodyKey)) },
      }),
    );
  }
  t.stages.forEach((s, i) => {
    const next = a.stages[i];
    if (!next) return;
    const where = t.stages.length > 1 ? `${n}, stage ${i + 1}` : n;
    const at = { where: { where: { type: n, stage: t.stages.length > 1 ? i + 1 : null } } };
    if (next.bodyKey !== s.bodyKey)
      lines.push(
        p(`${where}: decided by ${bodyName(s.bodyKey)} → ${bodyName(next.bodyKey)}.`, 'stageBody', {
          ...at,
          from: bodyName(s.bodyKey),
          to: bodyName(next.bodyKey),
        }),
      );
    change(lines, `${where}: voting window`, s.votingWindowHours, next.votingWindowHours, 'stageVotingWindow', at, formatHours, hours);
    if (!sameRatio(s.quorum, next.quorum))
      lines.push(
        p(`${where}: quorum ${ratioText(s.quorum)} → ${ratioText(next.quorum)} of charter seats.`, 'stageQuorum', {
          ...at,
          from: { ratio: s.quorum },
          to: { ratio: next.quorum },
        }),
      );
    if (!sameRatio(s.threshold, next.threshold) || s.thresholdBase !== next.thresholdBase) {
      lines.push(
        p(`${where}: threshold ${ratioText(s.threshold)} of ${base(s)} → ${ratioText(next.threshold)} of ${base(next)}.`, 'stageThreshold', {
          ...at,
          from: { ratio: s.threshold },
          fromBase: s.thresholdBase,
          to: { ratio: next.threshold },
          toBase: next.thresholdBase,
        }),
      );
    }
  });
  if (a.election && t.election && a.consent === t.consent && sameMethod(a, t)) {
    if (a.election.rule !== t.election.rule)
      lines.push(
        p(`${n}: the election is counted by ${ruleWords(t.election.rule)} → ${ruleWords(a.election.rule)}.`, 'typeElectionRule', {
          name: n,
          from: { electionRule: t.election.rule },
          to: { electionRule: a.election.rule },
        }),
      );
  } else if (!sameMethod(a, t) || Boolean(a.consent) !== Boolean(t.consent) || a.election?.rule !== t.election?.rule) {
    lines.push(
      p(`${n}: decided ${decisionWords(t)} → ${decisionWords(a)}.`, 'typeDecided', { name: n, from: { decision: decision(t) }, to: { decision: decision(a) } }),
    );
  }
  if (JSON.stringify(a.emergency) !== JSON.stringify(t.emergency)) {
    lines.push(
      !a.emergency
        ? p(`${n}: emergency procedure removed.`, 'typeEmergencyRemoved', name)
        : !t.emergency
          ? p(`${n}: emergency procedure added.`, 'typeEmergencyAdded', name)
          : p(`${n}: emergency procedure changes.`, 'typeEmergencyChanges', name),
    );
  }
  return lines;
}

function change<T>(
  lines: CharterDiffPart[],
  label: string,
  before: T,
  after: T,
  key: CharterDiffKey,
  params: Record<string, DiffParam>,
  show: (v: T) => string = String,
  param: (v: T) => DiffParam = (v) => v as DiffParam,
): void {
  if (before !== after) lines.push(p(`${label} ${show(before)} → ${show(after)}.`, key, { ...params, from: param(before), to: param(after) }));
}

function sameMethod(a: ProposalTypeSpec, b: ProposalTypeSpec): boolean {
  return JSON.stringify(a.method ?? null) === JSON.stringify(b.method ?? null);
}

/** A seat election's rule in words: 'single transferable vote (Meek rules)'. */
export function ruleWords(rule: string): string {
  return rule === 'scottish_stv' || rule === 'meek_stv' ? choiceMethodName(rule).replace(/^ranked, /, '') : rule.replace(/_/g, ' ');
}

function decision(t: ProposalTypeSpec): DiffDecision {
  if (t.election) return { kind: 'election', rule: t.election.rule };
  if (t.consent) return { kind: 'consent' };
  if (!t.method) return { kind: 'yes_no' };
  return { kind: 'choice', winners: t.method.winners, method: t.method.key, maxApprovals: t.method.maxApprovals ?? null };
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

/** 'seat_holders' → 'seat holders': a code in English words (what a type does, its consultation audience). */
export function words(s: string): string {
  return s.replace(/_/g, ' ');
}

function base(s: StageSpec): string {
  return s.thresholdBase === 'charter_seats' ? 'charter seats' : 'votes cast';
}

function sameRatio(a: Ratio, b: Ratio): boolean {
  return a.num === b.num && a.den === b.den && a.inclusive === b.inclusive;
}
