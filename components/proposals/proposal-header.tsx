import { ruleWords } from '@/components/governance/rule-words';
import Link from '@/components/ui/link';
import { useLocale, useTranslations } from 'next-intl';
import { Countdown } from '@/components/governance/countdown';
import { ProposalStatusBadge } from '@/components/governance/phase-badge';
import { motionWords } from '@/components/meetings/motion-words';
import { LogIntegrityWarning } from '@/components/transparency/log-integrity-warning';
import type { NoticeCoverage } from '@/lib/use-cases/notice';
import type { LogText } from '@/lib/log/words';
import type { ProposalStatus, StatusPart } from '@/lib/governance/status';
import type { Phase, ProposalTypeSpec } from '@/lib/governance/types';

type Props = {
  slug: string;
  proposal: { id: string; number: number; title: string; publishedAt: Date | null; noticeSeatHolders: number | null; noticeRecipients: number | null };
  type: ProposalTypeSpec;
  emergency: boolean;
  status: ProposalStatus;
  phase: Phase;
  at: Date;
  authorName: string | null;
  subject: { name: string | null } | null;
  integrityProblem: LogText | null;
  /** The viewer may start a ratification (a member). */
  mayStartRatification: boolean;
  ratifies: { number: number; title: string } | null;
  /** A motion held from an irregular meeting that this proposal ratifies. */
  ratifiesMotion?: { meetingNumber: number; number: number; motion: string; proposalNumber: number | null; ratified: boolean } | null;
  decidedUnder: { version: number; hash: string } | null;
  coverage: NoticeCoverage;
  /** Every deciding body is voted by members (no seat holders to count notices against). */
  memberWide?: boolean;
  /** While voting: the voting body's name and, for a member-wide body, its electorate (for the status line). */
  votingBody?: { name: string; electorate?: { kind: 'all_members' | 'stakeholder_group'; group?: string } } | null;
};

type T = ReturnType<typeof useTranslations<'proposal'>>;
type TStatus = ReturnType<typeof useTranslations<'proposalStatus'>>;
type TRefusals = ReturnType<typeof useTranslations<'refusals'>>;
type TCommon = ReturnType<typeof useTranslations<'common'>>;
type TPanels = ReturnType<typeof useTranslations<'proposalPanels'>>;

/**
 * The status line before a vote (discussion, awaiting a reply or answers, blocked), in a consent window or after an
 * emergency pass in another language than English, from the rules' parts; the reason a vote cannot open by its refusal
 * code (the English reason when it has none).
 */
function partsLine(status: ProposalStatus, ts: TStatus, tr: TRefusals, tc: TCommon, tp: TPanels): string {
  const { hours } = ruleWords(tc);
  const refusal = status.blockedRefusal;
  const key = refusal?.code as Parameters<TRefusals>[0] | undefined;
  const reason = key && tr.has(key) ? tr(key, (refusal?.params ?? {}) as never) : (status.blocked ?? '');
  const say = (part: StatusPart): string => {
    switch (part.kind) {
      case 'comment_window':
        return ts(part.emergency ? 'commentWindowEmergency' : part.motionPending ? 'commentWindowMotion' : 'commentWindow', {
          closes: part.closes,
          minimum: hours(part.minimumHours),
        });
      case 'replied':
        return ts('replied');
      case 'reply_by':
        return ts('replyBy', { until: part.until });
      case 'awaiting_reply':
        return ts('awaitingReply', { until: part.until });
      case 'answers_required':
        return ts('answersRequired');
      case 'awaiting_answers':
        return ts('awaitingAnswers', { count: part.count });
      case 'blocked':
        return ts(part.then ? 'blockedThen' : 'blockedNow', { reason });
      case 'consent_window':
        return tp('statusConsentWindow', { closes: part.closes, body: part.body });
      case 'passed_emergency':
        return part.ratifyBy ? tp('statusPassedEmergency', { at: part.at, ratifyBy: part.ratifyBy }) : tp('statusPassedRatified', { at: part.at });
    }
  };
  return status.parts.map(say).join(' ');
}

/**
 * The status line in the reader's language from the phase; before a vote (discussion, a reply, answers, blocked), in a
 * consent window and after an emergency pass, an English reader gets the rules' own explanation and others `partsLine`.
 */
function explanation(t: T, locale: string, status: ProposalStatus, phase: Phase, type: ProposalTypeSpec, votingBody: Props['votingBody']): string {
  if (status.tone === 'blocked') return status.explanation;
  switch (phase.kind) {
    case 'draft':
      return t('explainDraft');
    case 'voting': {
      if (type.consent || !votingBody) return status.explanation;
      const e = votingBody.electorate;
      // English speaks of "the board"; French quotes the name, and German nouns keep their capital.
      const who = !e
        ? t('whoBody', { body: locale === 'en' ? votingBody.name.toLowerCase() : votingBody.name })
        : e.kind === 'all_members'
          ? t('whoAll')
          : t('whoGroup', { group: e.group ?? '' });
      const stageNote = type.stages.length > 1 ? t('stageOf', { stage: phase.stageIndex + 1, stages: type.stages.length }) : '';
      return t('explainVoting', { closes: phase.closesAt, who, stageNote });
    }
    case 'ready_for_voting':
      return t('explainReady');
    case 'passed':
      return status.ratifyBy || status.label !== 'Passed' ? status.explanation : t('explainPassed', { at: phase.at });
    case 'rejected':
      return t('explainRejected', { stage: phase.stageIndex + 1, at: phase.at });
    case 'failed_quorum':
      return t('explainFailedQuorum', { at: phase.at });
    case 'lapsed':
      return t('explainLapsed', { at: phase.at });
    case 'withdrawn':
      return t('explainWithdrawn', { at: phase.at });
    default:
      return status.explanation;
  }
}

