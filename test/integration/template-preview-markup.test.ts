import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TemplatePreview } from '@/components/organizations/template-preview';
import { adjustCharter } from '@/lib/governance/charter-adjust';
import { charterTemplateKeys, charterTemplates } from '@/lib/governance/templates';
import type { Charter } from '@/lib/governance/types';
import { catalogues } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { inPageMessages } from '../support/intl';

// The new-organization page's charter preview, as the client form renders it with the page's namespaces only: English
// word for word as before; French and German with none of its sentences. The templates' names and descriptions are
// shown in the reader's language; the charter that is stored (its bodies' and types' names) stays as it is.

const text = (locale: Locale, name: string, charter: Charter, adjusted = false) =>
  renderToStaticMarkup(inPageMessages(locale, ['newOrg', 'templatePreview'], createElement(TemplatePreview, { name, charter, adjusted })))
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .filter((l) => l.trim() !== '');

/** Every template, as it comes and with its main body's seats changed, with the charter's names (which stay) listed. */
const cases = charterTemplateKeys.flatMap((key) => {
  const charter = charterTemplates[key].charter;
  return [
    { key, charter, adjusted: false },
    { key, charter: adjustCharter(charter, { primarySeats: 7 }), adjusted: true },
  ];
});

describe('the charter preview on the new-organization page', () => {
  it('English: word for word as before', () => {
    const charter = charterTemplates.nonprofit_board.charter;
    const lines = text('en', 'Nonprofit board', charter);
    expect(lines).toContain('Who decides');
    expect(lines).toContain('Board: 9 seats');
    expect(lines).toContain(
      'Critical decisions need at least 13 seats filled. A seat left empty for 90 days is flagged publicly. The board fills its empty seats.',
    );
    expect(lines).toContain(
      'Among them at least 3 independent seats and 1 employee representative seat. Critical decisions need at least 7 seats filled. A seat left empty for 60 days is flagged publicly. It fills its own empty seats; the member assembly fills them when nobody is left.',
    );
    expect(lines).toContain(
      'With the nonprofit board template’s own numbers. Seats are counted as the charter sets them, filled or not. Critical decisions cannot go to a vote while a body has fewer seats filled than it needs.',
    );
    expect(lines).toContain('at least 7 days, before any vote');
    expect(lines).toContain('more than half of the yes and no votes are yes (abstentions do not count)');
    expect(lines).toContain('Vote (step 2)');
  });

  it('English: the informal group’s whole preview, line for line as before', () => {
    expect(text('en', 'Informal group', charterTemplates.informal_group.charter)).toEqual([
      'Who decides',
      'Group: 3 seats',
      'Critical decisions need at least 2 seats filled. A seat left empty for 30 days is flagged publicly. It fills its own empty seats.',
      'How each kind of decision is made',
      'With the informal group template’s own numbers. Seats are counted as the charter sets them, filled or not. Critical decisions cannot go to a vote while a body has fewer seats filled than it needs.',
      'Group decision',
      'Discussion',
      'at least 3 days, before any vote',
      'Vote',
      'the group, for 2 days',
      'Quorum',
      '2 of its 3 seats vote (yes, no or abstain)',
      'To pass',
      'more than half of the yes and no votes are yes (abstentions do not count)',
      'Group choice among options (ranked)',
      'Discussion',
      'at least 3 days, before any vote',
      'Vote',
      'the group, for 2 days',
      'Quorum',
      '2 of its 3 seats vote (yes, no or abstain)',
      'To pass',
      'more than half of the yes and no votes are yes (abstentions do not count)',
      'Group decision by consent',
      'Discussion',
      'at least 3 days, before any vote',
      'Vote',
      'the group, for 2 days',
      'Quorum',
      '2 of its 3 seats vote (yes, no or abstain)',
      'To pass',
      'more than half of the yes and no votes are yes (abstentions do not count)',
      'Charter amendment',
      'critical',
      'Discussion',
      'at least 7 days, before any vote',
      'Vote',
      'the group, for 3 days',
      'Quorum',
      '2 of its 3 seats vote (yes, no or abstain)',
      'To pass',
      '2 of the 3 seats vote yes',
      'Removal from the group',
      'critical',
      'Discussion',
      'at least 7 days, before any vote',
      'Right of reply',
      'the person it names has 3 days to answer before the vote',
      'Concerns answered',
      'every concern or objection raised in the comment window gets the author’s public answer before the vote',
      'Vote',
      'the group, for 3 days',
      'Quorum',
      '2 of its 3 seats vote (yes, no or abstain)',
      'To pass',
      '2 of the 3 seats vote yes',
      'Appointment to the group',
      'Discussion',
      'at least 3 days, before any vote',
      'Vote',
      'the group, for 2 days',
      'Quorum',
      '2 of its 3 seats vote (yes, no or abstain)',
      'To pass',
      '2 of the 3 seats vote yes',
      'Or',
      'yes from more than half of the people holding a group seat when the vote opens, even when they are fewer than the quorum',
    ]);
  });

  it('English: the catalogue’s template names and descriptions are the templates’ own', () => {
    for (const key of charterTemplateKeys) {
      expect(catalogues.en.templatePreview.templates[key].name).toBe(charterTemplates[key].name);
      expect(catalogues.en.templatePreview.templates[key].description).toBe(charterTemplates[key].description);
    }
  });

  const english =
    /\b(Who decides|How each kind|seats? filled|Among them|flagged publicly|empty seats|template’s|Seats are counted|critical|Discussion|before any vote|Right of reply|Concerns answered|Vote \(step|To pass|of its|vote yes|yes and no votes|at least|more than|half|Emergency|back it|lapses|supermajority|days?\b|hours?\b|Or\b|seats?\b|independent|employee representative)/;

  it.each(['fr', 'de'] as Locale[])('%s: every template’s preview and description in that language, the charter’s names as given', (locale) => {
    for (const { key, charter, adjusted } of cases) {
      const names = [...charter.bodies, ...charter.proposalTypes].map((x) => x.name).sort((a, b) => b.length - a.length);
      const lines = text(locale, catalogues[locale].templatePreview.templates[key].name, charter, adjusted);
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) {
        const words = names.reduce((l, name) => l.split(name).join('·').split(name.toLowerCase()).join('·'), line);
        expect(words, `${key}: ${line}`).not.toMatch(english);
      }
      expect(lines.some((l) => l.includes(charter.bodies[0]!.name))).toBe(true);
      const { name, description } = catalogues[locale].templatePreview.templates[key];
      expect(name).not.toBe(charterTemplates[key].name);
      expect(description).not.toMatch(/\b(seats?|board|charter|members?|needs?|days)\b/);
    }
  });
});
