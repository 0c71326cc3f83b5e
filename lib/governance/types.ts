/**
 * The governance domain as plain data. Everything in lib/governance is pure: no I/O, no clock —
 * the time `now` is always a parameter — so every rule can be unit- and property-tested.
 */

import type { TallyResult as MethodTally } from './methods/types';
import type { Refused } from './refusal';

/** A threshold as an exact ratio: at least (inclusive) or more than (exclusive) num/den of the base. */
export type Ratio = { num: number; den: number; inclusive: boolean };

export type SeatClassKey = string; // e.g. 'independent', 'employee_representative', 'member_elected', 'general'

export type BodySpec = {
  key: string; // 'board', 'members', …
  name: string;
  /** Fixed by the charter. Quorum and charter-seat thresholds are counted against this, never against headcount. */
  charterSeats: number;
  /** Below this many filled seats, critical proposal types cannot open voting (docs/design.md §3.4). */
  minSeatsForCriticalDecisions: number;
  /** A seat vacant longer than this is overdue and flagged publicly. */
  vacancyDeadlineDays: number;
  /** Composition minimums per seat class, e.g. { independent: 3, employee_representative: 1 }. */
  seatClassMinimums: Record<SeatClassKey, number>;
  /** docs/design.md §3.6: a recused seat still counts in the quorum base unless the charter says otherwise. */
  recusedSeatsCountTowardQuorumBase: boolean;
  /**
   * Who fills this body's vacancies and how (see vacancy.ts). Charters stored before this setting
   * existed lack it; vacancyFillingOf() then derives it from the charter's appointment types.
   */
  vacancyFilling?: VacancyFilling;
  /**
   * When true, a seat-class shortfall (fewer filled seats of a class than its minimum) stops
   * critical decisions like a shortage of filled seats does. Absent in older charters: false.
   */
  classShortfallBlocksCriticalDecisions?: boolean;
  /**
   * A member-wide body: it has no seats (charterSeats 0); its voters are the organization's
   * members, or one stakeholder group of them, as the roll snapshotted when voting opens says
   * (electorate.ts). Absent: a body of charter seats.
   */
  electorate?: Electorate;
};

/** Who votes in a member-wide body, and whether each member's weight (for example their shares) counts. */
export type Electorate = {
  kind: 'all_members' | 'stakeholder_group';
  /** For 'stakeholder_group': the group's name as memberships record it (compared ignoring case). */
  group?: string;
  /** True: each member votes with their membership weight; false: one member, one vote. */
  weighted: boolean;
};

/** Whether, and how far, members may delegate their vote in a proposal type's member-wide votes (delegation.ts). */
export type DelegationSpec = {
  allowed: boolean;
  /** The longest chain of delegations followed (1: only direct delegates vote for others); null: no cap. */
  maxDepth: number | null;
};

/**
 * How a body's vacancies are filled. Modelled on charters and corporate statutes: vacancies may be
 * filled by a majority of the directors remaining in office even when they are fewer than a
 * quorum, and another body (the member assembly) may fill them when nobody is left to.
 */
export type VacancyFilling = {
  /** The body fills its own vacancies (by a seat-appointment type it decides). */
  byOwnBody: boolean;
  /**
   * A seat-appointment vote of this body also passes with yes votes from more than half of the
   * body's seat holders in office when voting opened, even when they are fewer than its quorum.
   */
  byRemainingMajority: boolean;
  /**
   * The other body that fills this body's vacancies: always when byOwnBody is false, otherwise
   * only while nobody holds a seat of this body. Null: no other body does.
   */
  byBodyKey: string | null;
};

export type StageSpec = {
  bodyKey: string;
  votingWindowHours: number;
  /** Quorum as a fraction of charter seats: required ballots = ceil(quorum.num/quorum.den × charterSeats). */
  quorum: Ratio;
  threshold: Ratio;
  /** 'votes_cast' = yes vs yes+no (abstentions neutral); 'charter_seats' = yes vs all charter seats. */
  thresholdBase: 'votes_cast' | 'charter_seats';
};

/** What a passed proposal does. */
export type ProposalEffect =
  | 'resolution' // a decision with no structural effect
  | 'charter_amendment' // docs/design.md §3.10: the only way a charter changes
  | 'seat_appointment' // fills a vacant seat (one appointee)
  | 'seat_election' // fills several vacant seats of one class by STV among nominated candidates (election.ts)
  | 'seat_removal' // empties a seat; the holder is the proposal's subject
  | 'sanction' // has a subject; no structural effect
  | 'membership_weight'; // sets the subject's membership weight to the proposal's new weight (weights.ts)

