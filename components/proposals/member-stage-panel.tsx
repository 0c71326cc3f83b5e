import { useTranslations } from 'next-intl';
import { useRuleWords } from '@/components/governance/rule-words';
import { BallotForm } from '@/components/proposals/ballot-form';
import { LiveMemberVoters, StageVoteProvider } from '@/components/proposals/stage-vote';
import { ChoiceBallotForm } from '@/components/proposals/choice-ballot-form';
import { CountRounds } from '@/components/proposals/count-rounds';
import type { ChoicePanel } from '@/components/proposals/stage-panel';
import type { MemberStageView } from '@/db/read/member-stage';
import type { BallotOffer } from '@/lib/governance/ballot-offer';
import type { BodySpec, StageSpec, TallyResult } from '@/lib/governance/types';
import { useNotOpenNote, ReceiptLink, StageHeading } from '@/components/proposals/stage-parts';

type Props = {
  index: number;
  stageCount: number;
  stage: StageSpec;
  body: BodySpec;
  view: MemberStageView;
  opened: boolean;
  closed: boolean;
  tally: TallyResult | null;
  /** The proposal page (its roll-call pages are `?rollcall=N`) and the proposal's entries in the decision log. */
  proposalHref: string;
  logHref: string;
  offer: BallotOffer;
  myChoice: string | null;
  blocked: string | null;
  ids: { orgId: string; proposalId: string };
  choice?: Omit<ChoicePanel, 'election' | 'secrecyWarning'>;
  /** Where members manage their delegations. */
  delegationsHref: string;
};

type T = ReturnType<typeof useTranslations<'proposalPanels'>>;
const votesWord = (t: T, n: number, weighted: boolean) => t('votesWord', { n, weighted: String(weighted) });

