'use client';

import { useFormatter, useTranslations } from 'next-intl';
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
  const t = useTranslations('ballot');
  return (
    <div className="mt-3">
      <div className="flex justify-between text-xs text-zinc-600">
        <span>{t('progress', { cast: progress.cast, quorum: progress.quorumRequired })}</span>
        <span>{t('seats', { seats: charterSeats })}</span>
      </div>
      <div
        className="mt-1 h-2 overflow-hidden rounded-full bg-zinc-100"
        role="progressbar"
        aria-label={t('progressLabel')}
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
  const t = useTranslations('ballot');
  const format = useFormatter();
  const names = (list: (string | null)[]) => format.list(list.map((n) => n ?? t('aMember')));
  return (
    <p className="mt-3 text-xs text-zinc-600">
      {t('notYetVoted', { names: notVoted.length === 0 ? t('everyoneVoted') : names(notVoted.map((h) => h.holderName)) })}
      {recused.length > 0 ? t('recusedList', { names: names(recused.map((r) => r.userName)) }) : ''}.{t(secret ? 'secretNote' : 'revealNote')}
    </p>
  );
}

/** How many members have voted on a member-wide stage, with the viewer's own new ballot counted. */
export function LiveMemberVoters({ voters: rendered, secret }: { voters: number; secret: boolean }) {
  const voters = rendered + (useFirstBallotSinceRender() ? 1 : 0);
  const t = useTranslations('ballot');
  return (
    <p className="mt-3 text-xs text-zinc-600">
      {t('memberVoters', { voters })} {t(secret ? 'memberSecret' : 'memberReveal')}
    </p>
  );
}
