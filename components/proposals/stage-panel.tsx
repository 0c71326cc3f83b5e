import { BallotForm } from '@/components/proposals/ballot-form';
import { ChoiceBallotForm } from '@/components/proposals/choice-ballot-form';
import type { ChoiceBallotSpec } from '@/components/proposals/choice-ballot-form';
import { CountRounds } from '@/components/proposals/count-rounds';
import type { BallotOffer } from '@/lib/governance/ballot-offer';
import { ratioText } from '@/lib/governance/charter';
import type { QuorumProgress } from '@/lib/governance/progress';
import { formatHours } from '@/lib/governance/time';
import type { BodySpec, ChoiceCount, StageSpec, TallyResult } from '@/lib/governance/types';
import { notOpenNote, ReceiptLink, StageHeading } from '@/components/proposals/stage-parts';
import { LiveNotVoted, LiveQuorumProgress, StageVoteProvider } from '@/components/proposals/stage-vote';

export type RollCallLine = { seatId: string | null; voterName: string | null; choice: string; rationale: string | null };

type Props = {
  index: number;
  stageCount: number;
  stage: StageSpec;
  body: BodySpec;
  /** Quorum as the tally will count it (lib/governance quorumProgress). */
  progress: QuorumProgress;
  opened: boolean;
  closed: boolean;
  notVoted: { seatId: string; holderName: string | null }[];
  recused: { seatId: string; userName: string | null }[];
  tally: TallyResult | null;
  rollCall: RollCallLine[];
  offer: BallotOffer;
  myChoice: string | null;
  /** The viewer's seat in this stage's body, if they hold one (taken off "not yet voted" once their ballot is recorded). */
  mySeatId: string | null;
  /** Why voting cannot open, if something blocks it. */
  blocked: string | null;
  ids: { orgId: string; proposalId: string };
  /** A choice among options (secret ballots): the ballot's form, the viewer's own ballot, and the count once closed. */
  choice?: ChoicePanel;
};

/** A choice among options on a stage's panel (a member-wide stage's takes all but the election and the warning). */
export type ChoicePanel = {
  ballot: ChoiceBallotSpec;
  methodName: string;
  mine: number[] | null;
  count: ChoiceCount | null;
  /** Where the counted ballots can be downloaded (BLT and CSV), once counted. */
  downloads: { blt: string; csv: string } | null;
  /** A seat election: whether its candidates are frozen yet (when voting opens), and whether it was decided unopposed, without a vote. */
  election?: { frozen: boolean; unopposed: boolean };
  /** The viewer's own current ballot's receipt (never anyone else's). */
  myReceipt: string | null;
  /** The page that finds a ballot by its receipt after the close. */
  receiptUrl: string;
  /** Few voters or ballots: the result may show how individuals voted (lib/governance/ballot-secrecy.ts). */
  secrecyWarning: string | null;
};

const outcomeName = (t: TallyResult) => (t.outcome === 'passed' ? 'Passed' : t.outcome === 'rejected' ? 'Rejected' : 'Failed quorum');

