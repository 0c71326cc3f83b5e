import 'server-only';
import type { Database } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { listUnsettledConsents, lockUnsettledConsent, markConsentExpiryLogged, markConsentLapsed } from '@/db/queries/written-consents';
import { awaitingSignatures, writtenConsentPhase } from '@/lib/governance/written-consent';
import { consentSubject, loadConsentForChange, notify } from './written-consents';

/**
 * The worker's pass over unsettled written consents, each in its own transaction, locked SKIP
 * LOCKED: one whose period ended without every signature gets `written_consent.expired` once; one
 * whose frozen signer left the body first gets `written_consent.lapsed` (and can never be adopted).
 * Every signer is told either way. Returns how many entries it logged.
 */
export async function recordEndedWrittenConsents(db: Database, at: Date): Promise<number> {
  let logged = 0;
  for (const { id } of await listUnsettledConsents(db)) {
    logged += await db.transaction(async (tx) => {
      const row = await lockUnsettledConsent(tx, id);
      if (!row) return 0;
      const { record, signers } = await loadConsentForChange(tx, row);
      const phase = writtenConsentPhase(record, at);
      if (phase.kind === 'expired') {
        await markConsentExpiryLogged(tx, row.id, at);
        await appendLogEntry(tx, {
          orgId: row.orgId,
          actorId: null,
          kind: 'written_consent.expired',
          subject: consentSubject(row.id),
          payload: {
            number: row.number,
            bodyKey: row.bodyKey,
            expiresAt: row.expiresAt.toISOString(),
            signatures: record.signed.length,
            of: record.signers.length,
            unsigned: awaitingSignatures(record),
          },
          at,
        });
        await notify(tx, row, 'expired', null, signers, at);
        return 1;
      }
      if (phase.kind === 'lapsed') {
        await markConsentLapsed(tx, row.id, at);
        await appendLogEntry(tx, {
          orgId: row.orgId,
          actorId: null,
          kind: 'written_consent.lapsed',
          subject: consentSubject(row.id),
          payload: { number: row.number, bodyKey: row.bodyKey, departed: record.departed, signatures: record.signed.length, of: record.signers.length },
          at,
        });
        await notify(tx, row, 'lapsed', null, signers, at);
        return 1;
      }
      return 0;
    });
  }
  return logged;
}
