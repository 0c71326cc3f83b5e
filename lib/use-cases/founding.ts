import 'server-only';
import type { Database, Executor } from '@/db/client';
import { getActiveCharter, insertCharter, listSeatsWhoseHoldersAct } from '@/db/queries/charters';
import { appendLogEntry, lockLogHead } from '@/db/queries/log';
import { insertOrganization } from '@/db/queries/organizations';
import { anyProposalPublished } from '@/db/queries/proposal-changes';
import { fillSeat, findSeat, insertVacantSeats, seatsHeldInBody } from '@/db/queries/seats';
import { validateCharter } from '@/lib/governance/charter';
import { canFoundingAppoint } from '@/lib/governance/founding';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { seatClassesFor } from '@/lib/governance/seat-class';
import type { Charter } from '@/lib/governance/types';
import { isStranded } from '@/lib/governance/vacancy';
import { charterHash } from '@/lib/log/charter-hash';
import { seatHolderRoleRefusal } from './actor';
import type { Actor } from './actor';
import { requireOrganizationWritable } from './writable';

/**
 * Founding an organization: its row, the `organization.created` entry and the founding charter
 * (`adoptFoundingCharter`), in the caller's transaction.
 */
export async function foundOrganization(
  tx: Executor,
  params: { slug: string; name: string; mission: string; createdBy: string; templateKey: string | null; charter: Charter; at: Date },
): Promise<{ id: string; slug: string }> {
  const { createdBy: actorId, at } = params;
  const created = await insertOrganization(tx, { slug: params.slug, name: params.name, mission: params.mission, createdBy: actorId, at });
  await appendLogEntry(tx, {
    orgId: created.id,
    actorId,
    kind: 'organization.created',
    subject: `organization:${created.id}`,
    payload: { slug: created.slug, name: params.name },
    at,
  });
  await adoptFoundingCharter(tx, { orgId: created.id, actorId, templateKey: params.templateKey, charter: params.charter, at });
  return created;
}

/** The founding act: charter version 1 and its (vacant) seats, logged. Runs inside the org-creation transaction. */
export async function adoptFoundingCharter(
  tx: Executor,
  params: { orgId: string; actorId: string; templateKey: string | null; charter: Charter; at: Date },
): Promise<void> {
  const valid = validateCharter(params.charter);
  if (!valid.ok) refuse('charter.invalid', { errors: valid.errors.join(' ') });
  const document = { ...params.charter, version: 1 };
  const documentHash = charterHash(document);
  await insertCharter(tx, { orgId: params.orgId, version: 1, templateKey: params.templateKey, document, documentHash, adoptedAt: params.at });
  for (const body of document.bodies) {
    await insertVacantSeats(tx, { orgId: params.orgId, bodyKey: body.key, firstPosition: 1, seatClasses: seatClassesFor(body), at: params.at });
  }
  await appendLogEntry(tx, {
    orgId: params.orgId,
    actorId: params.actorId,
    kind: 'charter.adopted',
    subject: 'charter:1',
    payload: { version: 1, documentHash, templateKey: params.templateKey, bodies: document.bodies.map((b) => ({ key: b.key, charterSeats: b.charterSeats })) },
    at: params.at,
  });
}

/** Founding appointments: only before the first proposal is published, by an admin, logged. */
export async function foundingAppoint(db: Database, actor: Actor, input: { orgId: string; seatId: string; userId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    const seat = await findSeat(tx, input.orgId, input.seatId, { forUpdate: true });
    if (!seat) refuse('seat.not_found');
    const holdsInBody = await seatsHeldInBody(tx, input.orgId, seat!.bodyKey, input.userId);
    // The first publication locks the log head before it closes founding appointments: queued
    // behind it, this appointment sees the publication.
    await lockLogHead(tx, input.orgId);
    const published = await anyProposalPublished(tx, input.orgId);
    // After the founding period, only a body nobody in office may refill reopens to founding appointments.
    const charter = published ? await getActiveCharter(tx, input.orgId) : null;
    const stranded = Boolean(
      charter &&
      charter.document.bodies.some((b) => b.key === seat!.bodyKey) &&
      isStranded(charter.document, seat!.bodyKey, await listSeatsWhoseHoldersAct(tx, input.orgId)),
    );
    const rule = canFoundingAppoint({
      role: actor.role,
      anyProposalPublished: published,
      seatVacant: seat!.holderUserId === null,
      // A seat votes: an observer (who never votes) cannot be seated, even at the founding.
      appointeeIsMember: (await seatHolderRoleRefusal(tx, input.orgId, input.userId, { advise: false })) === null,
      appointeeHoldsSeatInBody: holdsInBody.length > 0,
      bodyStranded: stranded,
    });
    if (!rule.ok) refuseRule(rule);
    await fillSeat(tx, seat!.id, input.userId, at);
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'seat.founding_appointment',
      subject: `seat:${seat!.id}`,
      payload: {
        bodyKey: seat!.bodyKey,
        position: seat!.position,
        seatClass: seat!.seatClass,
        holderId: input.userId,
        // Said in the log itself: this appointment was made after the founding period closed.
        ...(published ? { reopened: true, reason: 'Nobody in office could fill this body’s vacancies, so founding appointments reopened for it.' } : {}),
      },
      at,
    });
  });
}
