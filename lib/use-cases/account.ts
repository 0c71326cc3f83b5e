import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { countAdminsForUpdate, countSeatsHeldForUpdate, deleteMembership } from '@/db/queries/memberships';
import { anonymizeUser, deletedEmailDomain, lockOwnMemberships, lockUser } from '@/db/queries/users';
import { checkAccountDeletion } from '@/lib/governance/account';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { lapseSignaturesOf } from './petitions';

/** A fresh pseudonym for a deleted account: random, so it says nothing about the person. */
export const newPseudonym = (): string => `deleted-${randomBytes(8).toString('hex')}`;

/**
 * A person deletes their account, in one transaction: the rules of leaving are checked in every
 * organization (a seat holder resigns first; the last admin stays), then each membership ends
 * with `account.deleted` in that organization's log (naming only the pseudonym), and the profile
 * is anonymized (name, address, sessions, pending mail). The decision log is never
 * rewritten: its entries keep the same user id, which from now on has no name or address.
 * Returns the pseudonym.
 */
export async function deleteAccount(db: Database, p: { userId: string; at: Date }): Promise<string> {
  return db.transaction(async (tx) => {
    const me = await lockUser(tx, p.userId);
    if (!me || me.email.endsWith(deletedEmailDomain)) refuse('account.already_deleted');
    const mine = await lockOwnMemberships(tx, p.userId);
    const facts = [];
    for (const m of mine) {
      const adminCount = await countAdminsForUpdate(tx, m.orgId);
      const seatsHeld = await countSeatsHeldForUpdate(tx, m.orgId, p.userId);
      facts.push({ orgName: m.orgName, role: m.role, accepted: m.accepted, seatsHeld, adminCount });
    }
    const rule = checkAccountDeletion(facts);
    if (!rule.ok) refuseRule(rule);
    const pseudonym = newPseudonym();
    for (const m of mine) {
      await deleteMembership(tx, m.orgId, m.membershipId);
      // A pending invitation was never a membership for any rule: it goes without a log entry of its own.
      if (!m.accepted) continue;
      await appendLogEntry(tx, {
        orgId: m.orgId,
        actorId: p.userId,
        kind: 'account.deleted',
        subject: `membership:${m.membershipId}`,
        payload: { membershipId: m.membershipId, userId: p.userId, role: m.role, pseudonym },
        at: p.at,
      });
      await lapseSignaturesOf(tx, { orgId: m.orgId, userId: p.userId, reason: 'account_deleted', at: p.at });
    }
    await anonymizeUser(tx, p.userId, me.email, pseudonym);
    return pseudonym;
  });
}