export type ProposalTypeSpec = {
  key: string; // 'resolution', 'charter_amendment', 'officer_removal', …
  name: string;
  effect: ProposalEffect;
  /** Minimum comment window from publication; nobody can shorten it (docs/design.md §3.1). */
  minCommentWindowHours: number;
  /** A substantive revision within this many hours of the window's end extends it … */
  lateRevisionWindowHours: number;
  /** … to at least revision time + this many hours. */
  lateRevisionExtensionHours: number;
  /** Deciding bodies, in order (e.g. board, then member ratification). Each stage votes after the previous passed. */
  stages: StageSpec[];
  /** Critical types cannot open voting while a deciding body is below minSeatsForCriticalDecisions. */
  critical: boolean;
  consultationAudience: 'seat_holders' | 'members' | 'public';
  /** Removal / sanction: the proposal names a subject who gets a guaranteed reply before voting (docs/design.md §3.8). */
  requiresSubject: boolean;
  /** Hours after the comment window closes during which the subject may reply; voting waits for the reply or this deadline. */
  replyWindowHours: number;
  emergency: EmergencySpec | null;
  /**
   * A choice among options instead of yes/no: the counting method, how many options win and, for
   * approval, how many one ballot may approve. Absent: a yes/no/abstain vote. The options are the
   * proposal's, fixed at publication; the ballots are secret (see choice.ts).
   */
  method?: ChoiceMethodSpec;
  /**
   * A decision by consent: no ballots; during the stage's window each seat holder of the deciding
   * body may raise a reasoned, public objection (and withdraw it). It passes when no objection
   * stands at the close (consent.ts). Absent: not a consent decision.
   */
  consent?: true;
  /** A seat election (effect 'seat_election'): the STV rule its count follows (election.ts). */
  election?: { rule: 'scottish_stv' | 'meek_stv' };
  /** Member-wide stages: may members delegate their vote (absent: they may not). */
  delegation?: DelegationSpec;
  /**
   * The consultation gate: every concern or objection raised in the comment window needs a public
   * answer from the proposal's author before voting can open (consultation-gate.ts). Absent: no gate.
   */
  answersRequired?: true;
};

/** The counting methods a proposal type may name for a choice among options. */
export type ChoiceMethodKey = 'plurality' | 'approval' | 'irv' | 'scottish_stv' | 'meek_stv';

export type ChoiceMethodSpec = {
  key: ChoiceMethodKey;
  /** How many options win: 1 for plurality and instant-runoff; the seats to fill for STV; the winners for approval. */
  winners: number;
  /** Approval: the most options one ballot may approve (absent: all). */
  maxApprovals?: number;
};

export type EmergencySpec = {
  /** The shortened comment window an emergency motion may apply. */
  minCommentWindowHours: number;
  /** The supermajority of the first stage body's CHARTER seats that must back the emergency motion. */
  motionThreshold: Ratio;
  /** The decision lapses unless ratified by a normal proposal within this many days of passing. */
  ratifyWithinDays: number;
};

export type Charter = {
  version: number;
  bodies: BodySpec[];
  proposalTypes: ProposalTypeSpec[];
  /** Stakeholder petitions to a governing body (petition.ts). Absent: the charter provides none (charters stored before petitions existed). */
  petitions?: PetitionSpec;
  /** Meetings of a body (meeting.ts): notice periods and quorum. Absent (charters stored before meetings existed): defaultMeetingSpec. */
  meetings?: MeetingSpec;
  /** Unanimous written consent of a body in lieu of a meeting (written-consent.ts). Absent: the default (14 days to sign). */
  writtenConsent?: WrittenConsentSpec;
  /** Minutes of meetings (minutes.ts): when a closed session's sealed minutes are disclosed. Absent: defaultMinutesSpec (365 days). */
  minutes?: MinutesSpec;
};

/** Minutes: a closed session's sealed text is disclosed this many days after sealing. */
export type MinutesSpec = { closedDisclosureDays: number };

/**
 * Meetings of a body of seats: the minimum notice a seat holder gets before a regular or a
 * special meeting, and the share of the body's CHARTER seats that must attend for a quorum.
 */
