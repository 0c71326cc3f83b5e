import 'server-only';
import { getDb } from '@/db/client';
import { listActiveDelegationsBy } from '@/db/queries/delegations';
import { listPublicLogPage } from '@/db/queries/log-public';
import { listMemberPage } from '@/db/queries/member-list';
import { listPendingInvitations } from '@/db/queries/memberships';
import { latestWitnessings, listActiveWitnesses } from '@/db/queries/witnesses';
import { loadOrganizationBodies } from '@/db/read/overview';

/**
 * The /api/v1 reads of bodies and seats and of the decision log, from what the public pages
 * and the public log API already serve (db/read/overview.ts, db/queries/log-public.ts).
 */

/** Every body of the active charter: its seats with holders' names (never e-mail addresses), and each vacancy with its deadline (lib/governance/strength.ts). */
export async function loadApiBodies(orgId: string, at: Date) {
  const overview = await loadOrganizationBodies(getDb(), orgId, at);
  return {
    bodies: overview.bodies.map((b) => {
      const spec = overview.charter?.document.bodies.find((x) => x.key === b.key);
      const vacancyOf = new Map(b.strength.vacancies.map((v) => [v.seatId, v]));
      return {
        key: b.key,
        name: b.name,
        charterSeats: b.strength.charterSeats,
        filledSeats: b.strength.filled,
        vacantSeats: b.strength.vacant,
        unrecordedSeats: b.strength.unrecordedSeats,
        belowStrength: b.strength.isBelowStrength,
        atFullStrength: b.strength.isAtFullStrength,
        vacancyDeadlineDays: spec?.vacancyDeadlineDays ?? null,
        classShortfalls: b.strength.classShortfalls,
        seats: b.seats.map((s) => {
          const vacancy = vacancyOf.get(s.seatId);
          return {
            position: s.position,
            seatClass: s.seatClass,
            holder: s.holderName,
            vacant: s.holderUserId === null,
            vacatedAt: s.holderUserId === null ? s.vacatedAt : null,
            // Seat records beyond the charter's count have no deadline (they add no strength either).
            vacancyDueAt: vacancy?.dueAt ?? null,
            overdue: vacancy?.overdue ?? false,
          };
        }),
      };
    }),
  };
}

/**
 * One page of the decision log, newest first, as the public log serves it: entries below the
 * cursor (a sequence number), at most `limit`, of one kind if asked; each read from the bytes its
 * hash covers, with `problem` when it does not verify against its hash or its predecessor.
 */
export async function loadApiLogPage(orgId: string, page: { before: number | null; limit: number; kind?: string | undefined }) {
  const result = await listPublicLogPage(getDb(), orgId, page.kind ? { kind: page.kind } : {}, page.before === null ? {} : { before: page.before }, page.limit);
  return {
    entries: result.rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      kind: r.kind,
      subject: r.subject,
      actorId: r.actorId,
      payload: r.payload,
      prevHash: r.prevHash,
      hash: r.hash,
      entry: r.entry,
      problem: r.problem,
    })),
    next_cursor: result.hasOlder && result.rows.length > 0 ? String(result.rows.at(-1)!.seq) : null,
  };
}

/**
 * One page of the member list, as the members page reads it (db/queries/member-list.ts: admins,
 * secretaries, members, observers, each by e-mail), searched by name or e-mail when `q` is given.
 * With e-mail addresses: the route serves it to members only. The cursor is the next page's number.
 */
export async function loadApiMemberPage(orgId: string, query: { q: string; cursor: number | null; limit: number }) {
  const page = query.cursor ?? 1;
  const list = await listMemberPage(getDb(), orgId, { q: query.q, page, size: query.limit });
  return {
    members: list.rows.map((m) => ({
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      joinedAt: m.joinedAt,
      stakeholderGroup: m.stakeholderGroup,
      weight: m.weight,
    })),
    matching: list.matching,
    total: list.total,
    next_cursor: page * query.limit < list.matching ? String(page + 1) : null,
  };
}

/**
 * GET /api/v1/orgs/{slug}/invitations (admins): one page of the pending invitations, newest first, as the members page
 * lists them (the address, the name, the role, when and by whom), each with its id (the revoke and resend forms' hidden
 * membership id), and the next page's cursor (an offset; null on the last).
 */
export async function loadApiInvitationPage(orgId: string, page: { cursor: number | null; limit: number }) {
  const offset = page.cursor ?? 0;
  const rows = await listPendingInvitations(getDb(), orgId, { offset, limit: page.limit + 1 });
  return {
    invitations: rows.slice(0, page.limit).map((i) => ({
      id: i.membershipId,
      email: i.email,
      name: i.name,
      role: i.role,
      invitedAt: i.invitedAt.toISOString(),
      invitedByName: i.invitedByName,
    })),
    next_cursor: rows.length > page.limit ? String(offset + page.limit) : null,
  };
}

/**
 * GET /api/v1/orgs/{slug}/witnesses (admins): the registered witnesses of the decision log, oldest first, as the settings
 * page lists them: each one's id (to remove it), name, verifier key, when it was added and what it last cosigned (null: nothing yet).
 */
export async function loadApiWitnesses(orgId: string) {
  const db = getDb();
  const [active, witnessings] = await Promise.all([listActiveWitnesses(db, orgId), latestWitnessings(db, orgId)]);
  const last = new Map(witnessings.map((w) => [w.name, w]));
  return active.map((w) => {
    const cosigned = last.get(w.name);
    return {
      id: w.id,
      name: w.name,
      verifierKey: w.vkey,
      addedAt: w.addedAt.toISOString(),
      lastCosigned: cosigned && cosigned.size !== null && cosigned.time ? { size: cosigned.size, at: cosigned.time.toISOString() } : null,
    };
  });
}

/**
 * The caller's own active delegations, as "My delegations" lists them (at most one per scope, so
 * never paged): each with its id (to revoke it) and its scope as the form and the API take it.
 */
export async function loadApiMyDelegations(orgId: string, userId: string) {
  const rows = await listActiveDelegationsBy(getDb(), orgId, userId);
  return {
    delegations: rows.map((d) => ({
      id: d.id,
      delegate: { userId: d.delegateUserId, name: d.delegateName },
      scope: d.proposalId !== null ? `proposal:${d.proposalId}` : d.typeKey !== null ? `type:${d.typeKey}` : 'general',
      typeKey: d.typeKey,
      proposalNumber: d.proposalNumber,
      createdAt: d.createdAt,
    })),
  };
}
