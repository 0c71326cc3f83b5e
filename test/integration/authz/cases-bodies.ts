/** The authorization matrix, written consent, petitions, meetings, witnesses and webhooks: see ./scenario.ts. */

import { eq } from 'drizzle-orm';
import { meetingRollCalls, webhookDeliveries } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { witnessVerifierKey } from '@/lib/log/cosignature';
import { addWitness } from '@/lib/use-cases/witnesses';
import { recordRollCall } from '@/lib/use-cases/meeting-roll-calls';
import { form } from '../helpers';
import { db, nextId, meetingForm, proposers, scenarioConsent, scenarioMeeting, scenarioPetition, scenarioWebhook } from './scenario';
import type { Case } from './scenario';

// redirect() after a successful create throws NEXT_REDIRECT; treat it as success.
const witnessActions = await import('@/app/o/[slug]/settings/witnesses/actions');
const petitionActions = await import('@/app/o/[slug]/petitions/actions');
const webhookActions = await import('@/app/o/[slug]/settings/webhooks/actions');
const meetingActions = await import('@/app/o/[slug]/meetings/actions');
const rollCallActions = await import('@/app/o/[slug]/meetings/roll-calls/actions');
const minutesActions = await import('@/app/o/[slug]/meetings/minutes/actions');
const writtenConsentActions = await import('@/app/o/[slug]/written-consents/actions');

