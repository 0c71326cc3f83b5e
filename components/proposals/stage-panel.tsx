import { useTranslations } from 'next-intl';
import { BallotForm } from '@/components/proposals/ballot-form';
import { ChoiceBallotForm } from '@/components/proposals/choice-ballot-form';
import type { ChoiceBallotSpec } from '@/components/proposals/choice-ballot-form';
import { CountRounds } from '@/components/proposals/count-rounds';
import type { BallotOffer } from '@/lib/governance/ballot-offer';
import type { QuorumProgress } from '@/lib/governance/progress';
import type { BodySpec, ChoiceCount, StageSpec } from '@/lib/governance/types';
import type { TallyResult } from '@/lib/governance/types';
import { useRuleWords } from '@/components/governance/rule-words';
import { useNotOpenNote, ReceiptLink, StageHeading } from '@/components/proposals/stage-parts';
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

/** One deciding stage: its rules, quorum progress while open, the tally and roll call once closed, and the seat holder's ballot. */
export function StagePanel(p: Props) {
  const { index: i, stage, body, progress, notVoted, recused, tally } = p;
  const note = useNotOpenNote(p.offer, p.blocked);
  const t = useTranslations('stage');
  const words = useRuleWords();
  const rules = {
    quorum: progress.quorumRequired,
    seats: body.charterSeats,
    quorumRatio: words.ratio(stage.quorum),
    window: words.hours(stage.votingWindowHours),
  };
  return (
    <StageVoteProvider myChoice={p.myChoice}>
      <section aria-labelledby={`stage-${i}`} className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
        <StageHeading index={i} stageCount={p.stageCount} bodyName={body.name} />
        <p className="mt-1 text-xs text-zinc-600">
          {p.choice?.election
            ? t('rulesElection', {
                ...rules,
                frozen: String(p.choice.election.frozen),
                winners: p.choice.ballot.winners,
                options: p.choice.ballot.options.length,
                method: p.choice.methodName,
              })
            : p.choice
              ? t('rulesChoice', { ...rules, winners: p.choice.ballot.winners, options: p.choice.ballot.options.length, method: p.choice.methodName })
              : t('rulesYesNo', {
                  ...rules,
                  threshold: words.ratio(stage.threshold),
                  base: stage.thresholdBase === 'charter_seats' ? 'charter_seats' : 'cast',
                })}
        </p>
        {p.choice?.election?.unopposed ? <p className="mt-3 text-sm text-zinc-700">{t('unopposed')}</p> : null}
        {p.choice?.election && !p.choice.election.frozen && !p.choice.election.unopposed ? (
          <p className="mt-3 text-sm text-zinc-600">{t('candidatesFixedLater')}</p>
        ) : null}
        {p.choice && !p.closed && (!p.choice.election || p.choice.election.frozen) && !p.choice.election?.unopposed ? (
          <div className="mt-3 min-w-0">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{t(p.choice.election ? 'candidatesHeading' : 'optionsHeading')}</h3>
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
          <p className="mt-3 text-sm text-zinc-600">{t('notOpened')}</p>
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
                ? t('chosen', {
                    election: String(Boolean(p.choice.election)),
                    names: p.choice.count.result.elected.map((i) => p.choice!.ballot.options[i] ?? t('optionN', { n: i + 1 })).join(', ') || t('none'),
                  })
                : t('failedNoChoice')}
            </p>
            <p className="text-xs text-zinc-600">{t('ballotsOfQuorum', { cast: tally.cast, quorum: tally.quorumRequired })}</p>
            {p.choice.count ? <CountRounds candidates={p.choice.ballot.options} result={p.choice.count.result} /> : null}
            {p.choice.downloads ? (
              <p className="text-xs text-zinc-600">
                {t('downloadsIntro')}{' '}
                <a className="text-brand-700 underline" href={p.choice.downloads.blt} download>
                  {t('blt')}
                </a>{' '}
                {t.rich('bltFor', { code: (chunks) => <code>{chunks}</code> })}{' '}
                <a className="text-brand-700 underline" href={p.choice.downloads.csv} download>
                  {t('csv')}
                </a>
                {t.rich('lot', {
                  seed: () => <code className="break-all">{p.choice!.count?.lotSeed}</code>,
                  command: () => (
                    <code className="break-all">
                      npm run tally -- --method {p.choice!.count?.method.replace('_', '-')} --seed {p.choice!.count?.lotSeed} ballots.blt
                    </code>
                  ),
                })}
              </p>
            ) : null}
            {p.choice.count ? <ReceiptLink myReceipt={p.choice.myReceipt} receiptUrl={p.choice.receiptUrl} /> : null}
          </div>
        ) : null}
        {tally && p.closed && !p.choice ? (
          <div className="mt-3 text-sm">
            <p className="font-semibold">{t('outcome', { outcome: tally.outcome, yes: tally.yes, no: tally.no, abstain: tally.abstain })}</p>
            <p className="text-xs text-zinc-600">{t('tallyLine', { cast: tally.cast, quorum: tally.quorumRequired, yesRequired: tally.yesRequired })}</p>
            <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('rollCall')}</h3>
            <RollCallList rollCall={p.rollCall} notVoted={notVoted} recused={recused} />
          </div>
        ) : null}
        {tally && p.closed && p.choice ? (
          <div className="mt-3 text-sm">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('whoVoted')}</h3>
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
  const t = useTranslations('stage');
  const tc = useTranslations('common');
  const tb = useTranslations('ballot');
  const others = [
    ...notVoted.map((h) => ({ seatId: h.seatId, name: h.holderName, what: t('didNotVote') })),
    ...recused.map((r) => ({ seatId: r.seatId, name: r.userName, what: t('recused') })),
  ];
  return (
    <ul className="mt-1 space-y-1">
      {rollCall.map((v) => (
        <li key={v.seatId}>
          <div className="flex justify-between gap-2">
            <span>{v.voterName ?? tc('aMember')}</span>
            <span className="font-medium">{secret ? t('votedSecret') : tb('choice', { choice: v.choice })}</span>
          </div>
          {!secret && v.rationale ? <p className="mt-0.5 text-xs text-zinc-600">“{v.rationale}”</p> : null}
        </li>
      ))}
      {others.map((o) => (
        <li key={o.seatId} className="flex justify-between gap-2 text-zinc-500">
          <span>{o.name ?? tc('aMember')}</span>
          <span>{o.what}</span>
        </li>
      ))}
    </ul>
  );
}
