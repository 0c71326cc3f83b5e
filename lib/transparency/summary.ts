// One-line, human-readable summaries of decision-log entries for the public log page, the CSV
// and the Atom feed. Pure: names are looked up through the context, never fetched here. Payloads
// are read defensively — the log is append-only, so old shapes must keep rendering. A summary is
// composed as data (`summaryParts`: message keys of the `logSummary` namespace and parameters), so
// the log page and the feed say it in the reader's language; `summarizeEntry` is its English.

import { meetingLogKindLabels, meetingSummaryParts } from './meeting-summary';
import { rollCallLogKindLabels, rollCallSummaryParts } from './roll-call-summary';
import { minutesLogKindLabels, minutesSummaryParts } from './minutes-summary';
import { petitionLogKindLabels, petitionSummaryParts } from './petition-summary';
import { writtenConsentLogKindLabels, writtenConsentSummaryParts } from './written-consent-summary';
import { englishSummaryWords, renderSummary, summaryText, word } from './summary-text';
import type { SummaryDate, SummaryParam, SummaryText, SummaryWords } from './summary-text';

export type SummaryEntry = { kind: string; subject: string | null; actorId: string | null; payload: Record<string, unknown> };

export type SummaryContext = {
  /** A body's display name from its key ('board' → 'Board'); null if unknown. */
  bodyName: (key: string) => string | null;
  /** A person's public display name; null if unknown. Never an e-mail address. */
  personName: (userId: string) => string | null;
};

