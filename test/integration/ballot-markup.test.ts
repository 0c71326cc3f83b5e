import { createElement } from 'react';
import { renderToStaticMarkup as renderHtml } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApprovalBallot } from '@/components/proposals/approval-ballot';
import { ChoiceBallot } from '@/components/proposals/choice-ballot';
import { CountRounds } from '@/components/proposals/count-rounds';
import { RankedBallot } from '@/components/proposals/ranked-ballot';
import { scottishStv } from '@/lib/governance/methods/scottish-stv';
import { readRankedBallot } from '@/lib/governance/ranking';
import { inEnglish } from '../support/intl';

const renderToStaticMarkup = (element: Parameters<typeof renderHtml>[0]) => renderHtml(inEnglish(element));

// The ballots as the server renders them: the fields a form posts with and without JavaScript,
// and the names that buttons, lists and tables give to assistive technology.

const names = ['Ada', 'Bo', 'Cy'];
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const tags = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))].map((m) => m[0]);

/** What a browser without JavaScript posts from the page's fields as they start: hidden inputs, checked boxes, selected options. */
function posted(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of tags(html, 'input')) if (attr(input, 'type') === 'hidden') values[attr(input, 'name')!] = attr(input, 'value')!;
  for (const m of html.matchAll(/<select\b[^>]*name="([^"]*)"[^>]*>(.*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected="">/.exec(m[2]!) ?? /<option value="([^"]*)"/.exec(m[2]!);
    values[m[1]!] = selected![1]!;
  }
  return values;
}

describe('RankedBallot, as served', () => {
  const html = renderToStaticMarkup(createElement(RankedBallot, { name: 'vote', candidates: names, allowPartial: false, initial: [2, 0] }));

  it('posts the ranking in a hidden field, and the same ranking from the no-script rank fields', () => {
    const values = posted(html);
    expect(values.vote).toBe('2,0');
    expect(Object.keys(values).sort()).toEqual(['vote', 'vote.rank.0', 'vote.rank.1', 'vote.rank.2']);
    expect(readRankedBallot(values, 'vote', 3)).toEqual({ ok: true, preferences: [2, 0] });
    expect(readRankedBallot({ vote: values.vote! }, 'vote', 3)).toEqual({ ok: true, preferences: [2, 0] });
  });

  it('keeps the rank fields inside <noscript>, and hides the buttons when scripts are off', () => {
    const noscript = /<noscript>(.*)<\/noscript>/s.exec(html)?.[1] ?? '';
    expect(tags(noscript, 'select').map((s) => attr(s, 'name'))).toEqual(['vote.rank.0', 'vote.rank.1', 'vote.rank.2']);
    expect(tags(html.replace(noscript, ''), 'select')).toEqual([]);
    expect(html).toMatch(/class="[^"]*noscript:hidden[^"]*"><p id="[^"]*-hint"/);
  });

  it('names every button with its candidate, the ends of the ranking marked as going nowhere', () => {
    const buttons = tags(html, 'button').map((b) => [attr(b, 'aria-label'), attr(b, 'aria-disabled') ?? '']);
    expect(buttons).toEqual([
      ['Move Cy up', 'true'],
      ['Move Cy down', ''],
      ['Remove Cy', ''],
      ['Move Ada up', ''],
      ['Move Ada down', 'true'],
      ['Remove Ada', ''],
      ['Add Bo', ''],
    ]);
    expect(html).toContain('Every candidate must be ranked');
    expect(html).toMatch(/<p role="status" aria-live="polite"/);
  });
});

describe('ApprovalBallot and ChoiceBallot, as served', () => {
  it('post one field per approved candidate and the radio candidate id, starting from the ballot already cast', () => {
    const approval = renderToStaticMarkup(createElement(ApprovalBallot, { name: 'approve', candidates: names, maxApprovals: 2, initial: [1] }));
    expect(tags(approval, 'input').map((i) => [attr(i, 'type'), attr(i, 'name'), attr(i, 'value'), /checked/.test(i)])).toEqual([
      ['checkbox', 'approve.approve.0', 'on', false],
      ['checkbox', 'approve.approve.1', 'on', true],
      ['checkbox', 'approve.approve.2', 'on', false],
    ]);
    expect(approval).toContain('You may choose up to 2.');
    const choice = renderToStaticMarkup(createElement(ChoiceBallot, { name: 'choice', candidates: names, initial: 2 }));
    expect(tags(choice, 'input').map((i) => [attr(i, 'type'), attr(i, 'value'), /checked/.test(i)])).toEqual([
      ['radio', '0', false],
      ['radio', '1', false],
      ['radio', '2', true],
    ]);
    expect(choice).toMatch(/<fieldset[^>]*><legend[^>]*>Choose one candidate<\/legend>/);
  });
});

describe('CountRounds, as served', () => {
  const b = (count: number, ...preferences: number[]) => ({ count, preferences });
  // The Scottish STV worked example of lib/governance/methods/scottish-stv.test.ts, with a fourth candidate.
  const four = [...names, 'Di'];
  const result = scottishStv.tally([b(12, 0, 1), b(4, 0, 2), b(2, 0), b(5, 1), b(6, 2), b(7, 3, 2)], { candidates: four, seats: 2, lotSeed: 'seed' });
  const html = renderToStaticMarkup(createElement(CountRounds, { candidates: four, result }));
  const text = html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

  it('heads each round with what it did, and writes who was elected or excluded', () => {
    expect(tags(html, 'th').filter((t) => attr(t, 'scope') === 'col')).toHaveLength(4);
    expect(text).toContain('Round 2 Ada’s extra votes passed on');
    expect(text).toContain('Round 3 Di excluded; their votes passed on');
    expect(text).toContain('Ada Elected in round 1');
    expect(text).toContain('14.11108 Elected');
    expect(text).toContain('Total 36.00000 36.00000 36.00000');
    expect(text).toContain('Elected, in order of election Ada Cy ');
  });

  it('scrolls the table in a region a keyboard can reach, and gives each transfer its exact signed figure', () => {
    expect(html).toMatch(/<div[^>]*tabindex="0" role="region" aria-label="Table of rounds, scrolls sideways"/);
    expect(text).toContain('Ada −5.00000 Bo +3.33324 Cy +1.11108 Non-transferable +0.55554 Residue +0.00014');
  });
});
