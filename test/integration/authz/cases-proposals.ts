/** The authorization matrix, proposals, ballots, objections, nominations and motions: see ./scenario.ts. */
import { nominations, objections } from '@/db/schema';
import { listSeats } from '@/db/queries/charters';
import { initialActionState } from '@/lib/actions/state';
import { form } from '../helpers';
import { HOUR, db, proposers } from './scenario';
import type { Case } from './scenario';

// redirect() after a successful create throws NEXT_REDIRECT; treat it as success.
const proposalActions = await import('@/app/o/[slug]/proposals/actions');

export const proposalCases: Record<string, Case> = {
  createProposalAction: {
    allowed: proposers,
    run: (s) =>
      proposalActions.createProposalAction(
        initialActionState,
        form({ orgId: s.orgId, typeKey: 'resolution', title: 'A forged proposal', body: 'A body long enough for the rules to accept it.' }),
      ),
  },
  reviseProposalAction: {
    allowed: ['member'],
    run: (s) =>
      proposalActions.reviseProposalAction(
        initialActionState,
        form({ orgId: s.orgId, proposalId: s.memberDraft, title: 'Revised title', body: 'A revised body long enough for the rules.' }),
      ),
  },
  // Accepted members (not observers) follow a published proposal; the outcome changes only the caller's own row.
  followProposalAction: {
    allowed: proposers,
    run: (s) => proposalActions.followProposalAction(initialActionState, form({ orgId: s.orgId, proposalId: s.discussion, follow: 'true' })),
  },
  publishProposalAction: {
    allowed: ['member'],
    run: (s) => proposalActions.publishProposalAction(initialActionState, form({ orgId: s.orgId, proposalId: s.memberDraft })),
  },
  withdrawProposalAction: {
    allowed: ['member'],
    run: (s) => proposalActions.withdrawProposalAction(initialActionState, form({ orgId: s.orgId, proposalId: s.memberDraft, reason: 'Changed my mind.' })),
  },
  postCommentAction: {
    allowed: proposers,
    run: (s) => proposalActions.postCommentAction(initialActionState, form({ orgId: s.orgId, proposalId: s.discussion, body: 'A forged comment.' })),
  },
  openVotingAction: {
    allowed: ['secretary', 'admin'],
    run: (s) => proposalActions.openVotingAction(initialActionState, form({ orgId: s.orgId, proposalId: s.ready })),
  },
  castBallotAction: {
    allowed: ['seatHolder', 'admin'],
    run: (s) => proposalActions.castBallotAction(initialActionState, form({ orgId: s.orgId, proposalId: s.voting, choice: 'yes' })),
  },
  castChoiceBallotAction: {
    allowed: ['seatHolder', 'admin'],
    run: (s) => proposalActions.castChoiceBallotAction(initialActionState, form({ orgId: s.orgId, proposalId: s.choiceVoting, preferences: '1,0' })),
  },
  raiseObjectionAction: {
    allowed: ['seatHolder', 'admin'],
    run: (s) =>
      proposalActions.raiseObjectionAction(
        initialActionState,
        form({ orgId: s.orgId, proposalId: s.consentVoting, reason: 'A forged objection with a reason.' }),
      ),
  },
  // Every seat of the board has a standing objection, made in its holder's name: only the holders who may object can withdraw theirs.
  withdrawObjectionAction: {
    allowed: ['seatHolder', 'admin'],
    prepare: async (s) => {
      const held = (await listSeats(db, s.orgId)).filter((seat) => seat.bodyKey === 'board' && seat.holderUserId);
      const raisedAt = new Date(Date.now() - HOUR);
      for (const seat of held)
        await db
          .insert(objections)
          .values({ proposalId: s.consentVoting, stageIndex: 0, seatId: seat.seatId, objectorUserId: seat.holderUserId!, reason: 'An objection.', raisedAt });
      return {};
    },
    run: (s) => proposalActions.withdrawObjectionAction(initialActionState, form({ orgId: s.orgId, proposalId: s.consentVoting })),
  },
  // Any member (not an observer) nominates; the nominee is the member, who holds no board seat.
  nominateCandidateAction: {
    allowed: proposers,
    run: (s) => proposalActions.nominateCandidateAction(initialActionState, form({ orgId: s.orgId, proposalId: s.election, nomineeUserId: s.ids.member })),
  },
  // Everyone is nominated (rows written directly); only a nominee who may take a board seat can accept: a member, not an observer, holding no board seat.
  answerNominationAction: {
    allowed: ['member', 'secretary'],
    prepare: async (s) => {
      const at = new Date(Date.now() - HOUR);
      for (const userId of Object.values(s.ids))
        await db.insert(nominations).values({ proposalId: s.election, nomineeUserId: userId, nominatorUserId: s.ids.admin, nominatedAt: at });
      return {};
    },
    run: (s) => proposalActions.answerNominationAction(initialActionState, form({ orgId: s.orgId, proposalId: s.election, answer: 'accept' })),
  },
  declareRecusalAction: {
    allowed: ['seatHolder', 'admin'],
    run: (s) => proposalActions.declareRecusalAction(initialActionState, form({ orgId: s.orgId, proposalId: s.voting, reason: 'A forged conflict.' })),
  },
  // Only the appointee declares their own eligibility.
  declareEligibilityAction: {
    allowed: ['member'],
    run: (s) => proposalActions.declareEligibilityAction(initialActionState, form({ orgId: s.orgId, proposalId: s.classAppointment })),
  },
  backEmergencyMotionAction: {
    allowed: ['seatHolder', 'recusedSeatHolder', 'admin'],
    run: (s) => proposalActions.backEmergencyMotionAction(initialActionState, form({ orgId: s.orgId, proposalId: s.emergency })),
  },
};
