import { describe, expect, it } from 'vitest';
import { summarizeEntry } from './summary';
import type { SummaryEntry } from './summary';

const ctx = {
  bodyName: (k: string) => ({ board: 'Board', members: 'Member assembly' })[k] ?? null,
  personName: (id: string) => ({ u1: 'Grace Hopper' })[id] ?? null,
};
const s = (kind: string, payload: Record<string, unknown>, subject: string | null = 'proposal:x') =>
  summarizeEntry({ kind, subject, actorId: null, payload } as SummaryEntry, ctx);

describe('summarizeEntry', () => {
  it('summarizes votes without revealing sealed choices', () => {
    expect(s('ballot.cast', { number: 7, stageIndex: 0, commitment: 'abc' })).toBe('Ballot cast on #7 (sealed until close)');
    expect(s('voting.closed', { number: 1, stageIndex: 0, bodyKey: 'board', tally: { yes: 5, no: 0, abstain: 1, outcome: 'passed' } })).toBe(
      'Voting closed on #1: passed 5–0–1',
    );
    expect(s('voting.closed', { number: 3, stageIndex: 0, tally: { yes: 3, no: 0, abstain: 0, outcome: 'failed_quorum' } })).toBe(
      'Voting closed on #3: failed quorum 3–0–0',
    );
    expect(s('voting.closed', { number: 4, stageIndex: 1, bodyKey: 'members', tally: { yes: 9, no: 2, abstain: 0, outcome: 'rejected' } })).toBe(
      'Voting closed on #4 (stage 2, Member assembly): rejected 9–2–0',
    );
  });

  it('summarizes a decision by consent: objections raised and withdrawn, then whether any stood', () => {
    expect(s('objection.raised', { number: 5, stageIndex: 0, seatId: 'seat-1', reason: 'It excludes the night shift.' })).toBe(
      'Objection raised on #5 by a member: It excludes the night shift.',
    );
    expect(s('objection.withdrawn', { number: 5, stageIndex: 0, seatId: 'seat-1' })).toBe('Objection withdrawn on #5 by a member');
    const tally = (objections: number) => ({ yes: 0, no: 0, abstain: 0, cast: 0, outcome: objections ? 'rejected' : 'passed', consent: { objections } });
    expect(s('voting.closed', { number: 5, stageIndex: 0, tally: tally(0), rollCall: [], objections: [] })).toBe(
      'Consent window closed on #5: passed, no objection stood',
    );
    expect(s('voting.closed', { number: 6, stageIndex: 0, tally: tally(2), rollCall: [] })).toBe('Consent window closed on #6: rejected, 2 objections stood');
  });

  it('summarizes a choice among options: secret ballots, then what was chosen', () => {
    expect(s('ballot.cast', { number: 8, stageIndex: 0, secret: true })).toBe('Secret ballot cast on #8');
    const count = { options: ['Hall', 'Park', 'Online'], result: { elected: [2] } };
    expect(
      s('voting.closed', { number: 8, stageIndex: 0, tally: { yes: 0, no: 0, abstain: 0, cast: 4, outcome: 'passed', choice: { method: 'irv', count } } }),
    ).toBe('Voting closed on #8: chosen “Online” (4 secret ballots)');
    expect(
      s('voting.closed', { number: 9, stageIndex: 0, tally: { yes: 0, no: 0, abstain: 0, cast: 1, outcome: 'failed_quorum', choice: { method: 'irv' } } }),
    ).toBe('Voting closed on #9: failed quorum (1 secret ballot)');
  });

  it('names bodies and people from the context, never ids', () => {
    expect(s('seat.founding_appointment', { bodyKey: 'board', position: 2, holderId: 'u1' }, 'seat:1')).toBe(
      'Founding appointment: Grace Hopper to Board seat 2',
    );
    expect(s('seat.filled', { bodyKey: 'board', position: 7, holderId: 'unknown', proposalNumber: 6 }, 'seat:1')).toBe(
      'a member appointed to Board seat 7 by #6',
    );
    expect(
      s(
        'charter.adopted',
        {
          version: 1,
          bodies: [
            { key: 'board', charterSeats: 9 },
            { key: 'members', charterSeats: 25 },
          ],
        },
        'charter:1',
      ),
    ).toBe('Charter version 1 adopted: Board 9 seats, Member assembly 25 seats');
  });

  it('summarizes proposal events', () => {
    expect(s('proposal.published', { number: 2, title: 'Sell the parcel', discussionClosesAt: '2026-01-08T10:00:00.000Z' })).toBe(
      '#2 published: “Sell the parcel”, discussion until 8 Jan 2026, 10:00 UTC',
    );
    expect(s('proposal.decided', { number: 2, outcome: 'rejected' })).toBe('#2 decided: rejected');
    expect(s('proposal.withdrawn', { number: 4, reason: 'Fair point.' })).toBe('#4 withdrawn: Fair point.');
    expect(s('comment.posted', { number: 4, stance: 'object' })).toBe('Comment posted on #4 (object)');
    expect(s('comment.posted', { number: 4, stance: 'none' })).toBe('Comment posted on #4');
  });

  it('summarizes the fuller record: vacancies, notices, memberships, comment edits — names only, never addresses', () => {
    expect(s('seat.vacancy_overdue', { bodyKey: 'members', position: 25, vacatedAt: '2026-03-02T09:00:00.000Z', deadlineDays: 90 }, 'seat:9')).toBe(
      'Member assembly seat 25 vacant past its 90-day deadline (vacant since 2 Mar 2026, 09:00 UTC)',
    );
    expect(s('notice.failed', { number: 1, kind: 'proposal_published', recipientUserId: 'u1' })).toBe('Notice of #1 to Grace Hopper could not be delivered');
    expect(s('notice.failed', { number: 2, kind: 'right_of_reply', recipientUserId: 'u9' })).toBe(
      'Right-of-reply notice of #2 to a member could not be delivered',
    );
    expect(s('notice.delivered_after_retry', { number: 1, kind: 'proposal_published', recipientUserId: 'u1' })).toBe(
      'Notice of #1 delivered to Grace Hopper after a retry',
    );
    expect(s('membership.invited', { membershipId: 'm1', role: 'secretary' }, 'membership:m1')).toBe('A new secretary was invited');
    expect(s('membership.role_changed', { membershipId: 'm1', userId: 'u1', from: 'member', to: 'admin' }, 'membership:m1')).toBe(
      'Grace Hopper: role changed from member to admin',
    );
    expect(s('membership.group_changed', { membershipId: 'm1', userId: 'u1', from: null, to: 'residents' }, 'membership:m1')).toBe(
      'Grace Hopper: stakeholder group changed from no group to “residents”',
    );
    expect(s('membership.group_changed', { membershipId: 'm1', userId: 'u1', from: 'residents', to: null }, 'membership:m1')).toBe(
      'Grace Hopper: stakeholder group changed from “residents” to no group',
    );
    expect(s('membership.weight_changed', { membershipId: 'm1', userId: 'u1', from: 1, to: 40, proposalNumber: 3 }, 'membership:m1')).toBe(
      'Grace Hopper: weight changed from 1 to 40 by #3',
    );
    expect(s('membership.weight_change_skipped', { userId: 'u1', proposalNumber: 3, reason: 'Gone.' }, 'proposal:p')).toBe(
      'Weight change by #3 skipped: Gone.',
    );
    expect(s('membership.removed', { membershipId: 'm1', userId: 'u1', role: 'member' }, 'membership:m1')).toBe(
      'Grace Hopper removed from the organization by an admin',
    );
    expect(s('membership.left', { membershipId: 'm1', userId: 'u1' }, 'membership:m1')).toBe('Grace Hopper left the organization');
    expect(s('comment.edited', { number: 4, commentId: 'c', revision: 2, bodyHash: 'h' })).toBe('Comment on #4 edited by its author (version 2)');
    expect(s('comment.deleted', { number: 4, commentId: 'c' })).toBe('Comment on #4 deleted by its author');
    expect(
      s(
        'organization.profile_changed',
        { fields: ['name', 'isPublic'], before: { name: 'A', isPublic: true }, after: { name: 'River Co-op', isPublic: false } },
        'organization:o',
      ),
    ).toBe('Organization profile: name changed to “River Co-op”, made private (members only)');
    expect(s('organization.profile_changed', { fields: ['mission'], before: { mission: '' }, after: { mission: 'Boats.' } }, 'organization:o')).toBe(
      'Organization profile: mission changed',
    );
  });

  it('copes with unknown kinds and malformed payloads', () => {
    expect(s('something.new', {}, 'thing:1')).toBe('something.new (thing:1)');
    expect(s('voting.closed', { number: 'x', tally: 'nope' })).toBe('Voting closed on a proposal: closed 0–0–0');
    expect(s('proposal.published', { number: 1, title: 5, discussionClosesAt: 'not a date' })).toBe('#1 published: “untitled”');
  });
});
