import { ObjectionForm } from '@/components/proposals/objection-form';
import type { BallotOffer } from '@/lib/governance/ballot-offer';
import { consentRevisionText, consentRuleText } from '@/lib/governance/consent';
import { formatHours } from '@/lib/governance/time';
import type { BodySpec, ProposalTypeSpec, StageSpec, TallyResult } from '@/lib/governance/types';

export type ObjectionLine = { id: string; seatId: string; objectorName: string | null; reason: string; raisedAt: Date; withdrawnAt: Date | null };

type Props = {
  stage: StageSpec;
  body: BodySpec;
  /** The type's late-revision rule: a revision near the close extends the window. */
  lateRevision: Pick<ProposalTypeSpec, 'lateRevisionWindowHours' | 'lateRevisionExtensionHours'>;
  opened: boolean;
  closed: boolean;
  /** Objections raised at this stage, oldest first; withdrawn ones have `withdrawnAt`. */
  objections: ObjectionLine[];
  /** The objections that stood at the close, as the close recorded them (counted by the pure rules). */
  stood: ObjectionLine[];
  tally: TallyResult | null;
  recused: { seatId: string; userName: string | null }[];
  /** Whether the viewer may object here (a member holding a seat of the body, not recused), and whether the window is open. */
  offer: BallotOffer;
  /** The viewer's standing objection's reason, or null. */
  mine: string | null;
  blocked: string | null;
  ids: { orgId: string; proposalId: string };
};

const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

function Objections({ list, heading }: { list: ObjectionLine[]; heading: string }) {
  return (
    <>
      <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-zinc-500">{heading}</h3>
      <ul className="mt-1 space-y-2 text-sm">
        {list.map((o) => (
          <li key={o.id} className="min-w-0">
            <p>
              <span className="font-medium">{o.objectorName ?? 'A member'}</span> <span className="text-xs text-zinc-600">objected {when(o.raisedAt)}</span>
            </p>
            <p className="mt-0.5 whitespace-pre-line break-words text-zinc-800">“{o.reason}”</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A stage decided by consent: the rule in words, the public objections, the seat holder's objection form, and the outcome once closed. */
export function ConsentPanel(p: Props) {
  const { body, stage, tally } = p;
  // A seat that declared a conflict after objecting no longer counts its objection (consent.ts).
  const recusedSeats = new Set(p.recused.map((r) => r.seatId));
  const standing = p.objections.filter((o) => o.withdrawnAt === null && !recusedSeats.has(o.seatId));
  const withdrawnCount = p.objections.length - standing.length;
  return (
    <section aria-labelledby="stage-consent" className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
      <h2 id="stage-consent" className="font-semibold">
        {body.name} decision by consent
      </h2>
      <p className="mt-1 text-xs text-zinc-600">
        {consentRuleText} Window {formatHours(stage.votingWindowHours)}, after the comment window. {consentRevisionText(p.lateRevision)}
      </p>
      {!p.opened ? <p className="mt-3 text-sm text-zinc-600">The consent window has not opened.</p> : null}
      {p.opened && !p.closed ? (
        <>
          {standing.length === 0 ? (
            <p className="mt-3 text-sm">No objection stands.</p>
          ) : (
            <Objections list={standing} heading={`${standing.length} ${standing.length === 1 ? 'objection stands' : 'objections stand'}`} />
          )}
          {withdrawnCount > 0 ? (
            <p className="mt-2 text-xs text-zinc-600">
              {withdrawnCount} earlier {withdrawnCount === 1 ? 'objection was' : 'objections were'} withdrawn or replaced (see the record).
            </p>
          ) : null}
          {p.recused.length > 0 ? <p className="mt-2 text-xs text-zinc-600">Recused: {p.recused.map((r) => r.userName ?? 'a member').join(', ')}.</p> : null}
        </>
      ) : null}
      {p.closed && tally ? (
        <div className="mt-3 text-sm">
          <p className="font-semibold">
            {tally.outcome === 'passed'
              ? 'Passed: no objection stood'
              : `Rejected: ${tally.consent?.objections ?? p.stood.length} ${(tally.consent?.objections ?? p.stood.length) === 1 ? 'objection' : 'objections'} stood`}
          </p>
          {p.stood.length > 0 ? <Objections list={p.stood} heading="The objections that stood" /> : null}
        </div>
      ) : null}
      {p.offer.show ? (
        <ObjectionForm
          ids={p.ids}
          bodyName={body.name}
          mine={p.mine}
          notOpenNote={
            p.offer.open
              ? null
              : p.blocked
                ? `The window cannot open: ${p.blocked}`
                : 'The consent window is not open yet; the server refuses early objections and says why.'
          }
        />
      ) : null}
    </section>
  );
}
