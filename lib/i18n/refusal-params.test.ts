/**
 * Parameters inside translated refusals (lib/i18n/refusals.ts `paramsIn`): a date, a duration, a phase, a petition's or
 * a written consent's state, a roll call's attendance and a rate limit's policy, passed by the rules as facts beside
 * their English words (lib/governance/refusal-facts.ts), read in French and German without their English; English is
 * the rules' English, word for word. The catalogue's English words for the codes are the rules' own.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, messages } from '@/lib/governance/messages';
import type { MessageParams, RefusalCode } from '@/lib/governance/messages';
import { scopeParam, scopeWords } from '@/lib/governance/delegation-scope';
import { petitionPhaseWords } from '@/lib/governance/petition';
import type { PetitionPhase } from '@/lib/governance/petition';
import { codeParam, hoursParam, instantParam, phaseParam } from '@/lib/governance/refusal-facts';
import { attendanceStatuses } from '@/lib/governance/meeting';
import { writtenConsentPhaseWords } from '@/lib/governance/written-consent';
import type { WrittenConsentPhase } from '@/lib/governance/written-consent';
import type { Phase } from '@/lib/governance/types';
import { limitPolicies, waitDuration, waitText } from '@/lib/rate-limit';
import type { LimitPolicy } from '@/lib/rate-limit';
import { catalogues } from './catalogue';
import { paramsIn, refusalIn } from './refusals';

const words = catalogues.en.refusalWords;
const phases: Phase['kind'][] = [
  'draft',
  'discussion',
  'awaiting_reply',
  'awaiting_answers',
  'ready_for_voting',
  'voting',
  'passed',
  'rejected',
  'failed_quorum',
  'lapsed',
  'withdrawn',
];
const petitionKinds: PetitionPhase['kind'][] = ['open', 'closed', 'awaiting_answer', 'overdue', 'answered'];
const consentKinds: WrittenConsentPhase['kind'][] = ['open', 'adopted', 'withdrawn', 'lapsed', 'expired'];
const at = new Date('2026-12-03T14:05:00Z');

/** A month as `formatUtc` abbreviates it, or a unit of time, in English (“minute” is French too). */
const englishDateOrDuration = {
  fr: /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|days?|hours?|seconds?)\b/,
  de: /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|days?|hours?|minutes?|seconds?)\b/,
};

describe('the catalogue’s English words for the facts are the rules’ own', () => {
  it('phases, petitions, written consents, attendance, rate limits', () => {
    expect(Object.keys(words.phase).sort()).toEqual([...phases].sort());
    for (const kind of phases) expect(words.phase[kind]).toBe(phaseParam({ kind }).phase);
    expect(Object.keys(words.petition).sort()).toEqual([...petitionKinds].sort());
    for (const kind of petitionKinds) expect(words.petition[kind]).toBe(petitionPhaseWords({ kind } as PetitionPhase));
    expect(Object.keys(words.consent).sort()).toEqual([...consentKinds].sort());
    for (const kind of consentKinds) expect(words.consent[kind]).toBe(writtenConsentPhaseWords({ kind } as WrittenConsentPhase));
    expect(Object.keys(words.attendance).sort()).toEqual([...attendanceStatuses, 'not_recorded'].sort());
    for (const status of attendanceStatuses) expect(words.attendance[status]).toBe(status);
    expect(words.attendance.not_recorded).toBe('not recorded');
    expect(Object.keys(words.limit).sort()).toEqual(Object.keys(limitPolicies).sort());
    for (const policy of Object.keys(limitPolicies) as LimitPolicy[]) expect(words.limit[policy]).toBe(limitPolicies[policy].what);
  });
});

/** Parameters for every placeholder of `code`: dates and durations as the rules pass them, anything else a plain word. */
function paramsFor(code: RefusalCode, hours: number): MessageParams {
  const params: MessageParams = {};
  for (const [, name] of messages[code].matchAll(/\{(\w+)\}/g)) {
    if (name === 'at') Object.assign(params, instantParam('at', at));
    else if (name === 'hours' || name === 'required' || name === 'given' || name === 'special') Object.assign(params, hoursParam(name, hours));
    else if (name === 'wait') Object.assign(params, { wait: waitText(hours), 'wait:duration': waitDuration(hours) });
    else params[name!] = 3;
  }
  return params;
}

const timed = (Object.keys(messages) as RefusalCode[]).filter((code) => /\{(at|hours|required|given|special|wait)\}/.test(messages[code]));

