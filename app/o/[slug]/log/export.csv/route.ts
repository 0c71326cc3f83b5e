import { readPublicLogBatch } from '@/db/queries/log-public';
import { logCsvHeader, logCsvLine } from '@/lib/transparency/csv';
import { loadLogContext, logQueryFor, summarizerFor } from '@/lib/transparency/log-context';
import { canonicalJson } from '@/lib/log/canonical';
import { publicLogRoute } from '../public-export';

export const dynamic = 'force-dynamic';

const batchSize = 1000;

/**
 * The decision log as CSV, oldest first, with the same filters as /o/[slug]/log. Streamed in
 * keyset batches, so a log of millions of entries never sits in memory at once.
 */
export const GET = publicLogRoute(async ({ org, db, filters, cacheHeaders }) => {
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
        const summarize = await summarizerFor(db, org.id, ctx, rows);
        // Rows are read from the hashed bytes; one whose bytes do not verify says so in its summary.
        const text = rows
          .map((r) => logCsvLine({ ...r, summary: `${r.problem ? `[DOES NOT VERIFY: ${r.problem}] ` : ''}${summarize(r)}`, payload: canonicalJson(r.payload) }))
          .join('');
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
    },
  });
});