export type MeetingSpec = {
  /** Hours between the notice and the start of a regular meeting, at least. */
  regularNoticeHours: number;
  /** Hours for a special meeting (called for urgent business): shorter, never shorter than this. */
  specialNoticeHours: number;
  /** Attending seats (present or remote) needed, as a share of the body's charter seats. */
  quorum: Ratio;
  /** Days a seat holder has to confirm or dispute their recorded roll-call vote (roll-call.ts). Absent (older charters): 7. */
  rollCallAnswerDays?: number;
};

/**
 * Unanimous written consent: every seat holder of a body signs a resolution in lieu of a meeting.
 * It takes effect at the last signature and lapses unsigned after `expiresAfterDays`.
 */
export type WrittenConsentSpec = {
  /** Days from opening within which every signer must sign; after that it expires. */
  expiresAfterDays: number;
};

/**
 * Members (all of them, or one stakeholder group) petition a governing body. At the threshold the
 * body must answer publicly within `answerWithinDays`; a missed deadline is flagged publicly.
 */
export type PetitionSpec = {
  /** Signatures needed for a petition of all members, as a share of the members who may sign when it opens. */
  thresholdOfMembers: Ratio;
  /** Signatures needed for a petition of one stakeholder group, as a share of that group's members when it opens. */
  thresholdOfGroup: Ratio;
  /** Days a petition collects signatures to reach its threshold; after that, a petition short of it closes. */
  signingDays: number;
  /** Days the answering body has, from the threshold being reached, to answer publicly. */
  answerWithinDays: number;
  /** Whether signers' names are shown publicly (the count always is). */
  signerNamesPublic: boolean;
  /** The governing body (a body of seats) that must answer. */
  answeringBodyKey: string;
};

// ---------------------------------------------------------------------------------------------
// State (facts recorded in the database, handed to the pure functions)

export type SeatState = {
  seatId: string;
  bodyKey: string;
  seatClass: SeatClassKey;
  holderUserId: string | null;
  /** When the seat became vacant (null when filled). */
  vacatedAt: Date | null;
};

export type BallotChoice = 'yes' | 'no' | 'abstain';

export type Ballot = { seatId: string; voterUserId: string; choice: BallotChoice; castAt: Date };

/** A secret ballot of a choice among options: option indexes in order of preference (or the approved set, or the one choice). */
export type ChoiceBallot = {
  seatId: string;
  voterUserId: string;
  preferences: readonly number[];
  castAt: Date;
  /** Its receipt code (lib/governance/receipt.ts); null or absent for ballots cast before receipts. */
  receipt?: string | null;
};

/** An objection to a proposal decided by consent: raised by a seat at a time, withdrawn (or replaced) at another, or standing. */
export type ObjectionState = { seatId: string; raisedAt: Date; withdrawnAt: Date | null };

export type StageRecord = {
  bodyKey: string;
  /** Recorded when voting opened for this stage (null: not yet opened). */
  opensAt: Date | null;
  /** opensAt + votingWindowHours, recorded with opensAt. */
  closesAt: Date | null;
  /** The current ballot of each seat (latest change), for this stage. */
  ballots: Ballot[];
  /** Seats whose holders declared a conflict on this proposal. */
  recusedSeatIds: string[];
  /** A choice among options: the current secret ballot of each seat (absent or empty for yes/no stages). */
  choiceBallots?: ChoiceBallot[];
  /** A decision by consent: every objection raised at this stage (withdrawn ones with their withdrawal time). */
  objections?: ObjectionState[];
  /** Charter seats of the body at the time voting opened (the charter version the proposal runs under). */
  charterSeats: number;
  /**
   * For a seat-appointment vote of a body filling vacancies by remaining majority: how many
   * people held a seat of the body when voting opened. Null or absent: the rule does not apply.
   */
  holdersInOffice?: number | null;
  /**
   * A member-wide stage: the roll snapshotted when voting opened. `entries` are loaded only when
   * the rules must count them (the stage has closed and its tally is not recorded yet);
   * otherwise `recordedTally` is the tally recorded at the close.
   */
  roll?: { size: number; weight: number; entries?: RollEntry[]; recordedTally?: TallyResult | null };
};

/** One member on a member-wide vote's roll: their weight and the delegate they named (null: none). */
export type RollEntry = { userId: string; weight: number; delegateUserId: string | null };

