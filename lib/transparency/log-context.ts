import 'server-only';
import type { Executor } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { findPublicProposalRef, listPublicProposalRefs, listPublicProposalRefsByIds, listRecentPublicProposalRefs } from '@/db/queries/log-public';
import { listMemberNames } from '@/db/queries/log-names';
import type { PublicLogQuery, PublicProposalRef } from '@/db/queries/log-public';
import { actorAsRecorded } from './actor-name';
import { dateBounds } from './log-filters';
import type { LogFilters } from './log-filters';
import { summarizeEntryIn } from './summary';
import type { SummaryEntry } from './summary';
import { englishLog } from './summary-text';
import type { LogLanguage } from './summary-text';

/** What the log page, CSV and Atom feed share: filter options, names, links. */
export type LogContext = {
  bodies: { key: string; name: string }[];
  proposals: PublicProposalRef[];
  proposalById: Map<string, PublicProposalRef>;
};

/** Every public proposal: for the exports, which stream the whole log. Pages use `loadLogPageContext`. */
export async function loadLogContext(db: Executor, orgId: string): Promise<LogContext> {
  const [charter, proposals] = await Promise.all([getActiveCharter(db, orgId), listPublicProposalRefs(db, orgId)]);
  return contextOf(charter?.document.bodies ?? [], proposals);
}

function contextOf(bodies: readonly { key: string; name: string }[], proposals: readonly (PublicProposalRef | null)[]): LogContext {
  const byId = new Map<string, PublicProposalRef>();
  for (const p of proposals) if (p) byId.set(p.id, p);
  return { bodies: bodies.map((b) => ({ key: b.key, name: b.name })), proposals: [...byId.values()], proposalById: byId };
}

/** What the log page needs before it reads entries: bodies, the filtered proposal, suggestions. */
export type LogPageBase = {
  bodies: { key: string; name: string }[];
  /** The proposal the filter names, or null (no proposal filter, or no public proposal with that number). */
  filterProposal: PublicProposalRef | null;
  /** The most recent public proposals, newest first, offered as suggestions in the filter. */
  recentProposals: PublicProposalRef[];
};

/**
 * The log page's context without loading every proposal: a page of 50 entries costs the same
 * with 20 proposals or 20,000 (the log-page-at-scale benchmark: the old filter listed all 20,000 in a select
 * and made the page 5 MB).
 */
export async function loadLogPageBase(db: Executor, orgId: string, filters: LogFilters, suggestions = 20): Promise<LogPageBase> {
  const [charter, filterProposal, recentProposals] = await Promise.all([
    getActiveCharter(db, orgId),
    filters.proposal !== undefined ? findPublicProposalRef(db, orgId, filters.proposal) : Promise.resolve(null),
    listRecentPublicProposalRefs(db, orgId, suggestions),
  ]);
  return { bodies: (charter?.document.bodies ?? []).map((b) => ({ key: b.key, name: b.name })), filterProposal, recentProposals };
}

/** A context for these entries: the proposals they are about, looked up by id in one query. */
export async function logPageContextFor(db: Executor, orgId: string, base: LogPageBase, entries: readonly { subject: string | null }[]): Promise<LogContext> {
  const known = new Set([base.filterProposal, ...base.recentProposals].map((p) => p?.id));
  const ids = entries.flatMap((e) => (e.subject?.startsWith('proposal:') ? [e.subject.slice('proposal:'.length)] : [])).filter((id) => !known.has(id));
  const found = await listPublicProposalRefsByIds(db, orgId, ids);
  return contextOf(base.bodies, [base.filterProposal, ...base.recentProposals, ...found]);
}

/**
 * The filters as a query given the proposal the filter names (looked up by the caller), or
 * null when they cannot match anything (no public proposal with that number).
 */
export function logQueryWith(filters: LogFilters, proposal: PublicProposalRef | null | undefined): PublicLogQuery | null {
  let subject: string | undefined;
  if (filters.proposal !== undefined) {
    if (!proposal || proposal.number !== filters.proposal) return null;
    subject = `proposal:${proposal.id}`;
  }
  return { kind: filters.kind, bodyKey: filters.body, subject, ...dateBounds(filters) };
}

/** The filters as a query, or null when they cannot match anything (an unknown proposal). */
export function logQueryFor(filters: LogFilters, ctx: LogContext): PublicLogQuery | null {
  return logQueryWith(filters, filters.proposal !== undefined ? ctx.proposals.find((p) => p.number === filters.proposal) : undefined);
}

/** The public proposal an entry is about, if any. */
export function proposalOf(e: { subject: string | null }, ctx: LogContext): PublicProposalRef | null {
  if (!e.subject?.startsWith('proposal:')) return null;
  return ctx.proposalById.get(e.subject.slice('proposal:'.length)) ?? null;
}

const personKeys = ['holderId', 'formerHolderId', 'subjectUserId', 'delegatorUserId', 'delegateUserId'] as const;

/** What the log says of one entry: its summary, and who did it (null: no actor). */
export type EntryDescriber = { summary: (e: SummaryEntry & { seq?: number }) => string; actor: (e: SummaryEntry & { seq?: number }) => string | null };

/**
 * A describer for these entries, with the names of the people they mention looked up once. With
 * `recorded` (the actor's name recorded with each entry, by seq), the actor is named as recorded
 * then, with today's name beside it when it changed. `language`: the words of the summaries and of "(now …)" (English,
 * the export's, unless given).
 */
export async function describerFor(
  db: Executor,
  orgId: string,
  ctx: LogContext,
  entries: readonly SummaryEntry[],
  recorded: ReadonlyMap<number, string | null> = new Map(),
  language: LogLanguage = englishLog,
): Promise<EntryDescriber> {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.actorId) ids.add(e.actorId);
    for (const k of personKeys) if (typeof e.payload[k] === 'string') ids.add(e.payload[k]);
  }
  const names = await listMemberNames(db, orgId, [...ids], language.actor.deleted);
  const bodyNames = new Map(ctx.bodies.map((b) => [b.key, b.name]));
  const current = (id: string) => names.get(id) ?? null;
  const actor = (e: SummaryEntry & { seq?: number }) =>
    e.actorId ? actorAsRecorded(e.seq === undefined || !recorded.has(e.seq) ? undefined : recorded.get(e.seq), current(e.actorId), language.actor) : null;
  return {
    actor,
    summary: (e) =>
      summarizeEntryIn(e, { bodyName: (k) => bodyNames.get(k) ?? null, personName: (id) => (id === e.actorId ? actor(e) : current(id)) }, language.summary),
  };
}

/** A summarizer for these entries (today's names): the exports' one line per entry, in English unless `language` is given. */
export async function summarizerFor(
  db: Executor,
  orgId: string,
  ctx: LogContext,
  entries: readonly SummaryEntry[],
  language: LogLanguage = englishLog,
): Promise<(e: SummaryEntry) => string> {
  return (await describerFor(db, orgId, ctx, entries, new Map(), language)).summary;
}
