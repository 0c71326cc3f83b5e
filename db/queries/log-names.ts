import 'server-only';
import { and, eq, inArray, isNotNull, like } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { logActorNames, memberships, users } from '@/db/schema';
import { deletedAccountLabel } from '@/lib/transparency/actor-name';
import { deletedEmailDomain } from './users';

// The names the public log shows: today's member names, and each entry's actor name as recorded then.

/**
 * Display names of this organization's members among `userIds` (people the log mentions).
 * Names only: public pages never show e-mail addresses. A deleted account is named by `deletedLabel` (English by default:
 * "deleted-… (deleted account)").
 */
export async function listMemberNames(
  db: Executor,
  orgId: string,
  userIds: readonly string[],
  deletedLabel: (pseudonym: string) => string = deletedAccountLabel,
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)].slice(0, 1000);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, ids), isNotNull(users.name)));
  // A deleted account is shown by its pseudonym (the address column holds `<pseudonym>@invalid`; the
  // pseudonym is already public in the log's `account.deleted` entries). Never any other address.
  const deleted = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), like(users.email, `deleted-%${deletedEmailDomain}`)));
  const names = new Map(rows.map((r) => [r.id, r.name!]));
  for (const d of deleted) names.set(d.id, deletedLabel(d.email.slice(0, -deletedEmailDomain.length)));
  return names;
}

/**
 * The actor's name as recorded with each of these entries, by seq: null where the actor had no
 * name then. An entry without a record (no actor, or written before names were recorded) is absent.
 */
export async function listRecordedActorNames(
  db: Executor,
  orgId: string,
  entries: readonly { seq: number; actorId: string | null }[],
): Promise<Map<number, string | null>> {
  const wanted = entries.filter((e) => e.actorId !== null).slice(0, 1000);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ seq: logActorNames.seq, actorId: logActorNames.actorId, name: logActorNames.name })
    .from(logActorNames)
    .where(
      and(
        eq(logActorNames.orgId, orgId),
        inArray(
          logActorNames.seq,
          wanted.map((e) => e.seq),
        ),
      ),
    );
  const actorOf = new Map(wanted.map((e) => [e.seq, e.actorId]));
  // A record counts only for the actor the hashed entry names.
  return new Map(rows.filter((r) => actorOf.get(r.seq) === r.actorId).map((r) => [r.seq, r.name]));
}
