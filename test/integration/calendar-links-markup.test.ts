import { createElement } from 'react';
import { renderToStaticMarkup as renderHtml } from 'react-dom/server';
import { inEnglish } from '../support/intl';
import { describe, expect, it } from 'vitest';
import { CalendarLinks } from '@/components/governance/calendar-links';

// The components read their words from a provider, as in the browser: English here.
const renderToStaticMarkup = (element: Parameters<typeof renderHtml>[0]) => renderHtml(inEnglish(element));

// The organization page's "Subscribe (iCalendar)" links: the feed and one per body of a public
// organization; for a private one (whose feed needs a session), members are sent to their personal link.

const bodies = [
  { key: 'board', name: 'Board' },
  { key: 'assembly', name: 'Member & friends' },
];
const render = (props: { isPublic: boolean; isMember: boolean; bodies?: typeof bodies }) =>
  renderToStaticMarkup(createElement(CalendarLinks, { slug: 'acme', bodies, ...props }));
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

describe('the calendar links', () => {
  it('offers a public organization’s feed and each body’s to anyone', () => {
    const html = render({ isPublic: true, isMember: false });
    expect(hrefs(html)).toEqual(['/o/acme/calendar.ics', '/o/acme/calendar.ics?body=board', '/o/acme/calendar.ics?body=assembly']);
    expect(html).toContain('>Subscribe (iCalendar)</a>');
    expect(html).toContain('Subscribe (iCalendar): Member &amp; friends only');
    expect(html).not.toContain('/account');
  });

  it('lists no per-body link when there is one body, and points a member to their personal link', () => {
    expect(hrefs(render({ isPublic: true, isMember: true, bodies: [bodies[0]!] }))).toEqual(['/o/acme/calendar.ics', '/account#calendar-heading']);
  });

  it('offers no feed of a private organization: nothing to outsiders, the personal link to members', () => {
    expect(render({ isPublic: false, isMember: false })).toBe('');
    expect(hrefs(render({ isPublic: false, isMember: true }))).toEqual(['/account#calendar-heading']);
  });
});