/** A member-wide stage: who votes (the roll snapshotted when voting opened), delegations, the viewer's ballot, and the count against the roll. */
export function MemberStagePanel(p: Props) {
  const { index: i, stage, body, view, tally } = p;
  const w = view.weighted;
  const note = useNotOpenNote(p.offer, p.blocked);
  const t = useTranslations('proposalPanels');
  const { ratio, hours } = useRuleWords();
  const electorate = body.electorate
    ? t('electorate', { kind: body.electorate.kind, group: body.electorate.group ?? '', weighted: String(body.electorate.weighted) })
    : view.electorate;
  return (
    <StageVoteProvider myChoice={p.myChoice}>
      <section aria-labelledby={`stage-${i}`} className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
        <StageHeading index={i} stageCount={p.stageCount} bodyName={body.name} />
        <p className="mt-1 text-xs text-zinc-600">
          {t('memberRules', {
            electorate,
            quorum: ratio(stage.quorum),
            weighted: String(w),
            window: hours(stage.votingWindowHours),
            decides: p.choice
              ? t('memberChooses', { winners: p.choice.ballot.winners, method: p.choice.methodName })
              : t('memberPasses', { threshold: ratio(stage.threshold), base: stage.thresholdBase }),
          })}{' '}
          {view.delegation
            ? t('delegationAllowed', { limited: String(view.delegation.maxDepth !== null), depth: view.delegation.maxDepth ?? 0 })
            : t('delegationNone')}
        </p>
        {p.choice && (w || view.delegation) ? (
          <p role="note" className="mt-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900" data-secrecy-limit>
            {t('secrecyLimit')}
          </p>
        ) : null}
        {view.roll ? (
          <p className="mt-3 text-sm">
            {t.rich('roll', {
              b: (chunks) => <span className="font-medium">{chunks}</span>,
              size: view.roll.size,
              weighted: String(w),
              weight: view.roll.weight,
            })}{' '}
            <span className="text-xs text-zinc-600">
              {t.rich('rollHash', { code: () => <code className="break-all">{view.roll!.hash.slice(0, 16)}…</code> })}
            </span>
          </p>
        ) : (
          <p className="mt-3 text-sm text-zinc-600">{t('rollLater', { opened: String(p.opened) })}</p>
        )}
        {view.me && view.roll ? (
          <p className="mt-2 text-sm" data-testid="my-member-vote">
            {view.me.onRoll ? (
              <>
                {t('onRoll', { weighted: String(w), weight: view.me.weight })}{' '}
                {view.me.delegateName ? `${t('yourDelegate', { name: view.me.delegateName })} ` : ''}
                {view.me.carries.people > 0 ? t('youCarry', { votes: votesWord(t, w ? view.me.carries.weight : view.me.carries.people, w) }) : ''}
              </>
            ) : (
              t('notOnRoll')
            )}
          </p>
        ) : null}
        {view.delegation && !p.closed ? (
          <p className="mt-1 text-xs">
            <a className="text-brand-700 underline" href={p.delegationsHref}>
              {t('myDelegations')}
            </a>
            {view.roll ? ` ${t('appliesLater')}` : ''}
          </p>
        ) : null}
        {view.roll && !p.closed ? <LiveMemberVoters voters={view.voters} secret={Boolean(p.choice)} /> : null}
        {view.graph && view.graph.delegates.length > 0 ? (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-zinc-500">
              {t('delegationsInVote', { count: view.graph.delegates.length + view.graph.more })}
            </summary>
            <ul className="mt-2 space-y-2" aria-label={t('whoDelegated')}>
              {view.graph.delegates.map((d) => (
                <li key={d.userId}>
                  <span className="font-medium">{d.name}</span> ← {d.delegators.join(', ')}
                  {d.unnamed > 0 ? ` ${t('andMore', { n: d.unnamed })}` : ''}
                  <span className="text-xs text-zinc-600"> ({votesWord(t, w ? d.weight : d.delegators.length, w)})</span>
                </li>
              ))}
            </ul>
            {view.graph.more > 0 ? <p className="mt-1 text-xs text-zinc-600">{t('moreDelegates', { count: view.graph.more })}</p> : null}
          </details>
        ) : null}
        {tally && p.closed ? (
          <MemberResult tally={tally} weighted={w} choice={p.choice} rollCall={view.rollCall} rollCallId={`stage-${i}-roll-call`} hrefs={p} />
        ) : null}
        {p.closed && view.participation.length > 0 ? <Participation rows={view.participation} /> : null}
        {p.offer.show && p.choice ? (
          <ChoiceBallotForm ids={p.ids} bodyName={body.name} ballot={p.choice.ballot} mine={p.choice.mine} receipt={p.choice.myReceipt} notOpenNote={note} />
        ) : null}
        {p.offer.show && !p.choice ? <BallotForm ids={p.ids} stageIndex={i} bodyName={body.name} myChoice={p.myChoice} notOpenNote={note} /> : null}
      </section>
    </StageVoteProvider>
  );
}

