import { LabelledSection } from '@/components/ui/labelled-section';
import type { OrganizationHealth } from '@/lib/governance/health';
import type { BodyOverview } from '@/db/read/overview';

type Props = { health: OrganizationHealth; bodies: BodyOverview[]; openProposals: number; openWrittenConsents?: number };

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/**
 * The organization's health, in public (organizationHealth): seats filled per body, vacancies,
 * outcomes, participation and notice coverage. An organization drifting towards rule by a few
 * shows here first.
 */
export function HealthStrip({ health, bodies, openProposals, openWrittenConsents = 0 }: Props) {
  const names = new Map(bodies.map((b) => [b.key, b.name]));
  const decisions = health.decisionsPassed + health.decisionsRejected + health.decisionsFailedQuorum + health.decisionsLapsed;
  const outcomes = [
    [health.decisionsPassed, 'passed'],
    [health.decisionsRejected, 'rejected'],
    [health.decisionsFailedQuorum, 'failed quorum'],
    [health.decisionsLapsed, 'lapsed'],
  ] as const;
  const vacancyDetail = [
    ...bodies.filter((b) => b.strength.overdueCount > 0).map((b) => `${b.name} ${b.strength.overdueCount}`),
    ...health.bodiesBelowStrength.map((k) => `${names.get(k) ?? k} below strength`),
    ...health.classShortfalls.map((c) => `${names.get(c.bodyKey) ?? c.bodyKey}: ${c.filled} of ${c.required} ${c.seatClass.replace(/_/g, ' ')}`),
  ];
  return (
    <LabelledSection id="health" title="Health" className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-3" headingClassName="sr-only">
      <div className="col-span-2 rounded-xl border border-zinc-200 bg-white p-4 sm:col-span-1">
        <p className="text-xs font-medium uppercase tracking-wide text-zinc-600">Seats filled</p>
        {/* Per body: a full board and an empty assembly must not add up to one reassuring figure. */}
        <ul className="mt-1 space-y-0.5 text-sm text-zinc-900" aria-label="Seats filled per body">
          {/* A member-wide body has no seats to fill. */}
          {bodies
            .filter((b) => b.strength.charterSeats > 0)
            .map((b) => (
              <li key={b.key}>
                {b.name} <strong className="text-lg">{b.strength.filled}</strong> of {b.strength.charterSeats}
              </li>
            ))}
        </ul>
      </div>
      <Stat
        label="Overdue vacancies"
        value={String(health.overdueVacancies)}
        alert={health.overdueVacancies > 0 || health.bodiesBelowStrength.length > 0 || health.classShortfalls.length > 0}
        detail={vacancyDetail.join(' · ')}
      />
      <Stat label="Open proposals" value={String(openProposals)} />
      <Stat
        label="Decisions"
        value={String(decisions)}
        detail={outcomes
          .filter(([n]) => n > 0)
          .map(([n, what]) => `${n} ${what}`)
          .join(' · ')}
      />
      <Stat label="Participation" value={percent(health.participationRate)} detail="Ballots cast of charter seats, last ten decisions" />
      <Stat label="Notice coverage" value={percent(health.noticeCoverage)} detail="Seat holders reached by publication notices" />
      <Stat
        label="Overdue petition answers"
        value={String(health.overduePetitionAnswers)}
        alert={health.overduePetitionAnswers > 0}
        detail="Petitions past their threshold, unanswered past the charter’s deadline"
      />
      <Stat label="Open written consents" value={String(openWrittenConsents)} detail="Decisions without a meeting, awaiting every seat holder’s signature" />
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
