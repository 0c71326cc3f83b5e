/**
 * The model: a small, plain picture of what SHOULD be true of one organization, kept by the
 * commands from what they asked for and what the production code accepted. Invariants compare it
 * (and the public log) with the database after every step.
 */
import type { Database } from '@/db/client';
import type { Role } from '@/lib/governance/roles';
import type { BallotChoice, Charter } from '@/lib/governance/types';

/** Everyone the sequences act as. `outsider` has no membership; `observer` holds a board seat. */
export const userKeys = ['admin', 'secretary', 'm1', 'm2', 'm3', 'm4', 'observer', 'outsider'] as const;
export type UserKey = (typeof userKeys)[number];

export type ModelSeat = { id: string; bodyKey: string; position: number; holder: UserKey | null };

export type ModelProposal = {
  id: string;
  number: number;
  typeKey: string;
  author: UserKey;
  /** Set when the publish action succeeded (model time). */
  publishedAt: number | null;
  status: 'draft' | 'published' | 'withdrawn';
  /** A stage is open for ballots, as the log says (voting.opened without its voting.closed yet). */
  votingOpen: boolean;
  emergency: boolean;
};

export type ModelBallot = {
  proposalId: string;
  stageIndex: number;
  seatId: string;
  voter: UserKey;
  /** 'secret' for a choice among options, whose `preferences` only the voter (and the model) know. */
  choice: BallotChoice | 'secret';
  preferences?: number[];
  castAt: number;
};

export type Model = {
  /** Model time (ms); equal to testClock.ms. */
  now: number;
  /** Current role per person (null: not a member). */
  roles: Record<UserKey, Role | null>;
  /** Every role change, in order, so "was X an observer at time t" can be answered. */
  roleHistory: { user: UserKey; role: Role | null; from: number }[];
  /** Non-retired seats in creation order. */
  seats: ModelSeat[];
  proposals: ModelProposal[];
  /** By vote id: the ballots the model cast and knows the choice of (the public must not, until the close). */
  ballots: Map<string, ModelBallot>;
  /** When the worker's transitions last ran (model time). */
  lastTransitionsAt: number;
  /** The log size the model has accounted for (entries after it are read by the next transition step). */
  logSeen: number;
  /** What ran, for the failure message. */
  trace: string[];
};

/** The real system: one organization on the shared test database. */
export type Real = {
  db: Database;
  orgId: string;
  slug: string;
  ids: Record<UserKey, string>;
  keyOf: Map<string, UserKey>;
  /** The founding charter (version 1). */
  charter: Charter;
};

export function roleAt(model: Model, user: UserKey, at: number): Role | null {
  let role: Role | null = null;
  for (const h of model.roleHistory) if (h.user === user && h.from <= at) role = h.role;
  return role;
}
