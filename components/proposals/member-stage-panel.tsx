import { BallotForm } from '@/components/proposals/ballot-form';
import { LiveMemberVoters, StageVoteProvider } from '@/components/proposals/stage-vote';
import { ChoiceBallotForm } from '@/components/proposals/choice-ballot-form';
import { CountRounds } from '@/components/proposals/count-rounds';
import type { ChoicePanel } from '@/components/proposals/stage-panel';
import type { MemberStageView } from '@/db/read/member-stage';
import type { BallotOffer } from '@/lib/governance/ballot-offer';
import { ratioText } from '@/lib/governance/charter';
import { formatHours } from '@/lib/governance/time';
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

const votesWord = (n: number, weighted: boolean) => (weighted ? `${n} ${n === 1 ? 'vote' : 'votes'}` : `${n} ${n === 1 ? 'member' : 'members'}`);

/** A member-wide stage: who votes (the roll snapshotted when voting opened), delegations, the viewer's ballot, and the count against the roll. */
export function MemberStagePanel(p: Props) {
  const { index: i, stage, body, view, tally } = p;
  const w = view.weighted;
  const note = useNotOpenNote(p.offer, p.blocked);
  return (
    <StageVoteProvider myChoice={p.myChoice}>
      <section aria-labelledby={`stage-${i}`} className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
        <StageHeading index={i} stageCount={p.stageCount} bodyName={body.name} />
        <p className="mt-1 text-xs text-zinc-600">
          Voted by {view.electorate}. Quorum {ratioText(stage.quorum)} of the roll{w ? '’s weight' : ''};{' '}
          {p.choice
            ? `chooses ${p.choice.ballot.winners === 1 ? 'one option' : `${p.choice.ballot.winners} options`} by secret ballot (${p.choice.methodName})`
            : `passes with ${ratioText(stage.threshold)} of ${stage.thresholdBase === 'charter_seats' ? 'the roll' : 'votes cast'}`}
          . Window {formatHours(stage.votingWindowHours)}.{' '}
          {view.delegation
            ? `Members may delegate their vote${view.delegation.maxDepth === null ? '' : ` (chains of at most ${view.delegation.maxDepth})`}; their own ballot always overrides their delegate’s.`
            : 'No delegation: each member votes themselves.'}
        </p>
        {p.choice && (w || view.delegation) ? (
          <p role="note" className="mt-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900" data-secrecy-limit>
            A limit of this secret ballot: each ballot is published with the weight it carried, and the roll, its delegations and who voted are public, so a
            ballot that carried a weight no other ballot carried can be traced to its voter.
          </p>
        ) : null}
        {view.roll ? (
          <p className="mt-3 text-sm">
            <span className="font-medium">Roll:</span> {view.roll.size.toLocaleString('en-US')} {view.roll.size === 1 ? 'member' : 'members'}
            {w ? `, ${view.roll.weight.toLocaleString('en-US')} votes` : ''}, fixed when voting opened{' '}
            <span className="text-xs text-zinc-600">
              (SHA-256 <code className="break-all">{view.roll.hash.slice(0, 16)}…</code>, in the log).
            </span>
          </p>
        ) : (
          <p className="mt-3 text-sm text-zinc-600">
            {p.opened ? '' : 'Voting has not opened. '}The roll — every member of the electorate, with the delegations then in force — is fixed when voting
            opens.
          </p>
        )}
        {view.me && view.roll ? (
          <p className="mt-2 text-sm" data-testid="my-member-vote">
            {view.me.onRoll ? (
              <>
                You are on the roll{w ? ` with ${view.me.weight} ${view.me.weight === 1 ? 'vote' : 'votes'}` : ''}.{' '}
                {view.me.delegateName ? `Unless you vote, your vote goes to ${view.me.delegateName}. ` : ''}
                {view.me.carries.people > 0
                  ? `Your ballot carries ${votesWord(w ? view.me.carries.weight : view.me.carries.people, w)} delegated to you (unless they vote themselves).`
                  : ''}
              </>
            ) : (
              'You are not on the roll of this vote.'
            )}
          </p>
        ) : null}
        {view.delegation && !p.closed ? (
          <p className="mt-1 text-xs">
            <a className="text-brand-700 underline" href={p.delegationsHref}>
              My delegations
            </a>
            {view.roll ? ' (changes apply to votes that open later)' : ''}
          </p>
        ) : null}
        {view.roll && !p.closed ? <LiveMemberVoters voters={view.voters} secret={Boolean(p.choice)} /> : null}
        {view.graph && view.graph.delegates.length > 0 ? (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-zinc-500">
              Delegations in this vote ({(view.graph.delegates.length + view.graph.more).toLocaleString('en-US')}{' '}
              {view.graph.delegates.length + view.graph.more === 1 ? 'delegate' : 'delegates'})
            </summary>
            <ul className="mt-2 space-y-2" aria-label="Who delegated to whom">
              {view.graph.delegates.map((d) => (
                <li key={d.userId}>
                  <span className="font-medium">{d.name}</span> ← {d.delegators.join(', ')}
                  {d.unnamed > 0 ? ` and ${d.unnamed} more` : ''}
                  <span className="text-xs text-zinc-600"> ({votesWord(w ? d.weight : d.delegators.length, w)})</span>
                </li>
              ))}
            </ul>
            {view.graph.more > 0 ? (
              <p className="mt-1 text-xs text-zinc-600">
                …and {view.graph.more.toLocaleString('en-US')} more delegates: the whole roll is published when voting closes.
              </p>
            ) : null}
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
  const unit = weighted ? 'votes' : 'members';
  return (
    <div className="mt-3 space-y-2 text-sm">
      {choice ? (
        <p className="font-semibold">
          {choice.count && tally.outcome === 'passed'
            ? `Chosen: ${choice.count.result.elected.map((i) => choice.ballot.options[i] ?? `option ${i + 1}`).join(', ') || 'none'}`
            : 'Failed quorum: no choice was made'}
        </p>
      ) : (
        <p className="font-semibold">
          {tally.outcome === 'passed' ? 'Passed' : tally.outcome === 'rejected' ? 'Rejected' : 'Failed quorum'}: {tally.yes} yes · {tally.no} no ·{' '}
          {tally.abstain} abstain
        </p>
      )}
      <p className="text-xs text-zinc-600">
        {tally.cast} of {tally.charterSeats} {unit} took part
        {m ? ` (${m.voters} voted themselves; ${m.represented} ${m.represented === 1 ? 'member was' : 'members were'} counted through a delegate)` : ''};{' '}
        {tally.quorumRequired} needed for quorum{choice ? '' : `; ${tally.yesRequired} yes needed`}.
      </p>
      {choice?.count ? <CountRounds candidates={choice.ballot.options} result={choice.count.result} /> : null}
      {choice?.downloads ? (
        <p className="text-xs text-zinc-600">
          The counted ballots, without names:{' '}
          <a className="text-brand-700 underline" href={choice.downloads.blt} download>
            BLT file
          </a>{' '}
          ·{' '}
          <a className="text-brand-700 underline" href={choice.downloads.csv} download>
            CSV
          </a>{' '}
          (one row per ballot, with its receipt and the weight it carried).
        </p>
      ) : null}
      {choice?.count ? <ReceiptLink myReceipt={choice.myReceipt} receiptUrl={choice.receiptUrl} /> : null}
      <h3 id={rollCallId} className="mt-3 scroll-mt-4 text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {choice ? 'Who voted' : 'Roll call (direct votes)'}
        {rollCall && rollCall.pages > 1 ? ` · page ${rollCall.page} of ${rollCall.pages}` : ''}
      </h3>
      <ul className="mt-1 space-y-1">
        {(rollCall?.lines ?? []).map((v, k) => (
          <li key={k} className="flex justify-between gap-2">
            <span className="min-w-0 break-words">{v.voterName ?? 'A member'}</span>
            <span className="font-medium">{choice ? 'voted (secret)' : v.choice}</span>
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
  return (
    <nav aria-label="Roll call pages" className="mt-2 space-y-1 text-xs text-zinc-600">
      <p>
        Members {first.toLocaleString('en-US')}–{(first + lines.length - 1).toLocaleString('en-US')} of {total.toLocaleString('en-US')} who voted themselves.
        The whole roll call and roll are published with the close in the{' '}
        <a className="text-brand-700 underline" href={hrefs.logHref}>
          decision log
        </a>
        .
      </p>
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        {page > 1 ? (
          <a className="font-medium text-brand-700 underline" href={href(page - 1)} rel="prev">
            ← Previous 100
          </a>
        ) : null}
        {page < pages ? (
          <a className="font-medium text-brand-700 underline" href={href(page + 1)} rel="next">
            Next 100 →
          </a>
        ) : null}
      </p>
    </nav>
  );
}

/** Turnout by stakeholder group, as the roll recorded each member's group when voting opened. */
function Participation({ rows }: { rows: MemberStageView['participation'] }) {
  return (
    <div className="mt-3 min-w-0 text-sm">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Participation by group</h3>
      <div className="mt-1 overflow-x-auto" role="region" aria-label="Participation by group" tabIndex={0}>
        <table className="w-full text-left text-xs">
          <thead>
            <tr className="text-zinc-600">
              <th scope="col" className="py-1 pr-2 font-medium">
                Group
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">
                On the roll
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">
                Voted
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Counted
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group ?? ''} className="border-t border-zinc-100">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {r.group ?? 'No group'}
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
      <p className="mt-1 text-xs text-zinc-600">“Counted”: voted themselves or through a delegate.</p>
    </div>
  );
}
