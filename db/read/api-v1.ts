import 'server-only';
import { getDb } from '@/db/client';
import { getCharterVersion, listSeats } from '@/db/queries/charters';
import { listProposalsBefore, listRevisions } from '@/db/queries/proposal-reads';
import { getUserName } from '@/db/queries/users';
import { loadOrganizationBodies, summarizeProposals } from '@/db/read/overview';
import type { ProposalSummary } from '@/db/read/overview';
import { findProposalForPage } from '@/db/read/proposal-page';
import { findBody, findType } from '@/lib/governance/charter';
import { stageOutcomes } from '@/lib/governance/phase';
import { proposalStatus } from '@/lib/governance/status';
import { bodyStrengths } from '@/lib/governance/strength';

/**
 * What /api/v1 reads, from the read models the public pages use (db/read/overview.ts for the
 * organization page, proposal-page.ts for a proposal) and the rules they ask (phase, status,
 * stage outcomes): the API shows what the pages show, no more. Ballots are never listed; a
 * stage's count appears once it has closed (`stageOutcomes`), never while voting is open.
 */

type Org = { id: string; slug: string; name: string; mission: string; memberCount: number; isPublic: boolean; archivedAt: Date | null; createdAt: Date };

/** The organization as its public page shows it: its charter version and bodies, with charter seats, strength and holders' names (never e-mail addresses). */
export async function loadApiOrganization(org: Org, at: Date) {
  // The charter and the bodies alone: no proposal is read (the proposals are their own paged read).
  const overview = await loadOrganizationBodies(getDb(), org.id, at);
  return {
    slug: org.slug,
    name: org.name,
    mission: org.mission,
    visibility: org.isPublic ? 'public' : 'private',
    memberCount: org.memberCount,
    createdAt: org.createdAt,
    archivedAt: org.archivedAt,
    charter: overview.charter
      ? { version: overview.charter.version, adoptedAt: overview.charter.adoptedAt, documentHash: overview.charter.documentHash }
      : null,
    bodies: overview.bodies.map((b) => {
      const spec = overview.charter?.document.bodies.find((x) => x.key === b.key);
      return {
        key: b.key,
        name: b.name,
        charterSeats: spec?.charterSeats ?? 0,
        filledSeats: b.strength.filled,
        belowStrength: b.strength.isBelowStrength,
        seats: b.seats.map((s) => ({ position: s.position, seatClass: s.seatClass, holder: s.holderName, vacatedAt: s.vacatedAt })),
      };
    }),
  };
}

function summary(p: ProposalSummary) {
  return {
    number: p.number,
    title: p.title,
    type: { key: p.typeKey, name: p.typeName, consent: p.consent },
    status: p.status,
    phase: p.phase,
    statusLabel: p.statusLine.label,
    author: p.authorName,
    publishedAt: p.publishedAt,
  };
}

/**
 * One page of the organization's proposals as its page lists them (drafts only for their author),
 * newest number first: those numbered below `before` (the cursor), at most `limit`, and the
 * cursor of the next page (null on the last).
 */
export async function loadApiProposalPage(orgId: string, viewerId: string | null, at: Date, page: { before: number | null; limit: number }) {
  const db = getDb();
  // One more than the page, to know whether another follows; only the page's proposals are derived.
  const [{ charter, seatRows }, rows] = await Promise.all([
    loadOrganizationBodies(db, orgId, at),
    listProposalsBefore(db, orgId, viewerId, page.before, page.limit + 1),
  ]);
  if (!charter) return { items: [], nextBefore: null };
  const items = await summarizeProposals(db, orgId, charter, seatRows, at, rows.slice(0, page.limit));
  const more = rows.length > page.limit;
  return { items: items.map(summary), nextBefore: more ? rows[page.limit - 1]!.number : null };
}

/** One proposal as its page shows it, or null (none, or a draft of someone else's). */
export async function loadApiProposal(orgId: string, number: number, viewerId: string | null, at: Date) {
  const loaded = await findProposalForPage(orgId, number, viewerId);
  if (!loaded || (loaded.row.status === 'draft' && loaded.row.authorId !== viewerId)) return null;
  const db = getDb();
  const [charter, seats, revisions, author] = await Promise.all([
    getCharterVersion(db, orgId, loaded.row.charterVersion),
    listSeats(db, orgId),
    listRevisions(db, loaded.row.id),
    getUserName(db, loaded.row.authorId),
  ]);
  if (!charter) return null;
  const type = findType(charter, loaded.row.typeKey);
  const status = proposalStatus({ record: loaded.record, charter, strengths: bodyStrengths(charter, seats, at), now: at });
  const latest = revisions.at(-1);
  return {
    // The id a delegation's `proposal:<id>` scope names (the API's other paths use the number).
    id: loaded.row.id,
    number: loaded.row.number,
    title: loaded.row.title,
    body: latest?.body ?? '',
    revision: latest?.revision ?? null,
    type: { key: type.key, name: type.name, consent: type.consent === true, effect: type.effect },
    status: loaded.row.status,
    phase: status.phase,
    statusLabel: status.label,
    explanation: status.explanation,
    blocked: status.blocked,
    author: author?.name ?? null,
    publishedAt: loaded.row.publishedAt,
    charterVersion: loaded.row.charterVersion,
    stages: stageOutcomes(loaded.record, charter, at).map((o) => ({
      index: o.stageIndex,
      body: { key: o.bodyKey, name: findBody(charter, o.bodyKey).name },
      opensAt: o.opensAt,
      closesAt: o.closesAt,
      closed: o.tally !== null,
      // The count of a closed stage only: while voting is open, nothing of the ballots is shown.
      tally: o.tally,
    })),
  };
}
