import type { PublicLogRow } from '@/db/read/types';
import type { RollCallLine } from './stage-panel';

/**
 * After a close, the roll call shown is the one its log entry disclosed (read from the hashed
 * bytes); null until the worker has recorded the close (the page then shows the ballots as stored).
 */
export function disclosedRollCall(logRows: PublicLogRow[], names: Map<string, string | null>, stageIndex: number): RollCallLine[] | null {
  const closedEntry = logRows.find((e) => e.kind === 'voting.closed' && e.payload.stageIndex === stageIndex && !e.problem);
  const rollCall = closedEntry?.payload.rollCall;
  if (!Array.isArray(rollCall)) return null;
  return rollCall.flatMap((r: unknown) => {
    const item = r as { seatId?: unknown; voterUserId?: unknown; choice?: unknown; rationale?: unknown };
    // A member's ballot in a member-wide vote has no seat (seatId null) but names its voter.
    const memberBallot = item.seatId === null && typeof item.voterUserId === 'string';
    if ((typeof item.seatId !== 'string' && !memberBallot) || typeof item.choice !== 'string') return [];
    const voter = typeof item.voterUserId === 'string' ? item.voterUserId : '';
    return [
      {
        seatId: typeof item.seatId === 'string' ? item.seatId : null,
        voterName: names.get(voter) ?? null,
        choice: item.choice,
        rationale: typeof item.rationale === 'string' && item.rationale !== '' ? item.rationale : null,
      },
    ];
  });
}

/** The charter the decision names in the log (entries from before decisions named it carry none). */
export function decidedUnder(logRows: PublicLogRow[]): { version: number; hash: string } | null {
  const payload = logRows.find((e) => e.kind === 'proposal.decided')?.payload;
  return typeof payload?.charterVersion === 'number' && typeof payload.charterDocumentHash === 'string'
    ? { version: payload.charterVersion, hash: payload.charterDocumentHash }
    : null;
}
