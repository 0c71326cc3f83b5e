import type { BallotChoice } from '@/lib/governance/types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** When a step happens: milliseconds after the proposal was drafted, or a fixed moment. */
export type When = number | Date;

export type Stance = 'support' | 'concern' | 'object' | 'none';

export type DemoComment = {
  who: string;
  body: string;
  after: number;
  stance?: Stance;
  /** Index of an earlier comment on the same proposal that this one answers. */
  replyTo?: number;
  /** The subject's formal reply (officer removal). */
  asReply?: boolean;
};

/**
 * One proposal's history, played in this order: drafted, published (unless `keepDraft`), the
 * comments, a withdrawal, the end of discussion, the ballots, the end of voting — each step only
 * when given.
 */
export type DemoProposal = {
  who: string;
  typeKey: string;
  title: string;
  body: string;
  at: Date;
  subject?: string;
  effect?: Record<string, unknown>;
  keepDraft?: boolean;
  comments?: DemoComment[];
  withdraw?: { reason: string; after: number };
  discussionEnds?: When;
  /** Ballots in casting order, by voter. */
  votes?: { at: When; ballots: Record<string, BallotChoice> };
  votingEnds?: When;
};

/**
 * The demo's proposals, one in every phase. Older ones are dated from the founding (`t0`),
 * current ones back from seeding time (`base`).
 */
