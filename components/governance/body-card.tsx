import { useTranslations } from 'next-intl';
import type { BodyOverview } from '@/db/read/overview';

const classNames: Record<string, string> = {
  independent: 'Independent director',
  employee_representative: 'Employee representative',
  member_elected: 'Member-elected',
  general: 'General seat',
};

export function seatClassName(key: string): string {
  return classNames[key] ?? key.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** A governing body's strength: filled vs charter seats, vacancy clocks, composition shortfalls. */
/** `headingLevel`: 3 under a page section's h2 (the overview), 2 where the cards are the page's sections (seats). */
/** `shortfallBlocks`: the charter says a seat-class shortfall blocks critical decisions. */
export function BodyCard({
  body,
  minForCritical,
  vacancyDeadlineDays,
  headingLevel = 3,
  shortfallBlocks = false,
  electorate = null,
}: {
  body: BodyOverview;
  minForCritical: number;
  vacancyDeadlineDays: number;
  headingLevel?: 2 | 3;
  shortfallBlocks?: boolean;
  /** A member-wide body (no seats): who votes in it, in words (electorate.ts electorateWords). */
  electorate?: string | null;
}) {
  const s = body.strength;
  const t = useTranslations('body');
  const strong = (chunks: React.ReactNode) => <strong className="text-zinc-900">{chunks}</strong>;
  // The four known seat classes in the reader's language; a charter's own class by its key, as written.
  const className = (key: string) =>
    key === 'independent' || key === 'employee_representative' || key === 'member_elected' || key === 'general' ? t(`class_${key}`) : seatClassName(key);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (electorate !== null) {
    return (
      <section aria-labelledby={`body-${body.key}`} className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
        <Heading id={`body-${body.key}`} className="text-lg font-semibold">
          {body.name}
        </Heading>
        <p className="text-sm text-zinc-600">{t('noSeats', { electorate })}</p>
      </section>
    );
  }
  const pct = Math.round((s.filled / Math.max(s.charterSeats, 1)) * 100);
  return (
    <section aria-labelledby={`body-${body.key}`} className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Heading id={`body-${body.key}`} className="text-lg font-semibold">
            {body.name}
          </Heading>
          <p className="text-sm text-zinc-600">
            {t.rich('strength', { b: strong, filled: s.filled, seats: s.charterSeats, critical: minForCritical, days: vacancyDeadlineDays })}
          </p>
        </div>
        {s.isBelowStrength ? (
          <span className="rounded-full bg-red-50 px-3 py-1 text-xs font-semibold text-red-800 ring-1 ring-red-200">{t('belowStrength')}</span>
        ) : s.classShortfalls.length > 0 ? (
          // Never "At strength" beside a class shortfall.
          <span
            className={`rounded-full px-3 py-1 text-xs font-semibold ring-1 ${shortfallBlocks ? 'bg-red-50 text-red-800 ring-red-200' : 'bg-amber-50 text-amber-900 ring-amber-200'}`}
          >
            {t('shortClasses')}
          </span>
        ) : (
          <span className="rounded-full bg-emerald-50 px-3 py-1 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200">{t('atStrength')}</span>
        )}
      </div>
      <div className="mt-3 h-2 overflow-hidden rounded-full bg-zinc-100" role="img" aria-label={t('seatsFilled', { filled: s.filled, seats: s.charterSeats })}>
        <div className={`h-full ${s.isBelowStrength ? 'bg-red-500' : 'bg-emerald-500'}`} style={{ width: `${pct}%` }} />
      </div>
      {s.classShortfalls.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm text-amber-900">
          {s.classShortfalls.map((c) => (
            <li key={c.seatClass}>{t('classShortfall', { seatClass: className(c.seatClass), filled: c.filled, required: c.required })}</li>
          ))}
          <li>{t(shortfallBlocks ? 'shortfallBlocks' : 'shortfallAllowed')}</li>
        </ul>
      ) : null}
      <ol className="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {body.seats.map((seat) => {
          const vacancy = s.vacancies.find((v) => v.seatId === seat.seatId);
          return (
            <li
              key={seat.seatId}
              className={`rounded-lg border px-3 py-2 text-sm ${vacancy?.overdue ? 'border-red-300 bg-red-50' : vacancy ? 'border-dashed border-zinc-300 bg-zinc-50' : 'border-zinc-200'}`}
            >
              <span className="block text-xs text-zinc-600">{t('seat', { position: seat.position, seatClass: className(seat.seatClass) })}</span>
              {seat.holderName ? (
                <span className="font-medium text-zinc-900">{seat.holderName}</span>
              ) : (
                <span className={vacancy?.overdue ? 'font-semibold text-red-800' : 'text-zinc-600'}>
                  {vacancy && vacancy.ageDays !== null ? t('vacantFor', { days: vacancy.ageDays }) : t('vacant')}
                  {vacancy?.overdue ? t('pastDeadline') : ''}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