function MemberResult({
  tally,
  weighted,
  choice,
  rollCall,
  rollCallId,
  hrefs,
}: {
  tally: TallyResult;
  weighted: boolean;
  choice: Props['choice'];
  rollCall: MemberStageView['rollCall'];
  rollCallId: string;
  hrefs: { proposalHref: string; logHref: string };
}) {
  const m = tally.members;
  const t = useTranslations('proposalPanels');
  const ts = useTranslations('stage');
  return (
    <div className="mt-3 space-y-2 text-sm">
      {choice ? (
        <p className="font-semibold">
          {choice.count && tally.outcome === 'passed'
            ? ts('chosen', {
                election: 'false',
                names: choice.count.result.elected.map((i) => choice.ballot.options[i] ?? ts('optionN', { n: i + 1 })).join(', ') || ts('none'),
              })
            : ts('failedNoChoice')}
        </p>
      ) : (
        <p className="font-semibold">{t('memberOutcome', { outcome: tally.outcome, yes: tally.yes, no: tally.no, abstain: tally.abstain })}</p>
      )}
      <p className="text-xs text-zinc-600">
        {t('tookPart', { cast: tally.cast, seats: tally.charterSeats, weighted: String(weighted) })}
        {m ? ` ${t('throughDelegate', { voters: m.voters, represented: m.represented })}` : ''};{' '}
        {t('neededQuorum', { quorum: tally.quorumRequired, choice: String(Boolean(choice)), yesRequired: tally.yesRequired })}
      </p>
      {choice?.count ? <CountRounds candidates={choice.ballot.options} result={choice.count.result} /> : null}
      {choice?.downloads ? (
        <p className="text-xs text-zinc-600">
          {ts('downloadsIntro')}{' '}
          <a className="text-brand-700 underline" href={choice.downloads.blt} download>
            {ts('blt')}
          </a>{' '}
          ·{' '}
          <a className="text-brand-700 underline" href={choice.downloads.csv} download>
            {ts('csv')}
          </a>{' '}
          {t('perBallot')}
        </p>
      ) : null}
      {choice?.count ? <ReceiptLink myReceipt={choice.myReceipt} receiptUrl={choice.receiptUrl} /> : null}
      <h3 id={rollCallId} className="mt-3 scroll-mt-4 text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {choice ? ts('whoVoted') : t('rollCallDirect')}
        {rollCall && rollCall.pages > 1 ? ` · ${t('pageOf', { page: rollCall.page, pages: rollCall.pages })}` : ''}
      </h3>
      <ul className="mt-1 space-y-1">
        {(rollCall?.lines ?? []).map((v, k) => (
          <li key={k} className="flex justify-between gap-2">
            <span className="min-w-0 break-words">{v.voterName ?? t('aMember')}</span>
            <span className="font-medium">{choice ? ts('votedSecret') : t('choice', { choice: v.choice })}</span>
          </li>
        ))}
      </ul>
      {rollCall && rollCall.pages > 1 ? <RollCallPages rollCall={rollCall} id={rollCallId} hrefs={hrefs} /> : null}
    </div>
  );
}

/** Links between the roll call's pages (100 lines each), and to the close entry that publishes all of it. */
function RollCallPages({
  rollCall,
  id,
  hrefs,
}: {
  rollCall: NonNullable<MemberStageView['rollCall']>;
  id: string;
  hrefs: { proposalHref: string; logHref: string };
}) {
  const { page, pages, total, lines } = rollCall;
  const first = (page - 1) * 100 + 1;
  const href = (n: number) => `${hrefs.proposalHref}${n === 1 ? '' : `?rollcall=${n}`}#${id}`;
  const t = useTranslations('proposalPanels');
  return (
    <nav aria-label={t('rollCallPages')} className="mt-2 space-y-1 text-xs text-zinc-600">
      <p>
        {t.rich('rollCallRange', {
          first,
          last: first + lines.length - 1,
          total,
          log: (chunks) => (
            <a className="text-brand-700 underline" href={hrefs.logHref}>
              {chunks}
            </a>
          ),
        })}
      </p>
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        {page > 1 ? (
          <a className="font-medium text-brand-700 underline" href={href(page - 1)} rel="prev">
            {t('previous100')}
          </a>
        ) : null}
        {page < pages ? (
          <a className="font-medium text-brand-700 underline" href={href(page + 1)} rel="next">
            {t('next100')}
          </a>
        ) : null}
      </p>
    </nav>
  );
}

/** Turnout by stakeholder group, as the roll recorded each member's group when voting opened. */
function Participation({ rows }: { rows: MemberStageView['participation'] }) {
  const t = useTranslations('proposalPanels');
  return (
    <div className="mt-3 min-w-0 text-sm">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('participation')}</h3>
      <div className="mt-1 overflow-x-auto" role="region" aria-label={t('participation')} tabIndex={0}>
        <table className="w-full text-left text-xs">
          <thead>
            <tr className="text-zinc-600">
              <th scope="col" className="py-1 pr-2 font-medium">
                {t('group')}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">
                {t('onTheRoll')}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">
                {t('voted')}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t('counted')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group ?? ''} className="border-t border-zinc-100">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {r.group ?? t('noGroup')}
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">{r.members}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{r.voted}</td>
                <td className="py-1 text-right tabular-nums">
                  {r.counted} ({Math.round((100 * r.counted) / Math.max(r.members, 1))}%)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-1 text-xs text-zinc-600">{t('countedNote')}</p>
    </div>
  );
}
