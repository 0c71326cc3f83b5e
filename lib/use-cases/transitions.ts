import 'server-only';
import type { Database, Executor } from '@/db/client';
import { charterDocumentHash } from '@/db/queries/charters';
import { appendLogEntry, lockLogHead } from '@/db/queries/log';
import { hasLogEntry } from '@/db/queries/log-lookups';
import { lockProposalSkipLocked, recordStageTally, updateProposal } from '@/db/queries/proposal-changes';
import { listOpenProposalIds } from '@/db/queries/proposals';
import { listObjections } from '@/db/queries/objections';
import { withMemberBallots, withRollEntries } from '@/db/queries/rolls';
import { stageRollCall } from '@/db/queries/votes';
import { emergencyStatus } from '@/lib/governance/emergency';
import { proposalPhase, stageOutcomes } from '@/lib/governance/phase';
import { findType } from '@/lib/governance/charter';
import { countedChoiceBallots } from '@/lib/governance/choice';
import { countChoice, countWeightedChoice } from '@/lib/governance/choice-count';
import { delegationDepth, memberChoiceTally } from '@/lib/governance/member-vote';
import { countingMethodOf } from '@/lib/governance/election';
import { standingObjections } from '@/lib/governance/consent';
import type { ChoiceMethodSpec, TallyResult } from '@/lib/governance/types';
import { enqueueFollowerNotice } from '@/lib/notify/follow-notices';
import { enqueueDecision } from '@/lib/notify/outbox';
import { loadOrRefuse } from './actor';
import type { ProposalInHand } from './actor';
import { applyEffect } from './apply-effect';
import { openVoting } from './open-voting';
import { discloseMemberStage } from './member-close';
import { publishReceipts } from './receipts-at-close';
import { enqueueLapsed } from './ratification';

/** The proposal as the outcome's notices name it. */
function noticeSubject(p: ProposalInHand, orgId: string) {
  return { id: p.row.id, orgId, number: p.row.number, title: p.row.title, typeKey: p.row.typeKey, charter: p.charter };
}

/**
 * The worker's step for one proposal: records in the log, exactly once each, what time has
 * made true — the comment window closed, voting opened, a stage closed with its tally, the
 * outcome and its effect. Locks the proposal row (SKIP LOCKED), so several workers can run.
 */