export function demoProposals(t0: Date, base: Date, boardSeatIds: string[], userId: (key: string) => string): DemoProposal[] {
  const sinceFounding = (ms: number) => new Date(t0.getTime() + ms);
  const ago = (ms: number) => new Date(base.getTime() - ms);
  return [
    {
      // Passed: a conflict-of-interest policy.
      who: 'grace',
      typeKey: 'resolution',
      title: 'Adopt a conflict-of-interest policy',
      body: '## Proposal\n\nEvery director declares, in writing and on the public record, any interest in a matter before the board, and recuses from the vote.\n\n## Why\n\nWe manage land worth millions and award contracts every year. Residents should never have to wonder whose interests a vote served.',
      at: sinceFounding(2 * DAY),
      comments: [
        {
          who: 'margaret',
          body: 'Strongly in favour. Could we add that declarations are published **before** the meeting, not in the minutes afterwards?',
          after: DAY,
          stance: 'support',
        },
        {
          who: 'grace',
          body: 'Yes — the declaration goes into the decision log the moment it is made, so it is public before any vote.',
          after: DAY + 3 * HOUR,
          replyTo: 0,
        },
        {
          who: 'omar',
          body: 'Concerned that “any interest” is too vague. Does a director who rents from the trust have to recuse on every rent decision?',
          after: 2 * DAY,
          stance: 'concern',
        },
      ],
      discussionEnds: 7 * DAY + HOUR,
      votes: { at: 7 * DAY + 2 * HOUR, ballots: { grace: 'yes', margaret: 'yes', priya: 'yes', linus: 'yes', ada: 'yes', omar: 'abstain' } },
      votingEnds: 10 * DAY + 2 * HOUR,
    },
    {
      // Rejected: sale of a parcel.
      who: 'omar',
      typeKey: 'resolution',
      title: 'Sell the Elm Street parcel to Northgate Developments',
      body: 'Northgate offers $2.1M for the vacant Elm Street parcel. The proceeds would fund repairs on 40 existing homes.\n\nThe parcel would leave the trust and its affordability covenant.',
      at: sinceFounding(5 * DAY),
      comments: [
        { who: 'sofia', body: 'Selling land out of the trust is exactly what the trust exists to prevent. Object.', after: DAY, stance: 'object' },
        {
          who: 'priya',
          body: 'The repairs are real and urgent. But there are grant programmes for them; I would rather we try those first.',
          after: 2 * DAY,
          stance: 'concern',
        },
      ],
      discussionEnds: 7 * DAY + HOUR,
      votes: { at: 7 * DAY + 3 * HOUR, ballots: { omar: 'yes', ada: 'yes', margaret: 'no', priya: 'no', linus: 'no', grace: 'no' } },
      votingEnds: 10 * DAY + 2 * HOUR,
    },
    {
      // Failed quorum: quorum is counted against 9 charter seats (5 ballots), not against the 6 seated.
      who: 'linus',
      typeKey: 'resolution',
      title: 'Move board meetings to Saturday mornings',
      body: 'Several residents work weekday evenings. Saturday 10:00 meetings would let more of them attend.',
      at: sinceFounding(20 * DAY),
      comments: [{ who: 'noor', body: 'Saturday works much better for me and most of my building.', after: DAY, stance: 'support' }],
      discussionEnds: 7 * DAY + HOUR,
      votes: { at: 8 * DAY, ballots: { linus: 'yes', ada: 'yes', grace: 'yes' } },
      votingEnds: 10 * DAY + 2 * HOUR,
    },
    {
      // Withdrawn: renaming the trust.
      who: 'margaret',
      typeKey: 'resolution',
      title: 'Rename the trust to Riverbend Homes',
      body: 'A shorter name that says what we do.',
      at: sinceFounding(30 * DAY),
      comments: [{ who: 'kenji', body: 'The name is on 140 deeds. Renaming costs legal fees for little gain.', after: DAY, stance: 'object' }],
      withdraw: { reason: 'Fair point about the deeds; withdrawing.', after: 2 * DAY },
    },
    {
      // Removal of a director: window, reply and the author's answer done, but the board is below strength (6 of 9; critical needs 7).
      who: 'priya',
      typeKey: 'officer_removal',
      title: 'Remove Omar Haddad from the board',
      body: 'Omar voted on the Elm Street sale without declaring that Northgate employs his brother.\n\nThe conflict-of-interest policy we adopted requires declaration and recusal. This proposal asks the board to remove him from seat 2.',
      at: ago(16 * DAY),
      subject: 'omar',
      effect: { seatId: boardSeatIds[1] },
      comments: [
        {
          who: 'omar',
          body: 'My brother took the Northgate job after the vote, not before. I have the dates and will share them with anyone who asks. I should still have declared the family connection, and I apologise for not doing so.',
          after: 6 * DAY,
          asReply: true,
        },
        {
          who: 'margaret',
          body: 'If the dates check out, a formal warning seems proportionate. Removal is for a pattern, not a single lapse.',
          after: 7 * DAY,
          stance: 'concern',
        },
        {
          // A removal's concerns need the author's public answer before voting can open (the consultation gate).
          who: 'priya',
          body: 'The dates do check out, and I accept the apology. I still propose removal: the policy asks for recusal, and Omar’s vote decided the sale 5 to 4. The board should weigh that, in the open.',
          after: 8 * DAY,
          replyTo: 1,
        },
      ],
      discussionEnds: ago(HOUR),
    },
    {
      // In discussion: filling a vacancy still works while the board is below strength.
      who: 'ada',
      typeKey: 'seat_appointment',
      title: 'Appoint Sofia Reyes to board seat 7',
      body: 'Sofia has served on the member assembly for three years and chairs the repairs committee. She would take general seat 7, vacant since our founding.',
      at: ago(3 * DAY),
      effect: { seatId: boardSeatIds[6], appointeeUserId: userId('sofia') },
      comments: [{ who: 'linus', body: 'Sofia would be a great addition. Support.', after: 4 * HOUR, stance: 'support' }],
    },
    {
      // Voting now: the 2027 budget.
      who: 'grace',
      typeKey: 'resolution',
      title: 'Approve the 2027 operating budget',
      body: '| | 2026 | 2027 |\n|---|---|---|\n| Maintenance | $410k | $455k |\n| Staff | $620k | $640k |\n| Reserves | $90k | $120k |\n\nRents rise 2%, below inflation; reserves grow towards the 6-month target.',
      at: ago(8 * DAY),
      comments: [{ who: 'wei', body: 'Why does maintenance grow 11% when rents grow 2%?', after: 2 * DAY, stance: 'concern' }],
      discussionEnds: ago(DAY),
      votes: { at: ago(20 * HOUR), ballots: { grace: 'yes', ada: 'yes', margaret: 'no' } },
    },
    {
      // In discussion: open meetings.
      who: 'margaret',
      typeKey: 'resolution',
      title: 'Open board meetings to residents',
      body: 'All board meetings are open to residents, except for items on individual tenants or staff, which are minuted in summary.',
      at: ago(2 * DAY),
      comments: [
        { who: 'noor', body: 'Yes. The closed meetings are where trust gets lost.', after: 3 * HOUR, stance: 'support' },
        {
          who: 'omar',
          body: 'Agreed in principle. We need a clear rule for when a session may close, or the exception swallows the rule.',
          after: 5 * HOUR,
          stance: 'concern',
          replyTo: 0,
        },
        { who: 'kenji', body: 'Could meetings be streamed for people who cannot come in person?', after: DAY, stance: 'support' },
      ],
    },
    {
      // A private draft.
      who: 'ada',
      typeKey: 'resolution',
      title: 'Publish an annual report on governance',
      body: 'Each January the board publishes seats filled, vacancies and their ages, decisions taken, and participation.',
      at: ago(HOUR),
      keepDraft: true,
    },
  ];
}
