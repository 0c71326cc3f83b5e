import 'server-only';
import type { Executor } from '@/db/client';
import { getActiveCharter, getCharterVersion, listSeats } from '@/db/queries/charters';
import type { SeatView } from '@/db/queries/charters';
import { loadProposals } from '@/db/queries/proposals';
import { listProposals } from '@/db/queries/proposal-reads';
import type { ProposalListItem } from '@/db/queries/proposal-reads';
import { blockedBy, proposalStatus } from '@/lib/governance/status';
import type { ProposalStatus } from '@/lib/governance/status';
import { bodyStrength, bodyStrengths } from '@/lib/governance/strength';
import type { Charter, Phase } from '@/lib/governance/types';
import { appointmentRefusal } from '@/lib/use-cases/appointments';

export type BodyOverview = {
  key: string;
  name: string;
  strength: ReturnType<typeof bodyStrength>;
  /** Public: holder names, never e-mail addresses. */
  seats: { seatId: string; position: number; seatClass: string; holderUserId: string | null; holderName: string | null; vacatedAt: Date | null }[];
};

export type ProposalSummary = {
  id: string;
  number: number;
  title: string;
  typeKey: string;
  typeName: string;
  /** The type decides by consent: its voting window is a window for objections. */
  consent: boolean;
  status: string;
  phase: Phase;
  /** The status line from the rules (proposalStatus), as the proposal's own page shows it. */
  statusLine: ProposalStatus;
  authorName: string | null;
  publishedAt: Date | null;
};

export type OrganizationOverview = {
  charter: { version: number; document: Charter; documentHash: string; adoptedAt: Date } | null;
  bodies: BodyOverview[];
  proposals: ProposalSummary[];
};

function publicSeat(s: SeatView) {
  return {
    seatId: s.seatId,
    position: s.position,
    seatClass: s.seatClass,
    holderUserId: s.holderUserId,
    holderName: s.holderUserId ? (s.holderName ?? 'A member') : null,
    vacatedAt: s.vacatedAt,
  };
}

type SeatRows = Awaited<ReturnType<typeof listSeats>>;
type ActiveCharter = NonNullable<Awaited<ReturnType<typeof getActiveCharter>>>;

/** The active charter and every body's seats and strength at `at`; null bodies without a charter. */
export async function loadOrganizationBodies(db: Executor, orgId: string, at: Date) {
  const charter = await getActiveCharter(db, orgId);
  if (!charter) return { charter: null, bodies: [] as BodyOverview[], seatRows: [] as SeatRows };
  const seatRows = await listSeats(db, orgId);
  const bodies: BodyOverview[] = charter.document.bodies.map((b) => ({
    key: b.key,
    name: b.name,
    strength: bodyStrength(b, seatRows, at),
    seats: seatRows.filter((s) => s.bodyKey === b.key).map(publicSeat),
  }));
  return { charter, bodies, seatRows };
}

/** The charter version a proposal runs under, each read once (the active one already in hand); the active one when a version is missing. */
export function charterVersions(db: Executor, orgId: string, charter: ActiveCharter): (version: number) => Promise<Charter> {
  const cache = new Map<number, Charter>([[charter.version, charter.document]]);
  return async (version) => {
    let doc = cache.get(version);
    if (!doc) {
      doc = (await getCharterVersion(db, orgId, version)) ?? charter.document;
      cache.set(version, doc);
    }
    return doc;
  };
}

/** The listed proposals with their phases and status lines derived at `at` (four queries for any number, plus a charter per older version). */
export async function summarizeProposals(
  db: Executor,
  orgId: string,
  charter: ActiveCharter,
  seatRows: SeatRows,
  at: Date,
  items: ProposalListItem[],
): Promise<ProposalSummary[]> {
  // Strength under each charter version a proposal runs under, from today's seats (as the engine checks it).
  const strengthsFor = new Map<number, Record<string, ReturnType<typeof bodyStrength>>>();
  const charterOf = charterVersions(db, orgId, charter);
  const loadedById = await loadProposals(
    db,
    orgId,
    items.map((i) => i.id),
  );
  const proposals: ProposalSummary[] = [];
  for (const item of items) {
    const loaded = loadedById.get(item.id);
    if (!loaded) continue;
    const doc = await charterOf(loaded.row.charterVersion);
    const type = doc.proposalTypes.find((t) => t.key === item.typeKey);
    const document = doc;
    if (!strengthsFor.has(loaded.row.charterVersion)) strengthsFor.set(loaded.row.charterVersion, bodyStrengths(document, seatRows, at));
    const strengths = strengthsFor.get(loaded.row.charterVersion)!;
    let statusLine = proposalStatus({ record: loaded.record, charter: doc, strengths, now: at });
    // A ready seat appointment the worker will not open (its own check) is listed as blocked, as on its page.
    if (type?.effect === 'seat_appointment' && statusLine.phase.kind === 'ready_for_voting' && !statusLine.blocked) {
      const refusal = await appointmentRefusal(db, orgId, doc, item.typeKey, loaded.row.effect, { requireDeclaration: true, proposalId: item.id });
      if (refusal) statusLine = blockedBy(statusLine, refusal);
    }
    proposals.push({
      id: item.id,
      number: item.number,
      title: item.title,
      typeKey: item.typeKey,
      typeName: type?.name ?? item.typeKey,
      consent: type?.consent === true,
      status: item.status,
      phase: statusLine.phase,
      statusLine,
      authorName: item.authorName,
      publishedAt: item.publishedAt,
    });
  }
  return proposals;
}

export function charterOverview(charter: ActiveCharter): OrganizationOverview['charter'] {
  return { version: charter.version, document: charter.document, documentHash: charter.documentHash, adoptedAt: charter.adoptedAt };
}

/** Everything the organization page shows, with phases derived at `at`. Drafts only for their author. Every proposal: see overview-front.ts for the page's own. */
export async function loadOrganizationOverview(db: Executor, orgId: string, viewerId: string | null, at: Date): Promise<OrganizationOverview> {
  const { charter, bodies, seatRows } = await loadOrganizationBodies(db, orgId, at);
  if (!charter) return { charter: null, bodies: [], proposals: [] };
  const items = await listProposals(db, orgId, viewerId);
  return { charter: charterOverview(charter), bodies, proposals: await summarizeProposals(db, orgId, charter, seatRows, at, items) };
}
