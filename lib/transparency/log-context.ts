import 'server-only';
import type { Executor } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { listMemberNames, listPublicProposalRefs } from '@/db/queries/log-public';
import type { PublicLogQuery, PublicProposalRef } from '@/db/queries/log-public';
import { dateBounds } from './log-filters';
import type { LogFilters } from './log-filters';
import { summarizeEntry } from './summary';
import type { SummaryEntry } from './summary';

/** What the log page, CSV and Atom feed share: filter options, names, links. */
export type LogContext = {
  bodies: { key: string; name: string }[];
  proposals: PublicProposalRef[];
  proposalById: Map<string, PublicProposalRef>;
};

export async function loadLogContext(db: Executor, orgId: string): Promise<LogContext> {
  const [charter, proposals] = await Promise.all([getActiveCharter(db, orgId), listPublicProposalRefs(db, orgId)]);
  return {
    bodies: charter?.document.bodies.map((b) => ({ key: b.key, name: b.name })) ?? [],
    proposals,
    proposalById: new Map(proposals.map((p) => [p.id, p])),
  };
}

/** The filters as a query, or null when they cannot match anything (an unknown proposal). */
export function logQueryFor(filters: LogFilters, ctx: LogContext): PublicLogQuery | null {
  let subject: string | undefined;
  if (filters.proposal !== undefined) {
    const ref = ctx.proposals.find((p) => p.number === filters.proposal);
    if (!ref) return null;
    subject = `proposal:${ref.id}`;
  }
  return { kind: filters.kind, bodyKey: filters.body, subject, ...dateBounds(filters) };
}

/** The public proposal an entry is about, if any. */
export function proposalOf(e: { subject: string | null }, ctx: LogContext): PublicProposalRef | null {
  if (!e.subject?.startsWith('proposal:')) return null;
  return ctx.proposalById.get(e.subject.slice('proposal:'.length)) ?? null;
}

const personKeys = ['holderId', 'formerHolderId', 'subjectUserId'] as const;

/** A summarizer for these entries, with the names of the people they mention looked up once. */
export async function summarizerFor(db: Executor, orgId: string, ctx: LogContext, entries: readonly SummaryEntry[]): Promise<(e: SummaryEntry) => string> {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.actorId) ids.add(e.actorId);
    for (const k of personKeys) if (typeof e.payload[k] === 'string') ids.add(e.payload[k]);
  }
  const names = await listMemberNames(db, orgId, [...ids]);
  const bodyNames = new Map(ctx.bodies.map((b) => [b.key, b.name]));
  const summaryCtx = { bodyName: (k: string) => bodyNames.get(k) ?? null, personName: (id: string) => names.get(id) ?? null };
  return (e) => summarizeEntry(e, summaryCtx);
}
