import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import type { Database } from '@/db/client';
import { now } from '@/lib/clock';
import { checkInvitationChange } from '@/lib/governance/roles';
import type { Role } from '@/lib/governance/roles';
import { refuseRule } from '@/lib/governance/refusal';
import type { LimitPolicy } from '@/lib/rate-limit';
import type { Actor } from '@/lib/use-cases/actor';
import { parseOptions } from '@/lib/governance/choice';
import { declareAppointeeEligibility } from '@/lib/use-cases/appointments';
import { castBallot } from '@/lib/use-cases/ballots';
import { backEmergencyMotion } from '@/lib/use-cases/emergency';
import { foundingAppoint } from '@/lib/use-cases/founding';
import { resignSeat } from '@/lib/use-cases/seats';
import { raiseObjection, withdrawObjection } from '@/lib/use-cases/consent';
import { cancelMeeting, scheduleMeeting, updateMeeting } from '@/lib/use-cases/meetings';
import { deleteComment, editComment, postComment } from '@/lib/use-cases/comments';
import { answerOwnAttendance, recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { answerMinutes, draftMinutes } from '@/lib/use-cases/meeting-minutes';
import { answerRollCallVote, recordRollCall } from '@/lib/use-cases/meeting-roll-calls';
import { openWrittenConsent, revokeWrittenConsentSignature, signWrittenConsent, withdrawWrittenConsent } from '@/lib/use-cases/written-consents';
import { createDraft, reviseProposal } from '@/lib/use-cases/drafts';
import { delegateVote, revokeDelegation } from '@/lib/use-cases/delegations';
import { answerNomination, nominateCandidate } from '@/lib/use-cases/elections';
import { declareRecusal } from '@/lib/use-cases/recusal';
import { setFollowing } from '@/lib/use-cases/follows';
import { requestOpenVoting } from '@/lib/use-cases/open-voting';
import { answerPetition, openPetition, revokePetitionSignature, signPetition } from '@/lib/use-cases/petitions';
import { publishProposal } from '@/lib/use-cases/publish';
import { withdrawProposal } from '@/lib/use-cases/withdraw';
import { delegateSchema, revokeDelegationSchema } from '@/lib/validation/delegation';
import {
  answerAttendanceSchema,
  answerRollCallVoteSchema,
  cancelMeetingSchema,
  recordAttendanceSchema,
  recordRollCallSchema,
  scheduleMeetingSchema,
  updateMeetingSchema,
} from '@/lib/validation/meeting';
import { answerMinutesSchema, draftMinutesSchema } from '@/lib/validation/meeting-minutes';
import { openWrittenConsentSchema, revokeWrittenConsentSchema, signWrittenConsentSchema, withdrawWrittenConsentSchema } from '@/lib/validation/written-consent';
import { answerPetitionSchema, openPetitionSchema, revokePetitionSignatureSchema, signPetitionSchema } from '@/lib/validation/petition';
import {
  ballotSchema,
  choiceBallotSchema,
  commentSchema,
  createProposalSchema,
  deleteCommentSchema,
  editCommentSchema,
  followProposalSchema,
  nominationAnswerSchema,
  nominationSchema,
  objectionSchema,
  proposalRefSchema,
  publishProposalSchema,
  recusalSchema,
  reviseProposalSchema,
  seatAppointSchema,
  seatResignSchema,
  withdrawProposalSchema,
} from '@/lib/validation/proposal';
import { deleteWebhook, disableWebhook, enableWebhook, registerWebhookEndpoint, replayWebhookDelivery } from '@/lib/use-cases/webhooks';
import {
  deleteWebhookSchema,
  registerWebhookApiSchema,
  registerWebhookSchema,
  replayWebhookDeliverySchema,
  setWebhookEnabledSchema,
} from '@/lib/validation/webhook';
import { appOrigin } from '@/lib/auth/origin';
import { env } from '@/lib/env';
import {
  changeMemberRole,
  changeStakeholderGroup,
  inviteMember,
  leaveOrganization,
  removeMember,
  resendInvitation,
  revokeInvitation,
} from '@/lib/use-cases/memberships';
import {
  archiveOrganizationSchema,
  changeRoleSchema,
  invitationSchema,
  inviteMemberSchema,
  leaveOrganizationSchema,
  organizationProfileSchema,
  removeMemberSchema,
  stakeholderGroupSchema,
  unarchiveOrganizationSchema,
} from '@/lib/validation/organization';
import { organizationLocaleSchema } from '@/lib/validation/locale';
import { archiveOrganization, unarchiveOrganization } from '@/lib/use-cases/archive';
import { saveOrganizationProfile, setOrganizationLocale } from '@/lib/use-cases/organization-profile';
import { addWitness, removeWitness } from '@/lib/use-cases/witnesses';
import { addWitnessSchema, removeWitnessSchema } from '@/lib/validation/witness';
import { spendLimit, withLimitSpent } from './limit';
import { noteOrgWrite } from '@/lib/public-cache/org-data';

/** A use case as the engine writes it: the database, who acts (with their role in the organization), the input and the time. */
export type UseCase<T, R> = (db: Database, actor: Actor, input: T, at: Date) => Promise<R>;

/**
 * One thing a member does in an organization, written once for every way in: the schema its
 * input must pass, the minimum role, the use case, and the rate limit it spends. The server
 * action (lib/actions/use-case-action.ts `orgOperationAction`) and the API (lib/api/write.ts)
 * both run it, after the same check (lib/actions/authorize.ts), through `performAsMember`.
 */
export type OrgOperation<S extends z.ZodType<{ orgId: string }>, R> = {
  schema: S;
  minimumRole: Role;
  useCase: UseCase<z.output<S>, R>;
  limit?: LimitPolicy;
};

function operation<S extends z.ZodType<{ orgId: string }>, R>(op: OrgOperation<S, R>): OrgOperation<S, R> {
  return op;
}

/**
 * The member, already authorized for the organization with the operation's minimum role, spends
 * one point of its rate limit (keyed by their user id, whichever way they came in) and runs the
 * use case now. The point is spent in the use case's own transaction (lib/actions/limit.ts
 * `withLimitSpent`): it commits with the write, and a refused attempt still spends it. A rule's
 * "no" is thrown as a RuleRefusal.
 */
export async function performAsMember<S extends z.ZodType<{ orgId: string }>, R>(
  op: OrgOperation<S, R>,
  member: { userId: string; role: Role },
  input: z.output<S>,
): Promise<R> {
  const actor = { userId: member.userId, role: member.role };
  const at = now();
  try {
    if (!op.limit) return await op.useCase(getDb(), actor, input, at);
    return await withLimitSpent(op.limit, member.userId, (db) => op.useCase(db, actor, input, at));
  } finally {
    // Whatever it wrote (or not), this process's shared reads of the organization are read again.
    noteOrgWrite(input.orgId);
  }
}

// Observers may post only the right-of-reply statement when they are the subject; the pure
// permission rules decide that, so the minimum role here is observer.
export const postCommentOperation = operation({ schema: commentSchema, minimumRole: 'observer', useCase: postComment, limit: 'comment' });

// Only the author edits or deletes, while comments are open (the use case asks the rules). Edits share the comment allowance: each one is a log entry.
export const editCommentOperation = operation({ schema: editCommentSchema, minimumRole: 'observer', useCase: editComment, limit: 'comment' });

export const deleteCommentOperation = operation({ schema: deleteCommentSchema, minimumRole: 'observer', useCase: deleteComment });

// Seats, recusals and the voting window are the use case's to check (lib/governance/permissions.ts, voting.ts).
export const castBallotOperation = operation({ schema: ballotSchema, minimumRole: 'observer', useCase: castBallot, limit: 'ballot' });

/** A secret ballot of a choice among options (ranked, approval, STV elections): the preferences alone, no yes/no and no rationale. */
export const castChoiceBallotOperation = operation({
  schema: choiceBallotSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) => castBallot(db, actor, { ...input, choice: null, rationale: null }, at),
  limit: 'ballot',
});

