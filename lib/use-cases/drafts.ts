import 'server-only';
import type { Database, Executor } from '@/db/client';
import { getActiveCharter, listSeats } from '@/db/queries/charters';
import { roleOf } from '@/db/queries/member-lookups';
import { memberAttributesOf } from '@/db/queries/memberships';
import { listObjections } from '@/db/queries/objections';
import { extendStageClose, insertProposal, insertRevision, listRevisionTexts, updateProposal } from '@/db/queries/proposal-changes';
import { nextProposalNumber } from '@/db/queries/proposals';
import { latestRevisionNumber } from '@/db/queries/proposal-reads';
import { findSeat, lockOrganizationSeatRow } from '@/db/queries/seats';
import { findType } from '@/lib/governance/charter';
import { optionsProblem } from '@/lib/governance/choice';
import { consentCloseAfterRevision } from '@/lib/governance/consent';
import { addHours } from '@/lib/governance/time';
import { applyCharterAmendment } from '@/lib/governance/effects';
import { seatChangeAllowed } from '@/lib/governance/effects';
import { checkSeatReconciliation } from '@/lib/governance/reconcile';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { classifyRevision } from '@/lib/governance/revisions';
import { checkWeightChange } from '@/lib/governance/weights';
import { checkElectionDraft } from './elections';
import { defaultDeclaration, isClassSeat } from '@/lib/governance/seat-class';
import type { Charter, Phase } from '@/lib/governance/types';
import { extendForRevision } from '@/lib/governance/windows';
import { phaseParam } from '@/lib/governance/refusal-facts';
import { logProposalAct, textHash } from './actor';
import type { Actor, ProposalInHand } from './actor';
import { appointmentRefusal } from './appointments';
import { checkRatification } from './ratification';
import { checkRollCallRatification } from './roll-call-ratification';
import { enqueueFollowerNotice } from '@/lib/notify/follow-notices';
import { proposalForAct } from './proposal-act';
import { requireOrganizationWritable } from './writable';

export type DraftInput = {
  orgId: string;
  typeKey: string;
  title: string;
  body: string;
  subjectUserId: string | null;
  effect: Record<string, unknown>;
  emergency: boolean;
  /** A choice among options: the options (fixed at publication). Must be empty for a yes/no type. */
  options?: readonly string[];
};

export async function createDraft(db: Database, actor: Actor, input: DraftInput, at: Date): Promise<{ id: string; number: number }> {
  return db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    const charter = await getActiveCharter(tx, input.orgId);
    if (!charter) refuse('charter.missing');
    const type = charter!.document.proposalTypes.find((t) => t.key === input.typeKey);
    if (!type) refuse('proposal.type_unknown', undefined, 'typeKey');
    const typeName = type!.name.toLowerCase();
    if (type!.requiresSubject && !input.subjectUserId) refuse('proposal.subject_required', { type: typeName }, 'subjectUserId');
    if (!type!.requiresSubject && input.subjectUserId) refuse('proposal.subject_not_allowed', { type: typeName }, 'subjectUserId');
    if (input.subjectUserId && (await roleOf(tx, input.orgId, input.subjectUserId)) === null) refuse('proposal.subject_not_member', undefined, 'subjectUserId');
    if (input.emergency && !type!.emergency) refuse('proposal.emergency_not_allowed', { type: typeName }, 'emergency');
    const options = [...(input.options ?? [])];
    if (type!.method) {
      const problem = optionsProblem(options);
      if (problem) refuse('proposal.options_invalid', { reason: problem }, 'options');
    } else if (options.length > 0) refuse('proposal.options_not_allowed', { type: typeName }, 'options');
    const effectAdditions = await checkEffect(tx, input.orgId, charter!.document, type!.effect, input);
    if (input.effect.ratifies !== undefined) await checkRatification(tx, input.orgId, type!, input.emergency, input.effect.ratifies, at);
    if (input.effect.ratifiesRollCall !== undefined) await checkRollCallRatification(tx, input.orgId, type!, input.emergency, input.effect.ratifiesRollCall);
    // Serialize numbering per organization.
    await lockOrganizationSeatRow(tx, input.orgId);
    const number = await nextProposalNumber(tx, input.orgId);
    const row = await insertProposal(tx, {
      orgId: input.orgId,
      number,
      typeKey: type!.key,
      charterVersion: charter!.version,
      authorId: actor.userId,
      subjectUserId: input.subjectUserId,
      title: input.title,
      effect: { ...input.effect, ...effectAdditions, emergency: input.emergency },
      options,
      at,
    });
    await insertRevision(tx, {
      proposalId: row.id,
      revision: 1,
      title: input.title,
      body: input.body,
      changeNote: 'First draft',
      substantive: true,
      authorId: actor.userId,
      createdAt: at,
    });
    return row;
  });
}

