import { consultsMembers, proposalAudience } from '@/lib/governance/audience';
import 'server-only';
import type { Database, Executor } from '@/db/client';
import { listSeats } from '@/db/queries/charters';
import { memberUserIds } from '@/db/queries/member-lookups';
import { appendLogEntry, lockLogHead } from '@/db/queries/log';
import { anyProposalPublished, insertStages, updateProposal } from '@/db/queries/proposal-changes';
import { latestRevisionNumber } from '@/db/queries/proposal-reads';
import { findBody, findType } from '@/lib/governance/charter';
import { checkFoundingClose, foundingStatus } from '@/lib/governance/founding';
import { refuseRule } from '@/lib/governance/refusal';
import { discussionClosesAtOnPublish } from '@/lib/governance/windows';
import { enqueueFoundingClosed, enqueuePublished } from '@/lib/notify/outbox';
import { logProposalAct } from './actor';
import type { Actor } from './actor';
import { appointmentRefusal } from './appointments';
import type { AppointmentEffect } from './appointments';
import { recipientListHash } from './notice';
import { checkElectionDraft } from './elections';
import { checkRatification } from './ratification';
import { checkRollCallRatification } from './roll-call-ratification';
import { proposalForAct } from './proposal-act';

/**
 * Publication: the comment window starts, every seat holder of every deciding body is noticed.
 * The organization's first publication also closes founding appointments (`founding.closed` is
 * logged and every member told); while seats are vacant it needs `confirmFoundingClose`. A
 * person's publish form always sends it (publishProposalSchema: ticked or not); callers without
 * a form (seeds, scripts, tests) leave it out and are not asked.
 */
export async function publishProposal(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; confirmFoundingClose?: boolean },
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { p } = await proposalForAct(tx, actor, input, 'publish', 'proposal.publish_not_allowed', at);
    const type = findType(p.charter, p.row.typeKey);
    if (type.effect === 'seat_appointment') {
      // The seats may have changed since the draft: the appointee may have taken another seat of the body.
      const refusal = await appointmentRefusal(tx, input.orgId, p.charter, p.row.typeKey, p.row.effect as AppointmentEffect, { requireDeclaration: false });
      if (refusal) refuseRule(refusal);
    }
    // An election's seats may have been filled since the draft: it needs a vacancy it may fill.
    if (type.effect === 'seat_election') await checkElectionDraft(tx, input.orgId, p.charter, type, p.row.effect);
    // Founding appointments close with the first publication. The log head is locked before the
    // check, so a concurrent first publication (or founding appointment) queues and sees this one.
    await lockLogHead(tx, input.orgId);
    const allSeats = await listSeats(tx, input.orgId);
    const founding = foundingStatus({ anyProposalPublished: await anyProposalPublished(tx, input.orgId), seats: allSeats });
    const closing = checkFoundingClose({ founding, confirmed: input.confirmFoundingClose !== false });
    if (!closing.ok) refuseRule(closing, 'confirmFoundingClose');
    const emergency = Boolean((p.row.effect as { emergency?: boolean }).emergency);
    const ratifies = (p.row.effect as { ratifies?: unknown }).ratifies;
    if (ratifies !== undefined) await checkRatification(tx, input.orgId, type, emergency, ratifies, at);
    const ratifiesRollCall = (p.row.effect as { ratifiesRollCall?: unknown }).ratifiesRollCall;
    if (ratifiesRollCall !== undefined) await checkRollCallRatification(tx, input.orgId, type, emergency, ratifiesRollCall);
    // An emergency proposal starts with the normal window; only a recorded supermajority motion
    // of the deciding body's seat holders (backEmergencyMotion) can shorten it.
    const discussionClosesAt = discussionClosesAtOnPublish(type, at, false);
    const { seatHolders, members, recipients } = proposalAudience(type, allSeats, consultsMembers(type) ? await memberUserIds(tx, input.orgId) : []);
    await updateProposal(tx, p.row.id, {
      status: 'published',
      publishedAt: at,
      discussionClosesAt,
      noticeRecipients: recipients.length,
      noticeSeatHolders: seatHolders.length,
      updatedAt: at,
    });
    await insertStages(
      tx,
      type.stages.map((s, i) => ({ proposalId: p.row.id, stageIndex: i, bodyKey: s.bodyKey, charterSeats: findBody(p.charter, s.bodyKey).charterSeats })),
    );
    // Logged just before the publication that closes it.
    if (founding.open) await closeFounding(tx, actor, { orgId: input.orgId, number: p.row.number, title: p.row.title, vacantSeats: founding.vacantSeats }, at);
    const revision = await latestRevisionNumber(tx, p.row.id);
    await logProposalAct(tx, actor, p.row, 'proposal.published', at, {
      typeKey: type.key,
      title: p.row.title,
      revision,
      charterVersion: p.row.charterVersion,
      subjectUserId: p.row.subjectUserId,
      discussionClosesAt: discussionClosesAt.toISOString(),
      emergencyRequested: emergency,
      // A choice among options: what is put to the vote, fixed from here on.
      ...(type.method ? { method: type.method, options: p.row.options } : {}),
      // A seat election: the seats it fills (its candidates are frozen when voting opens).
      ...(type.election ? { election: { rule: type.election.rule, ...(p.row.effect as { bodyKey?: string; seatClass?: string }) } } : {}),
      notice: { seatHolders: seatHolders.length, recipients: recipients.length, recipientListHash: recipientListHash(recipients) },
    });
    // The notices the log entry just counted and hashed, in the same transaction (docs/design.md §6).
    await enqueuePublished(tx, {
      id: p.row.id,
      orgId: input.orgId,
      number: p.row.number,
      title: p.row.title,
      typeKey: type.key,
      subjectUserId: p.row.subjectUserId,
      discussionClosesAt,
      charter: p.charter,
      seatHolders,
      members,
      at,
    });
  });
}

/** The first publication closed founding appointments: logged with the seats still vacant, and every member told, in the publication's transaction. */
async function closeFounding(tx: Executor, actor: Actor, p: { orgId: string; number: number; title: string; vacantSeats: number }, at: Date): Promise<void> {
  await appendLogEntry(tx, {
    orgId: p.orgId,
    actorId: actor.userId,
    kind: 'founding.closed',
    subject: `organization:${p.orgId}`,
    payload: { vacantSeats: p.vacantSeats, firstProposal: p.number },
    at,
  });
  await enqueueFoundingClosed(tx, { ...p, at });
}
