/**
 * A large organization for storm and crash tests, built through the real engine (founding
 * charter, founding appointments, draft, publication, the worker's transitions), so every row
 * and log entry is one the app itself would have written.
 *
 * The board has `seats` charter seats (the nonprofit template, adjusted at creation as the
 * create-organization form does), every seat filled by founding appointment, and a board
 * resolution whose voting window closes at `voteClosesAt`: the timeline is laid out backwards
 * from it (publication 10 days before: the 7-day comment window, then the 3-day vote).
 *
 * Server code (the engine): run it under Vitest or `tsx --conditions=react-server`.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, proposalStages, seats, users } from '@/db/schema';
import { charterFromTemplate } from '@/lib/governance/charter';
import { adjustCharter } from '@/lib/governance/charter-adjust';
import { foundingAppoint, foundOrganization } from '@/lib/use-cases/founding';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import type { Actor } from '@/lib/use-cases/actor';
import type { Charter } from '@/lib/governance/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type StormVoter = { userId: string; email: string; seatId: string };

export type StormOrg = {
  orgId: string;
  slug: string;
  admin: Actor & { email: string };
  /** Seat holders, one per board seat, in seat order. */
  voters: StormVoter[];
  /** The resolution in voting. */
  proposalId: string;
  proposalNumber: number;
  opensAt: Date;
  closesAt: Date;
};

export type StormOrgOptions = {
  slug: string;
  seats: number;
  voteClosesAt: Date;
  /** Concurrent founding appointments (they queue on the log head anyway). */
  concurrency?: number;
  /** The proposal's type (default: the board resolution) and, for a choice among options, its options. */
  typeKey?: string;
  options?: string[];
  /** Changes the founding charter (after the seat adjustment), e.g. a choice type's method. */
  charterEdit?: (charter: Charter) => Charter;
};

export const STORM_PROPOSAL_BODY = 'The board adopts the storm-test resolution, to be decided in the last seconds of its vote.';

export async function createStormOrg(db: Database, opts: StormOrgOptions): Promise<StormOrg> {
  const publishAt = new Date(opts.voteClosesAt.getTime() - 10 * DAY);
  const foundedAt = new Date(publishAt.getTime() - HOUR);
  const people = await db
    .insert(users)
    .values(
      Array.from({ length: opts.seats + 1 }, (_, i) => ({
        email: `${opts.slug}-${i}@storm.example.org`,
        name: i === 0 ? `${opts.slug} admin` : `${opts.slug} voter ${i}`,
        emailVerified: foundedAt,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const admin = { userId: people[0]!.id, role: 'admin' as const, email: people[0]!.email };
  const adjusted = adjustCharter(charterFromTemplate('nonprofit_board'), { primarySeats: opts.seats });
  const charter = opts.charterEdit ? opts.charterEdit(adjusted) : adjusted;
  const org = await db.transaction(async (tx) => {
    return foundOrganization(tx, {
      slug: opts.slug,
      name: `Storm ${opts.slug}`,
      mission: 'Storm and crash drills.',
      createdBy: admin.userId,
      templateKey: 'nonprofit_board',
      charter,
      at: foundedAt,
    });
  });
  await db.insert(memberships).values(people.slice(1).map((p) => ({ orgId: org.id, userId: p.id, role: 'member' as const, createdAt: foundedAt })));
  const boardSeats = await db
    .select({ id: seats.id })
    .from(seats)
    .where(and(eq(seats.orgId, org.id), eq(seats.bodyKey, 'board')))
    .orderBy(asc(seats.position));
  if (boardSeats.length !== opts.seats) throw new Error(`expected ${opts.seats} board seats, found ${boardSeats.length}`);
  const voters: StormVoter[] = people.slice(1).map((p, i) => ({ userId: p.id, email: p.email, seatId: boardSeats[i]!.id }));
  const appointAt = new Date(foundedAt.getTime() + 60_000);
  let next = 0;
  const lane = async () => {
    while (next < voters.length) {
      const v = voters[next++]!;
      await foundingAppoint(db, admin, { orgId: org.id, seatId: v.seatId, userId: v.userId }, appointAt);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 1 }, lane));

  const draft = await createDraft(
    db,
    { userId: voters[0]!.userId, role: 'member' },
    {
      orgId: org.id,
      typeKey: opts.typeKey ?? 'resolution',
      title: 'Storm resolution',
      body: STORM_PROPOSAL_BODY,
      subjectUserId: null,
      effect: {},
      emergency: false,
      options: opts.options ?? [],
    },
    publishAt,
  );
  await publishProposal(db, { userId: voters[0]!.userId, role: 'member' }, { orgId: org.id, proposalId: draft.id }, publishAt);
  // The worker's step at the end of the comment window: window closed, voting opened.
  const steps = await recordTransitions(db, draft.id, org.id, new Date(publishAt.getTime() + 7 * DAY));
  if (!steps.includes('stage_0_opened')) throw new Error(`voting did not open: ${steps.join(', ')}`);
  const [stage] = await db.select().from(proposalStages).where(eq(proposalStages.proposalId, draft.id));
  if (stage!.closesAt!.getTime() !== opts.voteClosesAt.getTime())
    throw new Error(`voting closes at ${stage!.closesAt!.toISOString()}, expected ${opts.voteClosesAt.toISOString()}`);
  return {
    orgId: org.id,
    slug: org.slug,
    admin,
    voters,
    proposalId: draft.id,
    proposalNumber: draft.number,
    opensAt: stage!.opensAt!,
    closesAt: stage!.closesAt!,
  };
}

/** `count` drafts by the voters in turn, not yet published, for a publication storm. */
export async function createStormDrafts(db: Database, org: StormOrg, count: number, at: Date): Promise<{ id: string; number: number; authorId: string }[]> {
  const out: { id: string; number: number; authorId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const author = org.voters[i % org.voters.length]!;
    const d = await createDraft(
      db,
      { userId: author.userId, role: 'member' },
      {
        orgId: org.orgId,
        typeKey: 'resolution',
        title: `Storm motion ${i + 1}`,
        body: `Storm motion ${i + 1}: the board resolves to test concurrent publication.`,
        subjectUserId: null,
        effect: {},
        emergency: false,
      },
      at,
    );
    out.push({ ...d, authorId: author.userId });
  }
  return out;
}
