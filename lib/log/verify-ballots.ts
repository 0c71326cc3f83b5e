// Checks every ballot disclosed in a roll call against what was committed while voting was open.
// Browser-safe and dependency-free, like ./verify, which calls it after the hash chain.
//
// A `ballot.cast` entry publishes { stageIndex, seatId, voteId, commitment, commitmentScheme? }
// (a member's ballot in a member-wide vote: `member: true` and voterUserId instead of a seat)
// under subject `proposal:<id>`; the `voting.closed` entry for that proposal and stage discloses
// its roll call: per counted ballot { voteId, seatId, voterUserId, choice, nonce, rationale }.
// For each closed stage this checks that:
//  - every disclosed ballot opens the commitment of the `ballot.cast` entry with its voteId, and
//    that entry is for the same proposal, stage and seat;
//  - the disclosed voteId is the last ballot cast from that seat in that stage before the close
//    (an older ballot of the same seat cannot be disclosed instead);
//  - no seat appears twice, and no seat that cast a ballot and did not recuse is left out;
//  - the tally's yes, no, abstain and cast counts are those of the roll call.
// A secret ballot (a choice among options) is cast with `secret: true` (and, since receipts, a
// commitment nobody outside the database can open: lib/log/secret-ballot-commitment.ts), and
// disclosed in the roll call as choice "secret" without its preferences: here only that its seat
// voted once and is counted; the anonymous ballots published with the count, and the receipt
// list, are checked by `npm run verify` (scripts/verify/recount.ts, scripts/verify/receipts.ts).
// A decision by consent has no ballots: its close has an empty roll call, a tally marked
// `consent` and the objections that stood. Here: each one was raised (`objection.raised`) for
// that proposal, stage and seat, with that reason, and not withdrawn before the close; none that
// stood is left out (unless its seat recused); the tally counts them.

import { BALLOT_COMMITMENT_SCHEME, hidingBallotCommitment, isBallotNonce, legacyBallotCommitment } from './ballot-commitment';
import type { Hasher } from './hash';
import { logText, said } from './words';
import type { LogText } from './words';

export type BallotProblem = { seq: number; message: string; text: LogText };

export type BallotCheckSummary = {
  /** Disclosed ballots whose commitment was checked and matched. */
  ballotsOpened: number;
  /**
   * Of those, ballots under the scheme used before commitments had a nonce: they bind the
   * choice, but did not hide it while voting was open.
   */
  legacyUnhidden: number;
  /** Ballots cast in stages the log has not closed yet: still sealed, nothing to check. */
  stillSealed: number;
  /**
   * Secret ballots (a choice among options) whose seat is in the roll call: they open nothing,
   * since how each voted is never disclosed with the voter; `npm run verify` recounts the
   * published anonymous ballots instead.
   */
  secretCounted: number;
};

