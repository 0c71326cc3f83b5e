/** The authorization matrix, written consent, petitions, meetings, witnesses and webhooks: see ./scenario.ts. */

import { eq } from 'drizzle-orm';
import { meetingRollCalls, webhookDeliveries } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { witnessVerifierKey } from '@/lib/log/cosignature';
import { addWitness } from '@/lib/transparency/witnesses';
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
    run: async (s) =>
      writtenConsentActions.signWrittenConsentAction(initialActionState, form({ orgId: s.orgId, consentId: await scenarioConsent(s), confirm: 'yes' })),
  },
  // Only the seat holder signed: nobody revokes another's signature.
  revokeWrittenConsentSignatureAction: {
    allowed: ['seatHolder'],
    run: async (s) =>
      writtenConsentActions.revokeWrittenConsentSignatureAction(
        initialActionState,
        form({ orgId: s.orgId, consentId: await scenarioConsent(s, { seatHolderSigned: true }), confirm: 'yes' }),
      ),
  },
  // Whoever opened it (the seat holder) or an admin withdraws it.
  withdrawWrittenConsentAction: {
    allowed: ['seatHolder', 'admin'],
    run: async (s) =>
      writtenConsentActions.withdrawWrittenConsentAction(initialActionState, form({ orgId: s.orgId, consentId: await scenarioConsent(s), confirm: 'yes' })),
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
    run: async (s) => petitionActions.signPetitionAction(initialActionState, form({ orgId: s.orgId, petitionId: await scenarioPetition(s), confirm: 'yes' })),
  },
  // Only the member signed: nobody revokes another's signature.
  revokePetitionSignatureAction: {
    allowed: ['member'],
    run: async (s) =>
      petitionActions.revokePetitionSignatureAction(
        initialActionState,
        form({ orgId: s.orgId, petitionId: await scenarioPetition(s, { memberSigned: true }), confirm: 'yes' }),
      ),
  },
  // The answering body's answer is recorded by a secretary or admin (as voting is opened); a seat alone does not.
  answerPetitionAction: {
    allowed: ['secretary', 'admin'],
    run: async (s) =>
      petitionActions.answerPetitionAction(
        initialActionState,
        form({
          orgId: s.orgId,
          petitionId: await scenarioPetition(s, { thresholdReached: true }),
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
    run: async (s) => meetingActions.updateMeetingAction(initialActionState, meetingForm(s, { meetingId: await scenarioMeeting(s) })),
  },
  cancelMeetingAction: {
    allowed: ['secretary', 'admin'],
    run: async (s) =>
      meetingActions.cancelMeetingAction(initialActionState, form({ orgId: s.orgId, meetingId: await scenarioMeeting(s), reason: 'A forged cancellation.' })),
  },
  recordAttendanceAction: {
    allowed: ['secretary', 'admin'],
    run: async (s) =>
      meetingActions.recordAttendanceAction(
        initialActionState,
        form({ orgId: s.orgId, meetingId: await scenarioMeeting(s, { started: true }), userId: s.ids.seatHolder, status: 'present' }),
      ),
  },
  // Only the attendee answers for their own record.
  answerAttendanceAction: {
    allowed: ['seatHolder'],
    run: async (s) =>
      meetingActions.answerAttendanceAction(
        initialActionState,
        form({ orgId: s.orgId, meetingId: await scenarioMeeting(s, { started: true, seatHolderRecorded: true }), answer: 'confirmed' }),
      ),
  },
  // The secretary or an admin records a roll call once the meeting has started.
  recordRollCallAction: {
    allowed: ['secretary', 'admin'],
    run: async (s) =>
      rollCallActions.recordRollCallAction(
        initialActionState,
        form({
          orgId: s.orgId,
          meetingId: await scenarioMeeting(s, { started: true, seatHolderRecorded: true }),
          motion: 'A forged motion',
          [`vote:${s.ids.seatHolder}`]: 'yes',
        }),
      ),
  },
  // Each board seat holder has a recorded vote (yes, or absent) and answers only for their own; others have none.
  answerRollCallVoteAction: {
    allowed: ['seatedObserver', 'seatHolder', 'recusedSeatHolder', 'admin'],
    run: async (s) => {
      const meetingId = await scenarioMeeting(s, { started: true, seatHolderRecorded: true });
      const admin = { userId: s.ids.admin, role: 'admin' as const };
      const votes = [{ userId: s.ids.seatHolder, vote: 'yes' as const }];
      await recordRollCall(db, admin, { orgId: s.orgId, meetingId, agendaItem: null, motion: 'A motion', votes }, new Date());
      const [rc] = await db.select({ id: meetingRollCalls.id }).from(meetingRollCalls).where(eq(meetingRollCalls.meetingId, meetingId));
      return rollCallActions.answerRollCallVoteAction(initialActionState, form({ orgId: s.orgId, meetingId, rollCallId: rc!.id, answer: 'confirmed' }));
    },
  },
  // Minutes are drafted by a secretary or an admin, and approved by the body's seat holders (not by an office alone).
  draftMinutesAction: {
    allowed: ['secretary', 'admin'],
    run: async (s) =>
      minutesActions.draftMinutesAction(
        initialActionState,
        form({ orgId: s.orgId, meetingId: await scenarioMeeting(s, { started: true }), text: 'Forged minutes of a meeting, long enough.' }),
      ),
  },
  answerMinutesAction: {
    allowed: ['seatHolder', 'recusedSeatHolder', 'admin'],
    run: async (s) =>
      minutesActions.answerMinutesAction(
        initialActionState,
        form({ orgId: s.orgId, meetingId: await scenarioMeeting(s, { started: true, minutesDrafted: true }), revision: '1', answer: 'approve' }),
      ),
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
    run: async (s) => {
      const { id } = await addWitness(db, {
        orgId: s.orgId,
        actorId: s.ids.admin,
        verifierKey: witnessVerifierKey(`w${nextId()}.example`, new Uint8Array(32).fill(4)),
        at: new Date(),
      });
      return witnessActions.removeWitnessAction(initialActionState, form({ orgId: s.orgId, witnessId: id }));
    },
  },
  // Webhooks: the organization's admins only. A public IP literal needs no DNS and passes the SSRF check.
  registerWebhookAction: {
    allowed: ['admin'],
    run: (s) => webhookActions.registerWebhookAction(initialActionState, form({ orgId: s.orgId, url: 'https://93.184.216.34/hook', events: 'all' })),
  },
  setWebhookEnabledAction: {
    allowed: ['admin'],
    run: async (s) =>
      webhookActions.setWebhookEnabledAction(initialActionState, form({ orgId: s.orgId, endpointId: await scenarioWebhook(s), enabled: 'false' })),
  },
  deleteWebhookAction: {
    allowed: ['admin'],
    run: async (s) =>
      webhookActions.deleteWebhookAction(initialActionState, form({ orgId: s.orgId, endpointId: await scenarioWebhook(s), confirmDelete: 'yes' })),
  },
  replayWebhookDeliveryAction: {
    allowed: ['admin'],
    run: async (s) => {
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
      return webhookActions.replayWebhookDeliveryAction(initialActionState, form({ orgId: s.orgId, deliveryId: dead!.id }));
    },
  },
};
