// What the decision log's checks find wrong (lib/log/words: a code and its parameters) in the reader's language, from
// the `verifyWords` messages. Pure: the translator is given (components/transparency/log-text's hook, or the Atom
// feed's `translatorFor`).
import { renderLogText } from '@/lib/log/words';
import type { LogText, LogTextCode } from '@/lib/log/words';
import type { BallotCheckSummary } from '@/lib/log/verify-ballots';

/** With a translator of the `verifyWords` namespace. */
export function logTextWords(t: unknown): (text: LogText) => string {
  const message = t as (code: LogTextCode, params: Record<string, string>) => string;
  return (text) => renderLogText(text, message);
}

/** With a translator of the whole catalogue. */
export function logTextWordsFromCatalogue(t: unknown): (text: LogText) => string {
  const message = t as (key: string, params: Record<string, string>) => string;
  return (text) => renderLogText(text, (code, params) => message(`verifyWords.${code}`, params));
}

/** The ballots' summary (`ballotSummaryText`'s sentence) with a translator of the `verifyWords` namespace. */
export function ballotSummaryWords(s: BallotCheckSummary, t: unknown): string {
  const say = t as (key: string, params: Record<string, string | number>) => string;
  const part = (key: string, count: number) => say(`ballotSummary.${key}`, { count, n: String(count) });
  let summary = part('opened', s.ballotsOpened);
  if (s.legacyUnhidden > 0) summary += part('legacy', s.legacyUnhidden);
  if (s.stillSealed > 0) summary += part('sealed', s.stillSealed);
  if (s.secretCounted > 0) summary += part('secret', s.secretCounted);
  return say('ballotSummary.end', { summary });
}

/** HTTP statuses whose reason the verify page words itself (`verifyWords.download.s<status>`); others give the number alone. */
export const wordedStatuses: ReadonlySet<number> = new Set([400, 401, 403, 408, 429, 500, 502, 503, 504]);
