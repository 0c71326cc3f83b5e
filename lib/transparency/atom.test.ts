import { describe, expect, it } from 'vitest';
import { buildAtomFeed, xmlAttr, xmlText } from './atom';
import { HIDDEN_CHARACTER_CASES } from './testing';

const feed = (title: string, summary = 'ok') =>
  buildAtomFeed({
    id: 'tag:example.org,2026-01-01:org:log',
    title: 'Riverbend Commons decision log',
    updated: new Date('2026-01-02T00:00:00.000Z'),
    selfUrl: 'https://example.org/o/r/log/feed.atom?kind=a&b="c"',
    alternateUrl: 'https://example.org/o/r/log',
    authorName: 'Riverbend & Co',
    entries: [
      {
        id: 'tag:example.org,2026-01-01:org:log:1',
        title,
        updated: new Date('2026-01-02T00:00:00.000Z'),
        link: 'https://example.org/o/r/proposals/1',
        summary,
        content: 'raw',
        categories: ['proposal.published'],
      },
    ],
  });

/** Every element the feed may contain, so an injected tag shows up as an unknown element. */
function elements(xml: string): string[] {
  return [...xml.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((m) => m[1]!);
}

describe('xmlText / xmlAttr', () => {
  it.each([
    ['escapes markup in text', xmlText, 'a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
    ['escapes quotes in attributes', xmlAttr, `"it's"`, '&quot;it&apos;s&quot;'],
    ['never lets a CDATA end through', xmlText, 'x]]>y', 'x]]&gt;y'],
    ['keeps tab and newline in text', xmlText, 'tab\tnewline\n', 'tab\tnewline\n'],
    ['keeps line breaks in attributes as character references', xmlAttr, 'a\nb', 'a&#10;b'],
  ])('%s', (_what, escape, input, expected) => {
    expect(escape(input)).toBe(expected);
  });

  it.each(HIDDEN_CHARACTER_CASES)('replaces characters XML 1.0 cannot carry, and bidi overrides, with visible markers: %j', (input, shown) => {
    expect(xmlText(input)).toBe(shown);
  });
});

describe('buildAtomFeed', () => {
  it('is an Atom 1.0 feed with the required elements', () => {
    const xml = feed('#1 published');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    for (const tag of [
      '<id>',
      '<title type="text">',
      '<updated>2026-01-02T00:00:00.000Z</updated>',
      '<author><name>Riverbend &amp; Co</name></author>',
      '<link rel="self"',
      '<entry>',
      '<summary type="text">ok</summary>',
    ]) {
      expect(xml).toContain(tag);
    }
    expect(xml).toContain('href="https://example.org/o/r/log/feed.atom?kind=a&amp;b=&quot;c&quot;"');
  });

  it('keeps hostile text as text: no injected elements, no CDATA end, no control characters', () => {
    const xml = feed('</title></entry><script>alert(1)</script><entry><title>', 'x]]><![CDATA[\u0000\u001b\u202E');
    expect(new Set(elements(xml))).toEqual(
      new Set(['feed', 'id', 'title', 'updated', 'link', 'author', 'name', 'generator', 'entry', 'category', 'summary', 'content']),
    );
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<![CDATA[');
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/.test(xml)).toBe(false);
    expect(xml).toContain('&lt;/entry&gt;&lt;script&gt;');
  });

  it('has one entry element per entry', () => {
    expect(feed('x').match(/<entry>/g)).toHaveLength(1);
  });
});