type Cast = { seq: number; subject: string; stageIndex: number; seatId: string; commitment: string; scheme: string | null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const CHOICES = new Set(['yes', 'no', 'abstain', 'secret']);
/** The scheme recorded for a secret ballot's cast entry: nothing to open. */
const SECRET = 'secret';

/**
 * Who cast a ballot, as the checks key it: its seat; or, for a member's ballot in a member-wide
 * vote (`member: true`, no seat), `member:<voterUserId>` — one current ballot per member.
 */
function voterKey(item: Record<string, unknown>): string | undefined {
  if (typeof item.seatId === 'string') return item.seatId;
  if ((item.member === true || item.seatId === null) && typeof item.voterUserId === 'string') return `member:${item.voterUserId}`;
  return undefined;
}

/** Checks ballot disclosures in `entries` (in log order). Never throws on bad data. */
export function checkBallotDisclosures(entries: readonly unknown[], h: Hasher): { problems: BallotProblem[]; summary: BallotCheckSummary } {
  const problems: BallotProblem[] = [];
  const summary: BallotCheckSummary = { ballotsOpened: 0, legacyUnhidden: 0, stillSealed: 0, secretCounted: 0 };
  const casts = new Map<string, Cast>();
  // `${subject}|${stageIndex}` -> seatId -> voteId of the last ballot cast from that seat.
  const lastCast = new Map<string, Map<string, string>>();
  const lastOf = (stage: string): Map<string, string> => {
    let seats = lastCast.get(stage);
    if (!seats) lastCast.set(stage, (seats = new Map()));
    return seats;
  };
  // `${subject}|${seatId}` of every declared recusal.
  const recused = new Set<string>();
  const closed = new Set<string>();
  // `${subject}|${stageIndex}` -> seatId -> the reason of its standing objection, from the log.
  const standing = new Map<string, Map<string, string>>();
  const standingOf = (stage: string): Map<string, string> => {
    let seats = standing.get(stage);
    if (!seats) standing.set(stage, (seats = new Map()));
    return seats;
  };

  for (const raw of entries) {
    if (!isRecord(raw) || !isRecord(raw.payload) || typeof raw.subject !== 'string' || typeof raw.seq !== 'number') continue;
    const { seq, subject, kind, payload } = raw as { seq: number; subject: string; kind: unknown; payload: Record<string, unknown> };
    if (kind === 'ballot.cast') {
      const { voteId, stageIndex, commitment, commitmentScheme } = payload;
      const seatId = voterKey(payload);
      // A secret ballot (a choice among options) commits to nothing: only that the seat voted is checked.
      if (payload.secret === true && typeof voteId === 'string' && typeof stageIndex === 'number' && typeof seatId === 'string') {
        if (casts.has(voteId)) problems.push({ seq, ...said(logText('ballots.voteIdUsed', { voteId, seq: String(casts.get(voteId)!.seq) })) });
        else casts.set(voteId, { seq, subject, stageIndex, seatId, commitment: '', scheme: SECRET });
        if (closed.has(`${subject}|${stageIndex}`)) problems.push({ seq, ...said(logText('ballots.castAfterClose', { stage: String(stageIndex), subject })) });
        lastOf(`${subject}|${stageIndex}`).set(seatId, voteId);
        continue;
      }
      // An entry that commits to nothing cannot be disclosed: a roll call naming it is reported
      // below as naming a ballot that was never cast.
      if (typeof voteId !== 'string' || typeof stageIndex !== 'number' || typeof seatId !== 'string' || typeof commitment !== 'string') continue;
      if (commitmentScheme !== undefined && commitmentScheme !== BALLOT_COMMITMENT_SCHEME) {
        problems.push({ seq, ...said(logText('ballots.unknownScheme', { scheme: String(JSON.stringify(commitmentScheme)) })) });
      }
      if (casts.has(voteId)) problems.push({ seq, ...said(logText('ballots.voteIdUsed', { voteId, seq: String(casts.get(voteId)!.seq) })) });
      else casts.set(voteId, { seq, subject, stageIndex, seatId, commitment, scheme: typeof commitmentScheme === 'string' ? commitmentScheme : null });
      if (closed.has(`${subject}|${stageIndex}`)) problems.push({ seq, ...said(logText('ballots.castAfterClose', { stage: String(stageIndex), subject })) });
      lastOf(`${subject}|${stageIndex}`).set(seatId, voteId);
    } else if (kind === 'recusal.declared') {
      if (typeof payload.seatId === 'string') recused.add(`${subject}|${payload.seatId}`);
    } else if (kind === 'objection.raised' || kind === 'objection.withdrawn') {
      const { stageIndex, seatId, reason } = payload;
      if (typeof stageIndex !== 'number' || typeof seatId !== 'string') continue;
      if (closed.has(`${subject}|${stageIndex}`))
        problems.push({ seq, ...said(logText('ballots.afterClose', { kind: String(kind), stage: String(stageIndex), subject })) });
      if (kind === 'objection.raised' && typeof reason === 'string') standingOf(`${subject}|${stageIndex}`).set(seatId, reason);
      else standingOf(`${subject}|${stageIndex}`).delete(seatId);
    } else if (kind === 'voting.closed') {
      checkClose(seq, subject, payload);
    }
  }
  for (const [stage, seats] of lastCast) if (!closed.has(stage)) summary.stillSealed += seats.size;
  return { problems, summary };

  function checkClose(seq: number, subject: string, payload: Record<string, unknown>): void {
    const stageIndex = payload.stageIndex;
    if (typeof stageIndex !== 'number') {
      problems.push({ seq, ...said(logText('ballots.noStage')) });
      return;
    }
    closed.add(`${subject}|${stageIndex}`);
    const rollCall = payload.rollCall;
    if (!Array.isArray(rollCall)) {
      problems.push({ seq, ...said(logText('ballots.noRollCall')) });
      return;
    }
    const counts = { yes: 0, no: 0, abstain: 0, secret: 0 };
    const seatsSeen = new Set<string>();
    for (const [i, item] of rollCall.entries()) {
      const where = logText('ballots.rollCall', { n: String(i + 1) });
      const seatId = isRecord(item) ? voterKey(item) : undefined;
      if (!isRecord(item) || typeof item.voteId !== 'string' || typeof seatId !== 'string' || typeof item.choice !== 'string') {
        problems.push({ seq, ...said(logText('ballots.lacksVote', { where })) });
        continue;
      }
      const { voteId, choice, nonce } = item;
      if (seatsSeen.has(seatId)) problems.push({ seq, ...said(logText('ballots.seatTwice', { where, seat: seatId })) });
      seatsSeen.add(seatId);
      if (!CHOICES.has(choice)) problems.push({ seq, ...said(logText('ballots.notChoice', { where, choice: JSON.stringify(choice) })) });
      else counts[choice as keyof typeof counts]++;
      const cast = casts.get(voteId);
      if (!cast || cast.seq > seq) {
        problems.push({ seq, ...said(logText('ballots.noCast', { where, voteId })) });
        continue;
      }
      if (cast.subject !== subject || cast.stageIndex !== stageIndex || cast.seatId !== seatId) {
        problems.push({
          seq,
          ...said(
            logText('ballots.otherBallot', {
              where,
              voteId,
              seq: String(cast.seq),
              subject: cast.subject,
              stage: String(cast.stageIndex),
              castSeat: cast.seatId,
              seat: seatId,
            }),
          ),
        });
        continue;
      }
      const last = lastCast.get(`${subject}|${stageIndex}`)?.get(seatId);
      if (last !== voteId) {
        problems.push({
          seq,
          ...said(
            logText('ballots.notLast', {
              where,
              voteId,
              seq: String(cast.seq),
              seat: seatId,
              last: String(last),
              lastSeq: String(last ? casts.get(last)?.seq : '?'),
            }),
          ),
        });
        continue;
      }
      if ((choice === 'secret') !== (cast.scheme === SECRET)) {
        problems.push({
          seq,
          ...said(
            logText(cast.scheme === SECRET ? 'ballots.secretDisclosed' : 'ballots.commitmentDisclosed', {
              where,
              voteId,
              seq: String(cast.seq),
              choice: JSON.stringify(choice),
            }),
          ),
        });
        continue;
      }
      if (choice === 'secret') {
        summary.secretCounted++;
        continue;
      }
      let expected: string;
      if (cast.scheme === BALLOT_COMMITMENT_SCHEME) {
        if (!isBallotNonce(nonce)) {
          problems.push({ seq, ...said(logText('ballots.noNonce', { where, voteId })) });
          continue;
        }
        expected = hidingBallotCommitment(h, voteId, choice, nonce);
      } else {
        expected = legacyBallotCommitment(h, voteId, choice);
      }
      if (expected !== cast.commitment) {
        problems.push({
          seq,
          ...said(logText('ballots.notOpened', { where, choice: JSON.stringify(choice), voteId, seq: String(cast.seq) })),
        });
        continue;
      }
      summary.ballotsOpened++;
      if (cast.scheme !== BALLOT_COMMITMENT_SCHEME) summary.legacyUnhidden++;
    }
    // A seat whose last ballot in this stage is not disclosed, and that did not recuse.
    for (const [seatId, voteId] of lastCast.get(`${subject}|${stageIndex}`) ?? []) {
      if (!seatsSeen.has(seatId) && !recused.has(`${subject}|${seatId}`)) {
        problems.push({
          seq,
          ...said(logText('ballots.leftOut', { seat: seatId, voteId, seq: String(casts.get(voteId)?.seq) })),
        });
      }
    }
    const tally = isRecord(payload.tally) ? payload.tally : null;
    if (!tally) {
      problems.push({ seq, ...said(logText('ballots.noTally')) });
      return;
    }
    // A member-wide stage's tally is of weights, each ballot carrying its delegators' too: `npm run verify` recounts it from the published roll.
    if (isRecord(payload.members)) return;
    for (const k of ['yes', 'no', 'abstain'] as const) {
      if (tally[k] !== counts[k])
        problems.push({ seq, ...said(logText('ballots.tallyChoice', { tally: String(tally[k]), choice: k, count: String(counts[k]) })) });
    }
    const cast = counts.yes + counts.no + counts.abstain + counts.secret;
    if (tally.cast !== undefined && tally.cast !== cast)
      problems.push({ seq, ...said(logText('ballots.tallyCast', { tally: String(tally.cast), count: String(cast) })) });
    if (isRecord(tally.consent)) checkConsent(seq, subject, stageIndex, tally.consent, payload.objections);
  }

  function checkConsent(seq: number, subject: string, stageIndex: number, consent: Record<string, unknown>, listed: unknown): void {
    if (!Array.isArray(listed)) {
      problems.push({ seq, ...said(logText('ballots.noObjections')) });
      return;
    }
    if (consent.objections !== listed.length) {
      problems.push({ seq, ...said(logText('ballots.objectionCount', { tally: String(consent.objections), count: String(listed.length) })) });
    }
    const fromLog = standing.get(`${subject}|${stageIndex}`) ?? new Map<string, string>();
    const seen = new Set<string>();
    for (const [i, item] of listed.entries()) {
      const where = logText('ballots.objection', { n: String(i + 1) });
      if (!isRecord(item) || typeof item.seatId !== 'string' || typeof item.reason !== 'string') {
        problems.push({ seq, ...said(logText('ballots.lacksObjection', { where })) });
        continue;
      }
      if (seen.has(item.seatId)) problems.push({ seq, ...said(logText('ballots.objectionTwice', { where, seat: item.seatId })) });
      seen.add(item.seatId);
      if (fromLog.get(item.seatId) !== item.reason) {
        problems.push({ seq, ...said(logText('ballots.noSuchObjection', { where, seat: item.seatId })) });
      }
    }
    for (const seatId of fromLog.keys()) {
      if (!seen.has(seatId) && !recused.has(`${subject}|${seatId}`)) {
        problems.push({ seq, ...said(logText('ballots.objectionLeftOut', { seat: seatId })) });
      }
    }
  }
}

/** One sentence for people about the ballots checked, for the CLI and the verify page. */
export function ballotSummaryText(s: BallotCheckSummary): string {
  const opened = `${s.ballotsOpened} disclosed ${s.ballotsOpened === 1 ? 'ballot opens its' : 'ballots open their'} commitment`;
  const legacy =
    s.legacyUnhidden > 0 ? `; ${s.legacyUnhidden} of them use the old scheme without a nonce, which did not keep the choice secret while voting was open` : '';
  const sealed = s.stillSealed > 0 ? `; ${s.stillSealed} ${s.stillSealed === 1 ? 'ballot is' : 'ballots are'} still sealed (voting not closed)` : '';
  const secret =
    s.secretCounted > 0
      ? `; ${s.secretCounted} secret ${s.secretCounted === 1 ? 'ballot was' : 'ballots were'} counted without disclosing how ${s.secretCounted === 1 ? 'it' : 'they'} voted`
      : '';
  return `${opened}${legacy}${sealed}${secret}.`;
}
