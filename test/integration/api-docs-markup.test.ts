/**
 * /api/v1/docs: every operation of the OpenAPI document, without scripts or anything from elsewhere; the page's own
 * words in English (word for word as before), French and German, with its <title>; the document's own descriptions
 * English in every language, marked lang="en".
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { operations } from '@/lib/api/openapi';
import { inLocale } from '../support/intl';
import { serverIntl, textOf } from '../support/server-intl';

vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);

const page = await import('@/app/api/v1/docs/page');

async function html(locale: Locale): Promise<string> {
  serverIntl.locale = locale;
  try {
    return renderToStaticMarkup(inLocale(locale, await page.default()));
  } finally {
    serverIntl.locale = 'en';
  }
}

async function title(locale: Locale): Promise<unknown> {
  serverIntl.locale = locale;
  try {
    return (await page.generateMetadata()).title;
  } finally {
    serverIntl.locale = 'en';
  }
}

// The page's own English, as the page wrote it before it was translated.
const englishChrome = [
  'The machine-readable document is at /api/v1/openapi.json . Send your token as Authorization: Bearer qrt_… . Reads of a public organization work without a token.',
  '(token needed)',
  '(token optional for a public organization)',
  'Operation id:',
  'JSON body:',
  'Answers:',
  ', required)',
  ' (required):',
  '(path',
  '(query',
];
const englishWords = /\b(machine-readable|Send your token|Reads of|token needed|token optional|Operation id|JSON body|required|Answers|default)\b/;

describe('/api/v1/docs', () => {
  it('lists every operation of the document, without scripts or anything from elsewhere', async () => {
    for (const locale of ['en', 'fr', 'de'] as const) {
      const markup = await html(locale);
      for (const o of operations) expect(markup, locale).toContain(`${o.method.toUpperCase()} ${o.path}`);
      expect(markup, locale).toContain('href="/api/v1/openapi.json"');
      expect(markup, locale).not.toMatch(/<script|https?:\/\//);
    }
    expect(await html('en')).toContain('<code>choice</code> (required)');
  });

  it('says its own words in English word for word, and in French and German without them', async () => {
    const en = textOf(await html('en'));
    for (const s of englishChrome) expect(en).toContain(s);
    expect(en).toContain('Quorate API (1.');
    expect(en).not.toContain('OpenAPI document’s own');

    const fr = textOf(await html('fr'));
    expect(fr).toContain('Quorate API (version 1.');
    expect(fr).toContain('Le document lisible par machine se trouve à l’adresse /api/v1/openapi.json .');
    expect(fr).toContain('Envoyez votre jeton dans l’en-tête Authorization: Bearer qrt_…');
    expect(fr).toContain('(jeton requis)');
    expect(fr).toContain('Identifiant de l’opération :');
    expect(fr).toContain('Corps JSON de la requête :');
    expect(fr).toContain('choice (obligatoire) :');
    expect(fr).toContain('(chemin, obligatoire)');
    expect(fr).toContain('Réponses : 201');
    expect(fr).toContain('sont celles du document OpenAPI, en anglais.');

    const de = textOf(await html('de'));
    expect(de).toContain('Quorate API (Version 1.');
    expect(de).toContain('Das maschinenlesbare Dokument finden Sie unter /api/v1/openapi.json .');
    expect(de).toContain('(Token bei einer öffentlichen Organisation optional)');
    expect(de).toContain('Operations-ID:');
    expect(de).toContain('JSON-Inhalt der Anfrage:');
    expect(de).toContain('choice (erforderlich):');
    expect(de).toContain('(Pfad, erforderlich)');
    expect(de).toContain('Antworten: 20');

    // Outside what the document says (marked lang="en"), no English of the page's own is left.
    for (const [locale, markup] of [
      ['fr', await html('fr')],
      ['de', await html('de')],
    ] as const) {
      const own = textOf(markup.replace(/<span lang="en">[\s\S]*?<\/span>/g, ''));
      for (const s of englishChrome) expect(own, locale).not.toContain(s);
      expect(own, locale).not.toMatch(englishWords);
    }
  });

  it('marks the document’s own descriptions as English in every language', async () => {
    for (const locale of ['en', 'fr', 'de'] as const) {
      const markup = await html(locale);
      expect(markup, locale).toMatch(/<span lang="en">Read organizations, bodies and seats/);
      expect(markup, locale).toMatch(/<span lang="en">[^<]*The proposal/i);
    }
  });

  it('its <title>', async () => {
    expect(await title('en')).toBe('API reference');
    expect(await title('fr')).toBe('Référence de l’API');
    expect(await title('de')).toBe('API-Referenz');
  });
});
