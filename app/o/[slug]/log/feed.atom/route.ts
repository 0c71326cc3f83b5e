import { listPublicLogPage } from '@/db/queries/log-public';
import { appOrigin } from '@/lib/auth/origin';
import { translatorFor } from '@/lib/i18n/catalogue';
import { resolveLocale } from '@/lib/i18n/locales';
import { buildAtomFeed } from '@/lib/transparency/atom';
import type { AtomEntry } from '@/lib/transparency/atom';
import { loadLogPageBase, logPageContextFor, logQueryWith, proposalOf, summarizerFor } from '@/lib/transparency/log-context';
import { logQueryString } from '@/lib/transparency/log-filters';
import { logKindLabels } from '@/lib/transparency/summary';
import { logLanguageFor } from '@/lib/transparency/summary-text';
import { logTextWordsFromCatalogue } from '@/lib/transparency/log-text';
import { publicLogRoute } from '../public-export';

export const dynamic = 'force-dynamic';

const feedSize = 100;

/**
 * The newest 100 decision-log entries as an Atom feed, with the log page's filters. Its titles are
 * in the reader's language: a feed reader has no session, so the request's Accept-Language, else
 * the organization's default language, else English. An entry's title is `#seq` and its summary in
 * English, and `#seq` and the kind's name in French or German; its summary is in the same language
 * (lib/transparency/summary, the `logSummary` messages), and the raw entry stays as it is.
 */
export const GET = publicLogRoute(async ({ org, db, filters, cacheHeaders, acceptLanguage }) => {
  const locale = resolveLocale({ acceptLanguage, organization: org.defaultLocale });
  const t = translatorFor(locale);
  // Only the proposals the 100 entries mention are looked up, as on the log page (the log-page-at-scale benchmark).
  const base = await loadLogPageBase(db, org.id, filters, 0);
  const query = logQueryWith(filters, base.filterProposal);
  const page = query ? await listPublicLogPage(db, org.id, query, {}, feedSize) : { rows: [] };
  const ctx = await logPageContextFor(db, org.id, base, page.rows);
  const summarize = await summarizerFor(db, org.id, ctx, page.rows, logLanguageFor(locale, t));

  // Absolute links from AUTH_URL in production (never the Host header); ids are tag: URIs
  // (RFC 4151) on the org's id, so they stay the same if the slug or host changes.
  const origin = await appOrigin();
  const host = new URL(origin).hostname;
  const tagBase = `tag:${host},${org.createdAt.toISOString().slice(0, 10)}:${org.id}:log`;
  const qs = logQueryString(filters);
  const logUrl = `${origin}/o/${org.slug}/log`;

  const say = logTextWordsFromCatalogue(t);
  const entries: AtomEntry[] = page.rows.map((e) => {
    const ref = proposalOf(e, ctx);
    // Read from the hashed bytes; an entry whose bytes do not verify says so.
    const flag = e.problemText ? `${t('log.feed.doesNotVerify', { problem: say(e.problemText) })} ` : '';
    const summary = `${flag}${summarize(e)}`;
    const kind = e.kind in logKindLabels ? t(`log.kinds.${e.kind}` as 'log.kinds.ballot.cast') : e.kind;
    return {
      id: `${tagBase}:${e.seq}`,
      title: locale === 'en' ? `#${e.seq} ${summary}` : `#${e.seq} ${flag}${kind}`,
      updated: e.at,
      link: ref ? `${origin}/o/${org.slug}/proposals/${ref.number}` : `${logUrl}?before=${e.seq + 1}#entry-${e.seq}`,
      summary,
      content: `${e.entry}\n\nprevHash ${e.prevHash}\nhash ${e.hash}`,
      categories: [e.kind],
    };
  });
  const xml = buildAtomFeed({
    id: qs ? `${tagBase}${qs}` : tagBase,
    title: t('log.feed.title', { org: org.name }),
    subtitle: t('log.feed.subtitle'),
    updated: page.rows[0]?.at ?? org.createdAt,
    selfUrl: `${logUrl}/feed.atom${qs}`,
    alternateUrl: `${logUrl}${qs}`,
    authorName: org.name,
    entries,
  });
  // The titles follow Accept-Language, so a shared cache keeps one copy per language asked (a
  // private organization's answer is never stored: it keeps its own Vary).
  const vary = cacheHeaders.Vary ?? 'Accept-Language';
  return new Response(xml, {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', ...cacheHeaders, Vary: vary, 'Content-Language': locale },
  });
});