// Decisions by consent: the deciding body's seat holders object (the use case checks the seat and the window); limited like a ballot.
export const raiseObjectionOperation = operation({ schema: objectionSchema, minimumRole: 'observer', useCase: raiseObjection, limit: 'ballot' });

export const withdrawObjectionOperation = operation({ schema: proposalRefSchema, minimumRole: 'observer', useCase: withdrawObjection, limit: 'ballot' });

// Any member may try; the rules say who may schedule and cancel (a secretary or an admin). No rate limit, as the forms.
export const scheduleMeetingOperation = operation({ schema: scheduleMeetingSchema, minimumRole: 'observer', useCase: scheduleMeeting });

export const cancelMeetingOperation = operation({ schema: cancelMeetingSchema, minimumRole: 'observer', useCase: cancelMeeting });

// Changing a meeting's title, time, place or agenda before it starts (the rules say who and when); every seat holder gets the change.
export const updateMeetingOperation = operation({ schema: updateMeetingSchema, minimumRole: 'observer', useCase: updateMeeting });

// A meeting's record: the rules say who records attendance and roll calls and drafts the minutes (a secretary or an admin),
// and who answers (the seat holder recorded, the voter, a seat holder of the body). No rate limit, as the forms.
export const recordAttendanceOperation = operation({ schema: recordAttendanceSchema, minimumRole: 'observer', useCase: recordAttendance });