const toneClass = (tone: ProposalStatus['tone']) =>
  tone === 'blocked' ? 'text-amber-900' : tone === 'passed' ? 'font-semibold text-emerald-800' : tone === 'failed' ? 'font-semibold text-red-800' : undefined;

/** The proposal's title block and its status panel: where it stands, what the log says it was decided under, who was told. */
export function ProposalHeader(p: Props) {
  const { slug, proposal, type, status, phase, at, coverage } = p;
  const t = useTranslations('proposal');
  const ts = useTranslations('proposalStatus');
  const tr = useTranslations('refusals');
  const tc = useTranslations('common');
  const tp = useTranslations('proposalPanels');
  const tm = useTranslations('meetings');
  const locale = useLocale();
  const publication = coverage.publication;
  return (
    <>
      <header className="mb-6">
        <p className="text-sm text-zinc-500">
          {t('eyebrow', { number: proposal.number, type: type.name })}
          {type.critical ? t('critical') : ''}
          {p.emergency ? t('emergency') : ''}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl">{proposal.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-zinc-600">
          <ProposalStatusBadge status={status} />
          <span>{p.authorName ? t('by', { name: p.authorName }) : t('byUnknown')}</span>
          {p.subject ? <span>{p.subject.name ? t('concerning', { name: p.subject.name }) : t('concerningUnknown')}</span> : null}
          {proposal.publishedAt ? <span>{t('published', { at: proposal.publishedAt })}</span> : null}
        </div>
      </header>

      <LogIntegrityWarning problem={p.integrityProblem} />

      <section aria-label={t('statusRegion')} className="mb-6 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-sm" aria-live="polite">
        {phase.kind === 'draft' ? <p>{t('draftNote')}</p> : null}
        {phase.kind !== 'draft' ? (
          <p className={toneClass(status.tone)}>
            {locale !== 'en' && status.parts.length > 0 ? partsLine(status, ts, tr, tc, tp) : explanation(t, locale, status, phase, type, p.votingBody)}
            {phase.kind === 'discussion' || phase.kind === 'voting' ? (
              <>
                {' '}
                (<Countdown to={phase.closesAt.toISOString()} serverNow={at.toISOString()} />)
              </>
            ) : null}
          </p>
        ) : null}
        {status.ratifyBy ? (
          <p className="mt-2">
            {t('ratifyBy', { at: status.ratifyBy })}{' '}
            {p.mayStartRatification ? (
              <Link href={`/o/${slug}/proposals/new?ratifies=${proposal.id}`} className="font-medium text-brand-700 underline">
                {t('startRatification')}
              </Link>
            ) : null}
          </p>
        ) : null}
        {p.ratifies ? (
          <p className="mt-1">
            {t('ratifiesBefore')}{' '}
            <Link href={`/o/${slug}/proposals/${p.ratifies.number}`} className="font-medium text-brand-700 underline">
              #{p.ratifies.number} {p.ratifies.title}
            </Link>
            {t('ratifiesAfter')}
          </p>
        ) : null}
        {p.ratifiesMotion ? (
          <p className="mt-1">
            {t('ratifiesMotion')}{' '}
            <Link
              href={`/o/${slug}/meetings/${p.ratifiesMotion.meetingNumber}#roll-call-${p.ratifiesMotion.number}`}
              className="font-medium text-brand-700 underline"
            >
              {t('ratifiesMotionLink', {
                meeting: p.ratifiesMotion.meetingNumber,
                rollCall: p.ratifiesMotion.number,
                motion: motionWords(tm, p.ratifiesMotion.motion, p.ratifiesMotion.proposalNumber),
              })}
            </Link>
            {p.ratifiesMotion.ratified ? t('ratifiesMotionDone') : t('ratifiesMotionPending')}
          </p>
        ) : null}
        {p.decidedUnder ? (
          <p className="mt-1 text-zinc-600">
            {t('decidedUnder')}{' '}
            <Link
              href={`/o/${slug}/log?kind=${p.decidedUnder.version === 1 ? 'charter.adopted' : 'charter.amended'}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {t('charterVersion', { version: p.decidedUnder.version })}
            </Link>{' '}
            (sha256{' '}
            <code className="text-xs" title={p.decidedUnder.hash}>
              {p.decidedUnder.hash.slice(0, 12)}…
            </code>
            {t('decidedUnderAfter')}
          </p>
        ) : null}
        {proposal.noticeSeatHolders !== null && p.memberWide ? (
          <p className="mt-1 text-zinc-600">{t('noticeMembers', { delivered: publication.delivered, recipients: proposal.noticeRecipients ?? 0 })}</p>
        ) : proposal.noticeSeatHolders !== null ? (
          <p className="mt-1 text-zinc-600">
            {t('noticeBodies', {
              bodies: type.stages.length,
              recipients: proposal.noticeRecipients ?? 0,
              coverage: t('coverage', {
                delivered: publication.delivered,
                seatHolders: proposal.noticeSeatHolders,
                pending: publication.pending,
                failed: publication.failed,
                missing: Math.max(proposal.noticeSeatHolders - publication.queued, 0),
              }),
            })}
            {coverage.reply ? t('replyNotice', { state: coverage.reply.delivered > 0 ? 'reached' : coverage.reply.failed > 0 ? 'failed' : 'pending' }) : null}
          </p>
        ) : null}
      </section>
    </>
  );
}
