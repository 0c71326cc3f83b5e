import { useLocale, useTranslations } from 'next-intl';
import { answerNominationAction, nominateCandidateAction } from '@/app/o/[slug]/proposals/actions';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { SelectField } from '@/components/ui/select-field';
import type { NominationStatus } from '@/lib/governance/election';
import { useRuleWordText } from '@/components/governance/rule-word-text';
import type { RuleWordPart } from '@/lib/governance/rule-word-parts';
import { seatClassLabel } from '@/lib/governance/seat-class';

/** Names are null for a person without one ("A member"). */
export type NominationLine = { id: string; nomineeName: string | null; nominatorName: string | null; self: boolean; status: NominationStatus };

type Props = {
  ids: { orgId: string; proposalId: string };
  /** The seats ("3 vacant general seats of the Board"): as the draft named them (vacant now, counted again when voting opens), or as frozen when voting opened. */
  seats: { count: number; frozen: boolean; seatClass: string; body: string };
  /** The type's election rule; null: the charter names none (single transferable vote). */
  rule: 'scottish_stv' | 'meek_stv' | null;
  /** While the comment window runs: when nominations close. Null once closed (or before publication). */
  openUntil: Date | null;
  nominations: NominationLine[];
  /** Members the viewer may nominate (empty: the viewer may not nominate now); `self` is the viewer. */
  nominees: { value: string; name: string | null; self: boolean }[];
  /** The viewer's own open nomination: answer it (accept / decline) or withdraw an acceptance. */
  mine: 'nominated' | 'accepted' | null;
  /**
   * A class seat: the declaration a nominee makes by accepting. `text` is what the log records (the rules' English words,
   * `defaultDeclaration`); `part` the same declaration for the reader's language.
   */
  declaration: { text: string; part?: RuleWordPart } | null;
  /** Once voting opened: the candidates on the ballot, in ballot order. */
  candidates: string[] | null;
  /** An election decided without a vote: the plain sentence from the log. */
  unopposed: string | null;
  /** The same sentence as parts (from the log's facts), for the reader's language; absent: the log's sentence is shown as it is. */
  unopposedParts?: readonly RuleWordPart[] | null;
  /** Once seated: who holds each seat of the election now (`holder` null and `held`: a person without a name). */
  seated: { position: number; held: boolean; holder: string | null }[] | null;
};