export const answerAttendanceOperation = operation({ schema: answerAttendanceSchema, minimumRole: 'observer', useCase: answerOwnAttendance });

export const recordRollCallOperation = operation({ schema: recordRollCallSchema, minimumRole: 'observer', useCase: recordRollCall });

export const answerRollCallVoteOperation = operation({ schema: answerRollCallVoteSchema, minimumRole: 'observer', useCase: answerRollCallVote });

export const draftMinutesOperation = operation({ schema: draftMinutesSchema, minimumRole: 'observer', useCase: draftMinutes });

export const answerMinutesOperation = operation({ schema: answerMinutesSchema, minimumRole: 'observer', useCase: answerMinutes });

// Written consents: the use case asks the rules (a seat holder of the body, or an admin, opens; the frozen signers sign and revoke;
// the opener or an admin withdraws). Opening is limited like a comment (every seat holder is mailed), signing and revoking like a ballot.
export const openWrittenConsentOperation = operation({
  schema: openWrittenConsentSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) => openWrittenConsent(db, actor, { orgId: input.orgId, bodyKey: input.bodyKey, title: input.title, body: input.body }, at),
  limit: 'comment',
});

export const signWrittenConsentOperation = operation({
  schema: signWrittenConsentSchema,
  minimumRole: 'observer',
  useCase: signWrittenConsent,
  limit: 'ballot',
});

export const revokeWrittenConsentSignatureOperation = operation({
  schema: revokeWrittenConsentSchema,
  minimumRole: 'observer',
  useCase: revokeWrittenConsentSignature,
  limit: 'ballot',
});

export const withdrawWrittenConsentOperation = operation({ schema: withdrawWrittenConsentSchema, minimumRole: 'observer', useCase: withdrawWrittenConsent });

/**
 * A draft from the new-proposal form's fields: the type's effect assembled from the fields that
 * carry it (seat, appointee, declaration, proposed charter, ratified proposal, election seats,
 * new weight), the options one per line. The engine checks all of it against the charter.
 */
