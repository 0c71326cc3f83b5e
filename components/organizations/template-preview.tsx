import { useLocale, useTranslations } from 'next-intl';
import { seatClassWords } from '@/lib/governance/charter';
import { minimumCount } from '@/lib/governance/tally';
import type { BodySpec, Charter, ProposalTypeSpec, Ratio, StageSpec } from '@/lib/governance/types';
import { vacancyFillingOf } from '@/lib/governance/vacancy';

type T = ReturnType<typeof useTranslations<'templatePreview'>>;

const knownClasses = ['general', 'independent', 'employee_representative', 'member_elected'] as const;
const isKnownClass = (key: string): key is (typeof knownClasses)[number] => (knownClasses as readonly string[]).includes(key);

/** "7 days", "36 hours" in the reader's language. */
function hours(t: T, h: number): string {
  return h >= 24 && h % 24 === 0 ? t('duration', { unit: 'day', n: h / 24 }) : t('duration', { unit: 'hour', n: h });
}

/** 'more than half', 'at least 2/3'. */
function ratioWords(t: T, r: Ratio): string {
  return t('ratio', { half: String(r.num * 2 === r.den), inclusive: String(r.inclusive), num: r.num, den: r.den });
}

/** { independent: 3, employee_representative: 1 } → '3 independent seats and 1 employee representative seat' (zero minimums left out). */
function classesText(t: T, minimums: Record<string, number>): string {
  const items = Object.entries(minimums)
    .filter(([, n]) => Number.isInteger(n) && n > 0)
    .map(([seatClass, n]) => t('classCount', { n, seatClass: isKnownClass(seatClass) ? t(`seatClasses.${seatClass}`) : seatClassWords(seatClass) }));
  if (items.length <= 1) return items[0] ?? '';
  return t('listAnd', { list: items.slice(0, -1).reduce((list, next) => t('listComma', { list, next })), next: items.at(-1)! });
}

/** How many must take part, as a count of the body's seats: "2 of its 3 seats vote (yes, no or abstain)". */
function quorumText(t: T, stage: StageSpec, body: BodySpec): string {
  return t('quorumText', { min: minimumCount(body.charterSeats, stage.quorum), seats: body.charterSeats });
}

/** What passes: "2 of the 3 seats vote yes" or "more than half of the yes and no votes are yes". */
function passText(t: T, stage: StageSpec, body: BodySpec): string {
  if (stage.thresholdBase === 'charter_seats') return t('passSeats', { min: minimumCount(body.charterSeats, stage.threshold), seats: body.charterSeats });
  return t('passVotes', { ratio: ratioWords(t, stage.threshold) });
}

function fillingText(t: T, charter: Charter, body: BodySpec): string {
  const filling = vacancyFillingOf(charter, body);
  const other = charter.bodies.find((b) => b.key === filling.byBodyKey)?.name.toLowerCase();
  if (filling.byOwnBody && other) return t('fillsOwnAndOther', { other });
  if (filling.byOwnBody) return t('fillsOwn');
  return other ? t('fillsOther', { other }) : '';
}

function BodyPreview({ charter, body }: { charter: Charter; body: BodySpec }) {
  const t = useTranslations('templatePreview');
  const classes = classesText(t, body.seatClassMinimums);
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-3">
      <p className="font-semibold text-zinc-900">{t('bodyTitle', { name: body.name, seats: body.charterSeats })}</p>
      <p className="mt-1 text-sm text-zinc-700">
        {classes ? `${t('among', { classes })} ` : ''}
        {t('bodyRules', { critical: body.minSeatsForCriticalDecisions, days: body.vacancyDeadlineDays })} {fillingText(t, charter, body)}
      </p>
    </li>
  );
}

function TypePreview({ charter, type }: { charter: Charter; type: ProposalTypeSpec }) {
  const t = useTranslations('templatePreview');
  const rows: [string, string][] = [[t('discussion'), t('discussionText', { duration: hours(t, type.minCommentWindowHours) })]];
  if (type.requiresSubject) rows.push([t('reply'), t('replyText', { duration: hours(t, type.replyWindowHours) })]);
  if (type.answersRequired) rows.push([t('answers'), t('answersText')]);
  type.stages.forEach((stage, i) => {
    const body = charter.bodies.find((b) => b.key === stage.bodyKey);
    if (!body) return;
    const step = String(type.stages.length > 1 ? i + 1 : 0);
    rows.push([t('vote', { step }), t('voteText', { bodyLower: body.name.toLowerCase(), duration: hours(t, stage.votingWindowHours) })]);
    rows.push([t('quorum', { step }), quorumText(t, stage, body)]);
    rows.push([t('pass', { step }), passText(t, stage, body)]);
  });
  const decider = charter.bodies.find((b) => b.key === type.stages[0]?.bodyKey);
  if (type.effect === 'seat_appointment' && decider && vacancyFillingOf(charter, decider).byRemainingMajority) {
    rows.push([t('or'), t('orText', { bodyLower: decider.name.toLowerCase() })]);
  }
  if (type.emergency) {
    const first = charter.bodies.find((b) => b.key === type.stages[0]?.bodyKey);
    const backers = first
      ? t('backersSeats', { min: minimumCount(first.charterSeats, type.emergency.motionThreshold), seats: first.charterSeats })
      : t('backersNone');
    rows.push([
      t('emergency'),
      t('emergencyText', { backers, duration: hours(t, type.emergency.minCommentWindowHours), days: type.emergency.ratifyWithinDays }),
    ]);
  }
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-3">
      <p className="font-semibold text-zinc-900">
        {type.name}
        {type.critical ? <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-800">{t('critical')}</span> : null}
      </p>
      <dl className="mt-2 grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        {rows.map(([term, text]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-zinc-600">{term}</dt>
            <dd className="mb-1 text-zinc-800 sm:mb-0">{text}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/**
 * A template's bodies and decision rules in plain words, with the counts a group of that size will meet, in the reader's
 * language (namespace `templatePreview`). `name` is the template's name as shown (translated); the names of the bodies
 * and proposal types are the charter's, as it will be stored.
 */
export function TemplatePreview({ name, charter, adjusted = false }: { name: string; charter: Charter; adjusted?: boolean }) {
  const t = useTranslations('templatePreview');
  // English lowercases the template's name inside a sentence; French and German keep it as it is.
  const template = useLocale() === 'en' ? name.toLowerCase() : name;
  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-sm font-semibold text-zinc-900">{t('whoDecides')}</h3>
        <ul className="mt-2 space-y-2">
          {charter.bodies.map((b) => (
            <BodyPreview key={b.key} charter={charter} body={b} />
          ))}
        </ul>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-zinc-900">{t('howDecided')}</h3>
        <p className="mt-1 text-xs text-zinc-600">
          {adjusted ? t('adjusted', { template }) : t('own', { template })} {t('counted')}
        </p>
        <ul className="mt-2 space-y-2">
          {charter.proposalTypes.map((ty) => (
            <TypePreview key={ty.key} charter={charter} type={ty} />
          ))}
        </ul>
      </div>
    </div>
  );
}