export async function recordTransitions(db: Database, proposalId: string, orgId: string, at: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    if (!(await lockProposalSkipLocked(tx, proposalId))) return [];
    const done: string[] = [];
    for (let guard = 0; guard < 8; guard++) {
      // A member-wide stage's ballots (up to the whole roll's) are read only at its close, below; once recorded, its tally is read back.
      const p = await loadOrRefuse(tx, orgId, proposalId, { withoutMemberBallots: true });
      const subject = `proposal:${p.row.id}`;
      const phase = proposalPhase(p.record, p.charter, at);
      if (p.row.status !== 'published') break;
      if (p.row.discussionClosesAt && at >= p.row.discussionClosesAt && !(await hasLogEntry(tx, orgId, subject, 'proposal.discussion_closed'))) {
        await appendLogEntry(tx, {
          orgId,
          actorId: null,
          kind: 'proposal.discussion_closed',
          subject,
          payload: { number: p.row.number, closedAt: p.row.discussionClosesAt.toISOString() },
          at,
        });
        done.push('discussion_closed');
        continue;
      }
      const closable = p.stages.find((s) => s.closesAt && at >= s.closesAt && !s.closedRecordedAt);
      if (closable) {
        // A member-wide stage is counted from its roll and its ballots, read now (phase.ts); its ballots once, with their roll call.
        await withRollEntries(tx, p.row.id, p.record, p.stages, at);
        const memberRollCall = p.record.stages[closable.stageIndex]?.roll ? await withMemberBallots(tx, p.row.id, p.record, closable.stageIndex) : null;
        // stageOutcomes tallies only ballots inside the stage's window, as the pure rules define it.
        const outcome = stageOutcomes(p.record, p.charter, at)[closable.stageIndex];
        let tally: TallyResult | null = outcome?.tally ?? null;
        if (!tally) throw new Error(`stage ${closable.stageIndex} of proposal ${p.row.id} closed without a tally`);
        // The roll call discloses each current ballot's choice, the nonce that opens its commitment
        // and its rationale, promised public after close. Anyone can then check each against its
        // `ballot.cast` entry. A secret ballot discloses only that the seat voted.
        let rollCall: Record<string, unknown>[] = memberRollCall ?? (await stageRollCall(tx, p.row.id, closable.stageIndex));
        const type = findType(p.charter, p.row.typeKey);
        // A seat election counts with its rule and the seats frozen when voting opened.
        const method = countingMethodOf(type, p.row.effect);
        // A decision by consent has no ballots: its close names the objections that stood instead.
        const consent = type.consent ? { objections: await objectionsAtClose(tx, p, closable.stageIndex, outcome!) } : {};
        const roll = p.record.stages[closable.stageIndex]?.roll?.entries ?? null;
        let counted: CountedBallot[] = [];
        if (method) {
          ({ tally, counted } = await countAtClose(tx, orgId, p, closable.stageIndex, method, tally, outcome!));
          rollCall = rollCall.map((b) => ({ voteId: b.voteId, seatId: b.seatId, voterUserId: b.voterUserId, choice: b.choice }));
        }
        // A member-wide stage publishes its roll as snapshotted and its roll call as an attachment the entry names by hash (member-close.ts).
        const members = roll
          ? { members: await discloseMemberStage(tx, { orgId, proposalId: p.row.id, stage: closable, type, roll, rollCall, at }) }
          : { rollCall };
        await recordStageTally(tx, p.row.id, closable.stageIndex, tally, at);
        await appendLogEntry(tx, {
          orgId,
          actorId: null,
          kind: 'voting.closed',
          subject,
          payload: {
            number: p.row.number,
            stageIndex: closable.stageIndex,
            bodyKey: closable.bodyKey,
            tally,
            ...consent,
            ...members,
            ...(await charterReference(tx, orgId, p.row.charterVersion)),
          },
          at,
        });
        // A secret ballot's receipts: the counted ballots again, each with its receipt, no voter.
        await publishReceipts(tx, { orgId, proposalId: p.row.id, number: p.row.number, stageIndex: closable.stageIndex, counted, at });
        done.push(`stage_${closable.stageIndex}_closed`);
        continue;
      }
      if (phase.kind === 'ready_for_voting' && (await openVoting(tx, null, p, phase.stageIndex, at))) {
        done.push(`stage_${phase.stageIndex}_opened`);
        continue;
      }
      if ((phase.kind === 'passed' || phase.kind === 'rejected' || phase.kind === 'failed_quorum') && p.row.outcome === null) {
        await updateProposal(tx, p.row.id, { outcome: phase.kind, outcomeRecordedAt: at, updatedAt: at });
        await appendLogEntry(tx, {
          orgId,
          actorId: null,
          kind: 'proposal.decided',
          subject,
          payload: { number: p.row.number, outcome: phase.kind, ...(await charterReference(tx, orgId, p.row.charterVersion)) },
          at,
        });
        const lastTally = [...p.stages].reverse().find((st) => st.tally)?.tally ?? null;
        await enqueueDecision(tx, {
          ...noticeSubject(p, orgId),
          outcome: phase.kind,
          tally: lastTally,
          at,
        });
        // Following: followers the decision notice did not reach hear of it too.
        const decided = { proposal: p.row, activity: 'decided' as const, ref: phase.kind, actorId: null, details: { outcome: phase.kind } };
        await enqueueFollowerNotice(tx, { ...decided, alsoNotifiedBy: `decided:${p.row.id}`, at });
        if (phase.kind === 'passed') await applyEffect(tx, p, at);
        done.push(phase.kind);
        continue;
      }
      if (phase.kind === 'lapsed' && p.row.outcome === 'passed') {
        await updateProposal(tx, p.row.id, { outcome: 'lapsed', outcomeRecordedAt: at, updatedAt: at });
        await appendLogEntry(tx, {
          orgId,
          actorId: null,
          kind: 'proposal.lapsed',
          subject,
          payload: { number: p.row.number, reason: 'Emergency decision not ratified in time.' },
          at,
        });
        await enqueueLapsed(tx, {
          ...noticeSubject(p, orgId),
          deadline: emergencyStatus(p.record, p.charter, at).deadline,
          at,
        });
        done.push('lapsed');
        continue;
      }
      break;
    }
    return done;
  });
}

