import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { comments, memberships, notificationPrefs, organizations, proposals, proposalStages, seats, users, votes } from '@/db/schema';

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
  const org = { organization: organizations.name, organizationSlug: organizations.slug };
  const ownMemberships = await db
    .select({
      ...org,
      role: memberships.role,
      stakeholderGroup: memberships.stakeholderGroup,
      invitedAt: memberships.createdAt,
      acceptedAt: memberships.acceptedAt,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.slug));
  const heldSeats = await db
    .select({
      ...org,
      body: seats.bodyKey,
      position: seats.position,
      seatClass: seats.seatClass,
      termStartedAt: seats.termStartedAt,
      termEndsAt: seats.termEndsAt,
    })
    .from(seats)
    .innerJoin(organizations, eq(organizations.id, seats.orgId))
    .where(and(eq(seats.holderUserId, userId), isNull(seats.retiredAt)))
    .orderBy(asc(organizations.slug), asc(seats.bodyKey), asc(seats.position));
  const authored = await db
    .select({ ...org, number: proposals.number, title: proposals.title, status: proposals.status, createdAt: proposals.createdAt })
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.orgId))
    .where(eq(proposals.authorId, userId))
    .orderBy(asc(organizations.slug), asc(proposals.number));
  const ownComments = await db
    .select({
      ...org,
      proposalNumber: proposals.number,
      body: comments.body,
      stance: comments.stance,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
    })
    .from(comments)
    .innerJoin(proposals, eq(proposals.id, comments.proposalId))
    .innerJoin(organizations, eq(organizations.id, comments.orgId))
    .where(eq(comments.authorId, userId))
    .orderBy(asc(comments.createdAt));
  const ballotRows = await db
    .select({
      ...org,
      proposalNumber: proposals.number,
      stage: votes.stageIndex,
      choice: votes.choice,
      rationale: votes.rationale,
      castAt: votes.castAt,
      current: votes.isCurrent,
      closedAt: proposalStages.closedRecordedAt,
    })
    .from(votes)
    .innerJoin(proposals, eq(proposals.id, votes.proposalId))
    .innerJoin(organizations, eq(organizations.id, proposals.orgId))
    .innerJoin(proposalStages, and(eq(proposalStages.proposalId, votes.proposalId), eq(proposalStages.stageIndex, votes.stageIndex)))
    .where(eq(votes.voterUserId, userId))
    .orderBy(asc(votes.castAt));
  const ballots = ballotRows.map(({ choice, rationale, closedAt, ...b }) =>
    closedAt ? { ...b, voteClosed: true, choice, rationale } : { ...b, voteClosed: false, choice: null, rationale: null },
  );
  const mailPreferences = await db
    .select({ ...org, kind: notificationPrefs.kind, mode: notificationPrefs.mode })
    .from(notificationPrefs)
    .innerJoin(organizations, eq(organizations.id, notificationPrefs.orgId))
    .where(eq(notificationPrefs.userId, userId))
    .orderBy(asc(organizations.slug), asc(notificationPrefs.kind));
  return { profile, memberships: ownMemberships, seats: heldSeats, proposals: authored, comments: ownComments, ballots, mailPreferences };
}

export type PersonalDataExport = NonNullable<Awaited<ReturnType<typeof personalDataExport>>>;
