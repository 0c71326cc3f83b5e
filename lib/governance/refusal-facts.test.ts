import { describe, expect, it } from 'vitest';
import { checkSchedule } from './meeting';
import type { MeetingSpec } from './types';
import { formatMessage } from './messages';
import { codeParam, hoursDuration, hoursParam, instantParam, parseDuration, phaseParam } from './refusal-facts';
import { formatHours, formatUtc } from './time';

describe('facts beside a refusal’s English parameters', () => {
  it('an instant: the English words and the ISO instant', () => {
    const at = new Date('2026-12-03T14:00:00Z');
    expect(instantParam('at', at)).toEqual({ at: '3 Dec 2026, 14:00 UTC', 'at:instant': '2026-12-03T14:00:00.000Z' });
    expect(formatMessage('proposal.withdrawn_on', instantParam('at', at))).toBe(`This proposal was withdrawn on ${formatUtc(at)}.`);
  });

  it('a duration in the unit the English chose, and back', () => {
    for (const hours of [0, 1, 23, 24, 36, 48, 72, 168, 1000, 24_000]) {
      const fact = hoursDuration(hours);
      const { n, unit } = parseDuration(fact)!;
      expect(formatHours(hours)).toBe(`${n} ${unit}${n === 1 ? '' : 's'}`);
      expect(hoursParam('hours', hours)).toEqual({ hours: formatHours(hours), 'hours:duration': fact });
    }
    expect(hoursDuration(168)).toBe('P7D');
    expect(hoursDuration(36)).toBe('PT36H');
    expect(parseDuration('PT14M')).toEqual({ n: 14, unit: 'minute' });
    expect(parseDuration('PT45S')).toEqual({ n: 45, unit: 'second' });
    for (const bad of ['', '7 days', 'P', 'PT', 'P7DT1H', 'PT-1H', 'p7d']) expect(parseDuration(bad)).toBeNull();
  });

  it('a code beside its words; a phase as the refusals have always worded it', () => {
    expect(codeParam('state', 'petition', 'awaiting the answer', 'awaiting_answer')).toEqual({
      state: 'awaiting the answer',
      'state:petition': 'awaiting_answer',
    });
    expect(phaseParam({ kind: 'ready_for_voting' })).toEqual({ phase: 'ready for voting', 'phase:phase': 'ready_for_voting' });
  });

  it('a rule passes them: a meeting on short notice', () => {
    const spec: MeetingSpec = { regularNoticeHours: 168, specialNoticeHours: 48, quorum: { num: 1, den: 2, inclusive: false } };
    const at = new Date('2026-03-02T09:00:00Z');
    const startsAt = new Date('2026-03-03T21:00:00Z');
    const result = checkSchedule({ role: 'admin', kind: 'regular', at, spec, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
    expect(result).toMatchObject({
      ok: false,
      code: 'meeting.short_notice_regular',
      params: { required: '7 days', 'required:duration': 'P7D', given: '36 hours', 'given:duration': 'PT36H', special: '2 days', 'special:duration': 'P2D' },
      reason:
        'A regular meeting needs 7 days of notice and this one would give 36 hours. Move it later, or call it as a special meeting, which needs 2 days of notice.',
    });
  });
});