describe('dates and durations inside refusals', () => {
  it('are found in the codes that carry them', () => {
    // `proposal.revise_consent_fixed` says “{hours} hours”: a number, not a duration.
    expect(timed.filter((c) => c !== 'proposal.revise_consent_fixed').length).toBeGreaterThanOrEqual(15);
  });

  it.each(timed)('%s: English as the rules give it; French and German without English', (code) => {
    for (const hours of [1, 24, 36, 48, 168, 240]) {
      const params = paramsFor(code, hours);
      expect(formatMessage(code, params)).not.toContain(':instant');
      expect(paramsIn('en', params)).toEqual(params);
      for (const locale of ['fr', 'de'] as const) {
        const text = refusalIn(locale, code, params);
        expect(text, `${locale} ${code}`).toBeTruthy();
        expect(text, `${locale} ${code}: ${text}`).not.toMatch(englishDateOrDuration[locale]);
      }
    }
  });

  it('a date as the app writes dates (`common.when`), a duration with its plural', () => {
    expect(refusalIn('fr', 'ballot.comment_window', instantParam('at', at))).toBe(
      'Le vote n’est pas ouvert : la période de commentaires court jusqu’au 3 déc. 2026, 14:05 UTC.',
    );
    expect(refusalIn('de', 'proposal.withdrawn_on', instantParam('at', at))).toBe('Dieser Antrag wurde am 3. Dez. 2026, 14:05 UTC zurückgezogen.');
    const window = (hours: number) => ({ ...instantParam('at', at), ...hoursParam('hours', hours) });
    expect(refusalIn('fr', 'voting.emergency_window', window(24))).toContain('dure 1 jour ');
    expect(refusalIn('fr', 'voting.emergency_window', window(36))).toContain('dure 36 heures ');
    expect(refusalIn('de', 'voting.comment_window', window(168))).toContain('beträgt 7 Tage ');
    expect(refusalIn('de', 'voting.comment_window', window(1))).toContain('beträgt 1 Stunde ');
    const wait = (seconds: number) => ({ ...codeParam('what', 'limit', 'votes', 'ballot'), wait: waitText(seconds), 'wait:duration': waitDuration(seconds) });
    expect(refusalIn('fr', 'rate_limit.exceeded', wait(1))).toBe('Trop de bulletins en peu de temps. Réessayez dans 1 seconde.');
    expect(refusalIn('de', 'rate_limit.exceeded', wait(840))).toBe('Zu viele Stimmabgaben in kurzer Zeit. Versuchen Sie es in 14 Minuten erneut.');
    expect(refusalIn('de', 'rate_limit.exceeded', wait(7200))).toBe('Zu viele Stimmabgaben in kurzer Zeit. Versuchen Sie es in 2 Stunden erneut.');
  });

  it('without its fact (a refusal recognised from its English), a parameter stays as given', () => {
    expect(refusalIn('fr', 'proposal.withdrawn_on', { at: '3 Dec 2026, 14:05 UTC' })).toBe('Cette proposition a été retirée le 3 Dec 2026, 14:05 UTC.');
    // A fact the catalogue cannot word (an unknown code, a malformed instant) leaves the English too.
    expect(refusalIn('fr', 'proposal.withdrawn_on', { at: 'then', 'at:instant': 'not a date' })).toBe('Cette proposition a été retirée le then.');
    expect(refusalIn('fr', 'petition.closed', { state: 'odd', 'state:petition': 'odd' })).toMatch(/^Cette pétition est : odd ;/);
  });
});

describe('codes inside refusals: phases, states, attendance, rate limits', () => {
  it.each(['fr', 'de'] as const)('%s: each code in its own words', (locale) => {
    const theirs = catalogues[locale].refusalWords;
    for (const kind of phases) {
      expect(refusalIn(locale, 'proposal.publish_not_allowed', phaseParam({ kind }))).toContain(`${theirs.phase[kind]})`);
      expect(refusalIn(locale, 'voting.not_open', phaseParam({ kind }))).toMatch(new RegExp(`${theirs.phase[kind]}\\.$`));
    }
    for (const kind of petitionKinds) {
      const params = codeParam('state', 'petition', petitionPhaseWords({ kind } as PetitionPhase), kind);
      expect(refusalIn(locale, 'petition.closed', params)).toContain(theirs.petition[kind]);
      expect(refusalIn(locale, 'petition.closed', params)).not.toContain(words.petition[kind]);
    }
    for (const kind of consentKinds) {
      const params = codeParam('state', 'consent', writtenConsentPhaseWords({ kind } as WrittenConsentPhase), kind);
      expect(refusalIn(locale, 'written_consent.closed', params)).toContain(theirs.consent[kind]);
    }
    for (const status of [...attendanceStatuses, 'not_recorded'] as const) {
      const params = { name: 'Ada', ...codeParam('status', 'attendance', words.attendance[status], status) };
      expect(refusalIn(locale, 'roll_call.not_attending', params)).toContain(`: ${theirs.attendance[status]}`);
    }
    const scopes = [
      { typeName: null, proposalNumber: 12 },
      { typeName: 'Budget: yearly', proposalNumber: null },
      { typeName: null, proposalNumber: null },
    ];
    for (const scope of scopes) {
      const text = refusalIn(locale, 'delegation.not_allowed', scopeParam(scope))!;
      expect(text).not.toContain(scopeWords(scope));
      if (scope.proposalNumber !== null) expect(text).toContain('#12)');
      if (scope.typeName !== null) expect(text).toContain('Budget: yearly');
    }
    expect(refusalIn(locale, 'delegation.unchanged', { name: 'Ada', scope: 'for #3', 'scope:scope': 'nonsense' })).toContain('(for #3)');
    for (const policy of Object.keys(limitPolicies) as LimitPolicy[]) {
      const params = { ...codeParam('what', 'limit', limitPolicies[policy].what, policy), wait: '14 minutes', 'wait:duration': 'PT14M' };
      const text = refusalIn(locale, 'rate_limit.exceeded', params)!;
      expect(text).toContain(theirs.limit[policy]);
      expect(text).not.toContain(limitPolicies[policy].what);
    }
  });
});
