/**
 * A ranked ballot as the voter builds it: the candidates ranked so far, in order of preference,
 * and the rest in ballot-paper order. Candidates are ids 0..n-1 (their index on the ballot paper).
 * Every move returns the new state and what happened, so the page can say it aloud.
 */

export type RankingState = { readonly ranked: readonly number[]; readonly unranked: readonly number[] };

/** What a move did. Positions are 1-based, as a voter counts them; `of` is how many are ranked after the move. */
export type Move =
  | { kind: 'added'; id: number; position: number; of: number }
  | { kind: 'removed'; id: number; of: number }
  | { kind: 'moved'; id: number; from: number; position: number; of: number }
  | { kind: 'stayed'; id: number; position: number; of: number };

/** A move's result. `move` is null when the move did not apply (the id was not where the move needs it). */
export type Step = { state: RankingState; move: Move | null };

export type PreferencesRead = { ok: true; preferences: number[] } | { ok: false; problem: string };

/** The state a ballot starts in: `initial` ranked (unknown and repeated ids dropped), every other candidate unranked. */
export function startRanking(candidateCount: number, initial: readonly number[] = []): RankingState {
  const ranked: number[] = [];
  for (const id of initial) if (Number.isInteger(id) && id >= 0 && id < candidateCount && !ranked.includes(id)) ranked.push(id);
  const unranked = Array.from({ length: candidateCount }, (_, id) => id).filter((id) => !ranked.includes(id));
  return { ranked, unranked };
}

const unchanged = (state: RankingState): Step => ({ state, move: null });
const withoutId = (ids: readonly number[], id: number) => ids.filter((other) => other !== id);
const clamp = (index: number, max: number) => Math.min(Math.max(Math.trunc(index), 0), max);

/** Adds an unranked candidate at `index` (0-based, clamped to the ranking's ends). */
function insert(state: RankingState, id: number, index: number): Step {
  if (!state.unranked.includes(id)) return unchanged(state);
  const at = clamp(index, state.ranked.length);
  const ranked = [...state.ranked.slice(0, at), id, ...state.ranked.slice(at)];
  return { state: { ranked, unranked: withoutId(state.unranked, id) }, move: { kind: 'added', id, position: at + 1, of: ranked.length } };
}

/** Moves a ranked candidate to `index` (0-based, clamped to the ranking's ends). */
function reorder(state: RankingState, id: number, index: number): Step {
  const from = state.ranked.indexOf(id);
  if (from < 0) return unchanged(state);
  const of = state.ranked.length;
  const to = clamp(index, of - 1);
  if (to === from) return { state, move: { kind: 'stayed', id, position: from + 1, of } };
  const rest = withoutId(state.ranked, id);
  const ranked = [...rest.slice(0, to), id, ...rest.slice(to)];
  return { state: { ranked, unranked: state.unranked }, move: { kind: 'moved', id, from: from + 1, position: to + 1, of } };
}

/** Adds an unranked candidate as the last choice. */
export function rank(state: RankingState, id: number): Step {
  return insert(state, id, state.ranked.length);
}

/** Takes a candidate out of the ranking; it goes back to its ballot-paper place among the unranked. */
export function unrank(state: RankingState, id: number): Step {
  if (!state.ranked.includes(id)) return unchanged(state);
  const ranked = withoutId(state.ranked, id);
  const unranked = [...state.unranked, id].sort((a, b) => a - b);
  return { state: { ranked, unranked }, move: { kind: 'removed', id, of: ranked.length } };
}

/** One place higher (towards first choice); the first choice stays where it is. */
export function moveUp(state: RankingState, id: number): Step {
  return reorder(state, id, state.ranked.indexOf(id) - 1);
}

/** One place lower; the last choice stays where it is. */
export function moveDown(state: RankingState, id: number): Step {
  return reorder(state, id, state.ranked.indexOf(id) + 1);
}

/** Puts a candidate, ranked or not, at `index` (0-based) of the ranking: what a drop does. */
export function moveTo(state: RankingState, id: number, index: number): Step {
  return state.unranked.includes(id) ? insert(state, id, index) : reorder(state, id, index);
}

/**
 * Puts a candidate in the gap before the `slot`-th ranked candidate (0-based; the ranking's length
 * for after the last), counting the ranking as it was before the move: what dropping between two
 * candidates does.
 */
