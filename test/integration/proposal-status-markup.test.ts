import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProposalHeader } from '@/components/proposals/proposal-header';
import { findBody, findType } from '@/lib/governance/charter';
import { proposalStatus } from '@/lib/governance/status';
import type { ProposalStatus } from '@/lib/governance/status';
import { bodyStrength } from '@/lib/governance/strength';
import { T0, hoursAfter, nonprofit, published, seatsOf } from '@/lib/governance/test-fixtures';
import type { Charter, SeatState } from '@/lib/governance/types';
import type { Locale } from '@/lib/i18n/locales';
import { inLocale } from '../support/intl';

// The proposal's status line before the vote (discussion, the reply, blocked) in the reader's language: the rules give it
// as parts and a refusal code, the header words them (components/proposals/proposal-header.tsx).

const charter = nonprofit();
const H = (h: number) => hoursAfter(T0, h);

function strengths(c: Charter, boardFilled: number) {
  const board = findBody(c, 'board');
  const members = findBody(c, 'members');
  const classes = Object.entries(board.seatClassMinimums).flatMap(([seatClass, n]) => Array.from({ length: n }, () => seatClass));
  const boardSeats: SeatState[] = seatsOf('board', board.charterSeats, boardFilled).map((s, i) => ({ ...s, seatClass: classes[i] ?? 'general' }));
  return { board: bodyStrength(board, boardSeats, T0), members: bodyStrength(members, seatsOf('members', members.charterSeats, members.charterSeats), T0) };
}

function statusLine(locale: Locale, status: ProposalStatus): string {
  const type = findType(charter, 'officer_removal');
  const html = renderToStaticMarkup(
    inLocale(
      locale,
      createElement(ProposalHeader, {
        slug: 'x',
        proposal: { id: 'p', number: 5, title: 'Remove a director', publishedAt: T0, noticeSeatHolders: null, noticeRecipients: null },
        type,
        emergency: false,
        status,
        phase: status.phase,
        at: H(1),
        authorName: 'Ana',
        subject: { name: 'Omar' },
        integrityProblem: null,
        mayStartRatification: false,
        ratifies: null,
        decidedUnder: null,
        coverage: { publication: { queued: 0, delivered: 0, pending: 0, failed: 0 }, reply: null },
      }),
    ),
  );
  const region = html.slice(html.indexOf('aria-live="polite"'));
  return region
    .slice(region.indexOf('<p'), region.indexOf('</p>'))
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');
}

describe('the status line before a vote', () => {
  const record = published(charter, 'officer_removal');
  const discussion = proposalStatus({ record, charter, strengths: strengths(charter, 9), now: H(1) });
  const blocked = proposalStatus({ record, charter, strengths: strengths(charter, 5), now: H(1) });

  it('in English is the rules’ own explanation, unchanged', () => {
    expect(statusLine('en', discussion)).toContain(discussion.explanation);
    expect(statusLine('en', blocked)).toContain(blocked.explanation);
  });

  it('in French and German says the window, the reply, the answers and why voting cannot open, in that language', () => {
    const fr = statusLine('fr', discussion);
    expect(fr).toMatch(
      /^Période de commentaires ouverte jusqu’au .*\(le minimum de 14 jours ; elle ne peut pas être raccourcie\)\. Ensuite, la personne concernée a jusqu’au/,
    );
    expect(fr).toContain('Chaque réserve ou objection');
    const de = statusLine('de', blocked);
    expect(de).toMatch(/^Kommentarfrist offen bis .*Die Abstimmung kann dann nicht beginnen: /);
    for (const line of [fr, de, statusLine('fr', blocked)])
      expect(line).not.toMatch(/Comment window|person concerned|Voting cannot open|below strength|charter seats/);
  });
});
