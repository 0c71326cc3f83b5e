import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Charter, TallyResult } from '@/lib/governance/types';
import { userRef } from './auth';
import { createdAt, id, ts, updatedAt } from './columns';
import { orgRef } from './organizations';

/** A full-text search document (PostgreSQL tsvector), only ever matched in SQL, never read. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The proposal a row belongs to; it goes when the proposal does. */
const proposalRef = () =>
  uuid('proposal_id')
    .notNull()
    .references(() => proposals.id, { onDelete: 'cascade' });

/** The seat a ballot or recusal was made from. */
const seatRef = () =>
  uuid('seat_id')
    .notNull()
    .references(() => seats.id);

/**
 * One immutable document per charter version. Bodies and proposal types are parts of it,
 * addressed by key, so a proposal always runs under exactly the rules of its version.
 * The active charter is the highest version; a new version only comes from a passed
 * charter_amendment proposal (docs/design.md §3.10).
 */
export const charters = pgTable(
  'charters',
  {
    id: id(),
    orgId: orgRef('cascade'),
    version: integer('version').notNull(),
    templateKey: text('template_key'),
    document: jsonb('document').$type<Charter>().notNull(),
    /** SHA-256 of the canonical JSON of `document`; also in the log entry that adopted it. */
    documentHash: text('document_hash').notNull(),
    adoptedByProposalId: uuid('adopted_by_proposal_id'),
    adoptedAt: ts('adopted_at').notNull().defaultNow(),
  },
  (t) => [unique('charters_org_version_unique').on(t.orgId, t.version)],
);

export const seats = pgTable(
  'seats',
  {
    id: id(),
    orgId: orgRef('cascade'),
    bodyKey: text('body_key').notNull(),
    /** 1-based position within the body, for stable display ("Seat 4"). */
    position: integer('position').notNull(),
    seatClass: text('seat_class').notNull(),
    holderUserId: userRef('holder_user_id', 'set null'),
    /** When the seat last became vacant; null while held. The vacancy clock runs from here. */
    vacatedAt: ts('vacated_at'),
    termStartedAt: ts('term_started_at'),
    termEndsAt: ts('term_ends_at'),
    /** Set when a charter amendment shrank the body; a retired seat is history, never reused. */
    retiredAt: ts('retired_at'),
  },
  (t) => [
    unique('seats_org_body_position_unique').on(t.orgId, t.bodyKey, t.position),
    index('seats_holder_idx').on(t.holderUserId),
    // One person, one seat per body: a second seat would double a vote and inflate strength.
    uniqueIndex('seats_one_per_person_per_body')
      .on(t.orgId, t.bodyKey, t.holderUserId)
      .where(sql`${t.holderUserId} is not null and ${t.retiredAt} is null`),
    check('seats_vacancy_consistent', sql`(${t.holderUserId} is null) = (${t.vacatedAt} is not null)`),
  ],
);

export const proposalStatus = pgEnum('proposal_status', ['draft', 'published', 'withdrawn']);

export const proposals = pgTable(
  'proposals',
  {
    id: id(),
    orgId: orgRef('cascade'),
    /** Per-organization number, for humans: "Proposal #12". */
    number: integer('number').notNull(),
    typeKey: text('type_key').notNull(),
    charterVersion: integer('charter_version').notNull(),
    authorId: userRef('author_id').notNull(),
    subjectUserId: userRef('subject_user_id'),
    title: text('title').notNull(),
    status: proposalStatus('status').notNull().default('draft'),
    publishedAt: ts('published_at'),
    discussionClosesAt: ts('discussion_closes_at'),
    withdrawnAt: ts('withdrawn_at'),
    replyPostedAt: ts('reply_posted_at'),
    emergencyApprovedAt: ts('emergency_approved_at'),
    ratifiedAt: ts('ratified_at'),
    /** A seat election with no more candidates than seats: when they were elected unopposed (election.ts). */
    decidedUnopposedAt: ts('decided_unopposed_at'),
    /** What the proposal does when it passes: a proposed charter, a seat and appointee, … */
    effect: jsonb('effect').$type<Record<string, unknown>>().notNull().default({}),
    /** A choice among options: the options put to the vote, fixed at publication (empty for yes/no proposals). */
    options: jsonb('options').$type<string[]>().notNull().default([]),
    /** Recorded once by the worker (exactly once, guarded by `outcome is null`). */
    outcome: text('outcome'),
    outcomeRecordedAt: ts('outcome_recorded_at'),
    /** How many seat holders the publication notice reached, and a hash of the recipient list. */
    noticeRecipients: integer('notice_recipients'),
    noticeSeatHolders: integer('notice_seat_holders'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('proposals_org_number_unique').on(t.orgId, t.number),
    index('proposals_org_status_idx').on(t.orgId, t.status),
    check('proposals_window_after_publish', sql`${t.discussionClosesAt} is null or ${t.discussionClosesAt} > ${t.publishedAt}`),
  ],
);

export const proposalStages = pgTable(
  'proposal_stages',
  {
    proposalId: proposalRef(),
    stageIndex: integer('stage_index').notNull(),
    bodyKey: text('body_key').notNull(),
    charterSeats: integer('charter_seats').notNull(),
    /** Seat appointments of a body filling vacancies by remaining majority: people in office when voting opened. */
    holdersInOffice: integer('holders_in_office'),
    /** A member-wide stage: its roll as snapshotted when voting opened (roll_entries) — members, total weight, SHA-256 of its canonical text. */
    rollSize: integer('roll_size'),
    rollWeight: bigint('roll_weight', { mode: 'number' }),
    rollHash: text('roll_hash'),
    opensAt: ts('opens_at'),
    closesAt: ts('closes_at'),
    /** Recorded once when the stage's close is logged. */
    tally: jsonb('tally').$type<TallyResult>(),
    closedRecordedAt: ts('closed_recorded_at'),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.stageIndex] })],
);

