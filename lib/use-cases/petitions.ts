import 'server-only';
import { createHash } from 'node:crypto';
import type { Database, Executor } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { appendAfterLockedHead, appendLogEntry, lockLogHead } from '@/db/queries/log';
import {
  countEligibleSigners,
  insertPetition,
  insertSignature,
  liveSignatureOf,
  lockPetition,
  markThresholdReached,
  nextPetitionNumber,
  recordPetitionAnswer,
  petitionsSignedBy,
  revokeSignature,
  signerFacts,
} from '@/db/queries/petitions';
import type { PetitionRow } from '@/db/queries/petitions';
import { petitionRecord } from '@/db/queries/petitions';
import {
  answerDueAt,
  checkAnswer,
  checkMaySign,
  checkRevoke,
  checkSign,
  petitionPhase,
  petitionThreshold,
  requiredSignatures,
  takesSignatures,
  thresholdReached,
} from '@/lib/governance/petition';
import type { Constituency } from '@/lib/governance/petition';
import type { Charter } from '@/lib/governance/types';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { enqueuePetitionThreshold, enqueuePetitionUpdate } from '@/lib/notify/petition-notices';
import type { Actor } from './actor';
import { requireOrganizationWritable } from './writable';

const subject = (id: string) => `petition:${id}`;

/**
 * A member opens a petition to the charter's answering body, for all members or for their own
 * stakeholder group. The charter's rules are copied onto it: the signatures needed (of the
 * members who may sign now), the periods, whether names are public. Logs `petition.opened`.
 */
export async function openPetition(
  db: Database,
  actor: Actor,
  input: { orgId: string; title: string; body: string; forGroup: boolean },
  at: Date,
): Promise<{ id: string; number: number }> {
  return db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const charter = await getActiveCharter(tx, input.orgId);
    const spec = charter?.document.petitions;
    if (!charter || !spec) refuse('petition.none_in_charter');
    const facts = await signerFacts(tx, input.orgId, actor.userId);
    if (input.forGroup && facts.role !== null && facts.stakeholderGroup === null) refuse('petition.opener_no_group', undefined, 'constituency');
    const constituency: Constituency =
      input.forGroup && facts.stakeholderGroup !== null ? { kind: 'stakeholder_group', group: facts.stakeholderGroup } : { kind: 'all_members' };
    const may = checkMaySign(facts, constituency);
    if (!may.ok) refuseRule(may);
    // The log head first: it serializes numbering within the organization.
    const head = await lockLogHead(tx, input.orgId);
    const group = constituency.kind === 'stakeholder_group' ? constituency.group : null;
    const eligible = await countEligibleSigners(tx, input.orgId, group);
    const required = requiredSignatures(petitionThreshold(spec!, constituency), eligible);
    const row = await insertPetition(tx, {
      orgId: input.orgId,
      number: await nextPetitionNumber(tx, input.orgId),
      title: input.title,
      body: input.body,
      stakeholderGroup: group,
      answeringBodyKey: spec!.answeringBodyKey,
      charterVersion: charter!.version,
      openedBy: actor.userId,
      openedAt: at,
      eligibleAtOpen: eligible,
      requiredSignatures: required,
      signingDays: spec!.signingDays,
      answerWithinDays: spec!.answerWithinDays,
      signerNamesPublic: spec!.signerNamesPublic,
    });
    await appendAfterLockedHead(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'petition.opened',
      subject: subject(row.id),
      payload: {
        number: row.number,
        title: row.title,
        bodySha256: createHash('sha256').update(row.body, 'utf8').digest('hex'),
        group,
        answeringBodyKey: row.answeringBodyKey,
        eligible,
        requiredSignatures: required,
        signingDays: row.signingDays,
        answerWithinDays: row.answerWithinDays,
        signerNamesPublic: row.signerNamesPublic,
        charterVersion: row.charterVersion,
      },
      at,
    });
    return { id: row.id, number: row.number };
  });
}

/** The petition locked, with the organization writable; refuses an unknown one. */
async function lockOrRefuse(tx: Executor, orgId: string, petitionId: string): Promise<PetitionRow> {
  await requireOrganizationWritable(tx, orgId);
  const row = await lockPetition(tx, orgId, petitionId);
  if (!row) refuse('petition.not_found');
  return row!;
}

/**
 * A member of the petition's constituency signs it, once. The count moves in the same
 * transaction; the signature that reaches the threshold records it, logs
 * `petition.threshold_reached` and mails every seat holder of the answering body (mandatory).
 * Where the charter keeps names private, the log entry names nobody.
 */
export async function signPetition(
  db: Database,
  actor: Actor,
  input: { orgId: string; petitionId: string },
  at: Date,
): Promise<{ count: number; thresholdReached: boolean }> {
  return db.transaction(async (tx) => {
    // The membership first (FOR SHARE), then the petition: the order endMembership takes them in.
    const facts = await signerFacts(tx, input.orgId, actor.userId, { lock: true });
    const row = await lockOrRefuse(tx, input.orgId, input.petitionId);
    const existing = await liveSignatureOf(tx, row.id, actor.userId);
    const rule = checkSign(petitionRecord(row), facts, existing !== null, at);
    if (!rule.ok) refuseRule(rule);
    const count = await insertSignature(tx, row.id, actor.userId, at);
    await appendLogEntry(tx, {
      orgId: row.orgId,
      actorId: row.signerNamesPublic ? actor.userId : null,
      kind: 'petition.signed',
      subject: subject(row.id),
      payload: { number: row.number, count },
      at,
    });
    const reachedNow = row.thresholdReachedAt === null && thresholdReached(count, row.requiredSignatures);
    if (reachedNow) await recordThreshold(tx, row, count, at);
    return { count, thresholdReached: reachedNow || row.thresholdReachedAt !== null };
  });
}