/** The kinds the engine writes, with a label for the filter. Unknown kinds still display. */
export const logKindLabels: Record<string, string> = {
  'organization.created': 'Organization created',
  'charter.adopted': 'Charter adopted',
  'charter.amended': 'Charter amended',
  'charter.amendment_failed': 'Charter amendment failed',
  'seat.founding_appointment': 'Founding appointment',
  'seat.filled': 'Seat filled',
  'seat.vacated': 'Seat vacated',
  'seat.resigned': 'Seat resigned',
  'seat.change_skipped': 'Seat change skipped',
  'proposal.published': 'Proposal published',
  'proposal.revised': 'Proposal revised',
  'proposal.withdrawn': 'Proposal withdrawn',
  'comment.posted': 'Comment posted',
  'proposal.subject_replied': 'Right of reply',
  'recusal.declared': 'Recusal declared',
  'objection.raised': 'Objection raised',
  'objection.withdrawn': 'Objection withdrawn',
  'nomination.made': 'Nomination made',
  'nomination.accepted': 'Nomination accepted',
  'nomination.declined': 'Nomination declined',
  'nomination.withdrawn': 'Candidacy withdrawn',
  'election.candidates_frozen': 'Election candidates fixed',
  'election.unopposed': 'Elected unopposed',
  'proposal.discussion_closed': 'Discussion closed',
  'voting.opened': 'Voting opened',
  'ballot.cast': 'Ballot cast',
  'voting.closed': 'Voting closed',
  'ballots.receipts': 'Ballots published with receipts',
  'proposal.decided': 'Proposal decided',
  'proposal.lapsed': 'Proposal lapsed',
  'proposal.ratified': 'Proposal ratified',
  'proposal.ratification_refused': 'Ratification refused',
  'emergency.ratification_reminder_sent': 'Ratification reminder sent',
  'seat.vacancy_overdue': 'Vacancy overdue',
  'notice.failed': 'Notice failed',
  'notice.delivered_after_retry': 'Notice delivered late',
  'membership.invited': 'Member invited',
  'membership.accepted': 'Invitation accepted',
  'membership.invitation_declined': 'Invitation declined',
  'membership.invitation_revoked': 'Invitation revoked',
  'membership.role_changed': 'Role changed',
  'membership.group_changed': 'Stakeholder group changed',
  'membership.weight_changed': 'Weight changed',
  'membership.weight_change_skipped': 'Weight change skipped',
  'membership.removed': 'Member removed',
  'membership.left': 'Member left',
  'comment.edited': 'Comment edited',
  'comment.deleted': 'Comment deleted',
  'organization.profile_changed': 'Profile changed',
  'organization.archived': 'Organization archived',
  'organization.unarchived': 'Organization unarchived',
  'organization.logo_changed': 'Logo changed',
  'organization.logo_removed': 'Logo removed',
  'account.deleted': 'Account deleted',
  'delegation.granted': 'Vote delegated',
  'delegation.revoked': 'Delegation revoked',
  ...petitionLogKindLabels,
  ...meetingLogKindLabels,
  ...rollCallLogKindLabels,
  ...minutesLogKindLabels,
  ...writtenConsentLogKindLabels,
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const roles = new Set(['admin', 'secretary', 'member', 'observer']);
/** A role code for the `role` select ('member' when unknown). */
const roleCode = (v: unknown): string => (roles.has(str(v) ?? '') ? str(v)! : 'member');
/** An outcome code for the `outcome` select: passed, rejected, failed_quorum, lapsed, else `fallback`. */
const outcomes = new Set(['passed', 'rejected', 'failed_quorum', 'lapsed']);

function dateOf(v: unknown): SummaryDate | null {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return null;
  return { at: d, style: 'minute' };
}

const k = (name: string, params?: Record<string, SummaryParam>): SummaryText => summaryText(`logSummary.${name}`, params);
/** `text` when `cond`, else nothing (an optional part of a sentence). */
const opt = (cond: unknown, text: () => SummaryParam): SummaryParam => (cond ? text() : '');

/** A delegation's scope as logged ({ typeKey, proposalNumber }), in words. */
function delegationScope(v: unknown): SummaryText {
  const scope = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  if (int(scope.proposalNumber) !== null) return word('scopeProposal', { n: String(int(scope.proposalNumber)) });
  if (str(scope.typeKey)) return word('scopeType', { type: str(scope.typeKey)! });
  return word('scopeAll');
}

/** "Voting closed on #1: passed 5–0–1", "Ballot cast on #7 (sealed until close)", … as data. */
export function summaryParts(e: SummaryEntry, ctx: SummaryContext): SummaryText {
  const p = e.payload;
  const n = int(p.number);
  const ref: SummaryParam = n !== null ? word('proposalRef', { n: String(n) }) : word('aProposal');
  const person = (v: unknown): SummaryParam => {
    const id = str(v);
    return (id && ctx.personName(id)) ?? word('aMember');
  };
  const body = (v: unknown): SummaryParam => {
    const key = str(v);
    return key ? (ctx.bodyName(key) ?? key) : word('aBody');
  };
  const seat = (): SummaryText => {
    const pos = int(p.position);
    return pos !== null ? word('seatN', { body: body(p.bodyKey), n: String(pos) }) : word('seat', { body: body(p.bodyKey) });
  };
  const by = (v: unknown): SummaryParam => opt(int(v) !== null, () => word('byProposal', { n: String(int(v)) }));
  const because = (v: unknown): SummaryParam => opt(str(v), () => word('because', { reason: str(v)! }));
  const q = (v: number | null): string => (v === null ? '?' : String(v));

  switch (e.kind) {
    case 'organization.created':
      return str(p.name) ? k('organizationCreatedAs', { name: str(p.name)! }) : k('organizationCreated');
    case 'charter.adopted': {
      const bodies = Array.isArray(p.bodies) ? p.bodies : [];
      const seats = bodies
        .map((b) => (typeof b === 'object' && b !== null ? (b as Record<string, unknown>) : {}))
        .map((b) => word('bodySeats', { body: body(b.key), n: q(int(b.charterSeats)) }));
      const version = String(int(p.version) ?? 1);
      return seats.length ? k('charterAdoptedSeats', { version, seats: { list: seats, sep: ', ' } }) : k('charterAdopted', { version });
    }
    case 'charter.amended':
      return k('charterAmended', { version: q(int(p.version)), by: by(p.proposalNumber) });
    case 'charter.amendment_failed': {
      const errors = Array.isArray(p.errors) ? p.errors.filter((x): x is string => typeof x === 'string') : [];
      return errors.length ? k('charterAmendmentFailedErrors', { errors: errors.join('; ') }) : k('charterAmendmentFailed');
    }
    case 'seat.founding_appointment':
      return k('foundingAppointment', { person: person(p.holderId), seat: seat() });
    case 'seat.filled':
      return k(p.elected === true ? 'seatElected' : 'seatAppointed', { person: person(p.holderId), seat: seat(), by: by(p.proposalNumber) });
    case 'seat.vacated':
      return k('seatVacated', { seat: seat(), person: person(p.formerHolderId), by: by(p.proposalNumber) });
    case 'seat.resigned':
      return k('seatResigned', { person: person(p.formerHolderId ?? e.actorId), seat: seat() });
    case 'seat.change_skipped':
      return k('seatChangeSkipped', { by: by(p.proposalNumber), because: because(p.reason) });
    case 'proposal.published': {
      const until = dateOf(p.discussionClosesAt);
      return k('proposalPublished', {
        ref,
        title: str(p.title) ?? word('untitled'),
        emergency: opt(p.emergency === true, () => word('emergencyProcedure')),
        until: opt(until, () => word('discussionUntil', { at: until! })),
      });
    }
    case 'proposal.revised': {
      const until = p.extended === true ? dateOf(p.discussionClosesAt) : null;
      // During a consent window: its close moved later (a late revision).
      const objectionsUntil = p.objectionsExtended === true ? dateOf(p.objectionsCloseAt) : null;
      return k(p.substantive === false ? 'proposalRevisedEditorial' : 'proposalRevisedSubstantive', {
        ref,
        revision: q(int(p.revision)),
        until: opt(until, () => word('commentWindowExtended', { at: until! })),
        objectionsUntil: opt(objectionsUntil, () => word('objectionsOpenUntil', { at: objectionsUntil! })),
      });
    }
    case 'proposal.withdrawn':
      return k('proposalWithdrawn', { ref, because: because(p.reason) });
    case 'comment.posted': {
      const stance = str(p.stance);
      return stance && stance !== 'none' ? k('commentPostedStance', { ref, stance }) : k('commentPosted', { ref });
    }
    case 'proposal.subject_replied':
      return k('subjectReplied', { ref });
    case 'recusal.declared':
      return k('recusalDeclared', { ref, because: because(p.reason) });
    case 'objection.raised':
      return k('objectionRaised', { ref, person: person(e.actorId), because: because(p.reason) });
    case 'objection.withdrawn':
      return k('objectionWithdrawn', { ref, person: person(e.actorId) });
    case 'nomination.made':
      return p.nomineeUserId === e.actorId
        ? k('nominationSelf', { person: person(p.nomineeUserId), ref })
        : k('nominationMade', { person: person(p.nomineeUserId), ref, by: person(e.actorId) });
    case 'nomination.accepted':
      return k(str(p.declaration) ? 'nominationAcceptedDeclaration' : 'nominationAccepted', { person: person(p.nomineeUserId), ref });
    case 'nomination.declined':
      return k('nominationDeclined', { person: person(p.nomineeUserId), ref });
    case 'nomination.withdrawn':
      return k('nominationWithdrawn', { person: person(p.nomineeUserId), ref });
    case 'election.candidates_frozen': {
      const names = Array.isArray(p.candidates) ? p.candidates.map((c) => str((c as Record<string, unknown>)?.name) ?? '?') : [];
      return k('candidatesFixed', { ref, seats: q(int(p.seats)), body: body(p.bodyKey), names: names.length ? names.join(', ') : word('none') });
    }
    case 'election.unopposed':
      return str(p.statement) ? k('electionUnopposedStatement', { ref, statement: str(p.statement)! }) : k('electionUnopposed', { ref });
    case 'proposal.discussion_closed':
      return k('discussionClosed', { ref });
    case 'voting.opened': {
      const until = dateOf(p.closesAt);
      return k('votingOpened', { ref, body: body(p.bodyKey), until: opt(until, () => word('until', { at: until! })) });
    }
    case 'ballot.cast':
      return k(p.secret === true ? 'secretBallotCast' : 'ballotCast', { ref });
    case 'ballots.receipts': {
      const count = Array.isArray(p.receipts) ? p.receipts.length : 0;
      const parts = int(p.parts) ?? 1;
      return k('ballotsReceipts', {
        ref,
        count,
        n: String(count),
        part: opt(parts > 1, () => word('partOf', { part: q(int(p.part)), parts: String(parts) })),
      });
    }
    case 'voting.closed': {
      const t = typeof p.tally === 'object' && p.tally !== null ? (p.tally as Record<string, unknown>) : {};
      const outcome = outcomes.has(str(t.outcome) ?? '') ? str(t.outcome)! : 'closed';
      const stage = int(p.stageIndex);
      const where = opt(stage !== null && stage > 0, () => word('stage', { n: String(stage! + 1), body: body(p.bodyKey) }));
      const choice = typeof t.choice === 'object' && t.choice !== null ? (t.choice as { count?: { options?: unknown; result?: { elected?: unknown } } }) : null;
      if (choice) {
        const options = Array.isArray(choice.count?.options) ? (choice.count.options as unknown[]) : [];
        const elected = Array.isArray(choice.count?.result?.elected) ? (choice.count.result.elected as unknown[]) : [];
        const names = elected.map((i) => (typeof i === 'number' && typeof options[i] === 'string' ? (options[i] as string) : '?'));
        const cast = int(t.cast) ?? 0;
        return str(t.outcome) === 'passed' && names.length > 0
          ? k('votingClosedChosen', { ref, where, names: { list: names.map((name) => word('quoted', { name })), sep: ', ' }, count: cast, n: String(cast) })
          : k('votingClosedChoice', { ref, where, outcome, count: cast, n: String(cast) });
      }
      if (typeof t.consent === 'object' && t.consent !== null) {
        const stood = int((t.consent as Record<string, unknown>).objections) ?? 0;
        return stood === 0 ? k('consentClosedPassed', { ref, where }) : k('consentClosedRejected', { ref, where, count: stood, n: String(stood) });
      }
      return k('votingClosed', { ref, where, outcome, yes: String(int(t.yes) ?? 0), no: String(int(t.no) ?? 0), abstain: String(int(t.abstain) ?? 0) });
    }
    case 'proposal.decided': {
      const outcome = str(p.outcome);
      return outcome && outcomes.has(outcome)
        ? k('proposalDecided', { ref, outcome })
        : k('proposalDecidedOther', { ref, outcome: outcome ?? word('unknown') });
    }
    case 'proposal.lapsed':
      return k('proposalLapsed', { ref, because: because(p.reason) });
    case 'proposal.ratified':
      return k('proposalRatified', { ref, by: by(p.byProposalNumber) });
    case 'proposal.ratification_refused':
      return k('ratificationRefused', { ref, because: because(p.reason) });
    case 'emergency.ratification_reminder_sent': {
      const by = dateOf(p.ratifyBy);
      return k('ratificationReminder', { ref, by: by ?? word('itsDeadline') });
    }
    case 'seat.vacancy_overdue': {
      const since = dateOf(p.vacatedAt);
      return k('vacancyOverdue', { seat: seat(), days: q(int(p.deadlineDays)), since: opt(since, () => word('vacantSince', { at: since! })) });
    }
    case 'notice.failed':
      return k(p.kind === 'right_of_reply' ? 'replyNoticeFailed' : 'noticeFailed', { ref, person: person(p.recipientUserId) });
    case 'notice.delivered_after_retry':
      return k(p.kind === 'right_of_reply' ? 'replyNoticeDelivered' : 'noticeDelivered', { ref, person: person(p.recipientUserId) });
    case 'membership.invited':
      return k('memberInvited', { role: roleCode(p.role) });
    case 'membership.accepted':
      return k('invitationAccepted', { person: person(p.userId ?? e.actorId), role: roleCode(p.role) });
    case 'membership.invitation_declined':
      return k('invitationDeclined');
    case 'membership.invitation_revoked':
      return k('invitationRevoked');
    case 'membership.role_changed':
      return k('roleChanged', { person: person(p.userId), from: roleCode(p.from), to: roleCode(p.to) });
    case 'membership.group_changed': {
      const group = (v: unknown): SummaryParam => (str(v) ? word('quoted', { name: str(v)! }) : word('noGroup'));
      return k('groupChanged', { person: person(p.userId), from: group(p.from), to: group(p.to) });
    }
    case 'membership.weight_changed':
      return k('weightChanged', { person: person(p.userId), from: q(int(p.from)), to: q(int(p.to)), by: by(p.proposalNumber) });
    case 'membership.weight_change_skipped':
      return k('weightChangeSkipped', { by: by(p.proposalNumber), because: because(p.reason) });
    case 'membership.removed':
      return k('memberRemoved', { person: person(p.userId) });
    case 'membership.left':
      return k('memberLeft', { person: person(p.userId ?? e.actorId) });
    case 'comment.edited':
      return k('commentEdited', { ref, version: opt(int(p.revision) !== null, () => word('version', { n: String(int(p.revision)) })) });
    case 'organization.profile_changed': {
      const after = typeof p.after === 'object' && p.after !== null ? (p.after as Record<string, unknown>) : {};
      const parts: SummaryText[] = [];
      if (str(after.name)) parts.push(word('nameChanged', { name: str(after.name)! }));
      if ('mission' in after) parts.push(word('missionChanged'));
      if (after.isPublic === true) parts.push(word('madePublic'));
      if (after.isPublic === false) parts.push(word('madePrivate'));
      return k('profileChanged', { changes: parts.length ? { list: parts, sep: ', ' } : word('changed') });
    }
    case 'organization.logo_changed':
      return k(str(p.previousSha256) ? 'logoReplaced' : 'logoAdded', { sha: opt(str(p.sha256), () => word('sha256', { sha: str(p.sha256)!.slice(0, 12) })) });
    case 'account.deleted':
      return k('accountDeleted', { person: str(p.pseudonym) ?? word('aMemberStart') });
    case 'comment.deleted':
      return k('commentDeleted', { ref });
    case 'delegation.granted':
      return k('delegationGranted', { person: person(p.delegatorUserId ?? e.actorId), scope: delegationScope(p.scope), to: person(p.delegateUserId) });
    case 'delegation.revoked':
      return k('delegationRevoked', { person: person(p.delegatorUserId ?? e.actorId), scope: delegationScope(p.scope), to: person(p.delegateUserId) });
    default: {
      const named =
        petitionSummaryParts(e, ctx) ??
        meetingSummaryParts(e, ctx) ??
        rollCallSummaryParts(e, ctx) ??
        minutesSummaryParts(e, ctx) ??
        writtenConsentSummaryParts(e, ctx);
      if (named) return named;
      const kind: SummaryParam = Object.hasOwn(logKindLabels, e.kind) ? summaryText(`log.kinds.${e.kind}`) : e.kind;
      return e.subject ? k('otherSubject', { kind, subject: e.subject }) : k('other', { kind });
    }
  }
}

/** An entry's summary in the words of a language (`summaryWordsFor`, summary-text.ts). */
export function summarizeEntryIn(e: SummaryEntry, ctx: SummaryContext, words: SummaryWords): string {
  return renderSummary(summaryParts(e, ctx), words);
}

/** An entry's summary in English: the CSV export's, and the log page's and feed's in English. */
export function summarizeEntry(e: SummaryEntry, ctx: SummaryContext): string {
  return summarizeEntryIn(e, ctx, englishSummaryWords);
}
