// The shapes of the decision-log verifier's input, options and report (./verify).

import type { EntryBatchHasher } from './entry-batch';
import type { StoredEntry } from './entry';
import type { Hasher } from './hash';
import type { BallotCheckSummary } from './verify-ballots';
import type { LogText } from './words';

export type VerifyProblemKind =
  | 'gap'
  | 'reorder'
  | 'hash_mismatch'
  | 'prev_hash_mismatch'
  | 'bad_checkpoint_signature'
  | 'checkpoint_root_mismatch'
  | 'ballot_disclosure'
  | 'charter_mismatch'
  | 'recount_mismatch'
  | 'receipt_mismatch'
  | 'election_mismatch'
  | 'roll_mismatch'
  | 'attachment_mismatch'
  | 'minutes_mismatch'
  | 'malformed';

/**
 * `message` is the English (the CLI's, word for word); `text` the same as data, for the verify page to say in the
 * reader's language (./words). Every problem of this verifier has a text; the CLI's own further checks (scripts/verify)
 * and a message already in the reader's words (the verify page's changed key) have none.
 */
export type VerifyProblem = { seq: number | null; kind: VerifyProblemKind; message: string; text?: LogText };

export type VerifyReport = {
  /** True only when there are no problems at all. */
  ok: boolean;
  entriesChecked: number;
  /**
   * The earliest seq the evidence points to. Exact when an entry is itself wrong (bad hash,
   * broken link, out of place, missing, malformed). When the entries are self-consistent but a
   * signed checkpoint disagrees — history rewritten and re-hashed — it is the first seq after
   * the largest checkpoint that still matches. Null if no entry is implicated (for example, only
   * a checkpoint's signature is bad).
   */
  firstBadSeq: number | null;
  problems: VerifyProblem[];
  /** Hex RFC 6962 root over all entries' leaves; '' if some entry could not be hashed. */
  root: string;
  /** What the roll calls disclosed, checked against the ballots' commitments (./verify-ballots); absent when the log has no ballots. */
  ballots?: BallotCheckSummary;
};

export type VerifyInput = {
  entries: StoredEntry[];
  /** Signed notes whose text is a C2SP tlog-checkpoint. */
  checkpoints?: { note: string }[];
  /** The organization's Ed25519 public key (32 bytes); required to trust any checkpoint. */
  publicKeyRaw?: Uint8Array;
  /** Expected checkpoint origin, also the signing key's name. Defaults to each note's own. */
  origin?: string;
  /** The export's `attachments`: bytes entries name by SHA-256 (./attachment), read into the ballot checks. */
  attachments?: unknown;
};

export type VerifyOptions = {
  /** SHA-256 implementation; defaults to the browser-safe pure-JS one. */
  hasher?: Hasher;
  /** With onProgress, yield to the event loop every this many entries so a page can repaint. */
  yieldEvery?: number;
  /** Receives the entries with each member-wide close's attachment read in (checked by hash first), for readers that check more. */
  onDisclosed?: (entries: unknown[]) => void;
  /**
   * Computes entries' leaf and chain hashes a batch at a time; defaults to `hasher` in this
   * thread. Node callers may pass a worker thread's (./parallel-entry-hasher). Must hash with
   * the same SHA-256 as `hasher`, which still hashes the Merkle tree's interior nodes.
   */
  batchHasher?: EntryBatchHasher;
};