async function recordThreshold(tx: Executor, row: PetitionRow, count: number, at: Date): Promise<void> {
  const dueAt = answerDueAt(at, row.answerWithinDays);
  await markThresholdReached(tx, row.id, at, dueAt);
  await appendLogEntry(tx, {
    orgId: row.orgId,
    actorId: null,
    kind: 'petition.threshold_reached',
    subject: subject(row.id),
    payload: {
      number: row.number,
      count,
      requiredSignatures: row.requiredSignatures,
      answeringBodyKey: row.answeringBodyKey,
      answerDueAt: dueAt.toISOString(),
    },
    at,
  });
  const charter = await getActiveCharter(tx, row.orgId);
  const bodyName = (charter && findBodyName(charter.document, row.answeringBodyKey)) ?? row.answeringBodyKey;
  await enqueuePetitionThreshold(tx, {
    orgId: row.orgId,
    petitionId: row.id,
    number: row.number,
    title: row.title,
    bodyKey: row.answeringBodyKey,
    bodyName,
    signatures: count,
    answerDueAt: dueAt,
    at,
  });
}

/**
 * The signer revokes their live signature while signatures are taken. A threshold once reached
 * stays reached: the body owes its answer even if signatures are later withdrawn.
 */
export async function revokePetitionSignature(db: Database, actor: Actor, input: { orgId: string; petitionId: string }, at: Date): Promise<{ count: number }> {
  return db.transaction(async (tx) => {
    const row = await lockOrRefuse(tx, input.orgId, input.petitionId);
    const existing = await liveSignatureOf(tx, row.id, actor.userId);
    const rule = checkRevoke(petitionRecord(row), existing !== null, at);
    if (!rule.ok) refuseRule(rule);
    const count = await revokeSignature(tx, row.id, existing!.id, at);
    await appendLogEntry(tx, {
      orgId: row.orgId,
      actorId: row.signerNamesPublic ? actor.userId : null,
      kind: 'petition.signature_revoked',
      subject: subject(row.id),
      payload: { number: row.number, count },
      at,
    });
    return { count };
  });
}

/**
 * A member who leaves or is removed no longer counts among the signers of a petition still taking
 * signatures: each such live signature lapses (`petition.signature_lapsed`, with the new count and
 * why), in the transaction that ends the membership, after the membership row is gone (a signature
 * racing the departure holds that row FOR SHARE, so it commits first and is lapsed here, or waits
 * and is refused). A threshold once reached stays reached, as with a revocation; a petition no
 * longer taking signatures keeps its record as it closed.
 */
export async function lapseSignaturesOf(
  tx: Executor,
  p: { orgId: string; userId: string; reason: 'left' | 'removed' | 'account_deleted'; at: Date },
): Promise<number> {
  let lapsed = 0;
  for (const petitionId of await petitionsSignedBy(tx, p.orgId, p.userId)) {
    const row = await lockPetition(tx, p.orgId, petitionId);
    if (!row || !takesSignatures(petitionPhase(petitionRecord(row), p.at))) continue;
    const existing = await liveSignatureOf(tx, row.id, p.userId);
    if (!existing) continue;
    const count = await revokeSignature(tx, row.id, existing.id, p.at);
    await appendLogEntry(tx, {
      orgId: row.orgId,
      actorId: row.signerNamesPublic ? p.userId : null,
      kind: 'petition.signature_lapsed',
      subject: subject(row.id),
      payload: { number: row.number, count, reason: p.reason },
      at: p.at,
    });
    lapsed++;
  }
  return lapsed;
}

/** A secretary or admin records the answering body's public answer; logged with the text and whether it came late. */
export async function answerPetition(
  db: Database,
  actor: Actor,
  input: { orgId: string; petitionId: string; answer: string },
  at: Date,
): Promise<{ late: boolean }> {
  return db.transaction(async (tx) => {
    const row = await lockOrRefuse(tx, input.orgId, input.petitionId);
    const facts = await signerFacts(tx, input.orgId, actor.userId);
    const charter = await getActiveCharter(tx, input.orgId);
    const bodyName = (charter && findBodyName(charter.document, row.answeringBodyKey)) ?? row.answeringBodyKey;
    const rule = checkAnswer(petitionRecord(row), facts.role, bodyName, at);
    if (!rule.ok) refuseRule(rule);
    await recordPetitionAnswer(tx, row.id, { answer: input.answer, by: actor.userId, at });
    const phase = petitionPhase({ ...petitionRecord(row), answeredAt: at }, at);
    const late = phase.kind === 'answered' && phase.late;
    await appendLogEntry(tx, {
      orgId: row.orgId,
      actorId: actor.userId,
      kind: 'petition.answered',
      subject: subject(row.id),
      payload: { number: row.number, answeringBodyKey: row.answeringBodyKey, answer: input.answer, answerDueAt: row.answerDueAt?.toISOString() ?? null, late },
      at,
    });
    await enqueuePetitionUpdate(tx, {
      orgId: row.orgId,
      petitionId: row.id,
      number: row.number,
      title: row.title,
      openedBy: row.openedBy,
      bodyKey: row.answeringBodyKey,
      bodyName,
      event: 'answered',
      late,
      answerDueAt: row.answerDueAt,
      at,
    });
    return { late };
  });
}

function findBodyName(charter: Charter, key: string): string | null {
  return charter.bodies.find((b) => b.key === key)?.name ?? null;
}