export const bodyCases: Record<string, Case> = {
  // A member holding a board seat, or an admin, opens a written consent of the board; a seat does not lift an observer's limits.
  openWrittenConsentAction: {
    allowed: ['seatHolder', 'recusedSeatHolder', 'admin'],
    run: (s) =>
      writtenConsentActions.openWrittenConsentAction(
        initialActionState,
        form({ orgId: s.orgId, bodyKey: 'board', title: 'A forged consent', body: 'Resolved, that the board acts without a meeting.' }),
      ),
  },
  // The frozen signers (the board's seat holders when it opened) sign; the seated observer's seat gives no signature.
  signWrittenConsentAction: {
    allowed: ['seatHolder', 'recusedSeatHolder', 'admin'],
    prepare: async (s) => ({ consentId: await scenarioConsent(s) }),
    run: (s, p) => writtenConsentActions.signWrittenConsentAction(initialActionState, form({ orgId: s.orgId, consentId: p.consentId!, confirm: 'yes' })),
  },
  // Only the seat holder signed: nobody revokes another's signature.
  revokeWrittenConsentSignatureAction: {
    allowed: ['seatHolder'],
    prepare: async (s) => ({ consentId: await scenarioConsent(s, { seatHolderSigned: true }) }),
    run: (s, p) =>
      writtenConsentActions.revokeWrittenConsentSignatureAction(initialActionState, form({ orgId: s.orgId, consentId: p.consentId!, confirm: 'yes' })),
  },
  // Whoever opened it (the seat holder) or an admin withdraws it.
  withdrawWrittenConsentAction: {
    allowed: ['seatHolder', 'admin'],
    prepare: async (s) => ({ consentId: await scenarioConsent(s) }),
    run: (s, p) => writtenConsentActions.withdrawWrittenConsentAction(initialActionState, form({ orgId: s.orgId, consentId: p.consentId!, confirm: 'yes' })),
  },
  // Members who may sign (not observers, whatever seat they hold) open a petition of all members.
  openPetitionAction: {
    allowed: proposers,
    run: (s) =>
      petitionActions.openPetitionAction(
        initialActionState,
        form({ orgId: s.orgId, title: 'A forged petition', body: 'A petition body long enough for the rules.', constituency: 'all' }),
      ),
  },
  signPetitionAction: {
    allowed: proposers,
    prepare: async (s) => ({ petitionId: await scenarioPetition(s) }),
    run: (s, p) => petitionActions.signPetitionAction(initialActionState, form({ orgId: s.orgId, petitionId: p.petitionId!, confirm: 'yes' })),
  },
  // Only the member signed: nobody revokes another's signature.
  revokePetitionSignatureAction: {
    allowed: ['member'],
    prepare: async (s) => ({ petitionId: await scenarioPetition(s, { memberSigned: true }) }),
    run: (s, p) => petitionActions.revokePetitionSignatureAction(initialActionState, form({ orgId: s.orgId, petitionId: p.petitionId!, confirm: 'yes' })),
  },
  // The answering body's answer is recorded by a secretary or admin (as voting is opened); a seat alone does not.
  answerPetitionAction: {
    allowed: ['secretary', 'admin'],
    prepare: async (s) => ({ petitionId: await scenarioPetition(s, { thresholdReached: true }) }),
    run: (s, p) =>
      petitionActions.answerPetitionAction(
        initialActionState,
        form({
          orgId: s.orgId,
          petitionId: p.petitionId!,
          answer: 'The board has heard this petition and answers it.',
        }),
      ),
  },
  // Meetings are called, changed and cancelled, and attendance recorded, by a secretary or an admin; a seat alone does not.
  scheduleMeetingAction: {
    allowed: ['secretary', 'admin'],
    run: (s) => meetingActions.scheduleMeetingAction(initialActionState, meetingForm(s, { bodyKey: 'board', kind: 'regular' })),
  },
  updateMeetingAction: {
    allowed: ['secretary', 'admin'],
    prepare: async (s) => ({ meetingId: await scenarioMeeting(s) }),
    run: (s, p) => meetingActions.updateMeetingAction(initialActionState, meetingForm(s, { meetingId: p.meetingId! })),
  },
  cancelMeetingAction: {
    allowed: ['secretary', 'admin'],
    prepare: async (s) => ({ meetingId: await scenarioMeeting(s) }),
    run: (s, p) => meetingActions.cancelMeetingAction(initialActionState, form({ orgId: s.orgId, meetingId: p.meetingId!, reason: 'A forged cancellation.' })),
  },
  recordAttendanceAction: {
    allowed: ['secretary', 'admin'],
    prepare: async (s) => ({ meetingId: await scenarioMeeting(s, { started: true }) }),
    run: (s, p) =>
      meetingActions.recordAttendanceAction(initialActionState, form({ orgId: s.orgId, meetingId: p.meetingId!, userId: s.ids.seatHolder, status: 'present' })),
  },
  // Only the attendee answers for their own record.
  answerAttendanceAction: {
    allowed: ['seatHolder'],
    prepare: async (s) => ({ meetingId: await scenarioMeeting(s, { started: true, seatHolderRecorded: true }) }),
    run: (s, p) => meetingActions.answerAttendanceAction(initialActionState, form({ orgId: s.orgId, meetingId: p.meetingId!, answer: 'confirmed' })),
  },
  // The secretary or an admin records a roll call once the meeting has started.
  recordRollCallAction: {
    allowed: ['secretary', 'admin'],
    prepare: async (s) => ({ meetingId: await scenarioMeeting(s, { started: true, seatHolderRecorded: true }) }),
    run: (s, p) =>
      rollCallActions.recordRollCallAction(
        initialActionState,
        form({
          orgId: s.orgId,
          meetingId: p.meetingId!,
          motion: 'A forged motion',
          [`vote:${s.ids.seatHolder}`]: 'yes',
        }),
      ),
  },
  // Each board seat holder has a recorded vote (yes, or absent) and answers only for their own; others have none.
  answerRollCallVoteAction: {
    allowed: ['seatedObserver', 'seatHolder', 'recusedSeatHolder', 'admin'],
    prepare: async (s) => {
      const meetingId = await scenarioMeeting(s, { started: true, seatHolderRecorded: true });
      const admin = { userId: s.ids.admin, role: 'admin' as const };
      const votes = [{ userId: s.ids.seatHolder, vote: 'yes' as const }];
      await recordRollCall(db, admin, { orgId: s.orgId, meetingId, agendaItem: null, motion: 'A motion', votes }, new Date());
      const [rc] = await db.select({ id: meetingRollCalls.id }).from(meetingRollCalls).where(eq(meetingRollCalls.meetingId, meetingId));
      return { meetingId, rollCallId: rc!.id };
    },
    run: (s, p) =>
      rollCallActions.answerRollCallVoteAction(
        initialActionState,
        form({ orgId: s.orgId, meetingId: p.meetingId!, rollCallId: p.rollCallId!, answer: 'confirmed' }),
      ),
  },
  // Minutes are drafted by a secretary or an admin, and approved by the body's seat holders (not by an office alone).
  draftMinutesAction: {
    allowed: ['secretary', 'admin'],
    prepare: async (s) => ({ meetingId: await scenarioMeeting(s, { started: true }) }),
    run: (s, p) =>
      minutesActions.draftMinutesAction(
        initialActionState,
        form({ orgId: s.orgId, meetingId: p.meetingId!, text: 'Forged minutes of a meeting, long enough.' }),
      ),
  },
  answerMinutesAction: {
    allowed: ['seatHolder', 'recusedSeatHolder', 'admin'],
    prepare: async (s) => ({ meetingId: await scenarioMeeting(s, { started: true, minutesDrafted: true }) }),
    run: (s, p) => minutesActions.answerMinutesAction(initialActionState, form({ orgId: s.orgId, meetingId: p.meetingId!, revision: '1', answer: 'approve' })),
  },
  addWitnessAction: {
    allowed: ['admin'],
    run: (s) =>
      witnessActions.addWitnessAction(
        initialActionState,
        form({ orgId: s.orgId, verifierKey: witnessVerifierKey(`w${nextId()}.example`, new Uint8Array(32).fill(3)) }),
      ),
  },
  removeWitnessAction: {
    allowed: ['admin'],
    prepare: async (s) => {
      const { id } = await addWitness(db, {
        orgId: s.orgId,
        actorId: s.ids.admin,
        verifierKey: witnessVerifierKey(`w${nextId()}.example`, new Uint8Array(32).fill(4)),
        at: new Date(),
      });
      return { witnessId: id };
    },
    run: (s, p) => witnessActions.removeWitnessAction(initialActionState, form({ orgId: s.orgId, witnessId: p.witnessId! })),
  },
  // Webhooks: the organization's admins only. A public IP literal needs no DNS and passes the SSRF check.
  registerWebhookAction: {
    allowed: ['admin'],
    run: (s) => webhookActions.registerWebhookAction(initialActionState, form({ orgId: s.orgId, url: 'https://93.184.216.34/hook', events: 'all' })),
  },
  setWebhookEnabledAction: {
    allowed: ['admin'],
    prepare: async (s) => ({ endpointId: await scenarioWebhook(s) }),
    run: (s, p) => webhookActions.setWebhookEnabledAction(initialActionState, form({ orgId: s.orgId, endpointId: p.endpointId!, enabled: 'false' })),
  },
  deleteWebhookAction: {
    allowed: ['admin'],
    prepare: async (s) => ({ endpointId: await scenarioWebhook(s) }),
    run: (s, p) => webhookActions.deleteWebhookAction(initialActionState, form({ orgId: s.orgId, endpointId: p.endpointId!, confirmDelete: 'yes' })),
  },
  replayWebhookDeliveryAction: {
    allowed: ['admin'],
    prepare: async (s) => {
      const endpointId = await scenarioWebhook(s);
      const [dead] = await db
        .insert(webhookDeliveries)
        .values({
          orgId: s.orgId,
          endpointId,
          seq: 1,
          kind: 'organization.created',
          status: 'dead',
          attempts: 8,
          nextAttemptAt: new Date(),
          createdAt: new Date(),
        })
        .returning({ id: webhookDeliveries.id });
      return { deliveryId: dead!.id };
    },
    run: (s, p) => webhookActions.replayWebhookDeliveryAction(initialActionState, form({ orgId: s.orgId, deliveryId: p.deliveryId! })),
  },
};
