import { createElement } from 'react';
import { renderToStaticMarkup as renderHtml } from 'react-dom/server';
import { inEnglish } from '../support/intl';
import { describe, expect, it, vi } from 'vitest';
import { electorateSecrecyWarning, resultSecrecyWarning } from '@/lib/governance/ballot-secrecy';
import { charterFromTemplate } from '@/lib/governance/charter';
import { session } from './helpers';

// The components read their words from a provider, as in the browser: English here.
const renderToStaticMarkup = (element: Parameters<typeof renderHtml>[0]) => renderHtml(inEnglish(element));

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { StagePanel } = await import('@/components/proposals/stage-panel');

// The stage panel of a secret ballot as served: the small-electorate warning before the close, the
// voter's own receipt beside their ballot, and the receipt page's link with the result.

const charter = charterFromTemplate('nonprofit_board');
const type = charter.proposalTypes.find((t) => t.key === 'board_choice')!;
const body = charter.bodies.find((b) => b.key === type.stages[0]!.bodyKey)!;
const RECEIPT = 'K7Q2-9MZD-3TXA-E8WB-PN4R';
const panel = (over: { closed: boolean; secrecyWarning: string | null; myReceipt: string | null; mine: number[] | null }) =>
  renderToStaticMarkup(
    createElement(StagePanel, {
      index: 0,
      stageCount: 1,
      stage: type.stages[0]!,
      body,
      progress: { cast: 1, quorumRequired: 2, quorumMet: false, charterSeats: 3, percent: 50 },
      opened: true,
      closed: over.closed,
      notVoted: [],
      recused: [],
      tally: null,
      rollCall: [],
      offer: over.closed ? { show: false } : { show: true, open: true },
      myChoice: null,
      mySeatId: null,
      blocked: null,
      ids: { orgId: '00000000-0000-4000-8000-000000000001', proposalId: '00000000-0000-4000-8000-000000000002' },
      choice: {
        ballot: { kind: 'single', options: ['Ada', 'Bo', 'Cy'], winners: 1 },
        methodName: 'single choice',
        mine: over.mine,
        count: null,
        downloads: null,
        myReceipt: over.myReceipt,
        receiptUrl: '/o/acme/proposals/1/receipt',
        secrecyWarning: over.secrecyWarning,
      },
    }),
  );

describe('secret ballots, as served', () => {
  it('warns of a small electorate before the close, and shows the voter their receipt with their ballot', () => {
    const html = panel({ closed: false, secrecyWarning: electorateSecrecyWarning(2)!.text, myReceipt: RECEIPT, mine: [1] });
    expect(html).toContain('Only 2 seat holders can vote: the ballots are secret, but the published result may show how individuals voted.');
    expect(html).toMatch(new RegExp(`data-receipt="true">${RECEIPT}</code>`));
    expect(html).toContain('Keep it to find your ballot after the close.');
  });

  it('shows no receipt without a ballot, and no warning for a large enough electorate', () => {
    const html = panel({ closed: false, secrecyWarning: electorateSecrecyWarning(5)?.text ?? null, myReceipt: null, mine: null });
    expect(html).not.toContain('Your receipt');
    expect(html).not.toContain('may show how individuals voted');
  });

  it('warns with the result when the ballots are few', () => {
    const html = panel({ closed: true, secrecyWarning: resultSecrecyWarning([[0], [1]])!.text, myReceipt: RECEIPT, mine: [1] });
    expect(html).toContain('With 2 ballots, the result may show how individuals voted.');
  });
});
