import 'server-only';
import { getDb } from '@/db/client';
import { getCharterVersion } from '@/db/queries/charters';
import { listNominations } from '@/db/queries/nominations';
import { loadDelegationsToMe } from '@/db/read/delegations-page';
import { loadPetitionPage, loadPetitionSummaryPage } from '@/db/read/petitions';
import type { PetitionSummary } from '@/db/read/petitions';
import { findProposalForPage } from '@/db/read/proposal-page';
import { findType } from '@/lib/governance/charter';
import { scopeWords } from '@/lib/governance/delegation-scope';
import { nominationLine, nominationsOpen, ownOpenNomination } from '@/lib/governance/election';
import { proposalPhase } from '@/lib/governance/phase';

/**
 * The /api/v1 reads of the acts added in 1.4.0 (delegations to the caller, a seat election's
 * nominations, petitions), each from the read model its page uses: the API shows what the page
 * shows that person, no more.
 */

/**
 * Who delegates their vote to `userId`, as "Delegated to you" on the delegations page lists them:
 * in the general scope directly or through others (`direct: false`), then those who delegate
 * directly for one proposal type or one proposal. Names only, as the page shows them.
 */
export async function loadApiDelegationsToMe(orgId: string, userId: string) {
  const { toMeGeneral, toMeOther } = await loadDelegationsToMe(orgId, userId);
  return {
    // The caller's own vote and every general delegator's, at most (the page's "counts for N people").
    carries: 1 + toMeGeneral.length,
    delegators: [
      ...toMeGeneral.map((d) => ({
        name: d.name ?? 'A member',
        scope: 'general' as const,
        direct: d.direct,
        scopeWords: scopeWords({ typeName: null, proposalNumber: null }),
        typeKey: null,
        proposalNumber: null,
      })),
      ...toMeOther.map((d) => ({
        name: d.name,
        scope: d.proposalNumber !== null ? ('proposal' as const) : ('type' as const),
        direct: true,
        scopeWords: scopeWords(d.scope),
        typeKey: d.typeKey,
        proposalNumber: d.proposalNumber,
      })),
    ],
  };
}

/**
 * A seat election's nominations as its proposal page lists them to `viewerId` (null: anonymous):
 * each nominee's and nominator's name, whether they stood themselves and the answer, in the order
 * made — no user id, no date, no declaration text (the page shows none) — whether nominations are
 * open and until when, and the viewer's own nomination they may still answer. Null when there is
 * no such proposal for this viewer (a draft is its author's alone) or it is not a seat election.
 */
export async function loadApiNominations(orgId: string, number: number, viewerId: string | null, at: Date) {
  const loaded = await findProposalForPage(orgId, number, viewerId);
  if (!loaded || (loaded.row.status === 'draft' && loaded.row.authorId !== viewerId)) return null;
  const db = getDb();
  const charter = await getCharterVersion(db, orgId, loaded.row.charterVersion);
  if (!charter || findType(charter, loaded.row.typeKey).effect !== 'seat_election') return null;
  const rows = await listNominations(db, loaded.row.id);
  const phase = proposalPhase(loaded.record, charter, at);
  const open = nominationsOpen(phase);
  return {
    open,
    closesAt: open && phase.kind === 'discussion' ? phase.closesAt : null,
    mine: ownOpenNomination(phase, rows, viewerId),
    nominations: rows.map((n) => {
      const line = nominationLine(n);
      return { nominee: line.nomineeName, nominator: line.nominatorName, self: line.self, status: line.status };
    }),
  };
}

/** A petition as the petitions page lists it, by its number (the API's paths use the number, not the id). */
function petitionSummary(p: PetitionSummary) {
  return {
    number: p.number,
    title: p.title,
    constituency: p.constituency,
    bodyName: p.bodyName,
    signatureCount: p.signatureCount,
    requiredSignatures: p.requiredSignatures,
    openedAt: p.openedAt,
    phase: p.phase,
  };
}

/** One page of the petitions, newest first, as the petitions page lists them: below the cursor (a number), at most `limit`. */
export async function loadApiPetitionPage(orgId: string, at: Date, page: { before: number | null; limit: number }) {
  const { items, nextBefore } = await loadPetitionSummaryPage(orgId, at, page);
  return { petitions: items.map(petitionSummary), next_cursor: nextBefore === null ? null : String(nextBefore) };
}

/**
 * One petition as its page shows it to `viewerId` (null: anonymous): its text, count and phase,
 * signers' names only when the charter makes them public, the answer, and what the viewer may do
 * (sign, revoke, answer: the operations check again). Null when there is none.
 */
export async function loadApiPetition(orgId: string, number: number, viewerId: string | null, at: Date) {
  const page = await loadPetitionPage(orgId, number, viewerId, at);
  if (!page) return null;
  // A signer with no name is "A member", as the API has always said it (the page words it in the reader's language).
  return { ...page, petition: petitionSummary(page.petition), signers: page.signers.map((name) => name ?? 'A member') };
}
