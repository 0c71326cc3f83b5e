import 'server-only';
import type { Executor } from '@/db/client';
import { findType } from '@/lib/governance/charter';
import { allowedProposalActions } from '@/lib/governance/permissions';
import type { ProposalActor } from '@/lib/governance/permissions';
import { proposalPhase } from '@/lib/governance/phase';
import type { Role } from '@/lib/governance/roles';
import type { Charter } from '@/lib/governance/types';
import { listSeats } from './charters';
import type { SeatView } from './charters';
import type { LoadedProposal } from './proposals';

export type ViewerContext = { role: Role | null; userId: string | null };

/** What this person may do with this proposal right now, from the pure rules. */
export async function proposalContext(
  tx: Executor,
  orgId: string,
  loaded: LoadedProposal,
  charter: Charter,
  viewer: ViewerContext,
  at: Date,
  /** The organization's seats when the caller has just read them (the proposal page), else read here. */
  seats?: readonly SeatView[],
) {
  const phase = proposalPhase(loaded.record, charter, at);
  // Before any stage opens, the body that decides next is the first stage's (recusal and the
  // emergency motion happen then).
  const stageIndex = 'stageIndex' in phase ? phase.stageIndex : 0;
  const type = findType(charter, loaded.row.typeKey);
  const stageBody = loaded.record.stages[stageIndex]?.bodyKey ?? type.stages[stageIndex]?.bodyKey;
  const ownSeats = viewer.userId ? (seats ?? (await listSeats(tx, orgId))).filter((s) => s.holderUserId === viewer.userId) : [];
  const seatInStage = stageBody ? ownSeats.find((s) => s.bodyKey === stageBody) : undefined;
  const isRecused = Boolean(seatInStage && loaded.record.stages[stageIndex]?.recusedSeatIds.includes(seatInStage.seatId));
  const actor: ProposalActor = {
    role: viewer.role,
    isAuthor: viewer.userId === loaded.row.authorId,
    isSubject: viewer.userId !== null && viewer.userId === loaded.row.subjectUserId,
    holdsSeatInStageBody: Boolean(seatInStage),
    isRecused,
    phase,
    emergencyMotionOpen: Boolean(type.emergency && (loaded.row.effect as { emergency?: boolean }).emergency && !loaded.row.emergencyApprovedAt),
    decidesByConsent: type.consent === true,
  };
  const actions = allowedProposalActions(actor);
  return { phase, actions, seatInStage, isRecused, actor };
}