/** What the proposal's effect names must exist and be allowed; returns what the effect records besides (a seat's class and declaration). */
async function checkEffect(tx: Executor, orgId: string, charter: Charter, effect: string, input: DraftInput): Promise<Record<string, unknown>> {
  const additions: Record<string, unknown> = {};
  if (effect === 'seat_appointment' || effect === 'seat_removal') {
    const seatId = typeof input.effect.seatId === 'string' ? input.effect.seatId : '';
    const seat = seatId ? await findSeat(tx, orgId, seatId, { forUpdate: false }) : null;
    if (!seat) refuse('appointment.seat_required', undefined, 'seatId');
    const appointee = typeof input.effect.appointeeUserId === 'string' ? input.effect.appointeeUserId : null;
    if (effect === 'seat_appointment' && (!appointee || (await roleOf(tx, orgId, appointee)) === null))
      refuse('appointment.appointee_required', undefined, 'appointeeUserId');
    const rule = seatChangeAllowed({
      effect,
      seat: { seatId: seat!.id, bodyKey: seat!.bodyKey, seatClass: seat!.seatClass, holderUserId: seat!.holderUserId, vacatedAt: seat!.vacatedAt },
      subjectUserId: input.subjectUserId,
      appointeeUserId: appointee,
      bodyKey: seat!.bodyKey,
      // One person, one seat per body is checked by appointmentRefusal below, which names the person and seat.
    });
    if (!rule.ok) refuseRule(rule, 'seatId');
    if (effect === 'seat_appointment') {
      // The appointment names the seat's class and the declaration the appointee will make.
      additions.seatClass = seat!.seatClass;
      additions.declaration = isClassSeat(seat!.seatClass)
        ? typeof input.effect.declaration === 'string' && input.effect.declaration.trim()
          ? input.effect.declaration.trim()
          : defaultDeclaration(seat!.seatClass)
        : null;
      const refusal = await appointmentRefusal(tx, orgId, charter, input.typeKey, { ...input.effect, ...additions }, { requireDeclaration: false });
      if (refusal) refuseRule(refusal, refusal.field);
    }
  }
  if (effect === 'seat_election') {
    // The election names its body and seat class; the seats and candidates are frozen when voting opens.
    const election = await checkElectionDraft(tx, orgId, charter, findType(charter, input.typeKey), input.effect);
    Object.assign(additions, election);
  }
  if (effect === 'membership_weight') {
    if (input.effect.weight === undefined) refuse('proposal.weight_required', undefined, 'newWeight');
    const subject = input.subjectUserId ? await memberAttributesOf(tx, orgId, input.subjectUserId, { forUpdate: false }) : null;
    const rule = checkWeightChange({ current: subject?.weight ?? null, proposed: input.effect.weight });
    if (!rule.ok) refuseRule(rule, rule.code === 'proposal.subject_not_member' ? 'subjectUserId' : 'newWeight');
  } else if (input.effect.weight !== undefined) {
    refuse('proposal.weight_not_allowed', { type: findType(charter, input.typeKey).name.toLowerCase() }, 'newWeight');
  }
  if (effect === 'charter_amendment') {
    const proposed = input.effect.proposedCharter as Charter | undefined;
    if (!proposed) refuse('amendment.charter_required', undefined, 'proposedCharter');
    const applied = applyCharterAmendment(charter, proposed!);
    if (!applied.ok) refuse('amendment.charter_invalid', { errors: applied.errors.join(' ') }, 'proposedCharter');
    const seatsRule = checkSeatReconciliation(proposed!, await listSeats(tx, orgId));
    if (!seatsRule.ok) refuseRule(seatsRule, 'proposedCharter');
  }
  return additions;
}

/**
 * The author revises the text before voting, or, for a decision by consent, while its objections
 * are open. The change itself decides whether it is substantive (a substantive revision of a
 * published proposal extends the comment window late in it). In a consent window every objection
 * still stands (only its objector withdraws it), a late revision moves the window's close later
 * (consentCloseAfterRevision), and the standing objectors hear of the revision. Returns the
 * revision's number and whether it counted as substantive.
 */
