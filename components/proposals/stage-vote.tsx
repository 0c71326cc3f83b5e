'use client';

import { createContext, useCallback, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import { progressWithFirstBallot } from '@/lib/governance/progress';
import type { QuorumProgress } from '@/lib/governance/progress';

/**
 * The viewer's ballot on one open stage, shared by the ballot form (which records it) and the
 * stage's counts (which move with it). A vote's reply carries the ballot alone, not the page
 * re-rendered (castBallotAction), so the voter's page moves its own count here: their first
 * ballot since the page was rendered adds one to the ballots cast and takes their seat off "not
 * yet voted" (`progressWithFirstBallot`). Other people's ballots show on the next page load.
 */
type StageVote = { rendered: string | null; mine: string | null; record: (choice: string) => void };

const StageVoteContext = createContext<StageVote | null>(null);

/**
 * A fresh render with another choice on record (another tab's vote, a secret ballot's page re-rendered)
 * starts again from the server's. Not by a key: a key would remount the ballot form inside and lose
 * its answer (the line that says what was recorded).
 */
export function StageVoteProvider({ myChoice, children }: { myChoice: string | null; children: ReactNode }) {
  const [vote, setVote] = useState({ rendered: myChoice, mine: myChoice });
  if (vote.rendered !== myChoice) setVote({ rendered: myChoice, mine: myChoice });
  const record = useCallback((choice: string) => setVote((v) => ({ ...v, mine: choice })), []);
  return <StageVoteContext value={{ rendered: myChoice, mine: vote.rendered === myChoice ? vote.mine : myChoice, record }}>{children}</StageVoteContext>;
}

export function useStageVote(): StageVote | null {
  return useContext(StageVoteContext);
}

/** True once the viewer's first ballot on the stage is recorded on this page (the server's render did not count it). */
function useFirstBallotSinceRender(): boolean {
  const vote = useStageVote();
  return vote !== null && vote.rendered === null && vote.mine !== null;
}

/** Ballots cast against the quorum, with the viewer's own new ballot counted. */
export function LiveQuorumProgress({ progress: rendered, charterSeats }: { progress: QuorumProgress; charterSeats: number }) {
  const progress = useFirstBallotSinceRender() ? progressWithFirstBallot(rendered) : rendered;
  return (
    <div className="mt-3">
      <div className="flex justify-between text-xs text-zinc-600">
        <span>
          {progress.cast} {progress.cast === 1 ? 'ballot' : 'ballots'} · quorum {progress.quorumRequired}
        </span>
        <span>{charterSeats} seats</span>
      </div>
      <div
        className="mt-1 h-2 overflow-hidden rounded-full bg-zinc-100"
        role="progressbar"
        aria-label="Quorum progress"
        aria-valuemin={0}
        aria-valuemax={progress.quorumRequired}
        aria-valuenow={Math.min(progress.cast, progress.quorumRequired)}
      >
        <div className={`h-full ${progress.quorumMet ? 'bg-emerald-500' : 'bg-brand-600'}`} style={{ width: `${progress.percent}%` }} />
      </div>
    </div>
  );
}

/** Who has not voted yet (seat holders are public), without the viewer's seat once their ballot is recorded. */
export function LiveNotVoted({
  notVoted: rendered,
  mySeatId,
  recused,
  secret,
}: {
  notVoted: { seatId: string; holderName: string | null }[];
  mySeatId: string | null;
  recused: { userName: string | null }[];
  secret: boolean;
}) {
  const notVoted = useFirstBallotSinceRender() ? rendered.filter((h) => h.seatId !== mySeatId) : rendered;
  return (
    <p className="mt-3 text-xs text-zinc-600">
      Not yet voted: {notVoted.length === 0 ? 'everyone has voted' : notVoted.map((h) => h.holderName ?? 'a member').join(', ')}
      {recused.length > 0 ? `. Recused: ${recused.map((r) => r.userName ?? 'a member').join(', ')}` : ''}.
      {secret
        ? ' Ballots are secret: how each seat voted is never shown; the counted ballots are published without names when voting closes.'
        : ' Choices are revealed when voting closes.'}
    </p>
  );
}

/** How many members have voted on a member-wide stage, with the viewer's own new ballot counted. */
export function LiveMemberVoters({ voters: rendered, secret }: { voters: number; secret: boolean }) {
  const voters = rendered + (useFirstBallotSinceRender() ? 1 : 0);
  return (
    <p className="mt-3 text-xs text-zinc-600">
      {voters.toLocaleString('en-US')} {voters === 1 ? 'member has' : 'members have'} voted so far.{' '}
      {secret ? 'Ballots are secret: the counted ballots are published without names when voting closes.' : 'Choices are revealed when voting closes.'}
    </p>
  );
}
