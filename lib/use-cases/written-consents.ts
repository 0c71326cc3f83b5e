import 'server-only';
import { createHash } from 'node:crypto';
import type { Database, Executor } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { appendAfterLockedHead, appendLogEntry, lockLogHead } from '@/db/queries/log';
import { roleOf } from '@/db/queries/member-lookups';
import {
  insertConsentSignature,
  insertConsentSigners,
  insertWrittenConsent,
  listConsentSigners,
  listLiveConsentSignatures,
  lockedSeatHolders,
  lockWrittenConsent,
  markConsentAdopted,
  markConsentWithdrawn,
  nextWrittenConsentNumber,
  revokeConsentSignature,
  writtenConsentRecord,
} from '@/db/queries/written-consents';
import type { WrittenConsentRow } from '@/db/queries/written-consents';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import {
  checkOpenWrittenConsent,
  checkRevokeWrittenConsent,
  checkSignWrittenConsent,
  checkWithdrawWrittenConsent,
  signatureAdopts,
  writtenConsentExpiresAt,
  writtenConsentSpecOf,
} from '@/lib/governance/written-consent';
import type { WrittenConsentRecord } from '@/lib/governance/written-consent';
import type { NotificationPayload } from '@/lib/notify/payload';
import { enqueueWrittenConsentNotice } from '@/lib/notify/written-consent-notices';
import type { Actor } from './actor';
import { requireOrganizationWritable } from './writable';

export const consentSubject = (id: string) => `written_consent:${id}`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A seat holder of the body (or an admin) opens a written consent: the body's current seat
 * holders become its frozen signer set, logged by name with their seats, and each is mailed a
 * mandatory notice. The charter's period is copied onto it. Logs `written_consent.opened` with
 * the resolution's text and its hash: what is adopted is exactly what was opened.
 */
export async function openWrittenConsent(
  db: Database,
  actor: Actor,
  input: { orgId: string; bodyKey: string; title: string; body: string },
  at: Date,
): Promise<{ id: string; number: number }> {
  return db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const charter = await getActiveCharter(tx, input.orgId);
    const body = charter?.document.bodies.find((b) => b.key === input.bodyKey);
    if (!charter || !body) refuse('written_consent.unknown_body', { body: input.bodyKey }, 'bodyKey');
    // The log head first: it serializes numbering within the organization.
    const head = await lockLogHead(tx, input.orgId);
    const holders = await lockedSeatHolders(tx, input.orgId, body!.key);
    const role = await roleOf(tx, input.orgId, actor.userId);
    const rule = checkOpenWrittenConsent({ role, holdsSeat: holders.some((h) => h.userId === actor.userId) }, body!, holders.length);
    if (!rule.ok) refuseRule(rule, 'bodyKey');
    const { expiresAfterDays } = writtenConsentSpecOf(charter!.document);
    const expiresAt = writtenConsentExpiresAt(at, expiresAfterDays);
    const row = await insertWrittenConsent(tx, {
      orgId: input.orgId,
      number: await nextWrittenConsentNumber(tx, input.orgId),
      bodyKey: body!.key,
      title: input.title,
      body: input.body,
      charterVersion: charter!.version,
      openedBy: actor.userId,
      openedAt: at,
      expiresAfterDays,
      expiresAt,
      charterSeats: body!.charterSeats,
    });
    await insertConsentSigners(tx, row.id, holders);
    await appendAfterLockedHead(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'written_consent.opened',
      subject: consentSubject(row.id),
      payload: {
        number: row.number,
        title: row.title,
        text: row.body,
        textSha256: sha256(row.body),
        bodyKey: row.bodyKey,
        charterSeats: row.charterSeats,
        signers: holders.map((h) => ({ userId: h.userId, seat: h.seatPosition })),
        expiresAfterDays,
        expiresAt: expiresAt.toISOString(),
        charterVersion: row.charterVersion,
      },
      at,
    });
    await notify(
      tx,
      row,
      'opened',
      body!.name,
      holders.map((h) => h.userId),
      at,
    );
    return { id: row.id, number: row.number };
  });
}

/** The consent locked, with its rules' record (frozen signers, live signatures, departures now). */
export async function loadConsentForChange(tx: Executor, row: WrittenConsentRow): Promise<{ record: WrittenConsentRecord; signers: string[] }> {
  const [signers, signed, holders] = await Promise.all([
    listConsentSigners(tx, [row.id]),
    listLiveConsentSignatures(tx, [row.id]),
    lockedSeatHolders(tx, row.orgId, row.bodyKey),
  ]);
  const frozen = signers.get(row.id) ?? [];
  const record = writtenConsentRecord(
    row,
    frozen,
    (signed.get(row.id) ?? []).map((s) => s.userId),
    holders.map((h) => h.userId),
  );
  return { record, signers: frozen.flatMap((s) => (s.userId ? [s.userId] : [])) };
}