/** A comment as the consultation gate reads it (consultation-gate.ts). */
export type GateComment = {
  id: string;
  parentId: string | null;
  authorId: string;
  stance: 'support' | 'concern' | 'object' | 'none';
  createdAt: Date;
  deletedAt: Date | null;
};

export type ProposalRecord = {
  status: 'draft' | 'published' | 'withdrawn';
  typeKey: string;
  publishedAt: Date | null;
  /** Set at publication, only ever moved later (late substantive revision). */
  discussionClosesAt: Date | null;
  withdrawnAt: Date | null;
  subjectUserId: string | null;
  /** When the subject posted their reply (null: not yet). */
  replyPostedAt: Date | null;
  /** Emergency motion approved (shortened window in force) at this time; null for normal proposals. */
  emergencyApprovedAt: Date | null;
  /** The author asked for the type's emergency procedure when drafting (loaders give it; absent: not asked): until the motion passes, it alone can shorten the window. */
  emergencyRequested?: boolean;
  /** For an emergency decision: when a ratifying proposal passed (null: not yet). */
  ratifiedAt: Date | null;
  /** A seat election with no more candidates than seats: when its candidates were elected unopposed (no vote). */
  decidedUnopposedAt?: Date | null;
  /** For the consultation gate: the proposal's author and its concerns, objections and the author's replies (loaders give it; absent: no comments known). */
  consultation?: { authorId: string; comments: GateComment[] };
  stages: StageRecord[];
};

export type Phase =
  | { kind: 'draft' }
  | { kind: 'discussion'; closesAt: Date }
  | { kind: 'awaiting_reply'; dueAt: Date }
  /** The comment window is over, but concerns raised in it still need the author's answer (consultation-gate.ts). */
  | { kind: 'awaiting_answers'; unanswered: number }
  /** Window (and reply) done; voting for this stage has not been opened yet. `blockers` says why it cannot, if it cannot. */
  | { kind: 'ready_for_voting'; stageIndex: number; since: Date }
  | { kind: 'voting'; stageIndex: number; closesAt: Date }
  | { kind: 'passed'; at: Date }
  | { kind: 'rejected'; stageIndex: number; at: Date }
  | { kind: 'failed_quorum'; stageIndex: number; at: Date }
  | { kind: 'lapsed'; at: Date }
  | { kind: 'withdrawn'; at: Date };

export type TallyResult = {
  yes: number;
  no: number;
  abstain: number;
  cast: number;
  charterSeats: number;
  recused: number;
  quorumRequired: number;
  quorumMet: boolean;
  /** The base the threshold is measured against (yes+no, or charter seats). */
  thresholdBase: number;
  /** Minimum yes votes needed given the base. */
  yesRequired: number;
  passed: boolean;
  outcome: 'passed' | 'rejected' | 'failed_quorum';
  /** Present when the vote could also pass by a majority of the holders in office (vacancy filling). */
  remainingMajority?: { holdersInOffice: number; yesRequired: number; met: boolean };
  /**
   * A choice among options: the method, and (once counted at the close) the count — yes, no and
   * abstain are then 0 and `cast` is the number of ballots; `passed` means a choice was made.
   */
  choice?: { method: ChoiceMethodKey; count?: ChoiceCount };
  /**
   * A decision by consent: yes, no, abstain and cast are 0 and no quorum applies; `objections` is
   * the number of objections standing at the close. Passed exactly when it is 0.
   */
  consent?: { objections: number };
  /**
   * A member-wide stage: yes, no, abstain, cast and charterSeats are weights, counted against the
   * roll snapshotted when voting opened (member-vote.ts); these are the roll's facts.
   */
  members?: { rollSize: number; rollWeight: number; voters: number; directWeight: number; represented: number; delegatedWeight: number };
};

/** A choice's count as recorded at the close: what anyone can recount from the published ballots. */
export type ChoiceCount = {
  method: ChoiceMethodKey;
  winners: number;
  /** Approval: the most options one ballot could approve (absent: all). */
  maxApprovals?: number;
  options: string[];
  /** The public seed lots are drawn from: the log head's hash when the close was recorded. */
  lotSeed: string;
  /** The counted ballots without voters, sorted, identical ones merged: [count, ...preferences]. */
  ballots: number[][];
  /** The method's result (lib/governance/methods): winners in order, rounds, ties. */
  result: MethodTally;
};

/** A pure rule's answer: yes, or a refusal with its catalogue code, parameters and wording. */
export type RuleResult = { ok: true } | Refused;