/** One deciding stage: its rules, quorum progress while open, the tally and roll call once closed, and the seat holder's ballot. */
export function StagePanel(p: Props) {
  const { index: i, stage, body, progress, notVoted, recused, tally } = p;
  const note = notOpenNote(p.offer, p.blocked);
  return (
    <StageVoteProvider myChoice={p.myChoice}>
      <section aria-labelledby={`stage-${i}`} className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
        <StageHeading index={i} stageCount={p.stageCount} bodyName={body.name} />
        <p className="mt-1 text-xs text-zinc-600">
          {p.choice?.election ? (
            <>
              Quorum {progress.quorumRequired} of {body.charterSeats} charter seats ({ratioText(stage.quorum)}); elects{' '}
              {p.choice.election.frozen
                ? `${p.choice.ballot.winners} of ${p.choice.ballot.options.length} candidates`
                : 'to the vacant seats among the candidates who accepted'}{' '}
              by secret ballot ({p.choice.methodName}). Window {formatHours(stage.votingWindowHours)}.
            </>
          ) : p.choice ? (
            <>
              Quorum {progress.quorumRequired} of {body.charterSeats} charter seats ({ratioText(stage.quorum)}); chooses{' '}
              {p.choice.ballot.winners === 1 ? 'one option' : `${p.choice.ballot.winners} options`} of {p.choice.ballot.options.length} by secret ballot (
              {p.choice.methodName}). Window {formatHours(stage.votingWindowHours)}.
            </>
          ) : (
            <>
              Quorum {progress.quorumRequired} of {body.charterSeats} charter seats ({ratioText(stage.quorum)}); passes with {ratioText(stage.threshold)} of{' '}
              {stage.thresholdBase === 'charter_seats' ? 'charter seats' : 'votes cast'}. Window {formatHours(stage.votingWindowHours)}.
            </>
          )}
        </p>
        {p.choice?.election?.unopposed ? (
          <p className="mt-3 text-sm text-zinc-700">No vote: there were no more candidates than seats, so they were elected unopposed (see Election).</p>
        ) : null}
        {p.choice?.election && !p.choice.election.frozen && !p.choice.election.unopposed ? (
          <p className="mt-3 text-sm text-zinc-600">The ballot lists the candidates who accepted, fixed when voting opens.</p>
        ) : null}
        {p.choice && !p.closed && (!p.choice.election || p.choice.election.frozen) && !p.choice.election?.unopposed ? (
          <div className="mt-3 min-w-0">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
              {p.choice.election ? 'The candidates (fixed when voting opened)' : 'The options (fixed since the draft was saved)'}
            </h3>
            <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm">
              {p.choice.ballot.options.map((option, i) => (
                <li key={i}>{option}</li>
              ))}
            </ol>
          </div>
        ) : null}
        {p.opened ? (
          <>
            <LiveQuorumProgress progress={progress} charterSeats={body.charterSeats} />
            {!p.closed ? <LiveNotVoted notVoted={notVoted} mySeatId={p.mySeatId} recused={recused} secret={Boolean(p.choice)} /> : null}
          </>
        ) : p.choice?.election?.unopposed ? null : (
          <p className="mt-3 text-sm text-zinc-600">Voting has not opened.</p>
        )}
        {p.choice?.secrecyWarning && !p.choice.election?.unopposed ? (
          <p role="note" className="mt-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
            {p.choice.secrecyWarning}
          </p>
        ) : null}
        {tally && p.closed && p.choice ? (
          <div className="mt-3 min-w-0 space-y-3 text-sm">
            <p className="font-semibold">
              {p.choice.count && tally.outcome === 'passed'
                ? `${p.choice.election ? 'Elected' : 'Chosen'}: ${p.choice.count.result.elected.map((i) => p.choice!.ballot.options[i] ?? `option ${i + 1}`).join(', ') || 'none'}`
                : 'Failed quorum: no choice was made'}
            </p>
            <p className="text-xs text-zinc-600">
              {tally.cast} {tally.cast === 1 ? 'ballot' : 'ballots'} of {tally.quorumRequired} needed for quorum.
            </p>
            {p.choice.count ? <CountRounds candidates={p.choice.ballot.options} result={p.choice.count.result} /> : null}
            {p.choice.downloads ? (
              <p className="text-xs text-zinc-600">
                The counted ballots, without names:{' '}
                <a className="text-brand-700 underline" href={p.choice.downloads.blt} download>
                  BLT file
                </a>{' '}
                (for STV counting programs, and <code>npm run tally</code>) ·{' '}
                <a className="text-brand-700 underline" href={p.choice.downloads.csv} download>
                  CSV
                </a>
                . Any tie was broken by lot drawn from the public seed <code className="break-all">{p.choice.count?.lotSeed}</code> (the log head when voting
                closed):{' '}
                <code className="break-all">
                  npm run tally -- --method {p.choice.count?.method.replace('_', '-')} --seed {p.choice.count?.lotSeed} ballots.blt
                </code>{' '}
                counts it again.
              </p>
            ) : null}
            {p.choice.count ? <ReceiptLink myReceipt={p.choice.myReceipt} receiptUrl={p.choice.receiptUrl} /> : null}
          </div>
        ) : null}
        {tally && p.closed && !p.choice ? (
          <div className="mt-3 text-sm">
            <p className="font-semibold">
              {outcomeName(tally)}: {tally.yes} yes · {tally.no} no · {tally.abstain} abstain
            </p>
            <p className="text-xs text-zinc-600">
              {tally.cast} ballots of {tally.quorumRequired} needed for quorum; {tally.yesRequired} yes needed.
            </p>
            <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-zinc-500">Roll call</h3>
            <RollCallList rollCall={p.rollCall} notVoted={notVoted} recused={recused} />
          </div>
        ) : null}
        {tally && p.closed && p.choice ? (
          <div className="mt-3 text-sm">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Who voted</h3>
            <RollCallList rollCall={p.rollCall} notVoted={notVoted} recused={recused} secret />
          </div>
        ) : null}
        {p.offer.show && p.choice && (!p.choice.election || p.choice.election.frozen) && !p.choice.election?.unopposed ? (
          <ChoiceBallotForm ids={p.ids} bodyName={body.name} ballot={p.choice.ballot} mine={p.choice.mine} receipt={p.choice.myReceipt} notOpenNote={note} />
        ) : null}
        {p.offer.show && !p.choice ? <BallotForm ids={p.ids} stageIndex={i} bodyName={body.name} myChoice={p.myChoice} notOpenNote={note} /> : null}
      </section>
    </StageVoteProvider>
  );
}

/** The roll call after the close: each ballot's choice and rationale (or only that a secret ballot was cast), then who did not vote and who recused. */
function RollCallList({
  rollCall,
  notVoted,
  recused,
  secret = false,
}: {
  rollCall: RollCallLine[];
  notVoted: { seatId: string; holderName: string | null }[];
  recused: { seatId: string; userName: string | null }[];
  secret?: boolean;
}) {
  const others = [
    ...notVoted.map((h) => ({ seatId: h.seatId, name: h.holderName, what: 'did not vote' })),
    ...recused.map((r) => ({ seatId: r.seatId, name: r.userName, what: 'recused' })),
  ];
  return (
    <ul className="mt-1 space-y-1">
      {rollCall.map((v) => (
        <li key={v.seatId}>
          <div className="flex justify-between gap-2">
            <span>{v.voterName ?? 'A member'}</span>
            <span className="font-medium">{secret ? 'voted (secret)' : v.choice}</span>
          </div>
          {!secret && v.rationale ? <p className="mt-0.5 text-xs text-zinc-600">“{v.rationale}”</p> : null}
        </li>
      ))}
      {others.map((o) => (
        <li key={o.seatId} className="flex justify-between gap-2 text-zinc-500">
          <span>{o.name ?? 'A member'}</span>
          <span>{o.what}</span>
        </li>
      ))}
    </ul>
  );
}