async function lockOrRefuse(tx: Executor, orgId: string, consentId: string): Promise<WrittenConsentRow> {
  await requireOrganizationWritable(tx, orgId);
  const row = await lockWrittenConsent(tx, orgId, consentId);
  if (!row) refuse('written_consent.not_found');
  return row!;
}

export async function notify(
  tx: Executor,
  row: WrittenConsentRow,
  event: NonNullable<NotificationPayload['consentEvent']>,
  bodyName: string | null,
  signers: string[],
  at: Date,
): Promise<void> {
  const name = bodyName ?? (await getActiveCharter(tx, row.orgId))?.document.bodies.find((b) => b.key === row.bodyKey)?.name ?? row.bodyKey;
  await enqueueWrittenConsentNotice(tx, {
    orgId: row.orgId,
    consentId: row.id,
    number: row.number,
    title: row.title,
    bodyName: name,
    event,
    expiresAt: row.expiresAt,
    signers,
    at,
  });
}

/**
 * A frozen signer signs, once, while it is open. The signature that completes the set adopts it
 * in the same transaction: `written_consent.adopted` is logged with every signer, and all of them
 * are told. A signer who left the body, or an expired, withdrawn or adopted consent, is refused.
 */
export async function signWrittenConsent(
  db: Database,
  actor: Actor,
  input: { orgId: string; consentId: string },
  at: Date,
): Promise<{ signatures: number; of: number; adopted: boolean }> {
  return db.transaction(async (tx) => {
    const row = await lockOrRefuse(tx, input.orgId, input.consentId);
    const { record, signers } = await loadConsentForChange(tx, row);
    const role = await roleOf(tx, input.orgId, actor.userId);
    const rule = checkSignWrittenConsent(record, { userId: actor.userId, role }, at);
    if (!rule.ok) refuseRule(rule);
    await insertConsentSignature(tx, row.id, actor.userId, at);
    const signatures = record.signed.length + 1;
    const of = record.signers.length;
    await appendLogEntry(tx, {
      orgId: row.orgId,
      actorId: actor.userId,
      kind: 'written_consent.signed',
      subject: consentSubject(row.id),
      payload: { number: row.number, bodyKey: row.bodyKey, signatures, of },
      at,
    });
    const adopted = signatureAdopts(record, actor.userId);
    if (adopted) {
      await markConsentAdopted(tx, row.id, at);
      await appendLogEntry(tx, {
        orgId: row.orgId,
        actorId: null,
        kind: 'written_consent.adopted',
        subject: consentSubject(row.id),
        payload: { number: row.number, bodyKey: row.bodyKey, textSha256: sha256(row.body), signers: record.signers, adoptedAt: at.toISOString() },
        at,
      });
      await notify(tx, row, 'adopted', null, signers, at);
    }
    return { signatures, of, adopted };
  });
}

/** A signer revokes their live signature before the last one is given (logged). */
export async function revokeWrittenConsentSignature(
  db: Database,
  actor: Actor,
  input: { orgId: string; consentId: string },
  at: Date,
): Promise<{ signatures: number; of: number }> {
  return db.transaction(async (tx) => {
    const row = await lockOrRefuse(tx, input.orgId, input.consentId);
    const { record } = await loadConsentForChange(tx, row);
    const rule = checkRevokeWrittenConsent(record, actor.userId, at);
    if (!rule.ok) refuseRule(rule);
    await revokeConsentSignature(tx, row.id, actor.userId, at);
    const signatures = record.signed.length - 1;
    const of = record.signers.length;
    await appendLogEntry(tx, {
      orgId: row.orgId,
      actorId: actor.userId,
      kind: 'written_consent.signature_revoked',
      subject: consentSubject(row.id),
      payload: { number: row.number, bodyKey: row.bodyKey, signatures, of },
      at,
    });
    return { signatures, of };
  });
}

/** Whoever opened it, or an admin, withdraws an open consent; logged, and every signer is told. */
export async function withdrawWrittenConsent(db: Database, actor: Actor, input: { orgId: string; consentId: string }, at: Date): Promise<{ number: number }> {
  return db.transaction(async (tx) => {
    const row = await lockOrRefuse(tx, input.orgId, input.consentId);
    const { record, signers } = await loadConsentForChange(tx, row);
    const role = await roleOf(tx, input.orgId, actor.userId);
    const rule = checkWithdrawWrittenConsent(record, { role, isOpener: row.openedBy === actor.userId }, at);
    if (!rule.ok) refuseRule(rule);
    await markConsentWithdrawn(tx, row.id, actor.userId, at);
    await appendLogEntry(tx, {
      orgId: row.orgId,
      actorId: actor.userId,
      kind: 'written_consent.withdrawn',
      subject: consentSubject(row.id),
      payload: { number: row.number, bodyKey: row.bodyKey, signatures: record.signed.length, of: record.signers.length },
      at,
    });
    await notify(tx, row, 'withdrawn', null, signers, at);
    return { number: row.number };
  });
}