/** A seat election: the seats, the nominations and their answers, the forms to nominate and to answer, the frozen ballot and who was seated. */
export function ElectionSection(p: Props) {
  const t = useTranslations('election');
  const tc = useTranslations('charter');
  const tp = useTranslations('newProposal');
  const tw = useTranslations('ruleWords');
  const sayRule = useRuleWordText();
  const english = useLocale() === 'en';
  const unopposed = p.unopposed && p.unopposedParts ? sayRule(p.unopposedParts) : p.unopposed;
  const known = ['general', 'independent', 'employee_representative', 'member_elected'] as const;
  const classWord = (key: string) => (known.includes(key as (typeof known)[number]) ? tp(`classWord_${key as (typeof known)[number]}`) : seatClassLabel(key));
  const nameOf = (name: string | null) => name ?? t('aMember');
  const accepted = p.nominations.filter((n) => n.status === 'accepted').length;
  return (
    <LabelledSection
      id="election"
      title={t('title')}
      className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
      headingClassName="mb-3 text-lg font-semibold"
    >
      <p className="text-sm">
        {t('intro', {
          seats: t('seats', { ...p.seats, frozen: String(p.seats.frozen), seatClass: classWord(p.seats.seatClass) }),
          rule: p.rule ? tc(`methods.${p.rule}`) : t('ruleDefault'),
        })}
      </p>
      {p.declaration ? (
        <div className="mt-3 text-sm">
          <p className="font-medium">{t('reserved', { seatClass: classWord(p.seats.seatClass) })}</p>
          {english || !p.declaration.part ? (
            <blockquote className="mt-1 border-l-4 border-zinc-300 pl-3 text-zinc-700">{p.declaration.text}</blockquote>
          ) : (
            <>
              <blockquote className="mt-1 border-l-4 border-zinc-300 pl-3 text-zinc-700">{sayRule(p.declaration.part)}</blockquote>
              {/* What accepting records is the rules' English: shown as it is, marked as English. */}
              <p className="mt-2 text-xs text-zinc-600">{tw('declarationRecorded')}</p>
              <blockquote lang="en" className="mt-1 border-l-4 border-zinc-200 pl-3 text-xs text-zinc-600">
                {p.declaration.text}
              </blockquote>
            </>
          )}
        </div>
      ) : null}

      <h3 className="mt-4 text-sm font-semibold">
        {t('nominations')}{' '}
        <span className="font-normal text-zinc-600">
          {p.openUntil
            ? t('countOpen', { made: p.nominations.length, accepted, until: p.openUntil })
            : t('countClosed', { made: p.nominations.length, accepted })}
        </span>
      </h3>
      {p.nominations.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600">{t('none')}</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {p.nominations.map((n) => (
            <li key={n.id} className="break-words">
              <span className="font-medium">{nameOf(n.nomineeName)}</span> — {t(`status_${n.status}`)}
              <span className="text-xs text-zinc-600"> · {n.self ? t('stoodThemselves') : t('nominatedBy', { name: nameOf(n.nominatorName) })}</span>
            </li>
          ))}
        </ul>
      )}

      {p.mine === 'nominated' ? (
        <div className="mt-4 grid gap-3 border-t border-zinc-100 pt-4 sm:grid-cols-2">
          <ActionForm action={answerNominationAction} hidden={{ ...p.ids, answer: 'accept' }} submitLabel={t('accept')} label={t('acceptLabel')}>
            {p.declaration ? (
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="declarationConfirmed" value="yes" className="mt-1" />
                <span>{t('declare')}</span>
              </label>
            ) : null}
          </ActionForm>
          <AnswerForm ids={p.ids} answer="decline" submitLabel={t('decline')} label={t('declineLabel')} />
        </div>
      ) : null}
      {p.mine === 'accepted' ? (
        <div className="mt-4 border-t border-zinc-100 pt-4">
          <p className="mb-2 text-sm">{t('candidateNote')}</p>
          <AnswerForm ids={p.ids} answer="withdraw" submitLabel={t('withdraw')} label={t('withdrawLabel')} />
        </div>
      ) : null}
      {p.nominees.length > 0 ? (
        <div className="mt-4 border-t border-zinc-100 pt-4">
          <ActionForm action={nominateCandidateAction} hidden={p.ids} submitLabel={t('nominate')} variant="secondary" label={t('nominateLabel')}>
            <SelectField
              id="nominee"
              name="nomineeUserId"
              label={t('nominee')}
              prompt={tp('choose')}
              options={p.nominees.map((m) => ({ value: m.value, label: m.self ? t('yourself', { name: nameOf(m.name) }) : nameOf(m.name) }))}
              hint={t('nomineeHint')}
            />
          </ActionForm>
        </div>
      ) : null}

      {unopposed ? <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{unopposed}</p> : null}
      {p.candidates && !p.unopposed ? (
        <p className="mt-4 text-sm">{t.rich('onBallot', { names: p.candidates.join(', '), b: (chunks) => <span className="font-medium">{chunks}</span> })}</p>
      ) : null}
      {p.seated ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">{t('seatsNow')}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {p.seated.map((s) => (
              <li key={s.position}>{s.held ? t('seatHeld', { position: s.position, holder: nameOf(s.holder) }) : t('seatVacant', { position: s.position })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </LabelledSection>
  );
}

/** The nominee's one-button answer (decline, withdraw). */
function AnswerForm({ ids, answer, submitLabel, label }: { ids: Props['ids']; answer: 'decline' | 'withdraw'; submitLabel: string; label: string }) {
  return <ActionForm action={answerNominationAction} hidden={{ ...ids, answer }} submitLabel={submitLabel} variant="secondary" label={label} />;
}
