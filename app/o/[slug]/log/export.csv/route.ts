import { readPublicLogBatch } from '@/db/queries/log-public';
import { translatorFor } from '@/lib/i18n/catalogue';
import { resolveLocale } from '@/lib/i18n/locales';
import { logCsvHeader, logCsvLine } from '@/lib/transparency/csv';
import { loadLogContext, logQueryFor, summarizerFor } from '@/lib/transparency/log-context';
import { canonicalJson } from '@/lib/log/canonical';
import { logTextWordsFromCatalogue } from '@/lib/transparency/log-text';
import { logLanguageFor } from '@/lib/transparency/summary-text';
import { publicLogRoute } from '../public-export';

export const dynamic = 'force-dynamic';

const batchSize = 1000;

/**
 * The decision log as CSV, oldest first, with the same filters as /o/[slug]/log. Streamed in
 * keyset batches, so a log of millions of entries never sits in memory at once. Its summaries (and the flag of an
 * entry that does not verify) are in the reader's language as the Atom feed's: the request's Accept-Language, else the
 * organization's default language, else English (the English ones word for word as before); the column names, kinds,
 * raw entries and hashes are data, the same in every language.
 */
export const GET = publicLogRoute(async ({ org, db, filters, cacheHeaders, acceptLanguage }) => {
  const locale = resolveLocale({ acceptLanguage, organization: org.defaultLocale });
  const t = translatorFor(locale);
  const say = logTextWordsFromCatalogue(t);
  const language = logLanguageFor(locale, t);
  const ctx = await loadLogContext(db, org.id);
  const query = logQueryFor(filters, ctx);
  const encoder = new TextEncoder();
  let afterSeq = 0;
  let started = false;
  let done = query === null;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(logCsvHeader()));
        if (done) controller.close();
        return;
      }
      if (done || query === null) {
        controller.close();
        return;
      }
      const rows = await readPublicLogBatch(db, org.id, query, afterSeq, batchSize);
      if (rows.length > 0) {
        const summarize = await summarizerFor(db, org.id, ctx, rows, language);
        // Rows are read from the hashed bytes; one whose bytes do not verify says so in its summary.
        const flag = (r: (typeof rows)[number]) => {
          if (!r.problem) return '';
          if (locale === 'en' || !r.problemText) return `[DOES NOT VERIFY: ${r.problem}] `;
          return `${t('log.feed.doesNotVerify', { problem: say(r.problemText) })} `;
        };
        const text = rows.map((r) => logCsvLine({ ...r, summary: `${flag(r)}${summarize(r)}`, payload: canonicalJson(r.payload) })).join('');
        controller.enqueue(encoder.encode(text));
        afterSeq = rows.at(-1)!.seq;
      }
      if (rows.length < batchSize) {
        done = true;
        controller.close();
      }
    },
  });

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${org.slug}-decision-log.csv"`,
      ...cacheHeaders,
      // The summaries follow Accept-Language, as the feed's titles: a shared cache keeps one copy per language asked.
      Vary: cacheHeaders.Vary ?? 'Accept-Language',
      'Content-Language': locale,
    },
  });
});
