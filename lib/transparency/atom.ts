// Atom 1.0 (RFC 4287) feed of decision-log entries. Built as a string: every text node and
// attribute value goes through xmlText/xmlAttr, which escape markup and remove what XML 1.0
// cannot carry, so hostile titles (`</entry><script>`, `]]>`, control characters) stay text.

import { revealHidden } from './visible-text';

/** Escapes text content. `>` is escaped too, so `]]>` can never appear in the output. */
export function xmlText(s: string): string {
  return revealHidden(s).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Escapes an attribute value for double quotes; tab, LF and CR as references so they survive. */
export function xmlAttr(s: string): string {
  return xmlText(s).replaceAll('"', '&quot;').replaceAll("'", '&apos;').replaceAll('\t', '&#9;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;');
}

export type AtomEntry = {
  /** A permanent IRI for this entry. */
  id: string;
  title: string;
  updated: Date;
  /** The page the entry is about (rel="alternate"). */
  link: string;
  summary: string;
  /** Plain-text body: shown as preformatted text by most readers. */
  content?: string;
  categories?: string[];
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  /** Newest entry's time, or the feed's creation when it has none. */
  updated: Date;
  selfUrl: string;
  alternateUrl: string;
  authorName: string;
  entries: readonly AtomEntry[];
};

export function buildAtomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${feed.updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlAttr(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlAttr(feed.alternateUrl)}"/>`,
    `  <author><name>${xmlText(feed.authorName)}</name></author>`,
    '  <generator>Quorate</generator>',
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <updated>${e.updated.toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlAttr(e.link)}"/>`,
      ...(e.categories ?? []).map((c) => `    <category term="${xmlAttr(c)}"/>`),
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      ...(e.content !== undefined ? [`    <content type="text">${xmlText(e.content)}</content>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
