import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownText } from '@/components/governance/markdown';

// Images in member-written Markdown are never loaded (no request to a host the author picked, no
// broken picture where the Content-Security-Policy blocks it): each is a plain link instead.

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownText, null, text));

/** Every tag that would make the browser fetch something when the page is shown. */
function loaders(html: string): string[] {
  return [...html.matchAll(/<(img|picture|source|video|audio|iframe|object|embed|image|svg|link|input)\b[^>]*>/gi)].map((m) => m[0]);
}

/** Renders `text` and checks that the HTML loads nothing. */
function renderInert(text: string): string {
  const html = render(text);
  expect(loaders(html)).toEqual([]);
  return html;
}

function links(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a\b[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g)].map((m) => ({ href: m[1]!, text: m[2]! }));
}

describe('Markdown images', () => {
  it.each([
    ['an inline image', '![The site plan](https://evil.example/track.png?who=me)', 'https://evil.example/track.png?who=me', 'The site plan'],
    ['an image without alt text', '![](https://evil.example/pixel.gif)', 'https://evil.example/pixel.gif', 'https://evil.example/pixel.gif'],
    ['a titled image', '![Plan](https://evil.example/a.png "Title")', 'https://evil.example/a.png', 'Plan'],
    ['a reference-style image', 'See ![the plan][plan].\n\n[plan]: https://evil.example/plan.png', 'https://evil.example/plan.png', 'the plan'],
    ['a collapsed reference image', '![plan][]\n\n[plan]: http://evil.example/p.png', 'http://evil.example/p.png', 'plan'],
    ['a protocol-relative image', '![pixel](//evil.example/p.gif)', '//evil.example/p.gif', 'pixel'],
    ['an image in a table cell', '| a |\n| - |\n| ![cell](https://evil.example/c.png) |', 'https://evil.example/c.png', 'cell'],
    ['a same-site image', '![logo](/logo.png)', '/logo.png', 'logo'],
  ])('%s is a link, not an image', (_what, text, href, label) => {
    const html = renderInert(text);
    expect(links(html)).toContainEqual({ href: href.replaceAll('&', '&amp;'), text: label });
    expect(html).toContain('rel="nofollow ugc noopener noreferrer"');
  });

  it('escapes alt text in the link', () => {
    const html = renderInert('![<script>alert(1)</script> & "quotes"](https://evil.example/x.png)');
    expect(html).not.toContain('<script>');
    expect(links(html)[0]?.text).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it.each([
    ['a data: URL', '![inline pixel](data:image/png;base64,iVBORw0KGgo=)'],
    ['a javascript: URL', '![click me](javascript:alert(1))'],
    ['a data: SVG', '![svg](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)'],
  ])('%s keeps only its alt text: no link, no image', (_what, text) => {
    const html = renderInert(text);
    expect(links(html)).toEqual([]);
    expect(html).not.toMatch(/data:|javascript:/);
    expect(html).toMatch(/inline pixel|click me|svg/);
  });

  it('an image inside a link stays the link, with the alt text as its words (no link inside a link)', () => {
    const html = renderInert('[![Badge](https://evil.example/badge.svg)](https://example.org/project)');
    expect(links(html)).toEqual([{ href: 'https://example.org/project', text: 'Badge' }]);
    expect(html.match(/<a\b/g)).toHaveLength(1);
  });

  it.each([
    ['raw HTML <img>', '<img src="https://evil.example/raw.png" alt="raw">'],
    ['raw HTML <img> with onerror', '<img src=x onerror="alert(1)">'],
    ['raw <picture>', '<picture><source srcset="https://evil.example/a.webp"><img src="https://evil.example/a.png"></picture>'],
    ['raw HTML inside a paragraph', 'Look: <img src="https://evil.example/inline.png"> here'],
    ['an SVG image element', '<svg><image href="https://evil.example/s.png"/></svg>'],
  ])('%s is dropped', (_what, text) => {
    const html = renderInert(text);
    expect(html).not.toContain('evil.example');
  });

  it('ordinary Markdown still renders: links, emphasis, lists', () => {
    const html = render('**Bold** and [a link](https://example.org).\n\n- one\n- two');
    expect(html).toContain('<strong>Bold</strong>');
    expect(links(html)).toEqual([{ href: 'https://example.org', text: 'a link' }]);
    expect(html).toContain('<li>one</li>');
  });
});
