import 'server-only';
import type { Executor } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { lockRollCall, markRollCallRatified } from '@/db/queries/meeting-roll-calls';
import { canRatifyWith } from '@/lib/governance/emergency';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { canRatifyRollCall } from '@/lib/governance/roll-call';
import type { ProposalTypeSpec } from '@/lib/governance/types';
import type { ProposalInHand } from './actor';
import { enqueueRollCallNotice, meetingIrregularNow } from './meeting-roll-calls';

/*
 * A motion carried at an irregular meeting is held until a proposal passed by the normal
 * procedure ratifies it — the mechanism of emergency ratification (ratification.ts), mirrored: the
 * proposal names the roll call in its effect (`ratifiesRollCall`), the target is checked at
 * draft, at publication and again when the proposal passes, and the ratification has its own log
 * entry (`meeting.roll_call_ratified`).
 */

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function target(tx: Executor, orgId: string, rollCallId: unknown) {
  return typeof rollCallId === 'string' && uuidShape.test(rollCallId) ? await lockRollCall(tx, orgId, rollCallId) : null;
}

/** Checked at draft and at publication: a normal (not emergency) proposal naming a held motion of this organization. */
export async function checkRollCallRatification(
  tx: Executor,
  orgId: string,
  type: ProposalTypeSpec,
  emergencyRequested: boolean,
  rollCallId: unknown,
): Promise<void> {
  const normal = canRatifyWith(type, emergencyRequested);
  if (!normal.ok) refuseRule(normal, 'ratifiesRollCallId');
  const t = await target(tx, orgId, rollCallId);
  if (!t) refuse('roll_call.ratify_target_required', undefined, 'ratifiesRollCallId');
  const rule = canRatifyRollCall({
    carried: t!.rollCall.carried,
    ratifiedAt: t!.rollCall.ratifiedAt,
    meetingIrregular: await meetingIrregularNow(tx, t!.meeting),
  });
  if (!rule.ok) refuseRule(rule, 'ratifiesRollCallId');
}

/**
 * When the ratifying proposal passes (in the transaction that records it): re-checked at this
 * instant; the motion is ratified and logged, and every seat holder of the body told — or the log
 * says why nothing was.
 */
export async function ratifyRollCall(tx: Executor, p: ProposalInHand, type: ProposalTypeSpec, rollCallId: unknown, at: Date): Promise<void> {
  const orgId = p.row.orgId;
  const t = await target(tx, orgId, rollCallId);
  const normal = canRatifyWith(type, Boolean((p.row.effect as { emergency?: boolean }).emergency));
  const rule = !t
    ? { ok: false as const, reason: 'The motion named for ratification does not exist in this organization.' }
    : !normal.ok
      ? normal
      : canRatifyRollCall({ carried: t.rollCall.carried, ratifiedAt: t.rollCall.ratifiedAt, meetingIrregular: await meetingIrregularNow(tx, t.meeting) });
  if (!rule.ok || !t) {
    await appendLogEntry(tx, {
      orgId,
      actorId: null,
      kind: 'meeting.roll_call_ratification_refused',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, rollCallId: typeof rollCallId === 'string' ? rollCallId : null, reason: rule.ok ? 'unknown' : rule.reason },
      at,
    });
    return;
  }
  await markRollCallRatified(tx, t.rollCall.id, p.row.id, at);
  await appendLogEntry(tx, {
    orgId,
    actorId: null,
    kind: 'meeting.roll_call_ratified',
    subject: `meeting:${t.meeting.id}`,
    payload: { number: t.meeting.number, rollCall: t.rollCall.number, rollCallId: t.rollCall.id, byProposalNumber: p.row.number, byProposalId: p.row.id },
    at,
  });
  const charter = await getActiveCharter(tx, orgId);
  await enqueueRollCallNotice(tx, {
    m: t.meeting,
    rollCall: t.rollCall,
    key: `roll-call:${t.rollCall.id}:ratified`,
    bodyName: charter?.document.bodies.find((b) => b.key === t.meeting.bodyKey)?.name ?? t.meeting.bodyKey,
    notice: { event: 'ratified', standingCode: 'ratified', byProposalNumber: p.row.number },
    at,
  });
}
