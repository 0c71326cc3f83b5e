import { z } from 'zod';

/**
 * The proposals list's filters, from its URL (`?q=&type=&state=&page=`): a GET form, so a search
 * can be bookmarked and works without JavaScript. The state is the proposal's stored state, not
 * its derived phase: "not decided yet" is a published proposal whose outcome the worker has not
 * recorded (under way, or closed moments ago and not yet counted).
 */
export const PROPOSAL_LIST_STATES = ['undecided', 'passed', 'rejected', 'failed_quorum', 'lapsed', 'withdrawn', 'draft'] as const;
export type ProposalListState = (typeof PROPOSAL_LIST_STATES)[number];

// Each state's words are in the message catalogues: `proposalList.state.<state>`.

export type ProposalListFilter = { q: string; type: string | null; state: ProposalListState | null };

/** A search of at most 200 characters; its words are matched whole (websearch syntax: "quoted phrase", -word, or). */
export const PROPOSAL_SEARCH_MAX = 200;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * Reads the list's URL parameters. A value it cannot use is not an error page: the list shows
 * everything that parameter would have narrowed, and says which value was ignored and why. A type
 * is any key (a proposal raised under an earlier charter keeps its type's key); the page says when
 * it is not one of the current charter's types.
 */
/** A URL parameter the list could not use, said to the reader in their language (messages `proposalList.ignored.*`). */
export type IgnoredListParam = { code: 'search_cut'; max: number } | { code: 'type_too_long' } | { code: 'state_unknown'; value: string };

export function parseProposalListParams(raw: Record<string, string | string[] | undefined>): {
  filter: ProposalListFilter;
  page: number;
  ignored: IgnoredListParam[];
} {
  const ignored: IgnoredListParam[] = [];
  const q = one(raw.q).trim();
  if (q.length > PROPOSAL_SEARCH_MAX) ignored.push({ code: 'search_cut', max: PROPOSAL_SEARCH_MAX });
  const typeRaw = one(raw.type).trim();
  const type = typeRaw === '' ? null : typeRaw.length <= 80 ? typeRaw : null;
  if (typeRaw.length > 80) ignored.push({ code: 'type_too_long' });
  const stateRaw = one(raw.state).trim();
  const parsedState = z.enum(PROPOSAL_LIST_STATES).safeParse(stateRaw);
  const state = stateRaw === '' ? null : parsedState.success ? parsedState.data : null;
  if (stateRaw !== '' && state === null) ignored.push({ code: 'state_unknown', value: stateRaw.slice(0, 60) });
  const pageNumber = Number.parseInt(one(raw.page), 10);
  const page = Number.isSafeInteger(pageNumber) && pageNumber > 0 ? pageNumber : 1;
  return { filter: { q: q.slice(0, PROPOSAL_SEARCH_MAX), type, state }, page, ignored };
}

/** The parameters a page link keeps (empty ones dropped by the pager). */
export function proposalListKeep(filter: ProposalListFilter): Record<string, string> {
  return { q: filter.q, type: filter.type ?? '', state: filter.state ?? '' };
}

export const isFiltered = (f: ProposalListFilter) => f.q !== '' || f.type !== null || f.state !== null;
