import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import type { RollCallView } from '@/db/read/meeting-roll-calls';
import type { ActionState } from '@/lib/actions/state';
import { useRuleWords } from '@/components/governance/rule-words';
import { useMeetingRuleWords } from './meeting-rule-words';
import { motionWords } from './motion-words';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const input =
  'mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const labelCls = 'block text-sm font-medium text-zinc-900';

const standingStyle: Record<RollCallView['standing'], string> = {
  held: 'border-amber-300 bg-amber-50 text-amber-950',
  in_effect: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  ratified: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  not_carried: 'border-zinc-300 bg-zinc-50 text-zinc-800',
};

/** The standing of a roll call's motion, in words, as a badge: held motions say so on every page. */
export function StandingBadge({ r, slug }: { r: Pick<RollCallView, 'id' | 'standing' | 'standingPart' | 'ratifiedByProposalNumber'>; slug: string }) {
  const t = useTranslations('meetings.rollCallView');
  const say = useMeetingRuleWords();
  return (
    <p className={`inline-block rounded-lg border px-2 py-1 text-sm font-semibold ${standingStyle[r.standing]}`}>
      {say(r.standingPart)}
      {r.standing === 'ratified' && r.ratifiedByProposalNumber !== null ? (
        <>
          {' '}
          {t.rich('ratifiedBy', {
            number: r.ratifiedByProposalNumber,
            link: (chunks) => (
              <Link href={`/o/${slug}/proposals/${r.ratifiedByProposalNumber}`} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </>
      ) : null}
      {r.standing === 'held' ? (
        <>
          {' · '}
          <Link href={`/o/${slug}/proposals/new?ratifiesMotion=${r.id}`} className="underline">
            {t('proposeRatification')}
          </Link>
        </>
      ) : null}
    </p>
  );
}

/** A meeting's roll calls: motion, standing, outcome, each vote with its confirmation or public dispute; the viewer's own answer forms. */
export function RollCallList({
  rollCalls,
  slug,
  orgId,
  meetingId,
  viewerId,
  answerAction,
  writable,
  at,
}: {
  rollCalls: RollCallView[];
  slug: string;
  orgId: string;
  meetingId: string;
  viewerId: string | null;
  answerAction: Action;
  writable: boolean;
  at: Date;
}) {
  const t = useTranslations('meetings.rollCallView');
  const tm = useTranslations('meetings');
  const say = useMeetingRuleWords();
  const { ratio } = useRuleWords();
  if (rollCalls.length === 0) return <p className="text-sm text-zinc-600">{t('none')}</p>;
  return (
    <ol className="space-y-6">
      {rollCalls.map((r) => {
        const own = viewerId ? r.votes.find((v) => v.userId === viewerId) : undefined;
        const open = at.getTime() <= r.answerBy.getTime();
        return (
          <li key={r.id} aria-labelledby={`roll-call-${r.number}`} className="border-t border-zinc-100 pt-4 first:border-t-0 first:pt-0">
            <h3 id={`roll-call-${r.number}`} className="font-semibold break-words text-zinc-900">
              {t('heading', { number: r.number, motion: motionWords(tm, r.motion, r.proposalNumber) })}
            </h3>
            <p className="mt-1 text-xs text-zinc-600">
              {t('recorded', { at: r.recordedAt })}
              {' · '}
              {r.agendaItem !== null ? t('agendaItem', { item: r.agendaItem }) : t('offAgenda')}
              {r.proposalNumber !== null ? (
                <>
                  {' · '}
                  {t.rich('resolution', {
                    number: r.proposalNumber,
                    link: (chunks) => (
                      <Link href={`/o/${slug}/proposals/${r.proposalNumber}`} className="text-brand-700 underline">
                        {chunks}
                      </Link>
                    ),
                  })}
                </>
              ) : null}
            </p>
            <div className="mt-2">
              <StandingBadge r={r} slug={slug} />
            </div>
            {r.disputes > 0 ? <p className="mt-2 text-sm font-semibold text-red-800">{t('disputes', { count: r.disputes })}</p> : null}
            <p className="mt-2 text-sm text-zinc-700">
              {say(r.outcomePart)} {t('majority', { majority: ratio(r.majority) })}
            </p>
            <ul className="mt-2 divide-y divide-zinc-100 text-sm">
              {r.votes.map((v, i) => (
                <li key={v.userId ?? `former-${i}`} className="py-1.5 break-words">
                  <span className="font-medium text-zinc-900">{v.name}</span>: {t('vote', { vote: v.vote })}
                  {' · '}
                  {v.answer === 'confirmed' ? (
                    tm('confirmed')
                  ) : v.answer === 'disputed' ? (
                    <span className="font-semibold text-red-800">{v.disputeNote ? tm('disputedNote', { note: v.disputeNote }) : tm('disputed')}</span>
                  ) : (
                    tm('notConfirmed')
                  )}
                </li>
              ))}
            </ul>
            {own && writable && open && !own.answer ? (
              <AnswerVoteForms
                action={answerAction}
                orgId={orgId}
                meetingId={meetingId}
                rollCallId={r.id}
                vote={t('vote', { vote: own.vote })}
                answerBy={r.answerBy}
                n={r.number}
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function AnswerVoteForms({
  action,
  orgId,
  meetingId,
  rollCallId,
  vote,
  answerBy,
  n,
}: {
  action: Action;
  orgId: string;
  meetingId: string;
  rollCallId: string;
  vote: string;
  answerBy: Date;
  n: number;
}) {
  const t = useTranslations('meetings.rollCallView');
  const tf = useTranslations('meetings.forms');
  return (
    <div className="mt-3 space-y-3 rounded-xl bg-zinc-50 p-3">
      <p className="text-sm text-zinc-700">{t.rich('yourVote', { vote, at: answerBy, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <ActionForm
        action={action}
        hidden={{ orgId, meetingId, rollCallId, answer: 'confirmed' }}
        submitLabel={t('confirmVote')}
        pendingLabel={tf('confirming')}
        label={t('confirmVoteLabel', { number: n })}
      >
        {null}
      </ActionForm>
      <details className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">{t('disputeVoteMore')}</summary>
        <ActionForm
          action={action}
          hidden={{ orgId, meetingId, rollCallId, answer: 'disputed' }}
          submitLabel={t('disputeVote')}
          pendingLabel={tf('sending')}
          variant="secondary"
          label={t('disputeVoteLabel', { number: n })}
          className="mt-2"
        >
          <label htmlFor={`vote-dispute-${n}`} className={labelCls}>
            {tf('whatIsWrong')}
          </label>
          <input id={`vote-dispute-${n}`} name="note" maxLength={1000} className={input} />
        </ActionForm>
      </details>
    </div>
  );
}

/** The secretary's roll-call form: the motion (an agenda item or free text) and each seat holder's vote. */
export function RecordRollCallForm({
  action,
  orgId,
  meetingId,
  agenda,
  seatHolders,
}: {
  action: Action;
  orgId: string;
  meetingId: string;
  agenda: string[];
  seatHolders: { id: string; name: string; attending: boolean }[];
}) {
  const t = useTranslations('meetings.rollCallView');
  const tf = useTranslations('meetings.forms');
  return (
    <ActionForm action={action} hidden={{ orgId, meetingId }} submitLabel={t('record')} pendingLabel={tf('recording')} label={t('recordLabel')}>
      <div className="space-y-3">
        <div>
          <label htmlFor="roll-call-item" className={labelCls}>
            {t('agendaItemLabel')}
          </label>
          <select id="roll-call-item" name="agendaItem" className={input} defaultValue="">
            <option value="">{t('noItem')}</option>
            {agenda.map((a, i) => (
              <option key={i} value={String(i + 1)}>
                {i + 1}. {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="roll-call-motion" className={labelCls}>
            {t('motion')}
          </label>
          <input id="roll-call-motion" name="motion" maxLength={2000} className={input} />
        </div>
        <fieldset>
          <legend className={labelCls}>{t('votes')}</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {seatHolders.map((s) => (
              <div key={s.id}>
                <label htmlFor={`roll-call-vote-${s.id}`} className="block text-sm text-zinc-800">
                  {s.name}
                </label>
                <select id={`roll-call-vote-${s.id}`} name={`vote:${s.id}`} className={input} defaultValue={s.attending ? 'yes' : 'absent'}>
                  {s.attending ? (
                    <>
                      <option value="yes">{t('vote', { vote: 'yes' })}</option>
                      <option value="no">{t('vote', { vote: 'no' })}</option>
                      <option value="abstain">{t('vote', { vote: 'abstain' })}</option>
                    </>
                  ) : null}
                  <option value="absent">{t('vote', { vote: 'absent' })}</option>
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    </ActionForm>
  );
}
