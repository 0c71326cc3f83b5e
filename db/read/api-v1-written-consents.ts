import 'server-only';
import { listWrittenConsentSummaries, loadWrittenConsentPage } from '@/db/read/written-consents';
import type { WrittenConsentSummary } from '@/db/read/written-consents';
import { pageOf } from '@/lib/api/read';

/**
 * The /api/v1 reads of written consents, from what their pages already read
 * (db/read/written-consents.ts): names, never e-mail addresses or user ids.
 */

function summary(s: WrittenConsentSummary) {
  return {
    number: s.number,
    title: s.title,
    bodyName: s.bodyName,
    openedAt: s.openedAt,
    signatures: s.signatures,
    signers: s.signers,
    charterSeats: s.charterSeats,
    phase: s.phase,
  };
}

/** The written consents, newest first, as the written consents page lists them, a page at a time. */
export async function loadApiWrittenConsentPage(orgId: string, at: Date, page: { cursor: number | null; limit: number }) {
  const { items, next_cursor } = pageOf(await listWrittenConsentSummaries(orgId, at), page.cursor, page.limit);
  return { writtenConsents: items.map(summary), next_cursor };
}

/** One written consent as its page shows it to `viewerId` (null: anonymous), with what they may do; null when there is none. */
export async function loadApiWrittenConsent(orgId: string, number: number, viewerId: string | null, at: Date) {
  const page = await loadWrittenConsentPage(orgId, number, viewerId, at);
  if (!page) return null;
  return { ...page, consent: summary(page.consent) };
}
