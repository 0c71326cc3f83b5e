import Link from 'next/link';
import { Countdown } from '@/components/governance/countdown';
import { StatusBadge } from '@/components/governance/phase-badge';
import { LogIntegrityWarning } from '@/components/transparency/log-integrity-warning';
import type { NoticeCoverage } from '@/lib/use-cases/notice';
import { coverageText } from '@/lib/use-cases/notice';
import type { ProposalStatus } from '@/lib/governance/status';
import { formatUtc } from '@/lib/governance/time';
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
  warning: string | null;
  /** The viewer may start a ratification (a member). */
  mayStartRatification: boolean;
  ratifies: { number: number; title: string } | null;
  /** A motion held from an irregular meeting that this proposal ratifies. */
  ratifiesMotion?: { meetingNumber: number; number: number; motion: string; ratified: boolean } | null;
  decidedUnder: { version: number; hash: string } | null;
  coverage: NoticeCoverage;
  /** Every deciding body is voted by members (no seat holders to count notices against). */
  memberWide?: boolean;
};

const toneClass = (tone: ProposalStatus['tone']) =>
  tone === 'blocked' ? 'text-amber-900' : tone === 'passed' ? 'font-semibold text-emerald-800' : tone === 'failed' ? 'font-semibold text-red-800' : undefined;

/** The proposal's title block and its status panel: where it stands, what the log says it was decided under, who was told. */
export function ProposalHeader(p: Props) {
  const { slug, proposal, type, status, phase, at, coverage } = p;
  return (
    <>
      <header className="mb-6">
        <p className="text-sm text-zinc-500">
          Proposal #{proposal.number} · {type.name}
          {type.critical ? ' · critical' : ''}
          {p.emergency ? ' · emergency procedure' : ''}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl">{proposal.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-zinc-600">
          <StatusBadge status={status} />
          <span>by {p.authorName ?? 'a member'}</span>
          {p.subject ? <span>concerning {p.subject.name ?? 'a member'}</span> : null}
          {proposal.publishedAt ? <span>published {formatUtc(proposal.publishedAt)}</span> : null}
        </div>
      </header>

      <LogIntegrityWarning warning={p.warning} />

      <section aria-label="Status" className="mb-6 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-sm" aria-live="polite">
        {phase.kind === 'draft' ? <p>This is a private draft. Only you can see it until you publish it.</p> : null}
        {phase.kind !== 'draft' ? (
          <p className={toneClass(status.tone)}>
            {status.explanation}
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
            A normal proposal ratifying it, with its full comment window and vote, must pass by {formatUtc(status.ratifyBy)}.{' '}
            {p.mayStartRatification ? (
              <Link href={`/o/${slug}/proposals/new?ratifies=${proposal.id}`} className="font-medium text-brand-700 underline">
                Start the ratification
              </Link>
            ) : null}
          </p>
        ) : null}
        {p.ratifies ? (
          <p className="mt-1">
            This proposal ratifies the emergency decision{' '}
            <Link href={`/o/${slug}/proposals/${p.ratifies.number}`} className="font-medium text-brand-700 underline">
              #{p.ratifies.number} {p.ratifies.title}
            </Link>
            : if it passes in time, that decision stands; otherwise the decision lapses.
          </p>
        ) : null}
        {p.ratifiesMotion ? (
          <p className="mt-1">
            This proposal ratifies the motion held from an irregular meeting:{' '}
            <Link
              href={`/o/${slug}/meetings/${p.ratifiesMotion.meetingNumber}#roll-call-${p.ratifiesMotion.number}`}
              className="font-medium text-brand-700 underline"
            >
              meeting #{p.ratifiesMotion.meetingNumber}, roll call {p.ratifiesMotion.number}: {p.ratifiesMotion.motion}
            </Link>
            {p.ratifiesMotion.ratified ? ' — ratified, now in effect.' : ': if it passes, the motion takes effect; until then it is held.'}
          </p>
        ) : null}
        {p.decidedUnder ? (
          <p className="mt-1 text-zinc-600">
            Decided under{' '}
            <Link
              href={`/o/${slug}/log?kind=${p.decidedUnder.version === 1 ? 'charter.adopted' : 'charter.amended'}`}
              className="font-medium text-brand-700 hover:underline"
            >
              charter version {p.decidedUnder.version}
            </Link>{' '}
            (sha256{' '}
            <code className="text-xs" title={p.decidedUnder.hash}>
              {p.decidedUnder.hash.slice(0, 12)}…
            </code>
            ), as the decision log records it.
          </p>
        ) : null}
        {proposal.noticeSeatHolders !== null && p.memberWide ? (
          <p className="mt-1 text-zinc-600">
            Notice of publication to the members: {coverage.publication.delivered} of {proposal.noticeRecipients} reached (reached means accepted by the mail
            server).
          </p>
        ) : proposal.noticeSeatHolders !== null ? (
          <p className="mt-1 text-zinc-600">
            Notice to the deciding {type.stages.length === 1 ? 'body' : 'bodies'}: {coverageText(coverage.publication, proposal.noticeSeatHolders)} (
            {proposal.noticeRecipients} recipients in all; reached means accepted by the mail server).
            {coverage.reply
              ? ` Right-of-reply notice to the subject: ${coverage.reply.delivered > 0 ? 'reached' : coverage.reply.failed > 0 ? 'failed' : 'pending'}.`
              : null}
          </p>
        ) : null}
      </section>
    </>
  );
}
