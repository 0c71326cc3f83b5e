import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrgNav } from '@/components/governance/org-nav';
import { AnswerAttendanceForms, CancelMeetingForm, RecordAttendanceForm, UpdateMeetingForm } from '@/components/meetings/meeting-forms';
import { IrregularBadge } from '@/components/meetings/meeting-list';
import { RecordRollCallForm, RollCallList } from '@/components/meetings/roll-calls';
import { FlashRegion } from '@/components/ui/flash';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadMeetingRollCalls } from '@/db/read/meeting-roll-calls';
import { MeetingMinutes } from '@/components/meetings/meeting-minutes';
import { loadMinutesView } from '@/db/read/meeting-minutes';
import { loadMeetingPage } from '@/db/read/meetings';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { formatHours, formatUtc } from '@/lib/governance/time';
import { answerAttendanceAction, cancelMeetingAction, recordAttendanceAction, updateMeetingAction } from '../actions';
import { answerRollCallVoteAction, recordRollCallAction } from '../roll-calls/actions';
import { answerMinutesAction, draftMinutesAction } from '../minutes/actions';

type Props = { params: Promise<{ slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: `Meeting #${number}` };
}

const card = 'rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6';
const statusWords = { present: 'Present', remote: 'Remote', absent: 'Absent' } as const;

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
  const minutes = await loadMinutesView(
    { ...m, orgId: org.id, agenda: page.agenda, attendance: page.attendance, quorum: page.quorum, started: page.started, cancelled: m.cancelled },
    user?.id ?? null,
    // The draft lists the meeting's roll-call votes, each with its outcome and every seat holder's vote.
    rollCalls.map((r) => ({ motion: r.motion, outcome: `${r.outcomeText} (${r.standingText})`, votes: r.votes.map((v) => ({ name: v.name, vote: v.vote })) })),
  );

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="meetings" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <p className="mb-2 text-sm">
        <Link href={`/o/${org.slug}/meetings`} className="font-medium text-brand-700 hover:underline">
          All meetings
        </Link>
      </p>
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-semibold text-zinc-700">{m.kind === 'special' ? 'Special meeting' : 'Regular meeting'}</span>
          {m.cancelled ? <span className="text-xs font-semibold text-zinc-700">· Cancelled</span> : null}
          {m.irregular ? <IrregularBadge /> : null}
        </div>
        <h1 className={`mt-2 text-2xl font-bold break-words text-zinc-900 sm:text-3xl ${m.cancelled ? 'line-through' : ''}`}>
          Meeting #{m.number} {m.title}
        </h1>
        <p className="mt-1 text-sm text-zinc-700">
          {m.bodyName} · {formatUtc(m.startsAt)} to {formatUtc(m.endsAt)}
        </p>
        <p className="mt-1 text-sm break-words text-zinc-700">Where: {m.location}</p>
        {m.cancelled && page.cancelReason ? <p className="mt-2 text-sm text-zinc-800">Cancelled: {page.cancelReason}</p> : null}
      </header>
      <FlashRegion />

      {m.irregular ? (
        <section aria-labelledby="irregular-heading" className="mb-6 rounded-2xl border border-red-300 bg-red-50 p-5">
          <h2 id="irregular-heading" className="font-semibold text-red-900">
            This meeting is irregular
          </h2>
          <ul className="mt-2 list-disc pl-5 text-sm text-red-900">
            {m.irregularReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <LabelledSection id="agenda" title="Agenda" className={card} headingClassName="mb-3 text-lg font-semibold">
          {page.agenda.length === 0 ? (
            <p className="text-sm text-zinc-600">No agenda items.</p>
          ) : (
            <ol className="list-decimal space-y-1 pl-5 text-sm text-zinc-800">
              {page.agenda.map((a, i) => (
                <li key={i} className="break-words">
                  {a.kind === 'proposal' ? (
                    <Link href={`/o/${org.slug}/proposals/${a.number}`} className="text-brand-700 hover:underline">
                      Proposal #{a.number} {a.title}
                    </Link>
                  ) : (
                    a.text
                  )}
                </li>
              ))}
            </ol>
          )}
        </LabelledSection>

        <LabelledSection id="notice" title="Notice" className={card} headingClassName="mb-3 text-lg font-semibold">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="font-medium text-zinc-900">Given</dt>
              <dd className="text-zinc-700">
                {formatUtc(page.scheduledAt)}
                {page.scheduledBy ? ` by ${page.scheduledBy}` : ''}: {formatHours(Math.max(notice.shortestHours, 0))} before the start; the charter requires{' '}
                {formatHours(notice.requiredHours)}.
              </dd>
            </div>
            <div>
              <dt className="font-medium text-zinc-900">Sent to</dt>
              <dd className="text-zinc-700">{notice.coverage}</dd>
            </div>
            <div>
              <dt className="font-medium text-zinc-900">Delivered</dt>
              <dd className="text-zinc-700">
                {notice.delivered}
                {notice.failed > 0 ? `; failed for ${notice.failed}` : ''}
              </dd>
            </div>
          </dl>
        </LabelledSection>
      </div>

      <LabelledSection id="attendance" title="Attendance" className={`${card} mt-6`} headingClassName="mb-3 text-lg font-semibold">
        <p className={`text-sm font-semibold ${page.quorum.met ? 'text-emerald-800' : 'text-zinc-800'}`}>
          Quorum {page.quorum.met ? 'met' : 'not met'} ({page.quorum.attending} of {page.quorum.charterSeats} charter seats attending; {page.quorum.ratio}{' '}
          needed)
        </p>
        {page.attendance.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600">{page.started ? 'No attendance recorded yet.' : 'Attendance is recorded once the meeting starts.'}</p>
        ) : (
          <ul className="mt-3 divide-y divide-zinc-100 text-sm">
            {page.attendance.map((a, i) => (
              <li key={a.userId ?? `former-${i}`} className="py-2">
                <span className="font-medium text-zinc-900">{a.name}</span>: {statusWords[a.status]}
                {a.answer === 'confirmed'
                  ? ' · confirmed'
                  : a.answer === 'disputed'
                    ? ` · disputed${a.disputeNote ? `: ${a.disputeNote}` : ''}`
                    : ' · not yet confirmed'}
              </li>
            ))}
          </ul>
        )}
        {viewer.own && writable && !viewer.own.answer ? (
          <div className="mt-4">
            <p className="mb-2 text-sm text-zinc-700">You are recorded as {statusWords[viewer.own.status].toLowerCase()}.</p>
            <AnswerAttendanceForms action={answerAttendanceAction} orgId={org.id} meetingId={m.id} />
          </div>
        ) : null}
        {viewer.mayRecordAttendance && writable ? (
          <div className="mt-4 max-w-xl">
            <RecordAttendanceForm action={recordAttendanceAction} orgId={org.id} meetingId={m.id} seatHolders={viewer.seatHolders} />
          </div>
        ) : null}
      </LabelledSection>

      <LabelledSection id="roll-calls" title="Roll-call votes" className={`${card} mt-6`} headingClassName="mb-3 text-lg font-semibold">
        {m.irregular && rollCalls.some((r) => r.standing === 'held') ? (
          <p className="mb-3 text-sm text-amber-950">
            This meeting is irregular: a motion it carried is held — not in effect — until a proposal passed by the normal procedure ratifies it.
          </p>
        ) : null}
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
              agenda={page.agenda.map((a) => (a.kind === 'proposal' ? `Proposal #${a.number} ${a.title}` : a.text))}
              seatHolders={viewer.seatHolders.map((s) => ({
                ...s,
                attending: page.attendance.some((a) => a.userId === s.id && (a.status === 'present' || a.status === 'remote')),
              }))}
            />
          </div>
        ) : null}
      </LabelledSection>

      <LabelledSection id="minutes" title="Minutes" className={`${card} mt-6`} headingClassName="mb-3 text-lg font-semibold">
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
          <LabelledSection id="change-meeting" title="Change the meeting" className={card} headingClassName="mb-3 text-lg font-semibold">
            <UpdateMeetingForm
              action={updateMeetingAction}
              orgId={org.id}
              meetingId={m.id}
              details={{ ...page.edit, agenda: page.agenda.map((a) => (a.kind === 'proposal' ? `#${a.number}` : a.text)).join('\n') }}
            />
          </LabelledSection>
          <LabelledSection id="cancel-meeting" title="Cancel the meeting" className={card} headingClassName="mb-3 text-lg font-semibold">
            <CancelMeetingForm action={cancelMeetingAction} orgId={org.id} meetingId={m.id} />
          </LabelledSection>
        </div>
      ) : null}
    </div>
  );
}
