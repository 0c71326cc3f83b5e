import { createElement } from 'react';
import { renderToStaticMarkup as renderHtml } from 'react-dom/server';
import { inEnglish } from '../support/intl';
import { describe, expect, it, vi } from 'vitest';
import { charterFromTemplate } from '@/lib/governance/charter';
import { consentTally } from '@/lib/governance/test-fixtures';
import { session } from './helpers';

// The components read their words from a provider, as in the browser: English here.
const renderToStaticMarkup = (element: Parameters<typeof renderHtml>[0]) => renderHtml(inEnglish(element));

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { ConsentPanel } = await import('@/components/proposals/consent-panel');

// The consent panel as the server renders it: the rule in words, the public objections, the form and the outcome.

const charter = charterFromTemplate('informal_group');
const type = charter.proposalTypes.find((t) => t.key === 'group_consent')!;
const body = charter.bodies[0]!;
const at = new Date('2026-12-01T10:00:00Z');
const objection = (id: string, name: string, reason: string, withdrawnAt: Date | null = null) => ({
  id,
  seatId: `seat-${id}`,
  objectorName: name,
  reason,
  raisedAt: at,
  withdrawnAt,
});
const base = {
  stage: type.stages[0]!,
  body,
  lateRevision: type,
  recused: [],
  mine: null,
  blocked: null,
  ids: { orgId: '00000000-0000-4000-8000-000000000001', proposalId: '00000000-0000-4000-8000-000000000002' },
};

describe('ConsentPanel, as served', () => {
  it('while open: states the rule, lists the standing objections by name and reason, and offers a seat holder the form', () => {
    const html = renderToStaticMarkup(
      createElement(ConsentPanel, {
        ...base,
        opened: true,
        closed: false,
        objections: [objection('a', 'Ada', 'It leaves the night shift out.'), objection('b', 'Bo', 'Withdrawn reason.', at)],
        stood: [],
        tally: null,
        offer: { show: true, open: true },
        mine: 'My own reason here.',
      }),
    );
    expect(html).toContain('passes if no objection stands when the window closes');
    expect(html).toContain('No quorum applies');
    // The author may revise during the window; objections stay; a late revision extends the window (the template: 1 day, 1 day).
    expect(html).toContain(
      'The author may revise the text while the window is open, to meet an objection; an objection stands until its objector withdraws it.',
    );
    expect(html).toContain('A revision within 1 day of the close keeps the window open at least 1 day after the revision.');
    expect(html).toContain('1 objection stands');
    expect(html).toContain('Ada');
    expect(html).toContain('It leaves the night shift out.');
    expect(html).not.toContain('Withdrawn reason.');
    expect(html).toContain('Your objection and its reason');
    expect(html).toMatch(/<textarea[^>]*name="reason"/);
    expect(html).toContain('Replace my objection');
    expect(html).toContain('Withdraw my objection');
  });

  it('after the close: passed with no objection, or rejected with the objections that stood; no form', () => {
    const passed = renderToStaticMarkup(
      createElement(ConsentPanel, { ...base, opened: true, closed: true, objections: [], stood: [], tally: consentTally(0), offer: { show: false } }),
    );
    expect(passed).toContain('Passed: no objection stood');
    expect(passed).not.toContain('<form');
    const stood = [objection('a', 'Ada', 'It leaves the night shift out.'), objection('c', 'Cy', 'The budget is not approved.')];
    const rejected = renderToStaticMarkup(
      createElement(ConsentPanel, { ...base, opened: true, closed: true, objections: stood, stood, tally: consentTally(2), offer: { show: false } }),
    );
    expect(rejected).toContain('Rejected: 2 objections stood');
    expect(rejected).toContain('The budget is not approved.');
  });
});
