// One-line, human-readable summaries of decision-log entries for the public log page, the CSV
// and the Atom feed. Pure: names are looked up through the context, never fetched here. Payloads
// are read defensively — the log is append-only, so old shapes must keep rendering.

import { meetingLogKindLabels, summarizeMeetingEntry } from './meeting-summary';
import { rollCallLogKindLabels, summarizeRollCallEntry } from './roll-call-summary';
import { minutesLogKindLabels, summarizeMinutesEntry } from './minutes-summary';
import { petitionLogKindLabels, summarizePetitionEntry } from './petition-summary';
import { summarizeWrittenConsentEntry, writtenConsentLogKindLabels } from './written-consent-summary';

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
const roleWords: Record<string, string> = { admin: 'admin', secretary: 'secretary', member: 'member', observer: 'observer' };
const roleWord = (v: unknown): string => roleWords[str(v) ?? ''] ?? 'member';
const outcomeWords: Record<string, string> = { passed: 'passed', rejected: 'rejected', failed_quorum: 'failed quorum', lapsed: 'lapsed' };

function dateOf(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return null;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** A delegation's scope as logged ({ typeKey, proposalNumber }), in words. */
function delegationScope(v: unknown): string {
  const scope = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  if (int(scope.proposalNumber) !== null) return `for #${int(scope.proposalNumber)}`;
  if (str(scope.typeKey)) return `for “${str(scope.typeKey)}” votes`;
  return 'for every member-wide vote';
}

/** "Voting closed on #1: passed 5–0–1", "Ballot cast on #7 (sealed until close)", … */
export function summarizeEntry(e: SummaryEntry, ctx: SummaryContext): string {
  const p = e.payload;
  const n = int(p.number);
  const ref = n !== null ? `#${n}` : 'a proposal';
  const person = (v: unknown): string => {
    const id = str(v);
    return (id && ctx.personName(id)) ?? 'a member';
  };
  const body = (v: unknown): string => {
    const key = str(v);
    return key ? (ctx.bodyName(key) ?? key) : 'a body';
  };
  const seat = (): string => {
    const pos = int(p.position);
    return `${body(p.bodyKey)} seat${pos !== null ? ` ${pos}` : ''}`;
  };
  const by = (v: unknown): string => (int(v) !== null ? ` by #${int(v)}` : '');
  const because = (v: unknown): string => (str(v) ? `: ${str(v)}` : '');

  switch (e.kind) {
    case 'organization.created':
      return `Organization created${str(p.name) ? ` as “${str(p.name)}”` : ''}`;
    case 'charter.adopted': {
      const bodies = Array.isArray(p.bodies) ? p.bodies : [];
      const seats = bodies
        .map((b) => (typeof b === 'object' && b !== null ? (b as Record<string, unknown>) : {}))
        .map((b) => `${body(b.key)} ${int(b.charterSeats) ?? '?'} seats`);
      return `Charter version ${int(p.version) ?? 1} adopted${seats.length ? `: ${seats.join(', ')}` : ''}`;
    }
    case 'charter.amended':
      return `Charter amended to version ${int(p.version) ?? '?'}${by(p.proposalNumber)}`;
    case 'charter.amendment_failed': {
      const errors = Array.isArray(p.errors) ? p.errors.filter((x): x is string => typeof x === 'string') : [];
      return `Charter amendment could not be applied${errors.length ? `: ${errors.join('; ')}` : ''}`;
    }
    case 'seat.founding_appointment':
      return `Founding appointment: ${person(p.holderId)} to ${seat()}`;
    case 'seat.filled':
      return `${person(p.holderId)} ${p.elected === true ? 'elected' : 'appointed'} to ${seat()}${by(p.proposalNumber)}`;
    case 'seat.vacated':
      return `${seat()} vacated: ${person(p.formerHolderId)} removed${by(p.proposalNumber)}`;
    case 'seat.resigned':
      return `${person(p.formerHolderId ?? e.actorId)} resigned from ${seat()}`;
    case 'seat.change_skipped':
      return `Seat change${by(p.proposalNumber)} skipped${because(p.reason)}`;
    case 'proposal.published': {
      const until = dateOf(p.discussionClosesAt);
      return `${ref} published: “${str(p.title) ?? 'untitled'}”${p.emergency === true ? ' (emergency procedure)' : ''}${until ? `, discussion until ${until}` : ''}`;
    }
    case 'proposal.revised': {
      const kind = p.substantive === false ? 'editorial' : 'substantive';
      const until = p.extended === true ? dateOf(p.discussionClosesAt) : null;
      // During a consent window: its close moved later (a late revision).
      const objectionsUntil = p.objectionsExtended === true ? dateOf(p.objectionsCloseAt) : null;
      return `${ref} revised (revision ${int(p.revision) ?? '?'}, ${kind})${until ? `; comment window extended to ${until}` : ''}${objectionsUntil ? `; objections open until ${objectionsUntil}` : ''}`;
    }
    case 'proposal.withdrawn':
      return `${ref} withdrawn${because(p.reason)}`;
    case 'comment.posted': {
      const stance = str(p.stance);
      return `Comment posted on ${ref}${stance && stance !== 'none' ? ` (${stance})` : ''}`;
    }
    case 'proposal.subject_replied':
      return `Right-of-reply statement posted on ${ref}`;
    case 'recusal.declared':
      return `Recusal declared on ${ref}${because(p.reason)}`;
    case 'objection.raised':
      return `Objection raised on ${ref} by ${person(e.actorId)}${because(p.reason)}`;
    case 'objection.withdrawn':
      return `Objection withdrawn on ${ref} by ${person(e.actorId)}`;
    case 'nomination.made':
      return p.nomineeUserId === e.actorId
        ? `${person(p.nomineeUserId)} stood as a candidate in ${ref}`
        : `${person(p.nomineeUserId)} nominated in ${ref} by ${person(e.actorId)}`;
    case 'nomination.accepted':
      return `${person(p.nomineeUserId)} accepted the nomination in ${ref}${str(p.declaration) ? ', with the declaration' : ''}`;
    case 'nomination.declined':
      return `${person(p.nomineeUserId)} declined the nomination in ${ref}`;
    case 'nomination.withdrawn':
      return `${person(p.nomineeUserId)} withdrew as a candidate in ${ref}`;
    case 'election.candidates_frozen': {
      const names = Array.isArray(p.candidates) ? p.candidates.map((c) => str((c as Record<string, unknown>)?.name) ?? '?') : [];
      return `Candidates fixed for ${ref}: ${int(p.seats) ?? '?'} seat(s) of the ${body(p.bodyKey)}; ${names.join(', ') || 'none'}`;
    }
    case 'election.unopposed':
      return `${ref} decided without a vote: ${str(p.statement) ?? 'no more candidates than seats'}`;
    case 'proposal.discussion_closed':
      return `Discussion closed on ${ref}`;
    case 'voting.opened': {
      const until = dateOf(p.closesAt);
      return `Voting opened on ${ref} in ${body(p.bodyKey)}${until ? ` until ${until}` : ''}`;
    }
    case 'ballot.cast':
      return p.secret === true ? `Secret ballot cast on ${ref}` : `Ballot cast on ${ref} (sealed until close)`;
    case 'ballots.receipts': {
      const n = Array.isArray(p.receipts) ? p.receipts.length : 0;
      const parts = int(p.parts) ?? 1;
      return `Counted ballots of ${ref} published with their receipts: ${n} ${n === 1 ? 'ballot' : 'ballots'}${parts > 1 ? ` (part ${int(p.part) ?? '?'} of ${parts})` : ''}`;
    }
    case 'voting.closed': {
      const t = typeof p.tally === 'object' && p.tally !== null ? (p.tally as Record<string, unknown>) : {};
      const outcome = outcomeWords[str(t.outcome) ?? ''] ?? 'closed';
      const stage = int(p.stageIndex);
      const where = stage !== null && stage > 0 ? ` (stage ${stage + 1}, ${body(p.bodyKey)})` : '';
      const choice = typeof t.choice === 'object' && t.choice !== null ? (t.choice as { count?: { options?: unknown; result?: { elected?: unknown } } }) : null;
      if (choice) {
        const options = Array.isArray(choice.count?.options) ? (choice.count.options as unknown[]) : [];
        const elected = Array.isArray(choice.count?.result?.elected) ? (choice.count.result.elected as unknown[]) : [];
        const names = elected.map((i) => (typeof i === 'number' && typeof options[i] === 'string' ? (options[i] as string) : '?'));
        const ballots = `${int(t.cast) ?? 0} secret ${int(t.cast) === 1 ? 'ballot' : 'ballots'}`;
        return str(t.outcome) === 'passed' && names.length > 0
          ? `Voting closed on ${ref}${where}: chosen ${names.map((n) => `“${n}”`).join(', ')} (${ballots})`
          : `Voting closed on ${ref}${where}: ${outcome} (${ballots})`;
      }
      if (typeof t.consent === 'object' && t.consent !== null) {
        const stood = int((t.consent as Record<string, unknown>).objections) ?? 0;
        return stood === 0
          ? `Consent window closed on ${ref}${where}: passed, no objection stood`
          : `Consent window closed on ${ref}${where}: rejected, ${stood} ${stood === 1 ? 'objection' : 'objections'} stood`;
      }
      return `Voting closed on ${ref}${where}: ${outcome} ${int(t.yes) ?? 0}–${int(t.no) ?? 0}–${int(t.abstain) ?? 0}`;
    }
    case 'proposal.decided':
      return `${ref} decided: ${outcomeWords[str(p.outcome) ?? ''] ?? str(p.outcome) ?? 'unknown'}`;
    case 'proposal.lapsed':
      return `${ref} lapsed${because(p.reason)}`;
    case 'proposal.ratified':
      return `${ref} ratified${by(p.byProposalNumber)}`;
    case 'proposal.ratification_refused':
      return `${ref} passed but ratified nothing${because(p.reason)}`;
    case 'emergency.ratification_reminder_sent':
      return `Reminder sent: ratify ${ref} by ${dateOf(p.ratifyBy) ?? 'its deadline'}`;
    case 'seat.vacancy_overdue': {
      const since = dateOf(p.vacatedAt);
      return `${seat()} vacant past its ${int(p.deadlineDays) ?? '?'}-day deadline${since ? ` (vacant since ${since})` : ''}`;
    }
    case 'notice.failed':
      return `${p.kind === 'right_of_reply' ? 'Right-of-reply notice' : 'Notice'} of ${ref} to ${person(p.recipientUserId)} could not be delivered`;
    case 'notice.delivered_after_retry':
      return `${p.kind === 'right_of_reply' ? 'Right-of-reply notice' : 'Notice'} of ${ref} delivered to ${person(p.recipientUserId)} after a retry`;
    case 'membership.invited':
      return `A new ${roleWord(p.role)} was invited`;
    case 'membership.accepted':
      return `${person(p.userId ?? e.actorId)} accepted the invitation and joined as ${roleWord(p.role)}`;
    case 'membership.invitation_declined':
      return 'An invitation was declined';
    case 'membership.invitation_revoked':
      return 'An invitation was revoked by an admin';
    case 'membership.role_changed':
      return `${person(p.userId)}: role changed from ${roleWord(p.from)} to ${roleWord(p.to)}`;
    case 'membership.group_changed': {
      const group = (v: unknown) => (str(v) ? `“${str(v)}”` : 'no group');
      return `${person(p.userId)}: stakeholder group changed from ${group(p.from)} to ${group(p.to)}`;
    }
    case 'membership.weight_changed':
      return `${person(p.userId)}: weight changed from ${int(p.from) ?? '?'} to ${int(p.to) ?? '?'}${by(p.proposalNumber)}`;
    case 'membership.weight_change_skipped':
      return `Weight change${by(p.proposalNumber)} skipped${because(p.reason)}`;
    case 'membership.removed':
      return `${person(p.userId)} removed from the organization by an admin`;
    case 'membership.left':
      return `${person(p.userId ?? e.actorId)} left the organization`;
    case 'comment.edited':
      return `Comment on ${ref} edited by its author${int(p.revision) !== null ? ` (version ${int(p.revision)})` : ''}`;
    case 'organization.profile_changed': {
      const after = typeof p.after === 'object' && p.after !== null ? (p.after as Record<string, unknown>) : {};
      const parts: string[] = [];
      if (str(after.name)) parts.push(`name changed to “${str(after.name)}”`);
      if ('mission' in after) parts.push('mission changed');
      if (after.isPublic === true) parts.push('made public');
      if (after.isPublic === false) parts.push('made private (members only)');
      return `Organization profile: ${parts.length ? parts.join(', ') : 'changed'}`;
    }
    case 'organization.logo_changed':
      return `Organization logo ${str(p.previousSha256) ? 'replaced' : 'added'}${str(p.sha256) ? ` (SHA-256 ${str(p.sha256)!.slice(0, 12)}…)` : ''}`;
    case 'account.deleted':
      return `${str(p.pseudonym) ?? 'A member'} deleted their account and left the organization`;
    case 'comment.deleted':
      return `Comment on ${ref} deleted by its author`;
    case 'delegation.granted':
      return `${person(p.delegatorUserId ?? e.actorId)} delegated their vote ${delegationScope(p.scope)} to ${person(p.delegateUserId)}`;
    case 'delegation.revoked':
      return `${person(p.delegatorUserId ?? e.actorId)} revoked the delegation of their vote ${delegationScope(p.scope)} to ${person(p.delegateUserId)}`;
    default:
      return (
        summarizePetitionEntry(e, ctx) ??
        summarizeMeetingEntry(e, ctx) ??
        summarizeRollCallEntry(e, ctx) ??
        summarizeMinutesEntry(e, ctx) ??
        summarizeWrittenConsentEntry(e, ctx) ??
        `${logKindLabels[e.kind] ?? e.kind}${e.subject ? ` (${e.subject})` : ''}`
      );
  }
}
