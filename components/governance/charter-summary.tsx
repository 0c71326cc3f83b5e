import { useRuleWords } from '@/components/governance/rule-words';
import { useFormatter, useTranslations } from 'next-intl';
import { meetingSpecOf } from '@/lib/governance/meeting';
import type { Charter } from '@/lib/governance/types';
import { vacancyFillingOf } from '@/lib/governance/vacancy';
import { writtenConsentSpecOf } from '@/lib/governance/written-consent';

type T = ReturnType<typeof useTranslations<'charter'>>;

/** Which bodies' vacancies a seat-appointment (or election) type decided by `deciding` fills, and for an appointment by remaining majority if so. */
function appointmentClause(t: T, list: (parts: string[]) => string, charter: Charter, deciding: string | undefined, election: boolean): string {
  const body = charter.bodies.find((b) => b.key === deciding);
  if (!body) return '';
  const parts: string[] = [];
  for (const b of charter.bodies) {
    const f = vacancyFillingOf(charter, b);
    const bodyLower = b.name.toLowerCase();
    if (b.key === body.key && f.byOwnBody) parts.push(t('fillsOwn'));
    else if (f.byBodyKey === body.key) parts.push(f.byOwnBody ? t('fillsOtherWhileEmpty', { bodyLower }) : t('fillsOther', { bodyLower }));
  }
  const bodyLower = body.name.toLowerCase();
  const fills = parts.length ? `${t('fills', { bodyLower, parts: list(parts) })} ` : '';
  const majority = !election && vacancyFillingOf(charter, body).byRemainingMajority ? `${t('remainingMajority', { bodyLower })} ` : '';
  return `${fills}${majority}${t('oneSeatPerBody')} `;
}

/** The charter's proposal rules in plain words, for members and the public alike, in the reader's language. */
export function CharterSummary({ charter }: { charter: Charter }) {
  const t = useTranslations('charter');
  const format = useFormatter();
  const bodyName = (key: string) => charter.bodies.find((b) => b.key === key)?.name ?? key;
  const { hours, ratio } = useRuleWords();
  const list = (parts: string[]) => format.list(parts, { type: 'conjunction' });
  const meetings = meetingSpecOf(charter);
  const petitions = charter.petitions;
  return (
    <dl className="divide-y divide-zinc-100">
      {charter.proposalTypes.map((type) => (
        <div key={type.key} className="py-3">
          <dt className="font-medium text-zinc-900">
            {type.name}
            {type.critical ? <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-800">{t('critical')}</span> : null}
          </dt>
          <dd className="mt-1 text-sm text-zinc-600">
            {type.requiresSubject
              ? t('discussedWithReply', { duration: hours(type.minCommentWindowHours), reply: hours(type.replyWindowHours) })
              : t('discussed', { duration: hours(type.minCommentWindowHours) })}{' '}
            {type.answersRequired ? `${t('answersRequired')} ` : ''}
            {type.stages.map((s, i) => {
              const stage = { body: bodyName(s.bodyKey), duration: hours(s.votingWindowHours), quorum: ratio(s.quorum) };
              const line = type.election
                ? t('election', { ...stage, rule: t(`electionRules.${type.election.rule}`) })
                : type.consent
                  ? t('consent', { bodyLower: stage.body.toLowerCase(), duration: stage.duration })
                  : type.method
                    ? t('choice', { ...stage, winners: type.method.winners, method: t(`methods.${type.method.key}`) })
                    : t(i > 0 ? 'voteThen' : 'vote', { ...stage, threshold: ratio(s.threshold), base: s.thresholdBase });
              return <span key={i}>{line} </span>;
            })}
            {type.effect === 'seat_appointment' || type.effect === 'seat_election'
              ? appointmentClause(t, list, charter, type.stages[0]?.bodyKey, type.effect === 'seat_election')
              : ''}
            {type.critical ? `${t('belowStrength')} ` : ''}
            {type.emergency
              ? t('emergency', {
                  duration: hours(type.emergency.minCommentWindowHours),
                  ratio: ratio(type.emergency.motionThreshold),
                  days: type.emergency.ratifyWithinDays,
                })
              : ''}
          </dd>
        </div>
      ))}
      <div className="py-3">
        <dt className="font-medium text-zinc-900">{t('meetingsTitle')}</dt>
        <dd className="mt-1 text-sm text-zinc-600">
          {t('meetings', { regular: hours(meetings.regularNoticeHours), special: hours(meetings.specialNoticeHours), quorum: ratio(meetings.quorum) })}
          {charter.meetings ? '' : t('meetingsDefault')}
        </dd>
      </div>
      {petitions ? (
        <div className="py-3">
          <dt className="font-medium text-zinc-900">{t('petitionsTitle')}</dt>
          <dd className="mt-1 text-sm text-zinc-600">
            {t('petitions', {
              bodyLower: bodyName(petitions.answeringBodyKey).toLowerCase(),
              namesPublic: String(petitions.signerNamesPublic),
              members: ratio(petitions.thresholdOfMembers),
              group: ratio(petitions.thresholdOfGroup),
              signingDays: petitions.signingDays,
              answerDays: petitions.answerWithinDays,
            })}
          </dd>
        </div>
      ) : null}
      <div className="py-3">
        <dt className="font-medium text-zinc-900">{t('writtenConsentTitle')}</dt>
        <dd className="mt-1 text-sm text-zinc-600">{t('writtenConsent', { days: writtenConsentSpecOf(charter).expiresAfterDays })}</dd>
      </div>
    </dl>
  );
}
