/**
 * Whether a seat holder is offered the ballot form of a stage, asked of `mayAct` like every
 * other path. The form is shown from publication until the stage closes, so a seat holder sees
 * where they will vote; it takes ballots only while that stage's vote is open (the server
 * refuses early ballots and says when voting opens).
 */
import { mayAct } from './permissions';
import type { Role } from './roles';
import type { Phase } from './types';

export type BallotOfferInput = {
  role: Role | null;
  /** Holds a seat in the body deciding this stage. */
  holdsSeat: boolean;
  /** Has declared a conflict on this stage's vote. */
  isRecused: boolean;
  phase: Phase;
  stageIndex: number;
  /** The stage's vote has closed (recorded, or its window has passed). */
  stageClosed: boolean;
  now: Date;
};

export type BallotOffer = { show: false } | { show: true; open: boolean };

export function ballotOffer({ role, holdsSeat, isRecused, phase, stageIndex, stageClosed, now }: BallotOfferInput): BallotOffer {
  if (stageClosed || phase.kind === 'draft' || phase.kind === 'withdrawn') return { show: false };
  const actor = { role, isAuthor: false, isSubject: false, holdsSeatInStageBody: holdsSeat, isRecused };
  // Would this person's seat vote here once the stage opens? (An observer's seat never does.)
  if (!mayAct({ ...actor, phase: { kind: 'voting', stageIndex, closesAt: now } }, 'vote').ok) return { show: false };
  const open = phase.kind === 'voting' && phase.stageIndex === stageIndex && mayAct({ ...actor, phase }, 'vote').ok;
  return { show: true, open };
}
