import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getCharterVersion, listSeats } from '@/db/queries/charters';
import { listSubjectRecord } from '@/db/queries/log-record';
import { listMandatoryNotices } from '@/db/queries/notify';
import { findProposalIdByNumber, loadProposal, loadProposalForPage } from '@/db/queries/proposals';
import { listComments, listRevisions } from '@/db/queries/proposal-reads';
import { listCurrentVotes, listRecusals } from '@/db/queries/votes';
import { listObjections } from '@/db/queries/objections';
import { listNominations } from '@/db/queries/nominations';
import { listMembers } from '@/db/queries/memberships';
import type { LoadedProposal } from '@/db/queries/proposals';
import { getUserName } from '@/db/queries/users';
import { findType } from '@/lib/governance/charter';
import { charterDiffParts } from '@/lib/governance/charter-diff';
import { foundingStatus } from '@/lib/governance/founding';
import { anyProposalPublished } from '@/db/queries/proposal-changes';
import type { Charter } from '@/lib/governance/types';
import type { Role } from '@/lib/governance/roles';
import { emergencyBackers } from '@/db/queries/emergency';
import { proposalContext } from '@/db/queries/proposal-context';
import { rollCallById } from '@/db/queries/meeting-roll-calls';
import { appointmentRefusal } from '@/lib/use-cases/appointments';
import { electionReadyForVoting } from '@/lib/use-cases/elections';
import { noticeCoverage } from '@/lib/use-cases/notice';
import { integrityProblem, logIntegrity } from '@/lib/transparency/log-status';
import { sharedOrgData } from '@/lib/public-cache/org-data';

export type { LoadedProposal };

/** A proposal by its number in the organization; null when there is none (numbers beyond PostgreSQL integers included). */
export async function findProposalByNumber(orgId: string, number: number): Promise<LoadedProposal | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const db = getDb();
  const id = await findProposalIdByNumber(db, orgId, number);
  return id ? loadProposal(db, orgId, id) : null;
}

/**
 * The proposal as its page reads it: like findProposalByNumber, but of member-wide stages' ballots
 * only the viewer's own (loadProposalForPage; the page counts the rest in SQL). Read once per render
 * (React's `cache`): the page's metadata and its body both ask.
 */
export const findProposalForPage = cache(async (orgId: string, number: number, viewerId: string | null): Promise<LoadedProposal | null> => {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const db = getDb();
  const id = await findProposalIdByNumber(db, orgId, number);
  return id ? loadProposalForPage(db, orgId, id, viewerId) : null;
});

export type AppointmentEffectView = { seatId?: string; appointeeUserId?: string; seatClass?: string; declaration?: string | null };

/** What the proposal page shows every viewer alike: read once per organization version when the page passes one. */
async function readSharedParts(orgId: string, loaded: LoadedProposal) {
  const db = getDb();
  const [charter, revisions, comments, recusals, seats, record, author, subject, noticeRows] = await Promise.all([
    getCharterVersion(db, orgId, loaded.row.charterVersion),
    listRevisions(db, loaded.row.id),
    listComments(db, loaded.row.id),
    listRecusals(db, loaded.row.id),
    listSeats(db, orgId),
    // The record is read from the hashed bytes of each entry, each checked against its hash: up to
    // 100 entries all listed; beyond, the newest 50 and the oldest 50 with the number in between.
    listSubjectRecord(db, orgId, `proposal:${loaded.row.id}`, 50),
    getUserName(db, loaded.row.authorId),
    loaded.row.subjectUserId ? getUserName(db, loaded.row.subjectUserId) : Promise.resolve(null),
    listMandatoryNotices(db, orgId, loaded.row.id),
  ]);
  return { charter: charter!, revisions, comments, recusals, seats, record, author, subject, noticeRows };
}

/**
 * Everything the proposal page shows, read at `at` for this viewer. With `version` (the organization's
 * data version the page read: lib/auth/org-page.ts), the parts every viewer sees alike are shared
 * across viewers of that version (lib/public-cache/org-data.ts); the ballots (the viewer's own among
 * them), the log's verdict and what the viewer may do are read for each request.
 */
