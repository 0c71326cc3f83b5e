import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CharterSummary } from '@/components/governance/charter-summary';
import { charterFromTemplate } from '@/lib/governance/charter';
import { charterTemplateKeys } from '@/lib/governance/templates';
import type { Charter } from '@/lib/governance/types';
import type { Locale } from '@/lib/i18n/locales';
import { inLocale } from '../support/intl';

// The charter summary of the organization page: each type's procedure in words, true to how it decides.

/** The summary's text for one type (its <dd>), tags dropped. */
function said(charter: Charter, key: string): string {
  const html = renderToStaticMarkup(inLocale('en', createElement(CharterSummary, { charter })));
  const name = charter.proposalTypes.find((t) => t.key === key)!.name.replace(/&/g, '&amp;');
  const start = html.indexOf(`${name}`);
  const dd = html.slice(html.indexOf('<dd', start), html.indexOf('</dd>', start));
  return dd
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('the charter summary', () => {
  it('says a consent type has no ballots and no quorum, and passes unless an objection stands', () => {
    const text = said(charterFromTemplate('informal_group'), 'group_consent');
    expect(text).toContain('Decided by consent of the group over 2 days: no ballots and no quorum;');
    expect(text).toContain('it passes unless an objection stands at the close.');
    expect(text).not.toMatch(/votes for|passes with/);
  });

  it('says a seat election is by nomination and ranked secret ballot under its rule, and who it may fill', () => {
    const charter = charterFromTemplate('nonprofit_board');
    const text = said(charter, 'board_election');
    expect(text).toContain('Members nominate candidates (themselves included) during the comment window, and each nominee must accept.');
    expect(text).toContain('by secret ranked ballot (single transferable vote (Scottish rules)) over 3 days');
    expect(text).toContain('elected unopposed without a vote');
    expect(text).toContain('The board fills its own vacancies');
    expect(text).toContain('One person holds one seat per body.');
    expect(text).not.toContain('more than half of the people'); // the remaining-majority rule is an appointment's, not an election's
    expect(text).not.toMatch(/votes for|passes with/);
    charter.proposalTypes.find((t) => t.key === 'board_election')!.election = { rule: 'meek_stv' };
    expect(said(charter, 'board_election')).toContain('(single transferable vote (Meek rules))');
  });

  it('still says a yes/no type’s threshold', () => {
    expect(said(charterFromTemplate('informal_group'), 'decision')).toMatch(
      /Group votes for 2 days: quorum .* passes with more than 1\/2 of the yes and no votes cast\./,
    );
  });
});

describe('the charter summary in French and German', () => {
  // Words of the English summary's own sentences (not the charter's names, which stay as the organization wrote them).
  const english =
    /\b(Discussed|nobody can shorten|votes for|passes with|charter seats|Members nominate|Decided by consent|fills its own|One person holds|Cannot go to a vote|emergency procedure|Regular meetings|Any member|A body of seats|days?\b|hours?\b|or more|more than)/;

  it.each(['fr', 'de'] as Locale[])('%s: every template’s summary reads in that language, with its durations and ratios', (locale) => {
    for (const key of charterTemplateKeys) {
      const charter = charterFromTemplate(key);
      // The charter's own names (bodies, types) are English in the templates: take them out before looking for English.
      let text = renderToStaticMarkup(inLocale(locale, createElement(CharterSummary, { charter }))).replace(/<[^>]+>/g, ' ');
      for (const name of [...charter.bodies.map((b) => b.name), ...charter.proposalTypes.map((t) => t.name)])
        text = text.split(name).join(' ').split(name.toLowerCase()).join(' ');
      expect(text, `${locale} ${key}`).not.toMatch(english);
      expect(text).toMatch(locale === 'fr' ? /jours?/ : /Tagen?/);
    }
  });
});
