import { useFormatter, useTranslations } from 'next-intl';
import { useRuleWords } from '@/components/governance/rule-words';
import { ObjectionForm } from '@/components/proposals/objection-form';
import type { BallotOffer } from '@/lib/governance/ballot-offer';
import type { BodySpec, ProposalTypeSpec, StageSpec, TallyResult } from '@/lib/governance/types';
import { formats } from '@/lib/i18n/formats';

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

function Objections({ list, heading }: { list: ObjectionLine[]; heading: string }) {
  const t = useTranslations('proposalPanels');
  const format = useFormatter();
  // When it was raised: through Intl in the page's language, in UTC, as every date on the page (lib/i18n/formats.ts).
  const when = (d: Date) => format.dateTime(d, formats.dateTime.long);
  return (
    <>
      <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-zinc-500">{heading}</h3>
      <ul className="mt-1 space-y-2 text-sm">
        {list.map((o) => (
          <li key={o.id} className="min-w-0">
            <p>
              <span className="font-medium">{o.objectorName ?? t('aMember')}</span>{' '}
              <span className="text-xs text-zinc-600">{t('objectedAt', { at: when(o.raisedAt) })}</span>
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
  const t = useTranslations('proposalPanels');
  const { hours } = useRuleWords();
  const stoodCount = tally?.consent?.objections ?? p.stood.length;
  // A seat that declared a conflict after objecting no longer counts its objection (consent.ts).
  const recusedSeats = new Set(p.recused.map((r) => r.seatId));
  const standing = p.objections.filter((o) => o.withdrawnAt === null && !recusedSeats.has(o.seatId));
  const withdrawnCount = p.objections.length - standing.length;
  return (
    <section aria-labelledby="stage-consent" className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
      <h2 id="stage-consent" className="font-semibold">
        {t('consentHeading', { body: body.name })}
      </h2>
      <p className="mt-1 text-xs text-zinc-600">
        {t('consentRule')} {t('consentWindow', { window: hours(stage.votingWindowHours) })}{' '}
        {t('consentRevision', { within: hours(p.lateRevision.lateRevisionWindowHours), extension: hours(p.lateRevision.lateRevisionExtensionHours) })}
      </p>
      {!p.opened ? <p className="mt-3 text-sm text-zinc-600">{t('consentNotOpened')}</p> : null}
      {p.opened && !p.closed ? (
        <>
          {standing.length === 0 ? (
            <p className="mt-3 text-sm">{t('noObjection')}</p>
          ) : (
            <Objections list={standing} heading={t('objectionsStand', { count: standing.length })} />
          )}
          {withdrawnCount > 0 ? <p className="mt-2 text-xs text-zinc-600">{t('objectionsWithdrawn', { count: withdrawnCount })}</p> : null}
          {p.recused.length > 0 ? (
            <p className="mt-2 text-xs text-zinc-600">{t('recusedList', { names: p.recused.map((r) => r.userName ?? t('aMemberLower')).join(', ') })}</p>
          ) : null}
        </>
      ) : null}
      {p.closed && tally ? (
        <div className="mt-3 text-sm">
          <p className="font-semibold">{tally.outcome === 'passed' ? t('consentPassed') : t('consentRejected', { count: stoodCount })}</p>
          {p.stood.length > 0 ? <Objections list={p.stood} heading={t('stoodHeading')} /> : null}
        </div>
      ) : null}
      {p.offer.show ? (
        <ObjectionForm
          ids={p.ids}
          mine={p.mine}
          notOpenNote={p.offer.open ? null : p.blocked ? t('windowCannotOpen', { reason: p.blocked }) : t('consentNotOpenYet')}
          words={{
            recorded: t('objectionRecorded'),
            stands: t('objectionStands'),
            withdrawn: t('objectionWithdrawnNote'),
            none: t('objectionNone'),
            formLabel: t('objectionFormLabel', { body: body.name }),
            reasonLabel: t('objectionReasonLabel'),
            hint: t('objectionHint'),
            replace: t('objectionReplace'),
            raise: t('objectionRaise'),
            withdrawLabel: t('objectionWithdrawLabel'),
            withdraw: t('objectionWithdraw'),
          }}
        />
      ) : null}
    </section>
  );
}
