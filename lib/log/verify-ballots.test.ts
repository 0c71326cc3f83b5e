import { describe, expect, it } from 'vitest';
import { BALLOT_COMMITMENT_SCHEME, hidingBallotCommitment, legacyBallotCommitment } from './ballot-commitment';
import { sealEntry } from './entry';
import type { LogEntry, StoredEntry } from './entry';
import { GENESIS_HASH } from './hash';
import { nodeSha256 } from './node-hash';
import { sha256 } from './sha256';
import { verifyLog } from './verify';
import { ballotSummaryText, checkBallotDisclosures } from './verify-ballots';

const h = nodeSha256;
const subject = 'proposal:11111111-1111-4111-8111-111111111111';
const nonce = (n: number) => n.toString(16).padStart(2, '0').repeat(32);
const voteId = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

type Ballot = { voteId: string; seatId: string; voterUserId: string; choice: string; nonce: string; rationale: string | null };

function cast(b: Ballot, scheme: 'hiding' | 'legacy' = 'hiding'): Omit<LogEntry, 'seq' | 'orgId' | 'at'> {
  const payload: Record<string, unknown> = { number: 1, stageIndex: 0, seatId: b.seatId, voteId: b.voteId };
  if (scheme === 'hiding') {
    payload.commitmentScheme = BALLOT_COMMITMENT_SCHEME;
    payload.commitment = hidingBallotCommitment(h, b.voteId, b.choice, b.nonce);
  } else {
    payload.commitment = legacyBallotCommitment(h, b.voteId, b.choice);
  }
  return { actorId: b.voterUserId, kind: 'ballot.cast', subject, payload };
}

function close(rollCall: unknown[], counts: { yes: number; no: number; abstain: number }): Omit<LogEntry, 'seq' | 'orgId' | 'at'> {
  const tally = { ...counts, cast: counts.yes + counts.no + counts.abstain, outcome: 'passed' };
  return { actorId: null, kind: 'voting.closed', subject, payload: { number: 1, stageIndex: 0, bodyKey: 'board', tally, rollCall } };
}

function seal(items: Omit<LogEntry, 'seq' | 'orgId' | 'at'>[]): StoredEntry[] {
  const out: StoredEntry[] = [];
  items.forEach((e, i) => {
    const entry: LogEntry = { orgId: 'org_1', seq: i + 1, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), ...e };
    out.push(sealEntry(h, out.at(-1)?.hash ?? GENESIS_HASH, entry));
  });
  return out;
}

const a1: Ballot = { voteId: voteId(1), seatId: 'seat-a', voterUserId: 'ann', choice: 'no', nonce: nonce(1), rationale: null };
const a2: Ballot = { voteId: voteId(2), seatId: 'seat-a', voterUserId: 'ann', choice: 'yes', nonce: nonce(2), rationale: 'Changed my mind.' };
const b1: Ballot = { voteId: voteId(3), seatId: 'seat-b', voterUserId: 'bob', choice: 'abstain', nonce: nonce(3), rationale: null };
const c1: Ballot = { voteId: voteId(4), seatId: 'seat-c', voterUserId: 'cy', choice: 'yes', nonce: nonce(4), rationale: 'Good.' };

/** The honest log: Ann votes no then yes, Bob abstains, Cy votes yes; the close discloses the current three. */
const honest = (rollCall: unknown[] = [a2, b1, c1], counts = { yes: 2, no: 0, abstain: 1 }) =>
  seal([cast(a1), cast(a2), cast(b1), cast(c1), close(rollCall, counts)]);

async function ballotProblems(entries: StoredEntry[]): Promise<string[]> {
  const report = await verifyLog({ entries }, undefined, { hasher: h });
  return report.problems.filter((p) => p.kind === 'ballot_disclosure').map((p) => p.message);
}

