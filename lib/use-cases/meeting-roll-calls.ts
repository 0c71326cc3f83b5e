import 'server-only';
import type { Database, Executor } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { answerVote, insertRollCall, lockOwnVote, lockRollCall, nextRollCallNumber } from '@/db/queries/meeting-roll-calls';
import type { RollCallRow } from '@/db/queries/meeting-roll-calls';
import { attendanceOf, lockMeeting, meetingNoticeFates } from '@/db/queries/meetings';
import type { MeetingRow } from '@/db/queries/meetings';
import { seatHoldersOfBody } from '@/db/queries/petitions';
import { getUserName } from '@/db/queries/users';
import type { AttendanceStatus } from '@/lib/governance/meeting';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import {
  answerDeadline,
  checkAnswerVote,
  checkRecordRollCall,
  irregularNow,
  rollCallOutcome,
  rollCallRulesOf,
  rollCallStanding,
} from '@/lib/governance/roll-call';
import type { RollCallVote, VoteEntry } from '@/lib/governance/roll-call';
import { enqueueNotice, mergeRecipients } from '@/lib/notify/outbox';
import type { RollCallNotice } from '@/lib/notify/payload';
import type { Actor } from './actor';
import { personName } from './actor';
import { requireOrganizationWritable } from './writable';
import { proposalItemText } from '@/lib/governance/proposal-item';

/** Whether the meeting is irregular now: short notice, or a notice that did not reach every seat holder (meeting.ts). */
export async function meetingIrregularNow(tx: Executor, m: MeetingRow): Promise<boolean> {
  return irregularNow(m, (await meetingNoticeFates(tx, m.orgId)).get(m.id));
}

/**
 * The roll-call notice to every seat holder of the meeting's body (mandatory: kinds.ts says why). It carries the
 * standing and the count as facts, which each notice words in its reader's language (not the rules' English lines).
 */
export async function enqueueRollCallNotice(
  tx: Executor,
  p: {
    m: MeetingRow;
    rollCall: RollCallRow;
    key: string;
    bodyName: string;
    notice: Omit<RollCallNotice, 'meetingNumber' | 'number' | 'motion' | 'proposalNumber' | 'standing' | 'outcome'>;
    at: Date;
  },
): Promise<number> {
  const holders = await seatHoldersOfBody(tx, p.m.orgId, p.m.bodyKey);
  return enqueueNotice(tx, {
    orgId: p.m.orgId,
    key: p.key,
    kind: 'meeting_roll_call',
    payload: {
      title: p.m.title,
      bodyName: p.bodyName,
      rollCall: { meetingNumber: p.m.number, number: p.rollCall.number, motion: p.rollCall.motion, proposalNumber: p.rollCall.proposalNumber, ...p.notice },
    },
    recipients: mergeRecipients(holders, []),
    at: p.at,
  });
}

export type RollCallInput = {
  orgId: string;
  meetingId: string;
  /** The agenda item it decides (1-based), or null for a free-text motion. */
  agendaItem: number | null;
  /** The motion's words; blank with an agenda item: the item's text. */
  motion: string;
  votes: VoteEntry[];
};

/**
 * The secretary (or an admin) records a roll call, once the meeting has started: each seat holder's
 * vote; seat holders not listed are absent. Counted against the body's charter seats by the
 * charter's rules (roll-call.ts), copied onto the row. Logs `meeting.roll_call_recorded` with every
 * vote and the outcome, and tells every seat holder, in the same transaction. It is a resolution of
 * the body: no proposal, seat or charter changes.
 */