/**
 * The charter a decision was taken under, as the log names it: the version the proposal ran
 * under and that version's stored document hash, which the verifier matches against the entry
 * that adopted the version.
 */
async function charterReference(tx: Executor, orgId: string, version: number): Promise<{ charterVersion: number; charterDocumentHash: string }> {
  const documentHash = await charterDocumentHash(tx, orgId, version);
  if (documentHash === null) throw new Error(`charter version ${version} missing`);
  return { charterVersion: version, charterDocumentHash: documentHash };
}

/** A counted secret ballot as its receipt list publishes it: a member-wide one with the weight it carried. */
type CountedBallot = { receipt?: string | null; preferences: readonly number[]; weight?: number };

/**
 * A choice among options, at its close: the counted ballots (current, inside the window, not
 * recused) without their voters, counted by the type's method, with lots drawn from the log
 * head's hash as it stands before the close is recorded — public, and fixed before anyone could
 * know it would decide a tie. The count goes into the tally, so the close's log entry publishes
 * the ballots and the result together; the counted ballots come back for their receipt list.
 */
async function countAtClose(
  tx: Executor,
  orgId: string,
  p: ProposalInHand,
  stageIndex: number,
  method: ChoiceMethodSpec,
  tally: TallyResult,
  outcome: { opensAt: Date | null; closesAt: Date | null },
): Promise<{ tally: TallyResult; counted: CountedBallot[] }> {
  const stage = p.record.stages[stageIndex]!;
  const window = { opensAt: outcome.opensAt!, closesAt: outcome.closesAt! };
  // A member-wide stage counts each voter's ballot with the weight it carries (their own and their
  // delegators'); each comes back once, with its receipt and that weight, for the receipt list.
  if (stage.roll?.entries) {
    const type = findType(p.charter, p.row.typeKey);
    const weighed = memberChoiceTally({
      roll: stage.roll.entries,
      ballots: stage.choiceBallots ?? [],
      window,
      stage: type.stages[stageIndex]!,
      maxDepth: delegationDepth(type),
      methodKey: method.key,
    }).weighed;
    if (weighed.length === 0) return { tally: { ...tally, choice: { method: method.key } }, counted: [] };
    const head = await lockLogHead(tx, orgId);
    const counted = weighed.map((w) => ({ receipt: w.receipt, preferences: w.preferences, weight: w.count }));
    return { tally: { ...tally, choice: { method: method.key, count: countWeightedChoice(method, p.row.options, head.headHash, weighed) } }, counted };
  }
  const counted = countedChoiceBallots(stage.choiceBallots ?? [], stage.recusedSeatIds, window);
  if (counted.length === 0) return { tally: { ...tally, choice: { method: method.key } }, counted };
  const head = await lockLogHead(tx, orgId);
  const count = countChoice(
    method,
    p.row.options,
    head.headHash,
    counted.map((b) => b.preferences),
  );
  return { tally: { ...tally, choice: { method: method.key, count } }, counted };
}

/**
 * The objections standing at a consent stage's close, as its `voting.closed` entry publishes
 * them: seat, objector and reason, oldest first — the same ones the pure rules counted.
 */
async function objectionsAtClose(
  tx: Executor,
  p: ProposalInHand,
  stageIndex: number,
  outcome: { opensAt: Date | null; closesAt: Date | null },
): Promise<{ seatId: string; objectorUserId: string; reason: string; raisedAt: string }[]> {
  const stage = p.record.stages[stageIndex]!;
  const rows = (await listObjections(tx, p.row.id)).filter((o) => o.stageIndex === stageIndex);
  return standingObjections(rows, outcome.opensAt!, outcome.closesAt!, stage.recusedSeatIds)
    .sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a.id.localeCompare(b.id))
    .map((o) => ({ seatId: o.seatId, objectorUserId: o.objectorUserId, reason: o.reason, raisedAt: o.raisedAt.toISOString() }));
}

/** One pass of the worker over every open proposal. */
export async function runTransitions(db: Database, at: Date): Promise<number> {
  const open = await listOpenProposalIds(db);
  let changes = 0;
  for (const { id, orgId } of open) changes += (await recordTransitions(db, id, orgId, at)).length;
  return changes;
}
