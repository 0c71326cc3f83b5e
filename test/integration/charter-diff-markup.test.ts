import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CharterEditor } from '@/components/proposals/charter-editor';
import { ProposalText } from '@/components/proposals/proposal-text';
import { charterDiff, charterDiffParts } from '@/lib/governance/charter-diff';
import { charterFromForm, charterToForm } from '@/lib/governance/charter-form';
import { charterFromTemplate } from '@/lib/governance/templates';
import type { Charter } from '@/lib/governance/types';
import type { Locale } from '@/lib/i18n/locales';
import { inLocale, inPageMessages } from '../support/intl';

// What a charter amendment changes, as the proposal page and the new-proposal page's editor list it: English word for
// word as charterDiff says it; French and German without its sentences. The editor is a client component: it gets only
// the page's namespaces (PageMessages on the new-proposal page), so this also proves `charterDiff` travels with them.

const before = charterFromTemplate('nonprofit_board');
const after: Charter = structuredClone(before);
after.bodies[0]!.charterSeats = 7;
after.bodies[0]!.vacancyDeadlineDays = 30;
after.bodies[0]!.seatClassMinimums = { ...after.bodies[0]!.seatClassMinimums, member_elected: 1 };
after.proposalTypes[0]!.minCommentWindowHours = 240;
after.proposalTypes[0]!.stages[0]!.threshold = { num: 3, den: 5, inclusive: true };
after.proposalTypes = after.proposalTypes.filter((t) => t.effect !== 'sanction');
after.writtenConsent = { expiresAfterDays: 21 };

/** The list items' text, entities decoded. */
const items = (html: string) =>
  [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) =>
    m[1]!
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );

const proposalPage = (locale: Locale) =>
  items(
    renderToStaticMarkup(inLocale(locale, createElement(ProposalText, { revisions: [], charterChanges: charterDiffParts(before, after), charterVersion: 3 }))),
  );

const base = { ...before, version: before.version + 1 };
const submitted = charterToForm({ ...after, version: before.version + 1 });
/** What the editor's fields make (they carry bodies and types; the rest comes from the current charter). */
const edited = charterFromForm(submitted, base).charter!;

const editor = (locale: Locale) => {
  const html = renderToStaticMarkup(
    inPageMessages(locale, ['newProposal', 'charterDiff'], createElement(CharterEditor, { current: before, submitted, errors: {}, currentCharterJson: '{}' })),
  );
  return items(html.slice(html.indexOf('charter-diff-heading')));
};

const english = /removed from the charter|charter seats|vacancy deadline|new seat class|comment window|threshold|Written consent|days?\b|or more|votes cast/;

describe('what a charter amendment changes, on the proposal page and in the editor', () => {
  it('English: word for word what charterDiff says', () => {
    const lines = charterDiff(before, after);
    expect(lines.length).toBeGreaterThan(5);
    expect(proposalPage('en')).toEqual(lines);
    expect(editor('en')).toEqual(charterDiff(before, edited));
    expect(editor('en').length).toBeGreaterThan(4);
    expect(lines).toContain('Board: charter seats 9 → 7.');
    expect(lines).toContain('Board: new seat class “member elected”, at least 1 seat.');
  });

  it.each(['fr', 'de'] as Locale[])('%s: every sentence in that language, the charter’s names as given', (locale) => {
    expect(proposalPage(locale)).toHaveLength(charterDiff(before, after).length);
    expect(editor(locale)).toHaveLength(charterDiff(before, edited).length);
    for (const lines of [proposalPage(locale), editor(locale)]) {
      for (const line of lines) expect(line).not.toMatch(english);
    }
    const page = proposalPage(locale);
    expect(page[0]).toMatch(/^Board ?: /);
    expect(page).toContain(locale === 'fr' ? 'Board : sièges statutaires 9 → 7.' : 'Board: satzungsmäßige Sitze 9 → 7.');
    expect(page).toContain(
      locale === 'fr' ? 'Board : délai pour pourvoir un siège vacant 60 jours → 30 jours.' : 'Board: Frist für freie Sitze 60 Tage → 30 Tage.',
    );
  });
});
