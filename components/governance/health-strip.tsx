import { useFormatter, useTranslations } from 'next-intl';
import { LabelledSection } from '@/components/ui/labelled-section';
import type { OrganizationHealth } from '@/lib/governance/health';
import type { BodyOverview } from '@/db/read/overview';

type Props = { health: OrganizationHealth; bodies: BodyOverview[]; openProposals: number; openWrittenConsents?: number };

/**
 * The organization's health, in public (organizationHealth): seats filled per body, vacancies,
 * outcomes, participation and notice coverage. An organization drifting towards rule by a few
 * shows here first.
 */
export function HealthStrip({ health, bodies, openProposals, openWrittenConsents = 0 }: Props) {
  const t = useTranslations('health');
  const format = useFormatter();
  const percent = (x: number | null) => (x === null ? '—' : format.number(x, { style: 'percent', maximumFractionDigits: 0 }));
  const names = new Map(bodies.map((b) => [b.key, b.name]));
  const decisions = health.decisionsPassed + health.decisionsRejected + health.decisionsFailedQuorum + health.decisionsLapsed;
  const outcomes = [
    [health.decisionsPassed, 'passed'],
    [health.decisionsRejected, 'rejected'],
    [health.decisionsFailedQuorum, 'failed_quorum'],
    [health.decisionsLapsed, 'lapsed'],
  ] as const;
  const vacancyDetail = [
    ...bodies.filter((b) => b.strength.overdueCount > 0).map((b) => t('overdueIn', { body: b.name, count: b.strength.overdueCount })),
    ...health.bodiesBelowStrength.map((k) => t('belowStrength', { body: names.get(k) ?? k })),
    ...health.classShortfalls.map((c) =>
      t('classShortfall', { body: names.get(c.bodyKey) ?? c.bodyKey, filled: c.filled, required: c.required, seatClass: c.seatClass.replace(/_/g, ' ') }),
    ),
  ];
  return (
    <LabelledSection id="health" title={t('title')} className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-3" headingClassName="sr-only">
      <div className="col-span-2 rounded-xl border border-zinc-200 bg-white p-4 sm:col-span-1">
        <p className="text-xs font-medium uppercase tracking-wide text-zinc-600">{t('seatsFilled')}</p>
        {/* Per body: a full board and an empty assembly must not add up to one reassuring figure. */}
        <ul className="mt-1 space-y-0.5 text-sm text-zinc-900" aria-label={t('seatsFilledPerBody')}>
          {/* A member-wide body has no seats to fill. */}
          {bodies
            .filter((b) => b.strength.charterSeats > 0)
            .map((b) => (
              <li key={b.key}>
                {t.rich('bodyFilled', {
                  b: (chunks) => <strong className="text-lg">{chunks}</strong>,
                  body: b.name,
                  filled: b.strength.filled,
                  seats: b.strength.charterSeats,
                })}
              </li>
            ))}
        </ul>
      </div>
      <Stat
        label={t('overdueVacancies')}
        value={format.number(health.overdueVacancies)}
        alert={health.overdueVacancies > 0 || health.bodiesBelowStrength.length > 0 || health.classShortfalls.length > 0}
        detail={vacancyDetail.join(' · ')}
      />
      <Stat label={t('openProposals')} value={format.number(openProposals)} />
      <Stat
        label={t('decisions')}
        value={format.number(decisions)}
        detail={outcomes
          .filter(([n]) => n > 0)
          .map(([n, what]) => t('outcome', { count: n, outcome: what }))
          .join(' · ')}
      />
      <Stat label={t('participation')} value={percent(health.participationRate)} detail={t('participationDetail')} />
      <Stat label={t('noticeCoverage')} value={percent(health.noticeCoverage)} detail={t('noticeCoverageDetail')} />
      <Stat
        label={t('overduePetitions')}
        value={format.number(health.overduePetitionAnswers)}
        alert={health.overduePetitionAnswers > 0}
        detail={t('overduePetitionsDetail')}
      />
      <Stat label={t('openWrittenConsents')} value={format.number(openWrittenConsents)} detail={t('openWrittenConsentsDetail')} />
    </LabelledSection>
  );
}

function Stat({ label, value, alert, detail }: { label: string; value: string; alert?: boolean; detail?: string }) {
  return (
    <div className={`rounded-xl border p-4 ${alert ? 'border-red-200 bg-red-50' : 'border-zinc-200 bg-white'}`}>
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-600">{label}</p>
      <p className={`mt-1 text-2xl font-bold ${alert ? 'text-red-800' : 'text-zinc-900'}`}>{value}</p>
      {detail ? <p className={`mt-0.5 text-xs ${alert ? 'text-red-800' : 'text-zinc-600'}`}>{detail}</p> : null}
    </div>
  );
}