export const proposalRevisions = pgTable(
  'proposal_revisions',
  {
    id: id(),
    proposalId: proposalRef(),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    changeNote: text('change_note'),
    substantive: boolean('substantive').notNull().default(true),
    /** Why the change itself counts as substantive (empty: editorial, or recorded before classification). */
    substantiveReasons: jsonb('substantive_reasons').$type<string[]>().notNull().default([]),
    /** The author ticked "editorial only"; kept beside the classification, which it cannot lower. */
    authorMarkedEditorial: boolean('author_marked_editorial').notNull().default(false),
    authorId: userRef('author_id').notNull(),
    createdAt: createdAt(),
    /**
     * Full-text search of the proposals list (db/queries/proposal-reads.ts, proposalTextMatches): the revision's
     * title and text, in the 'simple' configuration (no stemming: charters are written in any language). Stored,
     * so a word most proposals share is matched from the stored vectors, not by re-reading every text.
     */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, title || ' ' || body)`),
  },
  (t) => [unique('proposal_revisions_unique').on(t.proposalId, t.revision), index('proposal_revisions_search_idx').using('gin', t.search)],
);

export const commentStance = pgEnum('comment_stance', ['support', 'concern', 'object', 'none']);

export const comments = pgTable(
  'comments',
  {
    id: id(),
    orgId: orgRef('cascade'),
    proposalId: proposalRef(),
    parentId: uuid('parent_id'),
    authorId: userRef('author_id').notNull(),
    body: text('body').notNull(),
    stance: commentStance('stance').notNull().default('none'),
    /** The subject's right-of-reply statement (docs/design.md §3.8). */
    isSubjectReply: boolean('is_subject_reply').notNull().default(false),
    createdAt: createdAt(),
    /** Set when the author last edited it; every version is kept in comment_revisions. */
    editedAt: ts('edited_at'),
    /** A tombstone: the author deleted it. The row stays so replies keep their place and the log its subject. */
    deletedAt: ts('deleted_at'),
  },
  (t) => [index('comments_proposal_idx').on(t.proposalId, t.createdAt)],
);

/** Every version of an edited comment, the original first (revision 1). */
export const commentRevisions = pgTable(
  'comment_revisions',
  {
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.revision] })],
);

/** 'secret': a ballot of a choice among options, whose preferences are in `preferences` and are never disclosed with the voter. */
export const voteChoice = pgEnum('vote_choice', ['yes', 'no', 'abstain', 'secret']);

/**
 * Every ballot ever cast, as history; exactly one `is_current` row per (proposal, stage, seat),
 * enforced by a unique partial index — not by check-then-insert in application code.
 */
export const votes = pgTable(
  'votes',
  {
    id: id(),
    proposalId: proposalRef(),
    stageIndex: integer('stage_index').notNull(),
    /** The seat voted from; null for a ballot in a member-wide vote, cast by a member on the stage's roll (member-votes.ts). */
    seatId: uuid('seat_id').references(() => seats.id),
    voterUserId: userRef('voter_user_id').notNull(),
    choice: voteChoice('choice').notNull(),
    rationale: text('rationale'),
    /**
     * The secret 32-byte nonce (hex) of the ballot's hiding commitment in the log, disclosed in
     * the roll call at close. Null for ballots cast before commitments had one.
     */
    nonce: text('nonce'),
    /** A secret ballot's option indexes in order of preference (or the approved set); null for yes/no/abstain. */
    preferences: jsonb('preferences').$type<number[]>(),
    /**
     * A secret ballot's receipt code (lib/governance/receipt.ts), shown and mailed to the voter
     * only, published with the ballot (without the voter) at the close. Null for yes/no/abstain
     * and for secret ballots cast before receipts.
     */
    receipt: text('receipt'),
    castAt: ts('cast_at').notNull(),
    isCurrent: boolean('is_current').notNull().default(true),
  },
  (t) => [
    uniqueIndex('votes_one_current_per_seat')
      .on(t.proposalId, t.stageIndex, t.seatId)
      .where(sql`${t.isCurrent}`),
    uniqueIndex('votes_one_current_per_member')
      .on(t.proposalId, t.stageIndex, t.voterUserId)
      .where(sql`${t.isCurrent} and ${t.seatId} is null`),
    index('votes_proposal_idx').on(t.proposalId, t.stageIndex),
    uniqueIndex('votes_receipt_unique').on(t.receipt),
    check('votes_receipt_secret', sql`${t.receipt} is null or ${t.choice}::text = 'secret'`),
    // Compared as text: a new enum value cannot be used in the transaction that adds it (the migration's).
    check('votes_secret_has_preferences', sql`(${t.choice}::text = 'secret') = (${t.preferences} is not null)`),
  ],
);

export const recusals = pgTable(
  'recusals',
  {
    proposalId: proposalRef(),
    seatId: seatRef(),
    userId: userRef('user_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.seatId] })],
);

/**
 * Objections to a proposal decided by consent (lib/governance/consent.ts), one row per objection
 * raised. Withdrawing one (or raising again, which replaces it) sets `withdrawn_at`; rows are
 * never deleted, so the record shows every objection and when it stopped standing. A seat has at
 * most one standing objection per stage.
 */
export const objections = pgTable(
  'objections',
  {
    id: id(),
    proposalId: proposalRef(),
    stageIndex: integer('stage_index').notNull(),
    seatId: seatRef(),
    objectorUserId: userRef('objector_user_id').notNull(),
    reason: text('reason').notNull(),
    raisedAt: ts('raised_at').notNull(),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [
    uniqueIndex('objections_one_standing_per_seat')
      .on(t.proposalId, t.stageIndex, t.seatId)
      .where(sql`${t.withdrawnAt} is null`),
    index('objections_proposal_idx').on(t.proposalId, t.stageIndex),
  ],
);

export const nominationStatus = pgEnum('nomination_status', ['nominated', 'accepted', 'declined', 'withdrawn']);

/**
 * Nominations for a seat election (lib/governance/election.ts): one row per nominee and proposal,
 * its status changed only by the nominee (accept, decline, withdraw) while the comment window runs.
 * Every change has its log entry; the row is the current state the page and the opening read.
 */
export const nominations = pgTable(
  'nominations',
  {
    id: id(),
    proposalId: proposalRef(),
    nomineeUserId: userRef('nominee_user_id').notNull(),
    nominatorUserId: userRef('nominator_user_id').notNull(),
    status: nominationStatus('status').notNull().default('nominated'),
    /** A class seat: the declaration the nominee made in their own name when accepting. */
    declaration: text('declaration'),
    nominatedAt: ts('nominated_at').notNull(),
    answeredAt: ts('answered_at'),
  },
  (t) => [unique('nominations_one_per_nominee').on(t.proposalId, t.nomineeUserId)],
);

/**
 * The decision log: append-only (database triggers refuse UPDATE and DELETE), gapless `seq`
 * per organization, each entry hash-chained to the previous one. `entry` is the exact canonical
 * JSON that was hashed, so anyone can recompute the chain from an export.
 */
export const decisionLog = pgTable(
  'decision_log',
  {
    orgId: orgRef(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    actorId: text('actor_id'),
    kind: text('kind').notNull(),
    subject: text('subject'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    entry: text('entry').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    // Keyset pages under each public filter stay O(page), not O(log), at millions of entries.
    index('decision_log_org_kind_idx').on(t.orgId, t.kind, t.seq),
    index('decision_log_org_subject_seq_idx').on(t.orgId, t.subject, t.seq),
    index('decision_log_org_body_seq_idx')
      .on(t.orgId, sql`(${t.payload} ->> 'bodyKey')`, t.seq)
      .where(sql`${t.payload} ? 'bodyKey'`),
    index('decision_log_org_at_idx').on(t.orgId, t.at),
    index('decision_log_org_kind_at_idx').on(t.orgId, t.kind, t.at),
  ],
);

/**
 * Bytes a log entry names by SHA-256 rather than carries: a member-wide vote's roll and roll call
 * (100,000 lines is 16 MB) are disclosed at its close as one attachment, and the close's entry
 * holds the attachment's name, size and hash. Published verbatim in the export; append-only like
 * the log (migration 0023).
 */
export const logAttachments = pgTable(
  'log_attachments',
  {
    orgId: orgRef(),
    /** e.g. `proposal:<id>|stage:0|members`. */
    name: text('name').notNull(),
    scheme: text('scheme').notNull(),
    sha256: text('sha256').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.name] })],
);

/** One row per organization: the log's head, locked FOR UPDATE to serialize appends. */
export const logHeads = pgTable('log_heads', {
  orgId: orgRef().primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull().default(0),
  headHash: text('head_hash').notNull(),
  /** Merkle frontier (perfect-subtree roots) so each append costs O(log n). */
  frontier: jsonb('frontier').$type<unknown>().notNull(),
  updatedAt: updatedAt(),
});

export type CharterRow = typeof charters.$inferSelect;
export type SeatRow = typeof seats.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalStageRow = typeof proposalStages.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
export type VoteRow = typeof votes.$inferSelect;
export type NominationRow = typeof nominations.$inferSelect;
export type DecisionLogRow = typeof decisionLog.$inferSelect;