function createDraftFromForm(db: Database, actor: Actor, input: z.output<typeof createProposalSchema>, at: Date) {
  const effect: Record<string, unknown> = {};
  if (input.seatId) effect.seatId = input.seatId;
  if (input.appointeeUserId) effect.appointeeUserId = input.appointeeUserId;
  if (input.declaration) effect.declaration = input.declaration;
  if (input.proposedCharter) effect.proposedCharter = input.proposedCharter;
  if (input.ratifiesProposalId) effect.ratifies = input.ratifiesProposalId;
  if (input.ratifiesRollCallId) effect.ratifiesRollCall = input.ratifiesRollCallId;
  if (input.electionSeats) [effect.bodyKey, effect.seatClass] = input.electionSeats.split(':');
  if (input.newWeight !== undefined) effect.weight = input.newWeight;
  return createDraft(
    db,
    actor,
    {
      orgId: input.orgId,
      typeKey: input.typeKey,
      title: input.title,
      body: input.body,
      subjectUserId: input.subjectUserId,
      effect,
      emergency: input.emergency,
      options: parseOptions(input.options),
    },
    at,
  );
}

// Who may draft which type (and publish, withdraw: the author, or an admin) is the use cases' to check.
export const createProposalOperation = operation({ schema: createProposalSchema, minimumRole: 'member', useCase: createDraftFromForm });

export const publishProposalOperation = operation({ schema: publishProposalSchema, minimumRole: 'member', useCase: publishProposal });

export const withdrawProposalOperation = operation({ schema: withdrawProposalSchema, minimumRole: 'member', useCase: withdrawProposal });

// Only the author revises, before voting or in a consent window (the use case's permissions decide). No rate limit, as the form.
export const reviseProposalOperation = operation({ schema: reviseProposalSchema, minimumRole: 'member', useCase: reviseProposal });

// A seat holder of a deciding body recuses; the use case checks the seat and the window. Observers may hold seats. No rate limit, as the form.
export const declareRecusalOperation = operation({ schema: recusalSchema, minimumRole: 'observer', useCase: declareRecusal });

// Seat elections: any member nominates during the comment window (limited like a comment: the nominee is mailed); only the nominee answers their own.
export const nominateCandidateOperation = operation({ schema: nominationSchema, minimumRole: 'member', useCase: nominateCandidate, limit: 'comment' });

export const answerNominationOperation = operation({ schema: nominationAnswerSchema, minimumRole: 'member', useCase: answerNomination });

// Delegations: observers are refused by the use case's own words, not a bare "forbidden"; any role may revoke their own. Both spend the delegation limit.
export const delegateVoteOperation = operation({ schema: delegateSchema, minimumRole: 'observer', useCase: delegateVote, limit: 'delegation' });

export const revokeDelegationOperation = operation({ schema: revokeDelegationSchema, minimumRole: 'observer', useCase: revokeDelegation, limit: 'delegation' });

// Only accepted members follow (observers do not); the use case reads the role again. No rate limit, as the form.
export const followProposalOperation = operation({ schema: followProposalSchema, minimumRole: 'member', useCase: setFollowing });

// A secretary (or an admin) opens voting when the rules say it is ready; the use case asks them. No rate limit, as the form.
export const openVotingOperation = operation({ schema: proposalRefSchema, minimumRole: 'secretary', useCase: requestOpenVoting });

// A seat holder of the first deciding body backs an emergency motion in discussion; the use case checks the seat, the
// request and the window (observers may hold seats). No rate limit, as the form.
export const backEmergencyMotionOperation = operation({ schema: proposalRefSchema, minimumRole: 'observer', useCase: backEmergencyMotion });

// The appointee of a class seat declares in their own name that they qualify; observers too can be appointees, so the
// minimum role is observer and the use case checks who the appointee is and the window. No rate limit, as the form.
export const declareEligibilityOperation = operation({ schema: proposalRefSchema, minimumRole: 'observer', useCase: declareAppointeeEligibility });

// Petitions: any member tries to sign (the use case asks the rules: not an observer; of the group for a group petition); limited like a ballot.
export const signPetitionOperation = operation({ schema: signPetitionSchema, minimumRole: 'observer', useCase: signPetition, limit: 'ballot' });

// Opening: any member tries (the use case asks the rules: not an observer; of a stakeholder group for a group petition); limited like a comment.
export const openPetitionOperation = operation({
  schema: openPetitionSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) => openPetition(db, actor, { orgId: input.orgId, title: input.title, body: input.body, forGroup: input.constituency }, at),
  limit: 'comment',
});

