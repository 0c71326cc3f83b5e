import 'server-only';
import type { Executor } from '@/db/client';
import type { NotificationPayload } from './payload';
import { enqueueNotice, mergeRecipients } from './outbox';

/**
 * A written consent's notices to its frozen signers, mandatory (kinds.ts says why): when it opens,
 * and once when it ends (adopted, expired, lapsed or withdrawn), in the event's own transaction.
 * The event key makes each notice once per consent.
 */
export async function enqueueWrittenConsentNotice(
  tx: Executor,
  p: {
    orgId: string;
    consentId: string;
    number: number;
    title: string;
    bodyName: string;
    event: NonNullable<NotificationPayload['consentEvent']>;
    expiresAt: Date;
    signers: string[];
    at: Date;
  },
): Promise<number> {
  return enqueueNotice(tx, {
    orgId: p.orgId,
    key: `written-consent-${p.event === 'opened' ? 'opened' : 'ended'}:${p.consentId}`,
    kind: 'written_consent',
    payload: { consentNumber: p.number, title: p.title, bodyName: p.bodyName, consentEvent: p.event, expiresAt: p.expiresAt.toISOString() },
    recipients: mergeRecipients(p.signers, []),
    at: p.at,
  });
}
