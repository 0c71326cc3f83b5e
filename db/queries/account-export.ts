import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import {
  apiTokens,
  calendarFeeds,
  comments,
  memberships,
  notificationPrefs,
  organizations,
  petitionSignatures,
  petitions,
  writtenConsentSignatures,
  writtenConsents,
  proposals,
  proposalStages,
  seats,
  users,
  votes,
} from '@/db/schema';

/**
 * The person's rows of one table (those `owner` picks), each with its organization's name and
 * slug: what the export and the account's own lookups share. Dynamic, so that callers may join
 * more and order as they need.
 */
export function ownRows<C extends SelectedFields>(db: Executor, table: PgTable & { orgId: AnyPgColumn }, columns: C, owner: SQL | undefined) {
  return db
    .select({ organization: organizations.name, organizationSlug: organizations.slug, ...columns })
    .from(table)
    .innerJoin(organizations, eq(organizations.id, table.orgId))
    .where(owner)
    .$dynamic();
}

/**
 * Everything Quorate holds about one person, for their own download (the account page). Only
 * rows keyed to `userId`; nothing of anyone else beyond the names of organizations and the
 * numbers and titles of the proposals the person's own rows point at.
 *
 * A ballot's choice and rationale come only once its stage has closed: before then the file
 * could be demanded as proof of how someone voted (docs/governance-rules.md, "Deleting an account").
 */
export async function personalDataExport(db: Executor, userId: string) {
  const [profile] = await db.select({ id: users.id, name: users.name, email: users.email, createdAt: users.createdAt }).from(users).where(eq(users.id, userId));
  if (!profile) return null;
  const ownMemberships = await ownRows(
    db,
    memberships,
    {
      role: memberships.role,
      stakeholderGroup: memberships.stakeholderGroup,
      weight: memberships.weight,
      invitedAt: memberships.createdAt,
      acceptedAt: memberships.acceptedAt,
    },
    eq(memberships.userId, userId),
  ).orderBy(asc(organizations.slug));
  const seat = { body: seats.bodyKey, position: seats.position, seatClass: seats.seatClass, termStartedAt: seats.termStartedAt, termEndsAt: seats.termEndsAt };
  const heldSeats = await ownRows(db, seats, seat, and(eq(seats.holderUserId, userId), isNull(seats.retiredAt))).orderBy(
    asc(organizations.slug),
    asc(seats.bodyKey),
    asc(seats.position),
  );
  const proposal = { number: proposals.number, title: proposals.title, status: proposals.status, createdAt: proposals.createdAt };
  const authored = await ownRows(db, proposals, proposal, eq(proposals.authorId, userId)).orderBy(asc(organizations.slug), asc(proposals.number));
  const comment = { body: comments.body, stance: comments.stance, createdAt: comments.createdAt, editedAt: comments.editedAt, deletedAt: comments.deletedAt };
  const ownComments = await ownRows(db, comments, { proposalNumber: proposals.number, ...comment }, eq(comments.authorId, userId))
    .innerJoin(proposals, eq(proposals.id, comments.proposalId))
    .orderBy(asc(comments.createdAt));
  const ballot = { stage: votes.stageIndex, choice: votes.choice, rationale: votes.rationale, castAt: votes.castAt, current: votes.isCurrent };
  const ballotRows = await ownRows(
    db,
    proposals,
    { proposalNumber: proposals.number, ...ballot, closedAt: proposalStages.closedRecordedAt },
    eq(votes.voterUserId, userId),
  )
    .innerJoin(votes, eq(votes.proposalId, proposals.id))
    .innerJoin(proposalStages, and(eq(proposalStages.proposalId, votes.proposalId), eq(proposalStages.stageIndex, votes.stageIndex)))
    .orderBy(asc(votes.castAt));
  const ballots = ballotRows.map(({ choice, rationale, closedAt, ...b }) =>
    closedAt ? { ...b, voteClosed: true, choice, rationale } : { ...b, voteClosed: false, choice: null, rationale: null },
  );
  const mailPreferences = await ownRows(
    db,
    notificationPrefs,
    { kind: notificationPrefs.kind, mode: notificationPrefs.mode },
    eq(notificationPrefs.userId, userId),
  ).orderBy(asc(organizations.slug), asc(notificationPrefs.kind));
  // The calendar link's dates only: its token is not stored, and its hash is no one's data to read.
  const [calendarFeed] = await db
    .select({ createdAt: calendarFeeds.createdAt, rotatedAt: calendarFeeds.rotatedAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  const openedPetitions = await ownRows(
    db,
    petitions,
    { number: petitions.number, title: petitions.title, openedAt: petitions.openedAt },
    eq(petitions.openedBy, userId),
  ).orderBy(asc(organizations.slug), asc(petitions.number));
  // The person's own signatures, revoked ones too (each with its time), whether or not the charter shows names.
  const signatures = await ownRows(
    db,
    petitions,
    { petitionNumber: petitions.number, petitionTitle: petitions.title, signedAt: petitionSignatures.signedAt, revokedAt: petitionSignatures.revokedAt },
    eq(petitionSignatures.userId, userId),
  )
    .innerJoin(petitionSignatures, eq(petitionSignatures.petitionId, petitions.id))
    .orderBy(asc(petitionSignatures.signedAt));
  // Written consents: those the person opened, and their own signatures on any (revoked ones too, with the time).
  const openedConsents = await ownRows(
    db,
    writtenConsents,
    { number: writtenConsents.number, title: writtenConsents.title, bodyKey: writtenConsents.bodyKey, openedAt: writtenConsents.openedAt },
    eq(writtenConsents.openedBy, userId),
  ).orderBy(asc(organizations.slug), asc(writtenConsents.number));
  const consentSignatures = await ownRows(
    db,
    writtenConsents,
    {
      consentNumber: writtenConsents.number,
      consentTitle: writtenConsents.title,
      signedAt: writtenConsentSignatures.signedAt,
      revokedAt: writtenConsentSignatures.revokedAt,
    },
    eq(writtenConsentSignatures.userId, userId),
  )
    .innerJoin(writtenConsentSignatures, eq(writtenConsentSignatures.consentId, writtenConsents.id))
    .orderBy(asc(writtenConsentSignatures.signedAt));
  // API tokens: names, scopes and dates only (the token is not stored; its hash is no one's data to read).
  const apiTokenRows = await db
    .select({
      name: apiTokens.name,
      scope: apiTokens.scope,
      organization: organizations.slug,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(organizations, eq(organizations.id, apiTokens.orgId))
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.createdAt));
  return {
    profile,
    memberships: ownMemberships,
    seats: heldSeats,
    proposals: authored,
    comments: ownComments,
    ballots,
    mailPreferences,
    calendarFeed: calendarFeed ?? null,
    petitions: openedPetitions,
    petitionSignatures: signatures,
    writtenConsents: openedConsents,
    writtenConsentSignatures: consentSignatures,
    apiTokens: apiTokenRows,
  };
}

export type PersonalDataExport = NonNullable<Awaited<ReturnType<typeof personalDataExport>>>;