// The signer revokes their live signature while signatures are taken (the use case asks the rules); limited like a ballot, as signing.
export const revokePetitionSignatureOperation = operation({
  schema: revokePetitionSignatureSchema,
  minimumRole: 'observer',
  useCase: revokePetitionSignature,
  limit: 'ballot',
});

// The answering body's answer: the use case asks the rules who records it (a secretary or an admin) and when. No rate limit, as the form.
export const answerPetitionOperation = operation({ schema: answerPetitionSchema, minimumRole: 'observer', useCase: answerPetition });

// Seats: a holder resigns their own seat (the use case refuses anyone else); an admin makes founding appointments while the
// rules allow them (before the first publication, or a stranded body). No rate limit, as the forms.
export const resignSeatOperation = operation({ schema: seatResignSchema, minimumRole: 'observer', useCase: resignSeat });

export const foundingAppointOperation = operation({ schema: seatAppointSchema, minimumRole: 'observer', useCase: foundingAppoint });

// --- Webhooks: the organization's configuration, for its admins (the settings page and /api/v1/orgs/{slug}/webhooks) ---

type RegisterWebhookInput = { orgId: string; url: string; kinds: string[] | null };

/** Registers an endpoint (the URL's destination checked: no private, loopback… address); its secret is returned to be shown once. */
const registerWebhookUseCase: UseCase<RegisterWebhookInput, { id: string; secret: string }> = (db, actor, input, at) =>
  registerWebhookEndpoint(db, { orgId: input.orgId, actorId: actor.userId, url: input.url, kinds: input.kinds, at });

/** The settings form: its `events` and `kind:<kind>` check boxes. */
export const registerWebhookOperation = operation({ schema: registerWebhookSchema, minimumRole: 'admin', useCase: registerWebhookUseCase });

/** The API: `kinds` as a list (null or omitted: every kind); the same role and use case as the form. */
export const registerWebhookApiOperation = operation({ schema: registerWebhookApiSchema, minimumRole: 'admin', useCase: registerWebhookUseCase });

export const setWebhookEnabledOperation = operation({
  schema: setWebhookEnabledSchema,
  minimumRole: 'admin',
  useCase: (db, _actor, input, at) => (input.enabled ? enableWebhook : disableWebhook)(db, input.orgId, input.endpointId, at),
});

export const deleteWebhookOperation = operation({
  schema: deleteWebhookSchema,
  minimumRole: 'admin',
  useCase: (db, _actor, input) => deleteWebhook(db, input.orgId, input.endpointId),
});

export const replayWebhookDeliveryOperation = operation({
  schema: replayWebhookDeliverySchema,
  minimumRole: 'admin',
  useCase: (db, _actor, input, at) => replayWebhookDelivery(db, input.orgId, input.deliveryId, at),
});

// --- Members: any member may try; the use cases ask the rules, which let only an admin (membership.*_admin_only) ---

/** Invites someone by e-mail with a role (the invitation link is mailed; they become a member when they accept it). */
export const inviteMemberOperation = operation({
  schema: inviteMemberSchema,
  minimumRole: 'observer',
  useCase: async (db, actor, input, at) => inviteMember(db, { ...input, actorId: actor.userId, origin: await appOrigin(), secret: env().authSecret, at }),
});

export const changeMemberRoleOperation = operation({
  schema: changeRoleSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) => changeMemberRole(db, { ...input, actorId: actor.userId, at }),
});

/** The form has no weight field, and a forged one is not read: weights change only by proposal. */
export const setStakeholderGroupOperation = operation({
  schema: stakeholderGroupSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) =>
    changeStakeholderGroup(db, { orgId: input.orgId, membershipId: input.membershipId, group: input.group, actorId: actor.userId, at }),
});

