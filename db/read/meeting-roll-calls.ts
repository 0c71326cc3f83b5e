import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { getDb } from '@/db/client';
import { rollCallsOf, unratifiedCarriedRollCalls } from '@/db/queries/meeting-roll-calls';
import { meetingNoticeFates } from '@/db/queries/meetings';
import { proposals } from '@/db/schema';
import { ratioText } from '@/lib/governance/charter';
import {
  answerDeadline,
  irregularNow,
  outcomePart,
  outcomeText,
  rollCallOutcome,
  rollCallStanding,
  standingPart,
  standingText,
} from '@/lib/governance/roll-call';
import type { RollCallOutcome, RollCallStanding, RollCallVote } from '@/lib/governance/roll-call';
import type { RulePart } from '@/lib/governance/rule-parts';
import type { Ratio } from '@/lib/governance/types';

export type RollCallView = {
  id: string;
  number: number;
  motion: string;
  /** The agenda item it decided (1-based), and the proposal that item lists: the roll call never changed that proposal. */
  agendaItem: number | null;
  proposalNumber: number | null;
  recordedAt: Date;
  answerBy: Date;
  outcome: RollCallOutcome;
  /** The outcome, majority and standing in English (the API's), and as parts and a ratio for the pages to say in the reader's language. */
  outcomeText: string;
  outcomePart: RulePart;
  majorityText: string;
  majority: Ratio;
  standing: RollCallStanding;
  standingText: string;
  standingPart: RulePart;
  ratifiedAt: Date | null;
  ratifiedByProposalNumber: number | null;
  disputes: number;
  votes: { userId: string | null; name: string; vote: RollCallVote; answer: 'confirmed' | 'disputed' | null; disputeNote: string | null }[];
};

/**
 * A meeting's roll calls: the motion, each person's vote (names only, never an address) with
 * their confirmation or dispute, the outcome by the rules copied when it was recorded, and where
 * it stands (held while the meeting is irregular and it is not ratified). Minutes may include these.
 */
export async function loadMeetingRollCalls(meetingId: string, meetingIrregular: boolean, db: Executor = getDb()): Promise<RollCallView[]> {
  const calls = await rollCallsOf(db, meetingId);
  const ratifiers = calls.flatMap((c) => (c.ratifiedByProposalId ? [c.ratifiedByProposalId] : []));
  const numbers =
    ratifiers.length > 0
      ? new Map(
          (await db.select({ id: proposals.id, number: proposals.number }).from(proposals).where(inArray(proposals.id, ratifiers))).map((r) => [
            r.id,
            r.number,
          ]),
        )
      : new Map<string, number>();
  return calls.map((c) => {
    const outcome = rollCallOutcome(
      c.votes.map((v) => v.vote),
      c,
    );
    const standing = rollCallStanding({ carried: c.carried, meetingIrregular, ratifiedAt: c.ratifiedAt });
    return {
      id: c.id,
      number: c.number,
      motion: c.motion,
      agendaItem: c.agendaItem,
      proposalNumber: c.proposalNumber,
      recordedAt: c.recordedAt,
      answerBy: answerDeadline(c.recordedAt, c.answerDays),
      // The outcome as recorded; the votes re-counted for the figures (the same rules, copied onto the row).
      outcome: { ...outcome, carried: c.carried },
      outcomeText: outcomeText(outcome),
      outcomePart: outcomePart(outcome),
      majorityText: ratioText(c.majority),
      majority: c.majority,
      standing,
      standingText: standingText(standing),
      standingPart: standingPart(standing),
      ratifiedAt: c.ratifiedAt,
      ratifiedByProposalNumber: c.ratifiedByProposalId ? (numbers.get(c.ratifiedByProposalId) ?? null) : null,
      disputes: c.votes.filter((v) => v.answer === 'disputed').length,
      votes: c.votes.map((v) => ({ userId: v.userId, name: v.name ?? 'A seat holder', vote: v.vote, answer: v.answer, disputeNote: v.disputeNote })),
    };
  });
}

export type HeldMotion = {
  id: string;
  meetingNumber: number;
  meetingTitle: string;
  number: number;
  motion: string;
  /** The proposal the roll call's agenda item lists, if any: a motion taken from it reads in the reader's language. */
  proposalNumber: number | null;
};

/** Motions carried at an irregular meeting and not yet ratified: held, not in effect (the organization page, the new-proposal form). */
export async function listHeldMotions(orgId: string, db: Executor = getDb()): Promise<HeldMotion[]> {
  const rows = await unratifiedCarriedRollCalls(db, orgId);
  if (rows.length === 0) return [];
  const fates = await meetingNoticeFates(db, orgId);
  return rows
    .filter(({ meeting: m }) => irregularNow(m, fates.get(m.id)))
    .map(({ rollCall: r, meeting: m }) => ({
      id: r.id,
      meetingNumber: m.number,
      meetingTitle: m.title,
      number: r.number,
      motion: r.motion,
      proposalNumber: r.proposalNumber,
    }));
}
