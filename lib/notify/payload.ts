/** What a notice carries (the outbox row's payload) and the lines a notice is written from. */
import type { RollCallOutcome, RollCallStanding } from '@/lib/governance/roll-call';
import type { NotificationKind } from './kinds';

export type TallySummary = {
  yes: number;
  no: number;
  abstain: number;
  cast: number;
  charterSeats: number;
  quorumRequired: number;
  quorumMet: boolean;
  yesRequired: number;
};

/** What an outbox row renders from: the event's payload plus who and where. */
export type NotificationPayload = {
  number?: number;
  title?: string;
  typeName?: string;
  bodyName?: string;
  discussionClosesAt?: string;
  closesAt?: string;
  replyClosesAt?: string;
  outcome?: string;
  tally?: TallySummary | null;
  /** A choice among options: the options chosen, in order of election. */
  chosen?: string[];
  /** A decision by consent: how many objections stood at the close. */
  objectionsStood?: number;
  /** A decision by consent: its window opened (objections, not votes). */
  consent?: boolean;
  position?: number;
  vacatedAt?: string;
  deadlineDays?: number;
  /** Emergency decisions: ratify by this time or the decision lapses. */
  ratifyBy?: string;
  /** Vacancy alarm: every overdue seat of one body (one alarm per body per day). */
  seats?: { position: number; vacatedAt: string }[];
  /** Digest only: the notices folded into it. */
  items?: { kind: NotificationKind; payload: NotificationPayload }[];
  /** Digest only: open votes waiting for the recipient's ballot (their delegate may have voted for them), and their active delegations. */
  waiting?: { number: number; title: string; closesAt: string; delegateVoted: boolean }[];
  delegations?: { delegateName: string; typeKey: string | null; proposalNumber: number | null }[];
  /** Followed proposals: what happened, and who did it (comments, revisions). */
  activity?: FollowedActivity;
  actorName?: string | null;
  revision?: number;
  /** Founding appointments closed: the seats still vacant when the first proposal was published. */
  vacantSeats?: number;
  /** A petition that reached its threshold: its number, signatures and the answer's deadline (title is its title). */
  petitionNumber?: number;
  signatures?: number;
  answerDueAt?: string;
  /** A petition's later news for its opener and signers: answered (late or not), or its answer overdue. */
  petitionEvent?: 'answered' | 'overdue';
  late?: boolean;
  /** A meeting's notice (scheduled, changed or cancelled): what its mail and calendar invitation say. */
  meeting?: MeetingNotice;
  /** A roll-call vote of a meeting: recorded, a vote disputed, or ratified. Title and bodyName as above. */
  rollCall?: RollCallNotice;
  /** A written consent: its number, what happened to it, and (opened) when it expires. Title and bodyName as above. */
  consentNumber?: number;
  consentEvent?: 'opened' | 'adopted' | 'expired' | 'lapsed' | 'withdrawn';
  expiresAt?: string;
  /** A secret ballot's receipt code: only in the notice to the voter who cast it. */
  receipt?: string;
};

/** A meeting as its notice states it; `id` and `sequence` make the invitation's UID and SEQUENCE. */
export type MeetingNotice = {
  id: string;
  number: number;
  change: 'scheduled' | 'updated' | 'cancelled';
  meetingKind: 'regular' | 'special';
  bodyName: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  agenda: string[];
  /**
   * Beside each agenda line, the number of the proposal it lists (its line is then `proposalItemText`'s English), or
   * null for an item the organization typed; absent in notices queued before it was carried (lib/governance/proposal-item.ts).
   */
  agendaProposals?: (number | null)[];
  noticeHours: number;
  requiredNoticeHours: number;
  sequence: number;
  cancelReason?: string | null;
};

export type FollowedActivity = 'comment' | 'reply' | 'subject_reply' | 'revision' | 'voting_open' | 'decided';

export type Lines = { subject: string; lead: string; detail: string[]; action: string };

/** A roll call as its notice states it (meeting-lines.ts). */
export type RollCallNotice = {
  meetingNumber: number;
  number: number;
  event: 'recorded' | 'disputed' | 'ratified';
  motion: string;
  /** The proposal the roll call's agenda item lists (its motion, unless the secretary typed one, is `proposalItemText`'s English); null for none, absent in older notices. */
  proposalNumber?: number | null;
  /**
   * Where the roll call stands and (recorded) its count, as facts (roll-call.ts): each notice words them in its
   * reader's language, as the meeting page does (`standingPart`, `outcomePart`), and in English as `standingText`
   * and `outcomeText` write them.
   */
  standingCode?: RollCallStanding;
  counts?: RollCallOutcome;
  /**
   * Rows queued before the notices carried the facts: the rules' English lines ("Carried: in effect", the count), sent
   * as given in every language.
   */
  standing?: string;
  outcome?: string;
  answerBy?: string;
  /** A dispute: who disputed their recorded vote (their name; none: the notice says "A seat holder" in its language), and why. */
  voterName?: string;
  note?: string | null;
  /** A ratification: the proposal that ratified it. */
  byProposalNumber?: number;
};