export const removeMemberOperation = operation({
  schema: removeMemberSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) => removeMember(db, { orgId: input.orgId, membershipId: input.membershipId, actorId: actor.userId, at }),
});

// --- Invitations: any member may try; the use cases ask the rules, which let only an admin (invitation.manage_admin_only) ---

/** Withdraws a pending invitation (an accepted membership ends only by removal: `invitation.not_pending`). */
export const revokeInvitationOperation = operation({
  schema: invitationSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) => revokeInvitation(db, { orgId: input.orgId, actorId: actor.userId, membershipId: input.membershipId, at }),
});

/**
 * Mails a pending invitation's link again; returns the address it went to. Each attempt spends one point of the
 * sign-in links' limit keyed by the invitation (not by the caller, so the operation's `limit` is not used), before the
 * use case runs, as the form always did.
 */
export const resendInvitationOperation = operation({
  schema: invitationSchema,
  minimumRole: 'observer',
  useCase: async (db, actor, input, at) => {
    // Who may resend is asked first (the use case asks again, under its lock): a member who may not cannot spend the
    // invitation's sends for the admins.
    const mayResend = checkInvitationChange(actor.role, true);
    if (!mayResend.ok) refuseRule(mayResend);
    await spendLimit('magicLinkEmail', `invitation:${input.membershipId}`);
    return resendInvitation(db, {
      orgId: input.orgId,
      actorId: actor.userId,
      membershipId: input.membershipId,
      origin: await appOrigin(),
      secret: env().authSecret,
      at,
    });
  },
});

// --- Leaving: the caller's own membership (not the last admin, not while holding a seat: the use case asks the rules) ---

export const leaveOrganizationOperation = operation({
  schema: leaveOrganizationSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) => leaveOrganization(db, { orgId: input.orgId, actorId: actor.userId, at }),
});

// --- Settings: the organization's profile, default language, archiving and witnesses (the settings pages and the API) ---

/** Name, mission and visibility: the use case lets an admin only (`organization.profile_admin_only`); whether anything changed. */
export const saveOrganizationProfileOperation = operation({
  schema: organizationProfileSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) =>
    saveOrganizationProfile(db, {
      orgId: input.orgId,
      actorId: actor.userId,
      at,
      profile: { name: input.name, mission: input.mission, isPublic: input.visibility === 'public' },
    }),
});

/**
 * The default language: a display setting, not logged; admins only, by the role (403 `action.forbidden` otherwise); refused on an
 * archived organization (`organization.archived`). Whether it changed.
 */
export const setOrganizationLocaleOperation = operation({
  schema: organizationLocaleSchema,
  minimumRole: 'admin',
  useCase: (db, _actor, input) => setOrganizationLocale(db, { orgId: input.orgId, locale: input.locale }),
});

/** Archive, with the organization's name typed to confirm: the use case lets an admin only, and never while a proposal is undecided. */
export const archiveOrganizationOperation = operation({
  schema: archiveOrganizationSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) => archiveOrganization(db, { orgId: input.orgId, actorId: actor.userId, confirmation: input.confirmation, at }),
});

export const unarchiveOrganizationOperation = operation({
  schema: unarchiveOrganizationSchema,
  minimumRole: 'observer',
  useCase: (db, actor, input, at) => unarchiveOrganization(db, { orgId: input.orgId, actorId: actor.userId, at }),
});

// Witnesses of the decision log: admins only, by the role (403 `action.forbidden` otherwise); each registration and removal logged;
// refused on an archived organization (`organization.archived`).
export const addWitnessOperation = operation({
  schema: addWitnessSchema,
  minimumRole: 'admin',
  useCase: (db, actor, input, at) => addWitness(db, { orgId: input.orgId, actorId: actor.userId, verifierKey: input.verifierKey, at }),
});

export const removeWitnessOperation = operation({
  schema: removeWitnessSchema,
  minimumRole: 'admin',
  useCase: (db, actor, input, at) => removeWitness(db, { orgId: input.orgId, actorId: actor.userId, witnessId: input.witnessId, at }),
});
