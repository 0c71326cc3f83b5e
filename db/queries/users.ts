import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, apiTokens, calendarFeeds, logActorNames, memberships, notificationPrefs, outbox, sessions, users, verificationTokens } from '@/db/schema';
import { ownRows } from './account-export';
import type { Role } from '@/lib/governance/roles';

/** `email` must already be normalized (lib/validation/email.ts). */
export async function findOrCreateUserByEmail(tx: Executor, email: string, name?: string | null): Promise<{ id: string; isNew: boolean }> {
  const inserted = await tx
    .insert(users)
    .values({ email, name: name ?? null })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (inserted[0]) return { id: inserted[0].id, isNew: true };
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (!existing) throw new Error('User vanished between insert and select.');
  return { id: existing.id, isNew: false };
}

export async function getUserName(db: Executor, userId: string): Promise<{ name: string | null; email: string } | null> {
  const [row] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

export async function updateUserName(db: Executor, userId: string, name: string): Promise<void> {
  await db.update(users).set({ name }).where(eq(users.id, userId));
}

/** The person's chosen language (null: none chosen). */
export async function setUserLocale(db: Executor, userId: string, locale: string): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function getUserLocale(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.locale ?? null;
}

/** The chosen language of the account with this (normalized) address; null: no account, or no choice. */
export async function getUserLocaleByEmail(db: Executor, email: string): Promise<string | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, email)).limit(1);
  return row?.locale ?? null;
}

/** What the name prompt needs to know of the person (lib/governance/name-prompt.ts), or null for an unknown id. */
export async function getNamePromptState(db: Executor, userId: string): Promise<{ name: string | null; skippedAt: Date | null } | null> {
  const [row] = await db.select({ name: users.name, skippedAt: users.namePromptSkippedAt }).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

/** The person chose "Skip for now" at the name prompt at `at`. */
export async function recordNamePromptSkipped(db: Executor, userId: string, at: Date): Promise<void> {
  await db.update(users).set({ namePromptSkippedAt: at }).where(eq(users.id, userId));
}

/** A seeded demo account (its address ends in the demo domain), or null: the development sign-in shortcut takes no one else. */
export async function getDemoUser(db: Executor, userId: string): Promise<{ id: string; email: string } | null> {
  const [row] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  return row && row.email.endsWith('@demo.quorate.localhost') ? row : null;
}

// --- Account deletion and personal data export --------------------------------------------------

/** A deleted account's e-mail column: `<pseudonym>@invalid`, a reserved domain no mail can reach, so no sign-in link can be sent to it. */
export const deletedEmailDomain = '@invalid';

export async function lockUser(tx: Executor, userId: string): Promise<{ id: string; name: string | null; email: string } | null> {
  const [row] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).for('update');
  return row ?? null;
}

export type OwnMembership = { membershipId: string; orgId: string; orgName: string; orgSlug: string; role: Role; accepted: boolean };

/** Every membership of the person, accepted or pending, locked, in a stable order (so two deletions never deadlock). */
export async function lockOwnMemberships(tx: Executor, userId: string): Promise<OwnMembership[]> {
  const mine = { membershipId: memberships.id, orgId: memberships.orgId, role: memberships.role, acceptedAt: memberships.acceptedAt };
  const rows = await ownRows(tx, memberships, mine, eq(memberships.userId, userId)).orderBy(asc(memberships.orgId)).for('update', { of: memberships });
  return rows.map(({ organization, organizationSlug, acceptedAt, ...r }) => ({
    ...r,
    orgName: organization,
    orgSlug: organizationSlug,
    accepted: acceptedAt !== null,
  }));
}

/**
 * Removes what identifies the person: name, address and picture go (the address becomes the
 * pseudonym at a reserved domain), sessions, sign-in links, API tokens and the personal calendar feed end, mail not yet sent and mail
 * preferences go, and the names recorded beside the person's log entries become the pseudonym
 * (those records sit outside the hashed entries, so every log still verifies). The row itself
 * stays so that proposals, comments and ballots keep their author and the decision log its actor.
 */
export async function anonymizeUser(tx: Executor, userId: string, oldEmail: string, pseudonym: string): Promise<void> {
  await tx
    .update(users)
    .set({ name: null, email: `${pseudonym}${deletedEmailDomain}`, image: null, emailVerified: null })
    .where(eq(users.id, userId));
  await tx.update(logActorNames).set({ name: pseudonym }).where(eq(logActorNames.actorId, userId));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx.delete(accounts).where(eq(accounts.userId, userId));
  await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, oldEmail));
  await tx.delete(notificationPrefs).where(eq(notificationPrefs.userId, userId));
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
  await tx.delete(outbox).where(and(eq(outbox.recipientUserId, userId), inArray(outbox.status, ['pending', 'digest'])));
}
