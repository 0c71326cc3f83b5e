import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ruleWords } from '@/components/governance/rule-words';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { OrgNav } from '@/components/governance/org-nav';
import { AnswerAttendanceForms, CancelMeetingForm, RecordAttendanceForm, UpdateMeetingForm } from '@/components/meetings/meeting-forms';
import { IrregularBadge } from '@/components/meetings/meeting-list';
import { meetingRuleWords } from '@/components/meetings/meeting-rule-words';
import { motionWords } from '@/components/meetings/motion-words';
import { RecordRollCallForm, RollCallList } from '@/components/meetings/roll-calls';
import { FlashRegion } from '@/components/ui/flash';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadMeetingRollCalls } from '@/db/read/meeting-roll-calls';
import { MeetingMinutes } from '@/components/meetings/meeting-minutes';
import { loadMinutesView } from '@/db/read/meeting-minutes';
import { loadMeetingPage } from '@/db/read/meetings';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { answerAttendanceAction, cancelMeetingAction, recordAttendanceAction, updateMeetingAction } from '../actions';
import { answerRollCallVoteAction, recordRollCallAction } from '../roll-calls/actions';
import { answerMinutesAction, draftMinutesAction } from '../minutes/actions';

type Props = { params: Promise<{ slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  const t = await getTranslations('meetings');
  return { title: t('meetingTitle', { number }) };
}

const card = 'rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6';

/** One meeting: when and where, its agenda, the notice and how far it reached, the irregular flag, attendance and the live quorum. */
export default async function MeetingPage({ params }: Props) {
  const { slug, number } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(number)) notFound();
  const { org, user, membership } = await loadOrgPage(slug);
  const at = now();
  const page = await loadMeetingPage(org.id, Number(number), user?.id ?? null, at);
  if (!page) notFound();
  const rollCalls = await loadMeetingRollCalls(page.meeting.id, page.meeting.irregular);
  const { meeting: m, viewer, notice } = page;
  const writable = !org.archivedAt;
  const t = await getTranslations('meetings');
  const tc = await getTranslations('common');
  const { hours, ratio } = ruleWords(tc);
  // The rules' texts (and the minutes' first draft) in the request's language.
  const say = meetingRuleWords(await getTranslations('meetingRules'), tc, await getLocale());
  const minutes = await loadMinutesView(
    { ...m, orgId: org.id, agenda: page.agenda, attendance: page.attendance, quorum: page.quorum, started: page.started, cancelled: m.cancelled },
    user?.id ?? null,
    // The draft lists the meeting's roll-call votes, each with its outcome and every seat holder's vote.
    rollCalls.map((r) => ({
      motion: motionWords(t, r.motion, r.proposalNumber),
      outcome: `${say(r.outcomePart)} (${say(r.standingPart)})`,
      votes: r.votes.map((v) => ({ name: v.name, vote: v.vote })),
    })),
    say,
  );

  const proposalItem = (a: { number: number; title: string }) => t('proposalItem', { number: a.number, title: a.title });

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="meetings" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <p className="mb-2 text-sm">
        <Link href={`/o/${org.slug}/meetings`} className="font-medium text-brand-700 hover:underline">
          {t('allMeetings')}
        </Link>
      </p>
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-semibold text-zinc-700">{t('kind', { kind: m.kind })}</span>
          {m.cancelled ? <span className="text-xs font-semibold text-zinc-700">· {t('cancelled')}</span> : null}
          {m.irregular ? <IrregularBadge /> : null}
        </div>
        <h1 className={`mt-2 text-2xl font-bold break-words text-zinc-900 sm:text-3xl ${m.cancelled ? 'line-through' : ''}`}>
          {t('heading', { number: m.number, title: m.title })}
        </h1>
        <p className="mt-1 text-sm text-zinc-700">{t('span', { body: m.bodyName, start: m.startsAt, end: m.endsAt })}</p>
        <p className="mt-1 text-sm break-words text-zinc-700">{t('where', { location: m.location })}</p>
        {m.cancelled && page.cancelReason ? <p className="mt-2 text-sm text-zinc-800">{t('cancelledBecause', { reason: page.cancelReason })}</p> : null}
      </header>
      <FlashRegion />

      {m.irregular ? (
        <section aria-labelledby="irregular-heading" className="mb-6 rounded-2xl border border-red-300 bg-red-50 p-5">
          <h2 id="irregular-heading" className="font-semibold text-red-900">
            {t('irregularHeading')}
          </h2>
          <ul className="mt-2 list-disc pl-5 text-sm text-red-900">
            {m.irregularParts.map((r) => (
              <li key={r.key}>{say(r)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <LabelledSection id="agenda" title={t('agenda')} className={card} headingClassName="mb-3 text-lg font-semibold">
          {page.agenda.length === 0 ? (
            <p className="text-sm text-zinc-600">{t('noAgenda')}</p>
          ) : (
            <ol className="list-decimal space-y-1 pl-5 text-sm text-zinc-800">
              {page.agenda.map((a, i) => (
                <li key={i} className="break-words">
                  {a.kind === 'proposal' ? (
                    <Link href={`/o/${org.slug}/proposals/${a.number}`} className="text-brand-700 hover:underline">
                      {proposalItem(a)}
                    </Link>
                  ) : (
                    a.text
                  )}
                </li>
              ))}
            </ol>
          )}
        </LabelledSection>

        <LabelledSection id="notice" title={t('notice')} className={card} headingClassName="mb-3 text-lg font-semibold">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="font-medium text-zinc-900">{t('given')}</dt>
              <dd className="text-zinc-700">
                {page.scheduledBy
                  ? t('givenByText', {
                      at: page.scheduledAt,
                      by: page.scheduledBy,
                      shortest: hours(Math.max(notice.shortestHours, 0)),
                      required: hours(notice.requiredHours),
                    })
                  : t('givenText', { at: page.scheduledAt, shortest: hours(Math.max(notice.shortestHours, 0)), required: hours(notice.requiredHours) })}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-zinc-900">{t('sentTo')}</dt>
              <dd className="text-zinc-700">{say(page.words.coverage)}</dd>
            </div>
            <div>
              <dt className="font-medium text-zinc-900">{t('delivered')}</dt>
              <dd className="text-zinc-700">
                {say(page.words.delivered)}
                {notice.failed > 0 ? t('failedFor', { count: notice.failed }) : ''}
              </dd>
            </div>
          </dl>
        </LabelledSection>
      </div>

      <LabelledSection id="attendance" title={t('attendance')} className={`${card} mt-6`} headingClassName="mb-3 text-lg font-semibold">
        <p className={`text-sm font-semibold ${page.quorum.met ? 'text-emerald-800' : 'text-zinc-800'}`}>
          {t('quorum', {
            met: String(page.quorum.met),
            attending: page.quorum.attending,
            seats: page.quorum.charterSeats,
            ratio: ratio(page.words.quorumRule),
          })}
        </p>
        {page.attendance.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600">{page.started ? t('noAttendance') : t('attendanceLater')}</p>
        ) : (
          <ul className="mt-3 divide-y divide-zinc-100 text-sm">
            {page.attendance.map((a, i) => (
              <li key={a.userId ?? `former-${i}`} className="py-2">
                <span className="font-medium text-zinc-900">{a.name}</span>: {t('status', { status: a.status })}
                {' · '}
                {a.answer === 'confirmed'
                  ? t('confirmed')
                  : a.answer === 'disputed'
                    ? a.disputeNote
                      ? t('disputedNote', { note: a.disputeNote })
                      : t('disputed')
                    : t('notConfirmed')}
              </li>
            ))}
          </ul>
        )}
        {viewer.own && writable && !viewer.own.answer ? (
          <div className="mt-4">
            <p className="mb-2 text-sm text-zinc-700">{t('recordedAs', { status: viewer.own.status })}</p>
            <AnswerAttendanceForms action={answerAttendanceAction} orgId={org.id} meetingId={m.id} />
          </div>
        ) : null}
        {viewer.mayRecordAttendance && writable ? (
          <div className="mt-4 max-w-xl">
            <RecordAttendanceForm action={recordAttendanceAction} orgId={org.id} meetingId={m.id} seatHolders={viewer.seatHolders} />
          </div>
        ) : null}
      </LabelledSection>

      <LabelledSection id="roll-calls" title={t('rollCalls')} className={`${card} mt-6`} headingClassName="mb-3 text-lg font-semibold">
        {m.irregular && rollCalls.some((r) => r.standing === 'held') ? <p className="mb-3 text-sm text-amber-950">{t('heldNote')}</p> : null}
        <RollCallList
          rollCalls={rollCalls}
          slug={org.slug}
          orgId={org.id}
          meetingId={m.id}
          viewerId={user?.id ?? null}
          answerAction={answerRollCallVoteAction}
          writable={writable}
          at={at}
        />
        {viewer.mayRecordAttendance && writable ? (
          <div className="mt-6 max-w-xl">
            <RecordRollCallForm
              action={recordRollCallAction}
              orgId={org.id}
              meetingId={m.id}
              agenda={page.agenda.map((a) => (a.kind === 'proposal' ? proposalItem(a) : a.text))}
              seatHolders={viewer.seatHolders.map((s) => ({
                ...s,
                attending: page.attendance.some((a) => a.userId === s.id && (a.status === 'present' || a.status === 'remote')),
              }))}
            />
          </div>
        ) : null}
      </LabelledSection>

      <LabelledSection id="minutes" title={t('minutes')} className={`${card} mt-6`} headingClassName="mb-3 text-lg font-semibold">
        <MeetingMinutes
          view={minutes}
          orgId={org.id}
          meetingId={m.id}
          draftAction={draftMinutesAction}
          answerAction={answerMinutesAction}
          writable={writable}
        />
      </LabelledSection>

      {viewer.mayChange && writable ? (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <LabelledSection id="change-meeting" title={t('change')} className={card} headingClassName="mb-3 text-lg font-semibold">
            <UpdateMeetingForm
              action={updateMeetingAction}
              orgId={org.id}
              meetingId={m.id}
              details={{ ...page.edit, agenda: page.agenda.map((a) => (a.kind === 'proposal' ? `#${a.number}` : a.text)).join('\n') }}
            />
          </LabelledSection>
          <LabelledSection id="cancel-meeting" title={t('cancel')} className={card} headingClassName="mb-3 text-lg font-semibold">
            <CancelMeetingForm action={cancelMeetingAction} orgId={org.id} meetingId={m.id} />
          </LabelledSection>
        </div>
      ) : null}
    </div>
  );
}
