import { choiceMethodName } from '@/lib/governance/choice';
import { ratioText } from '@/lib/governance/charter';
import { meetingRulesText, meetingSpecOf } from '@/lib/governance/meeting';
import { petitionRulesText } from '@/lib/governance/petition-words';
import { formatHours } from '@/lib/governance/time';
import type { Charter } from '@/lib/governance/types';
import { vacancyFillingOf } from '@/lib/governance/vacancy';
import { writtenConsentRulesText } from '@/lib/governance/written-consent';

/** A seat election's rule in words: 'single transferable vote (Scottish rules)'. */
function electionRuleName(rule: 'scottish_stv' | 'meek_stv'): string {
  return choiceMethodName(rule).replace(/^ranked, /, '');
}

/** Which bodies' vacancies a seat-appointment (or election) type decided by `deciding` fills, and for an appointment by remaining majority if so. */
function appointmentClause(charter: Charter, deciding: string | undefined, election: boolean): string {
  const body = charter.bodies.find((b) => b.key === deciding);
  if (!body) return '';
  const parts: string[] = [];
  for (const b of charter.bodies) {
    const f = vacancyFillingOf(charter, b);
    if (b.key === body.key && f.byOwnBody) parts.push(`its own vacancies`);
    else if (f.byBodyKey === body.key)
      parts.push(f.byOwnBody ? `vacancies of the ${b.name.toLowerCase()} while nobody holds a seat of it` : `vacancies of the ${b.name.toLowerCase()}`);
  }
  const fills = parts.length ? `The ${body.name.toLowerCase()} fills ${parts.join(' and ')}. ` : '';
  const majority =
    !election && vacancyFillingOf(charter, body).byRemainingMajority
      ? `It also passes with yes from more than half of the people holding a ${body.name.toLowerCase()} seat when voting opens, even when they are fewer than a quorum. `
      : '';
  return fills + majority + 'One person holds one seat per body. ';
}

/** The charter's proposal rules in plain words, for members and the public alike. */
export function CharterSummary({ charter }: { charter: Charter }) {
  const bodyName = (key: string) => charter.bodies.find((b) => b.key === key)?.name ?? key;
  const petitions = petitionRulesText(charter);
  return (
    <dl className="divide-y divide-zinc-100">
      {charter.proposalTypes.map((t) => (
        <div key={t.key} className="py-3">
          <dt className="font-medium text-zinc-900">
            {t.name}
            {t.critical ? <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-800">critical</span> : null}
          </dt>
          <dd className="mt-1 text-sm text-zinc-600">
            Discussed for at least {formatHours(t.minCommentWindowHours)} (nobody can shorten this)
            {t.requiresSubject ? `, then the person concerned has ${formatHours(t.replyWindowHours)} to reply` : ''}.{' '}
            {t.answersRequired ? 'Every concern or objection raised in the comment window needs the author’s public answer before voting opens. ' : ''}
            {t.election
              ? t.stages.map((s, i) => (
                  <span key={i}>
                    Members nominate candidates (themselves included) during the comment window, and each nominee must accept. {bodyName(s.bodyKey)} then elects
                    them to vacant seats by secret ranked ballot ({electionRuleName(t.election!.rule)}) over {formatHours(s.votingWindowHours)}: quorum{' '}
                    {ratioText(s.quorum)} of its charter seats; the counted ballots are published without names. With no more candidates than seats, they are
                    elected unopposed without a vote.{' '}
                  </span>
                ))
              : t.consent
                ? t.stages.map((s, i) => (
                    <span key={i}>
                      Decided by consent of the {bodyName(s.bodyKey).toLowerCase()} over {formatHours(s.votingWindowHours)}: no ballots and no quorum; each seat
                      holder may raise a reasoned, public objection, and it passes unless an objection stands at the close.{' '}
                    </span>
                  ))
                : t.method
                  ? t.stages.map((s, i) => (
                      <span key={i}>
                        {bodyName(s.bodyKey)} chooses {t.method!.winners === 1 ? 'one' : t.method!.winners} of the proposal’s options by secret ballot (
                        {choiceMethodName(t.method!.key)}) over {formatHours(s.votingWindowHours)}: quorum {ratioText(s.quorum)} of its charter seats; the
                        counted ballots are published without names.{' '}
                      </span>
                    ))
                  : t.stages.map((s, i) => (
                      <span key={i}>
                        {i > 0 ? 'Then ' : ''}
                        {bodyName(s.bodyKey)} votes for {formatHours(s.votingWindowHours)}: quorum {ratioText(s.quorum)} of its charter seats; passes with{' '}
                        {ratioText(s.threshold)} of {s.thresholdBase === 'charter_seats' ? 'all charter seats voting yes' : 'the yes and no votes cast'}.{' '}
                      </span>
                    ))}
            {t.effect === 'seat_appointment' || t.effect === 'seat_election'
              ? appointmentClause(charter, t.stages[0]?.bodyKey, t.effect === 'seat_election')
              : ''}
            {t.critical ? 'Cannot go to a vote while a deciding body is below strength. ' : ''}
            {t.emergency
              ? `An emergency procedure (${formatHours(t.emergency.minCommentWindowHours)} window) needs ${ratioText(t.emergency.motionThreshold)} of charter seats and lapses unless ratified within ${t.emergency.ratifyWithinDays} days.`
              : ''}
          </dd>
        </div>
      ))}
      <div className="py-3">
        <dt className="font-medium text-zinc-900">Meetings</dt>
        <dd className="mt-1 text-sm text-zinc-600">
          {meetingRulesText(meetingSpecOf(charter), ratioText)}
          {charter.meetings ? '' : ' (the default: this charter sets none)'}
        </dd>
      </div>
      {petitions ? (
        <div className="py-3">
          <dt className="font-medium text-zinc-900">Stakeholder petitions</dt>
          <dd className="mt-1 text-sm text-zinc-600">{petitions}</dd>
        </div>
      ) : null}
      <div className="py-3">
        <dt className="font-medium text-zinc-900">Unanimous written consent</dt>
        <dd className="mt-1 text-sm text-zinc-600">{writtenConsentRulesText(charter)}</dd>
      </div>
    </dl>
  );
}