export async function loadProposalPage(
  orgId: string,
  loaded: LoadedProposal,
  viewer: { role: Role | null; userId: string | null },
  at: Date,
  version?: string,
) {
  const db = getDb();
  const [shared, votes, integrity] = await Promise.all([
    // A draft is its author's alone: never shared.
    version && loaded.row.status !== 'draft'
      ? sharedOrgData('proposal', orgId, loaded.row.id, version, () => readSharedParts(orgId, loaded))
      : readSharedParts(orgId, loaded),
    // Every seat's ballot; of member ballots only the viewer's own (member-stage.ts counts and pages the rest).
    listCurrentVotes(db, loaded.row.id, { memberBallotsOf: viewer.userId }),
    logIntegrity(db, orgId),
  ]);
  const { charter, revisions, comments, recusals, seats, record, author, subject, noticeRows } = shared;
  const logRows = record.rows;
  const { phase, actions } = await proposalContext(db, orgId, loaded, charter, viewer, at, seats);
  const effect = loaded.row.effect as { ratifies?: unknown; ratifiesRollCall?: unknown; emergency?: boolean };
  const ratifiesId = effect.ratifies;
  const ratifies = typeof ratifiesId === 'string' && /^[0-9a-f-]{36}$/i.test(ratifiesId) ? await loadProposal(db, orgId, ratifiesId) : null;
  const motionRow =
    typeof effect.ratifiesRollCall === 'string' && /^[0-9a-f-]{36}$/i.test(effect.ratifiesRollCall)
      ? await rollCallById(db, orgId, effect.ratifiesRollCall)
      : null;
  const ratifiesMotion = motionRow
    ? {
        meetingNumber: motionRow.meeting.number,
        number: motionRow.rollCall.number,
        motion: motionRow.rollCall.motion,
        proposalNumber: motionRow.rollCall.proposalNumber,
        ratified: motionRow.rollCall.ratifiedAt !== null,
      }
    : null;
  const emergency = Boolean(effect.emergency);
  const backers = emergency ? await emergencyBackers(db, orgId, loaded.row.id) : [];
  // A seat appointment: which seat, who, and (for a class seat) the appointee's own declaration.
  const appointment = findType(charter, loaded.row.typeKey).effect === 'seat_appointment' ? (loaded.row.effect as AppointmentEffectView) : null;
  const appointee = appointment?.appointeeUserId ? await getUserName(db, appointment.appointeeUserId) : null;
  // Why a ready seat appointment cannot open for voting (the worker's own check), if it cannot.
  const appointmentBlocker =
    appointment && phase.kind === 'ready_for_voting'
      ? await appointmentRefusal(db, orgId, charter, loaded.row.typeKey, appointment, { requireDeclaration: true, proposalId: loaded.row.id })
      : null;
  // Why a ready seat election cannot open (its deciding body may no longer fill the seats), if it cannot.
  const electionCheck =
    findType(charter, loaded.row.typeKey).effect === 'seat_election' && phase.kind === 'ready_for_voting'
      ? await electionReadyForVoting(db, { ...loaded, charter })
      : null;
  const electionBlocker = electionCheck && !electionCheck.ok ? electionCheck : null;
  // A charter amendment: what it changes against the charter it was drafted under, as parts the page words in the reader’s language.
  const proposed = (loaded.row.effect as { proposedCharter?: Charter }).proposedCharter;
  const charterChanges = findType(charter, loaded.row.typeKey).effect === 'charter_amendment' && proposed ? charterDiffParts(charter, proposed) : null;
  // A draft's publish form says whether publishing it closes founding appointments (the organization's first publication).
  // A decision by consent: its objections are public at once (withdrawn ones too, marked).
  const objections = findType(charter, loaded.row.typeKey).consent ? await listObjections(db, loaded.row.id) : [];
  // A seat election: its nominations (public) and the members who might be nominated.
  const isElection = findType(charter, loaded.row.typeKey).effect === 'seat_election';
  // A membership-weight change: the subject's weight if it passes.
  const weight = (loaded.row.effect as { weight?: unknown }).weight;
  const newWeight = findType(charter, loaded.row.typeKey).effect === 'membership_weight' && typeof weight === 'number' ? weight : null;
  const [nominations, members] = isElection ? await Promise.all([listNominations(db, loaded.row.id), listMembers(db, orgId)]) : [[], []];
  const founding = loaded.row.status === 'draft' ? foundingStatus({ anyProposalPublished: await anyProposalPublished(db, orgId), seats }) : null;
  return {
    charter,
    charterChanges,
    revisions,
    comments,
    votes,
    recusals,
    objections,
    nominations,
    members,
    seats,
    logRows,
    recordGap: record.gap,
    author,
    subject,
    integrityProblem: integrityProblem(integrity, logRows),
    coverage: noticeCoverage(noticeRows),
    phase,
    actions,
    ratifies,
    ratifiesMotion,
    emergency,
    backers,
    appointment,
    appointee,
    appointmentBlocker,
    electionBlocker,
    founding,
    newWeight,
  };
}

export type ProposalPageData = Awaited<ReturnType<typeof loadProposalPage>>;