export async function recordRollCall(
  db: Database,
  actor: Actor,
  input: RollCallInput,
  at: Date,
): Promise<{ number: number; meetingNumber: number; carried: boolean; held: boolean }> {
  return db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const m = await lockMeeting(tx, input.orgId, input.meetingId);
    if (!m) refuse('meeting.not_found');
    const charter = await getActiveCharter(tx, input.orgId);
    const bodyName = charter?.document.bodies.find((b) => b.key === m!.bodyKey)?.name ?? m!.bodyKey;
    const holders = await seatHoldersOfBody(tx, input.orgId, m!.bodyKey);
    const attendance = new Map((await attendanceOf(tx, m!.id)).flatMap((a) => (a.userId ? [[a.userId, a.status as AttendanceStatus] as const] : [])));
    const names = new Map<string, string>();
    for (const v of input.votes) names.set(v.userId, await personName(tx, v.userId));
    const rule = checkRecordRollCall(m!, {
      role: actor.role,
      at,
      votes: input.votes,
      seatHolders: holders,
      attendance,
      name: (id) => names.get(id) ?? id,
      bodyName,
    });
    if (!rule.ok) refuseRule(rule, rule.code === 'roll_call.not_authorized' || rule.code === 'roll_call.not_started' ? undefined : 'votes');
    const item = input.agendaItem === null ? null : m!.agenda[input.agendaItem - 1];
    if (input.agendaItem !== null && !item) refuse('roll_call.unknown_agenda_item', { item: input.agendaItem }, 'agendaItem');
    const motion = input.motion || (item ? (item.kind === 'proposal' ? proposalItemText(item.number, item.title) : item.text) : '');
    if (!motion) refuse('roll_call.motion_required', undefined, 'motion');
    // Every seat holder is in the roll: those not listed are absent.
    const given = new Map(input.votes.map((v) => [v.userId, v.vote]));
    const votes = holders.map((userId) => ({ userId, vote: given.get(userId) ?? ('absent' as RollCallVote) }));
    const rules = rollCallRulesOf(charter?.document ?? { bodies: [], proposalTypes: [] }, m!.bodyKey);
    const outcome = rollCallOutcome(
      votes.map((v) => v.vote),
      rules,
    );
    const irregular = await meetingIrregularNow(tx, m!);
    const number = await nextRollCallNumber(tx, m!.id);
    const rollCall = await insertRollCall(
      tx,
      {
        meetingId: m!.id,
        number,
        motion,
        agendaItem: input.agendaItem,
        proposalNumber: item?.kind === 'proposal' ? item.number : null,
        charterSeats: rules.charterSeats,
        quorum: rules.quorum,
        majority: rules.majority,
        answerDays: rules.answerDays,
        carried: outcome.carried,
        irregularAtRecord: irregular,
        recordedBy: actor.userId,
        recordedAt: at,
      },
      votes,
    );
    const held = rollCallStanding({ carried: outcome.carried, meetingIrregular: irregular, ratifiedAt: null }) === 'held';
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'meeting.roll_call_recorded',
      subject: `meeting:${m!.id}`,
      payload: {
        number: m!.number,
        rollCall: number,
        rollCallId: rollCall.id,
        motion,
        agendaItem: input.agendaItem,
        proposalNumber: rollCall.proposalNumber,
        votes,
        yes: outcome.yes,
        no: outcome.no,
        abstain: outcome.abstain,
        absent: outcome.absent,
        charterSeats: rules.charterSeats,
        quorum: rules.quorum,
        majority: rules.majority,
        quorumMet: outcome.quorumMet,
        carried: outcome.carried,
        irregular,
        held,
        answerBy: answerDeadline(at, rules.answerDays).toISOString(),
      },
      at,
    });
    const standing = rollCallStanding({ carried: outcome.carried, meetingIrregular: irregular, ratifiedAt: null });
    await enqueueRollCallNotice(tx, {
      m: m!,
      rollCall,
      key: `roll-call:${rollCall.id}:recorded`,
      bodyName,
      notice: {
        event: 'recorded',
        standingCode: standing,
        counts: outcome,
        answerBy: answerDeadline(at, rules.answerDays).toISOString(),
      },
      at,
    });
    return { number, meetingNumber: m!.number, carried: outcome.carried, held };
  });
}

/**
 * A seat holder confirms or disputes THEIR OWN recorded vote, within the roll call's answer
 * period; logged under their name. A dispute (with its note) is public on the meeting page and
 * every seat holder is told of it.
 */
export async function answerRollCallVote(
  db: Database,
  actor: Actor,
  input: { orgId: string; meetingId: string; rollCallId: string; answer: 'confirmed' | 'disputed'; note: string | null },
  at: Date,
): Promise<{ number: number; meetingNumber: number; answer: 'confirmed' | 'disputed' }> {
  return db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const m = await lockMeeting(tx, input.orgId, input.meetingId);
    if (!m) refuse('meeting.not_found');
    const found = await lockRollCall(tx, input.orgId, input.rollCallId);
    if (!found || found.meeting.id !== m!.id) refuse('roll_call.not_found');
    const rollCall = found!.rollCall;
    const own = await lockOwnVote(tx, rollCall.id, actor.userId);
    const rule = checkAnswerVote({ hasVote: own !== null, recordedAt: rollCall.recordedAt, answerDays: rollCall.answerDays, at });
    if (!rule.ok) refuseRule(rule);
    const note = input.answer === 'disputed' ? input.note : null;
    await answerVote(tx, own!.id, input.answer, note, at);
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: input.answer === 'confirmed' ? 'meeting.roll_call_vote_confirmed' : 'meeting.roll_call_vote_disputed',
      subject: `meeting:${m!.id}`,
      payload: { number: m!.number, rollCall: rollCall.number, rollCallId: rollCall.id, vote: own!.vote, ...(note ? { note } : {}) },
      at,
    });
    if (input.answer === 'disputed') {
      const charter = await getActiveCharter(tx, input.orgId);
      const irregular = await meetingIrregularNow(tx, m!);
      const voterName = (await getUserName(tx, actor.userId))?.name?.trim();
      await enqueueRollCallNotice(tx, {
        m: m!,
        rollCall,
        key: `roll-call:${rollCall.id}:disputed:${actor.userId}:${at.getTime()}`,
        bodyName: charter?.document.bodies.find((b) => b.key === m!.bodyKey)?.name ?? m!.bodyKey,
        notice: {
          event: 'disputed',
          standingCode: rollCallStanding({ carried: rollCall.carried, meetingIrregular: irregular, ratifiedAt: rollCall.ratifiedAt }),
          // A name only, never an e-mail address; none: the notice says "A seat holder" in its reader's language.
          ...(voterName ? { voterName } : {}),
          note,
        },
        at,
      });
    }
    return { number: rollCall.number, meetingNumber: m!.number, answer: input.answer };
  });
}