export function moveToSlot(state: RankingState, id: number, slot: number): Step {
  const from = state.ranked.indexOf(id);
  return moveTo(state, id, from >= 0 && from < slot ? slot - 1 : slot);
}

/** The sentence a screen reader hears after a move. */
export function announcement(move: Move, names: readonly string[]): string {
  const name = names[move.id] ?? `Candidate ${move.id + 1}`;
  switch (move.kind) {
    case 'added':
      return `${name} added as choice ${move.position}.`;
    case 'removed':
      return `${name} removed from your ranking.`;
    case 'moved':
      return `${name} moved to position ${move.position} of ${move.of}.`;
    case 'stayed':
      if (move.of > 1 && move.position === 1) return `${name} is already your first choice.`;
      if (move.of > 1 && move.position === move.of) return `${name} is already your last choice.`;
      return `${name} stays at position ${move.position} of ${move.of}.`;
  }
}

/** The ranking as the form posts it: ids in order of preference, comma-separated ("3,0,5"; "" for none). */
export function encodePreferences(ranked: readonly number[]): string {
  return ranked.join(',');
}

const wholeNumber = /^(0|[1-9]\d{0,8})$/;

/** Reads `encodePreferences`' text back; a problem for anything else (never throws). An empty text is an empty ranking. */
export function decodePreferences(text: string, candidateCount: number): PreferencesRead {
  if (text.trim() === '') return { ok: true, preferences: [] };
  const preferences: number[] = [];
  for (const part of text.split(',')) {
    const token = part.trim();
    if (!wholeNumber.test(token)) return { ok: false, problem: 'The ranking could not be read: it should list candidates separated by commas.' };
    const id = Number(token);
    if (id >= candidateCount) return { ok: false, problem: 'The ranking names a candidate who is not on this ballot.' };
    if (preferences.includes(id)) return { ok: false, problem: 'The ranking names the same candidate more than once.' };
    preferences.push(id);
  }
  return { ok: true, preferences };
}

/** The name of the no-script fallback's rank field for candidate `id`. */
export function rankSelectName(name: string, id: number): string {
  return `${name}.rank.${id}`;
}

const countWord = (n: number) => (n === 2 ? 'Two' : n === 3 ? 'Three' : String(n));

/**
 * Turns the no-script fallback's fields (`${name}.rank.${id}`: "" for not ranked, else 1..n) into
 * preferences. Ranks must run 1, 2, 3… without gaps or sharing; a missing field means not ranked.
 */
export function preferencesFromRankSelects(values: Readonly<Record<string, string>>, name: string, candidateCount: number): PreferencesRead {
  const byRank = new Map<number, number[]>();
  for (let id = 0; id < candidateCount; id++) {
    const value = (values[rankSelectName(name, id)] ?? '').trim();
    if (value === '') continue;
    const r = wholeNumber.test(value) ? Number(value) : NaN;
    if (!(r >= 1 && r <= candidateCount)) return { ok: false, problem: `A rank must be a number from 1 to ${candidateCount}.` };
    byRank.set(r, [...(byRank.get(r) ?? []), id]);
  }
  const ranks = [...byRank.keys()].sort((a, b) => a - b);
  for (const r of ranks) {
    const ids = byRank.get(r)!;
    if (ids.length > 1) return { ok: false, problem: `${countWord(ids.length)} candidates share rank ${r}.` };
  }
  for (let i = 0; i < ranks.length; i++) {
    if (ranks[i] !== i + 1) return { ok: false, problem: `Rank ${ranks[i]} is given but rank ${i + 1} is missing.` };
  }
  return { ok: true, preferences: ranks.map((r) => byRank.get(r)![0]!) };
}

/**
 * The ranking a ranked-ballot form posted. With scripts the form posts `name` (encoded preferences);
 * without them the browser shows, and posts, the no-script fallback's rank fields instead.
 */
export function readRankedBallot(values: Readonly<Record<string, string>>, name: string, candidateCount: number): PreferencesRead {
  const fallback = Array.from({ length: candidateCount }, (_, id) => rankSelectName(name, id)).some((field) => field in values);
  if (fallback) return preferencesFromRankSelects(values, name, candidateCount);
  return decodePreferences(values[name] ?? '', candidateCount);
}