describe('ballot disclosures', () => {
  it('accepts an honest roll call, with the pure-JS hasher too', async () => {
    expect(await ballotProblems(honest())).toEqual([]);
    const report = await verifyLog({ entries: honest() }, undefined, { hasher: sha256 });
    expect(report.problems.filter((p) => p.kind === 'ballot_disclosure')).toEqual([]);
    expect(report.ballots).toEqual({ ballotsOpened: 3, legacyUnhidden: 0, stillSealed: 0, secretCounted: 0 });
    expect(ballotSummaryText(report.ballots!)).toBe('3 disclosed ballots open their commitment.');
  });

  it('fails a wrong nonce', async () => {
    const problems = await ballotProblems(honest([{ ...a2, nonce: nonce(9) }, b1, c1]));
    expect(problems).toEqual([expect.stringContaining('do not open the commitment')]);
  });

  it('fails a wrong choice, even with the tally made to agree', async () => {
    const problems = await ballotProblems(honest([{ ...a2, choice: 'no' }, b1, c1], { yes: 1, no: 1, abstain: 1 }));
    expect(problems).toEqual([expect.stringContaining('do not open the commitment')]);
  });

  it('fails an older ballot of the same seat disclosed instead of its last', async () => {
    const problems = await ballotProblems(honest([a1, b1, c1], { yes: 1, no: 1, abstain: 1 }));
    expect(problems).toEqual([expect.stringContaining("is not seat seat-a's last ballot")]);
  });

  it('fails swapped seats', async () => {
    const problems = await ballotProblems(honest([{ ...a2, seatId: 'seat-b' }, { ...b1, seatId: 'seat-a' }, c1]));
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(p).toContain('not for this proposal, stage and seat');
  });

  it('fails a seat disclosed twice, a seat left out, and a tally that is not the roll call', async () => {
    expect(await ballotProblems(honest([a2, a2, b1, c1], { yes: 3, no: 0, abstain: 1 }))).toEqual([expect.stringContaining('appears twice')]);
    expect(await ballotProblems(honest([a2, b1], { yes: 1, no: 0, abstain: 1 }))).toEqual([expect.stringContaining('leaves out seat seat-c')]);
    expect(await ballotProblems(honest([a2, b1, c1], { yes: 3, no: 0, abstain: 0 }))).toEqual([
      expect.stringContaining('the tally says 3 yes'),
      expect.stringContaining('the tally says 0 abstain'),
    ]);
  });

  it('fails a hiding commitment disclosed without its nonce, and a voteId never cast', async () => {
    expect(await ballotProblems(honest([{ ...a2, nonce: null }, b1, c1]))).toEqual([expect.stringContaining('without its 64-hex-digit nonce')]);
    expect(await ballotProblems(honest([{ ...a2, voteId: voteId(99) }, b1, c1]))).toEqual([expect.stringContaining('no ballot.cast entry before the close')]);
  });

  it('does not expect a recused seat in the roll call', async () => {
    const recusal = { actorId: 'cy', kind: 'recusal.declared', subject, payload: { number: 1, seatId: 'seat-c', reason: 'Conflict.', phase: 'voting' } };
    const entries = seal([cast(a1), cast(a2), cast(b1), cast(c1), recusal, close([a2, b1], { yes: 1, no: 0, abstain: 1 })]);
    expect(await ballotProblems(entries)).toEqual([]);
  });

  it('checks the old scheme without a nonce, and says it did not hide the choice', async () => {
    const entries = seal([
      cast(a2, 'legacy'),
      cast(b1, 'legacy'),
      close(
        [
          { ...a2, nonce: null },
          { ...b1, nonce: null },
        ],
        { yes: 1, no: 0, abstain: 1 },
      ),
    ]);
    const { problems, summary } = checkBallotDisclosures(entries, h);
    expect(problems).toEqual([]);
    expect(summary).toEqual({ ballotsOpened: 2, legacyUnhidden: 2, stillSealed: 0, secretCounted: 0 });
    const forged = seal([cast(a2, 'legacy'), cast(b1, 'legacy'), close([{ ...a2, choice: 'no' }, b1], { yes: 0, no: 1, abstain: 1 })]);
    expect(checkBallotDisclosures(forged, h).problems).toHaveLength(1);
  });

  it('counts ballots of stages not yet closed as still sealed', () => {
    const { problems, summary } = checkBallotDisclosures(seal([cast(a1), cast(a2), cast(b1)]), h);
    expect(problems).toEqual([]);
    expect(summary).toEqual({ ballotsOpened: 0, legacyUnhidden: 0, stillSealed: 2, secretCounted: 0 });
  });
});

describe('the close of a decision by consent', () => {
  const raised = (seatId: string, reason: string): Omit<LogEntry, 'seq' | 'orgId' | 'at'> => ({
    actorId: `holder-${seatId}`,
    kind: 'objection.raised',
    subject,
    payload: { number: 1, stageIndex: 0, seatId, reason },
  });
  const withdrawn = (seatId: string): Omit<LogEntry, 'seq' | 'orgId' | 'at'> => ({
    actorId: `holder-${seatId}`,
    kind: 'objection.withdrawn',
    subject,
    payload: { number: 1, stageIndex: 0, seatId },
  });
  const consentClose = (objections: { seatId: string; reason: string }[], count = objections.length): Omit<LogEntry, 'seq' | 'orgId' | 'at'> => ({
    actorId: null,
    kind: 'voting.closed',
    subject,
    payload: {
      number: 1,
      stageIndex: 0,
      bodyKey: 'board',
      tally: { yes: 0, no: 0, abstain: 0, cast: 0, outcome: count ? 'rejected' : 'passed', consent: { objections: count } },
      rollCall: [],
      objections,
    },
  });
  const reasonA = 'It leaves the night shift out.';

  it('accepts an empty roll call with the objections that stood', async () => {
    expect(
      await ballotProblems(
        seal([
          raised('seat-a', 'First wording.'),
          raised('seat-a', reasonA),
          raised('seat-b', 'Later withdrawn.'),
          withdrawn('seat-b'),
          consentClose([{ seatId: 'seat-a', reason: reasonA }]),
        ]),
      ),
    ).toEqual([]);
    expect(await ballotProblems(seal([raised('seat-b', 'Later withdrawn.'), withdrawn('seat-b'), consentClose([])]))).toEqual([]);
  });

  it('reports a standing objection left out, one never raised, a changed reason and a wrong count', async () => {
    expect(await ballotProblems(seal([raised('seat-a', reasonA), consentClose([])]))).toEqual([
      expect.stringMatching(/leaves out the objection of seat seat-a/),
    ]);
    expect(await ballotProblems(seal([consentClose([{ seatId: 'seat-c', reason: reasonA }])]))).toEqual([expect.stringMatching(/no standing objection/)]);
    expect(await ballotProblems(seal([raised('seat-a', reasonA), consentClose([{ seatId: 'seat-a', reason: 'Another reason.' }])]))).toHaveLength(1);
    expect(await ballotProblems(seal([raised('seat-a', reasonA), consentClose([{ seatId: 'seat-a', reason: reasonA }], 0)]))).toEqual([
      expect.stringMatching(/the tally says 0 objections stood, the close lists 1/),
    ]);
  });

  it('reports an objection raised after the close', async () => {
    expect(await ballotProblems(seal([consentClose([]), raised('seat-a', reasonA)]))).toEqual([expect.stringMatching(/objection.raised after stage 0/)]);
  });
});