export async function reviseProposal(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; title: string; body: string; changeNote: string; substantive: boolean },
  at: Date,
): Promise<{ revision: number; substantive: boolean }> {
  return db.transaction(async (tx) => {
    const { p, phase } = await proposalForAct(tx, actor, input, 'edit', 'proposal.revise_not_allowed', at);
    const type = findType(p.charter, p.row.typeKey);
    // permissions.ts allows 'edit' in voting only for a decision by consent; asked again here, as a second lock.
    const window = phase.kind === 'voting' ? consentWindowInHand(p, phase, type.consent === true) : null;
    const revision = (await latestRevisionNumber(tx, p.row.id)) + 1;
    // The change itself decides; the author's "editorial only" tick can never make it less substantive.
    // Measured against the previous revision and against the last text readers were given time
    // for (the last substantive revision): small "editorial" steps cannot add up to a rewrite.
    const earlier = await listRevisionTexts(tx, p.row.id);
    const previous = earlier[0] ?? { title: '', body: '' };
    const baseline = earlier.find((r) => r.substantive) ?? previous;
    const next = { title: input.title, body: input.body };
    const step = classifyRevision(previous, next, input.substantive);
    const drift = classifyRevision(baseline, next);
    const reasons = [...new Set([...step.reasons, ...drift.reasons])];
    const classification = { substantive: reasons.length > 0, reasons };
    await insertRevision(tx, {
      proposalId: p.row.id,
      revision,
      title: input.title,
      body: input.body,
      changeNote: input.changeNote || null,
      substantive: classification.substantive,
      substantiveReasons: classification.reasons,
      authorMarkedEditorial: !input.substantive,
      authorId: actor.userId,
      createdAt: at,
    });
    let discussionClosesAt = p.row.discussionClosesAt;
    // The comment window is long closed during a consent window: only the window's own close can move.
    if (p.row.status === 'published' && discussionClosesAt && !window) {
      discussionClosesAt = extendForRevision({ discussionClosesAt, revisedAt: at, substantive: classification.substantive, type });
    }
    await updateProposal(tx, p.row.id, { title: input.title, discussionClosesAt, updatedAt: at });
    const opensAt = window ? p.stages.find((s) => s.stageIndex === window.stageIndex)?.opensAt : null;
    const scheduledClose = window && opensAt ? addHours(opensAt, type.stages[window.stageIndex]!.votingWindowHours) : undefined;
    const objections = window
      ? consentCloseAfterRevision({ closesAt: window.closesAt, revisedAt: at, type, ...(scheduledClose ? { scheduledClose } : {}) })
      : null;
    if (objections?.tooLate) refuse('proposal.revise_consent_fixed', { hours: type.lateRevisionWindowHours });
    if (window && objections?.extended) await extendStageClose(tx, p.row.id, window.stageIndex, objections.closesAt);
    const objectors = window ? await standingObjectorIds(tx, p, window.stageIndex) : [];
    if (p.row.status === 'published') {
      await logProposalAct(tx, actor, p.row, 'proposal.revised', at, {
        revision,
        substantive: classification.substantive,
        substantiveReasons: classification.reasons,
        authorMarkedEditorial: !input.substantive,
        textHash: textHash(`${input.title}\n\n${input.body}`),
        discussionClosesAt: discussionClosesAt?.toISOString() ?? null,
        extended: discussionClosesAt?.getTime() !== p.row.discussionClosesAt?.getTime(),
        // During a consent window: the window's close after this revision, whether it moved, and how many objections still stand.
        ...(window && objections
          ? {
              stageIndex: window.stageIndex,
              objectionsCloseAt: objections.closesAt.toISOString(),
              objectionsExtended: objections.extended,
              standingObjections: objectors.length,
            }
          : {}),
      });
      // Following: the proposal's followers hear of the revision; in a consent window so do the standing objectors.
      await enqueueFollowerNotice(tx, {
        proposal: { ...p.row, title: input.title },
        activity: 'revision',
        ref: String(revision),
        actorId: actor.userId,
        details: { revision, ...(objections ? { consent: true, closesAt: objections.closesAt.toISOString() } : {}) },
        alsoTo: objectors,
        at,
      });
    }
    return { revision, substantive: classification.substantive };
  });
}

/**
 * A revision in a consent window: the stage and its effective close, once the rules allow it — a
 * decision by consent whose close the worker has not recorded (`at` was read before the lock was
 * granted: the worker may have recorded the close meanwhile).
 */
function consentWindowInHand(p: ProposalInHand, phase: Extract<Phase, { kind: 'voting' }>, decidesByConsent: boolean) {
  if (!decidesByConsent) refuse('proposal.revise_not_allowed', phaseParam(phase));
  if (p.stages.find((s) => s.stageIndex === phase.stageIndex)?.closedRecordedAt) refuse('proposal.revise_window_closed');
  return { stageIndex: phase.stageIndex, closesAt: phase.closesAt };
}

/** The people whose objections stand at this stage now: not withdrawn, their seat not recused. */
async function standingObjectorIds(tx: Executor, p: ProposalInHand, stageIndex: number): Promise<string[]> {
  const recused = new Set(p.record.stages[stageIndex]?.recusedSeatIds ?? []);
  const rows = await listObjections(tx, p.row.id);
  return [...new Set(rows.filter((o) => o.stageIndex === stageIndex && o.withdrawnAt === null && !recused.has(o.seatId)).map((o) => o.objectorUserId))];
}
