import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { proposals, seats } from '../schema';
import { getActiveCharter } from '../queries/charters';
import { appendLogEntry } from '../queries/log';
import { charterFromTemplate } from '@/lib/governance/charter';
import type { Role } from '@/lib/governance/roles';
import { adoptFoundingCharter, foundingAppoint } from '@/lib/use-cases/founding';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft } from '@/lib/use-cases/drafts';
import { postComment } from '@/lib/use-cases/comments';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { withdrawProposal } from '@/lib/use-cases/withdraw';
import type { Actor } from '@/lib/use-cases/actor';
import type { BallotChoice } from '@/lib/governance/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type People = Record<string, { id: string; role: Role }>;

/**
 * The demo's governance history, written through the same engine the app uses (time passed in),
 * so every event is in the hash-chained log exactly as it would be in real use. The board has
 * 9 charter seats with 6 filled — below the 7 its critical decisions need — and proposals sit in
 * every phase, relative to `base` (seeding time).
 */
export async function seedGovernance(db: Database, orgId: string, people: People, base: Date, log: (line: string) => void): Promise<void> {
  const t0 = new Date(Math.floor((base.getTime() - 75 * DAY) / HOUR) * HOUR);
  const actor = (key: string): Actor => ({ userId: people[key]!.id, role: people[key]!.role });

  if (!(await getActiveCharter(db, orgId))) {
    await db.transaction(async (tx) => {
      await appendLogEntry(tx, {
        orgId,
        actorId: people.ada!.id,
        kind: 'organization.created',
        subject: `organization:${orgId}`,
        payload: { slug: 'riverbend-commons', name: 'Riverbend Commons' },
        at: t0,
      });
      await adoptFoundingCharter(tx, {
        orgId,
        actorId: people.ada!.id,
        templateKey: 'nonprofit_board',
        charter: charterFromTemplate('nonprofit_board'),
        at: t0,
      });
    });
    log('charter: nonprofit board template, version 1 (board 9 seats, member assembly 25)');
  }

  const [published] = await db.select({ n: count() }).from(proposals).where(eq(proposals.orgId, orgId));
  if ((published?.n ?? 0) > 0) {
    log('proposals: already present, left as they are');
    return;
  }

  const seatRows = await db.select().from(seats).where(eq(seats.orgId, orgId)).orderBy(asc(seats.bodyKey), asc(seats.position));
  const board = seatRows.filter((s) => s.bodyKey === 'board');
  const assembly = seatRows.filter((s) => s.bodyKey === 'members');
  const boardHolders = ['margaret', 'omar', 'priya', 'linus', 'ada', 'grace']; // seats 1–3 independent, 4 employee rep, 5–6 general
  // Seats vote, so none is held by an observer (Tim Alvarez observes without a seat).
  const assemblyHolders = ['sofia', 'kenji', 'noor', 'wei', 'linus', 'margaret'];
  let at = new Date(t0.getTime() + HOUR);
  for (const [i, who] of boardHolders.entries()) await foundingAppoint(db, actor('ada'), { orgId, seatId: board[i]!.id, userId: people[who]!.id }, at);
  for (const [i, who] of assemblyHolders.entries()) await foundingAppoint(db, actor('ada'), { orgId, seatId: assembly[i]!.id, userId: people[who]!.id }, at);
  log(
    `seats: board ${boardHolders.length} of ${board.length} filled (3 vacant since founding), member assembly ${assemblyHolders.length} of ${assembly.length}`,
  );

  const draft = async (
    who: string,
    typeKey: string,
    title: string,
    body: string,
    when: Date,
    extra: { subject?: string; effect?: Record<string, unknown> } = {},
  ) =>
    (
      await createDraft(
        db,
        actor(who),
        { orgId, typeKey, title, body, subjectUserId: extra.subject ? people[extra.subject]!.id : null, effect: extra.effect ?? {}, emergency: false },
        when,
      )
    ).id;
  const comment = (
    who: string,
    id: string,
    body: string,
    when: Date,
    stance: 'support' | 'concern' | 'object' | 'none' = 'none',
    parentId: string | null = null,
    asReply = false,
  ) => postComment(db, actor(who), { orgId, proposalId: id, parentId, body, stance, asReply }, when);
  const vote = (who: string, id: string, choice: BallotChoice, when: Date, rationale: string | null = null) =>
    castBallot(db, actor(who), { orgId, proposalId: id, choice, rationale }, when);
  const tick = (id: string, when: Date) => recordTransitions(db, id, orgId, when);

  // 1. Passed: a conflict-of-interest policy.
  at = new Date(t0.getTime() + 2 * DAY);
  const coi = await draft(
    'grace',
    'resolution',
    'Adopt a conflict-of-interest policy',
    '## Proposal\n\nEvery director declares, in writing and on the public record, any interest in a matter before the board, and recuses from the vote.\n\n## Why\n\nWe manage land worth millions and award contracts every year. Residents should never have to wonder whose interests a vote served.',
    at,
  );
  await publishProposal(db, actor('grace'), { orgId, proposalId: coi }, at);
  const c1 = await comment(
    'margaret',
    coi,
    'Strongly in favour. Could we add that declarations are published **before** the meeting, not in the minutes afterwards?',
    new Date(at.getTime() + DAY),
    'support',
  );
  await comment(
    'grace',
    coi,
    'Yes — the declaration goes into the decision log the moment it is made, so it is public before any vote.',
    new Date(at.getTime() + DAY + 3 * HOUR),
    'none',
    c1.id,
  );
  await comment(
    'omar',
    coi,
    'Concerned that “any interest” is too vague. Does a director who rents from the trust have to recuse on every rent decision?',
    new Date(at.getTime() + 2 * DAY),
    'concern',
  );
  await tick(coi, new Date(at.getTime() + 7 * DAY + HOUR));
  const coiOpen = new Date(at.getTime() + 7 * DAY + 2 * HOUR);
  for (const [who, c] of [
    ['grace', 'yes'],
    ['margaret', 'yes'],
    ['priya', 'yes'],
    ['linus', 'yes'],
    ['ada', 'yes'],
    ['omar', 'abstain'],
  ] as const)
    await vote(who, coi, c, coiOpen);
  await tick(coi, new Date(at.getTime() + 10 * DAY + 2 * HOUR));

  // 2. Rejected: sale of a parcel.
  at = new Date(t0.getTime() + 5 * DAY);
  const sale = await draft(
    'omar',
    'resolution',
    'Sell the Elm Street parcel to Northgate Developments',
    'Northgate offers $2.1M for the vacant Elm Street parcel. The proceeds would fund repairs on 40 existing homes.\n\nThe parcel would leave the trust and its affordability covenant.',
    at,
  );
  await publishProposal(db, actor('omar'), { orgId, proposalId: sale }, at);
  await comment('sofia', sale, 'Selling land out of the trust is exactly what the trust exists to prevent. Object.', new Date(at.getTime() + DAY), 'object');
  await comment(
    'priya',
    sale,
    'The repairs are real and urgent. But there are grant programmes for them; I would rather we try those first.',
    new Date(at.getTime() + 2 * DAY),
    'concern',
  );
  await tick(sale, new Date(at.getTime() + 7 * DAY + HOUR));
  const saleOpen = new Date(at.getTime() + 7 * DAY + 3 * HOUR);
  for (const [who, c] of [
    ['omar', 'yes'],
    ['ada', 'yes'],
    ['margaret', 'no'],
    ['priya', 'no'],
    ['linus', 'no'],
    ['grace', 'no'],
  ] as const)
    await vote(who, sale, c, saleOpen);
  await tick(sale, new Date(at.getTime() + 10 * DAY + 2 * HOUR));

  // 3. Failed quorum: quorum is counted against 9 charter seats (5 ballots), not against the 6 seated.
  at = new Date(t0.getTime() + 20 * DAY);
  const saturday = await draft(
    'linus',
    'resolution',
    'Move board meetings to Saturday mornings',
    'Several residents work weekday evenings. Saturday 10:00 meetings would let more of them attend.',
    at,
  );
  await publishProposal(db, actor('linus'), { orgId, proposalId: saturday }, at);
  await comment('noor', saturday, 'Saturday works much better for me and most of my building.', new Date(at.getTime() + DAY), 'support');
  await tick(saturday, new Date(at.getTime() + 7 * DAY + HOUR));
  for (const who of ['linus', 'ada', 'grace'] as const) await vote(who, saturday, 'yes', new Date(at.getTime() + 8 * DAY));
  await tick(saturday, new Date(at.getTime() + 10 * DAY + 2 * HOUR));

  // 4. Withdrawn.
  at = new Date(t0.getTime() + 30 * DAY);
  const rename = await draft('margaret', 'resolution', 'Rename the trust to Riverbend Homes', 'A shorter name that says what we do.', at);
  await publishProposal(db, actor('margaret'), { orgId, proposalId: rename }, at);
  await comment('kenji', rename, 'The name is on 140 deeds. Renaming costs legal fees for little gain.', new Date(at.getTime() + DAY), 'object');
  await withdrawProposal(
    db,
    actor('margaret'),
    { orgId, proposalId: rename, reason: 'Fair point about the deeds; withdrawing.' },
    new Date(at.getTime() + 2 * DAY),
  );

  // 5. Removal of a director: window and reply done, but the board is below strength (6 of 9; critical needs 7).
  at = new Date(base.getTime() - 16 * DAY);
  const removal = await draft(
    'priya',
    'officer_removal',
    'Remove Omar Haddad from the board',
    'Omar voted on the Elm Street sale without declaring that Northgate employs his brother.\n\nThe conflict-of-interest policy we adopted requires declaration and recusal. This proposal asks the board to remove him from seat 2.',
    at,
    {
      subject: 'omar',
      effect: { seatId: board[1]!.id },
    },
  );
  await publishProposal(db, actor('priya'), { orgId, proposalId: removal }, at);
  await comment(
    'omar',
    removal,
    'My brother took the Northgate job after the vote, not before. I have the dates and will share them with anyone who asks. I should still have declared the family connection, and I apologise for not doing so.',
    new Date(at.getTime() + 6 * DAY),
    'none',
    null,
    true,
  );
  await comment(
    'margaret',
    removal,
    'If the dates check out, a formal warning seems proportionate. Removal is for a pattern, not a single lapse.',
    new Date(at.getTime() + 7 * DAY),
    'concern',
  );
  await tick(removal, new Date(base.getTime() - HOUR));

  // 6. Filling a vacancy still works while the board is below strength.
  at = new Date(base.getTime() - 3 * DAY);
  const appoint = await draft(
    'ada',
    'seat_appointment',
    'Appoint Sofia Reyes to board seat 7',
    'Sofia has served on the member assembly for three years and chairs the repairs committee. She would take general seat 7, vacant since our founding.',
    at,
    {
      effect: { seatId: board[6]!.id, appointeeUserId: people.sofia!.id },
    },
  );
  await publishProposal(db, actor('ada'), { orgId, proposalId: appoint }, at);
  await comment('linus', appoint, 'Sofia would be a great addition. Support.', new Date(at.getTime() + 4 * HOUR), 'support');

  // 7. Voting now: the 2027 budget.
  at = new Date(base.getTime() - 8 * DAY);
  const budget = await draft(
    'grace',
    'resolution',
    'Approve the 2027 operating budget',
    '| | 2026 | 2027 |\n|---|---|---|\n| Maintenance | $410k | $455k |\n| Staff | $620k | $640k |\n| Reserves | $90k | $120k |\n\nRents rise 2%, below inflation; reserves grow towards the 6-month target.',
    at,
  );
  await publishProposal(db, actor('grace'), { orgId, proposalId: budget }, at);
  await comment('wei', budget, 'Why does maintenance grow 11% when rents grow 2%?', new Date(at.getTime() + 2 * DAY), 'concern');
  await tick(budget, new Date(base.getTime() - DAY));
  for (const [who, c] of [
    ['grace', 'yes'],
    ['ada', 'yes'],
    ['margaret', 'no'],
  ] as const)
    await vote(who, budget, c, new Date(base.getTime() - 20 * HOUR));

  // 8. In discussion: open meetings.
  at = new Date(base.getTime() - 2 * DAY);
  const open = await draft(
    'margaret',
    'resolution',
    'Open board meetings to residents',
    'All board meetings are open to residents, except for items on individual tenants or staff, which are minuted in summary.',
    at,
  );
  await publishProposal(db, actor('margaret'), { orgId, proposalId: open }, at);
  const o1 = await comment('noor', open, 'Yes. The closed meetings are where trust gets lost.', new Date(at.getTime() + 3 * HOUR), 'support');
  await comment(
    'omar',
    open,
    'Agreed in principle. We need a clear rule for when a session may close, or the exception swallows the rule.',
    new Date(at.getTime() + 5 * HOUR),
    'concern',
    o1.id,
  );
  await comment('kenji', open, 'Could meetings be streamed for people who cannot come in person?', new Date(at.getTime() + DAY), 'support');

  // 9. A private draft.
  await draft(
    'ada',
    'resolution',
    'Publish an annual report on governance',
    'Each January the board publishes seats filled, vacancies and their ages, decisions taken, and participation.',
    new Date(base.getTime() - 1 * HOUR),
  );

  log(
    'proposals: 9 (passed, rejected, failed quorum, withdrawn, removal blocked below strength, appointment and open meetings in discussion, budget in voting, a draft)',
  );
}

/** Demo users that hold only seats (members of the organization). */
export const demoSeatHolders: { key: string; name: string }[] = [
  { key: 'omar', name: 'Omar Haddad' },
  { key: 'priya', name: 'Priya Raman' },
  { key: 'sofia', name: 'Sofia Reyes' },
  { key: 'kenji', name: 'Kenji Sato' },
  { key: 'noor', name: 'Noor Aziz' },
  { key: 'wei', name: 'Wei Chen' },
];
