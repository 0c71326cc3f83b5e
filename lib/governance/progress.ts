/**
 * What a stage's vote stands at while it is open, by the same arithmetic as the tally: the
 * quorum required is the one `tallyStage` will apply when the stage closes (the charter's
 * inclusive or exclusive ratio, recused seats leaving the base where the charter says so), and a
 * recused seat's ballot is not counted. Pages show this, so they never promise a quorum the
 * count will not grant.
 */
import { choiceStageTally, countedChoiceBallots } from './choice';
import { tallyStage } from './tally';
import type { Ballot, BodySpec, ChoiceBallot, ChoiceMethodSpec, StageSpec } from './types';

export type QuorumProgressInput = {
  stage: StageSpec;
  body: BodySpec;
  /** The body's charter seats for this proposal: the stage's snapshot once voting opened, else the charter's. */
  charterSeats: number;
  recusedSeatIds: string[];
  ballots: Ballot[];
  /** A choice among options: its method and current secret ballots (then `ballots` is not read). */
  choice?: { method: ChoiceMethodSpec; ballots: readonly ChoiceBallot[] };
};

export type QuorumProgress = {
  /** Ballots that count (the latest of each seat, recused seats left out). */
  cast: number;
  quorumRequired: number;
  quorumMet: boolean;
  charterSeats: number;
  /** Share of the quorum reached, as a whole percentage capped at 100. */
  percent: number;
};

export function quorumProgress(input: QuorumProgressInput): QuorumProgress {
  const tally = input.choice
    ? choiceStageTally({
        ...input,
        method: input.choice.method,
        ballots: countedChoiceBallots(input.choice.ballots, input.recusedSeatIds),
      })
    : tallyStage({ ...input, holdersInOffice: null });
  return {
    cast: tally.cast,
    quorumRequired: tally.quorumRequired,
    quorumMet: tally.quorumMet,
    charterSeats: tally.charterSeats,
    percent: percentOf(tally.cast, tally.quorumRequired),
  };
}

/**
 * The progress once one more seat has cast its first ballot (a seat changing its ballot adds
 * none): what the voter's own page shows after their vote is recorded, without reading the
 * stage again. A recused seat cannot vote, so the ballot always counts; quorum is met at
 * `quorumRequired` ballots, as `tallyStage` decides it.
 */
export function progressWithFirstBallot(p: QuorumProgress): QuorumProgress {
  const cast = p.cast + 1;
  return { ...p, cast, quorumMet: cast >= p.quorumRequired, percent: percentOf(cast, p.quorumRequired) };
}

function percentOf(cast: number, quorumRequired: number): number {
  return Math.min(100, Math.round((cast / Math.max(quorumRequired, 1)) * 100));
}
