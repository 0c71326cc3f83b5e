// The consultation gate through the production path (issue 15 item 6): a removal's concerns, raised
// in the comment window through postComment, hold voting until the author answers each one publicly.
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { loadProposal, loadProposals } from '@/db/queries/proposals';
import { proposalPhase } from '@/lib/governance/phase';
import { deleteComment, postComment } from '@/lib/use-cases/comments';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { foundOrganization } from './fixtures/organization';
import { castBallots, clockFrom, publishedProposal, refusal } from './fixtures/scenario';
import { withTestDatabase } from './helpers';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = clockFrom(T0);

let db: Database;
withTestDatabase({ app: false }, (handle) => (db = handle.db));

async function phases(orgId: string, proposalId: string, when: Date) {
  const charter = (await getActiveCharter(db, orgId))!.document;
  const one = proposalPhase((await loadProposal(db, orgId, proposalId))!.record, charter, when);
  // The organization page's batch loader reads the same facts.
  const many = proposalPhase((await loadProposals(db, orgId, [proposalId])).get(proposalId)!.record, charter, when);
  expect(many).toEqual(one);
  return one;
}

describe('the consultation gate of a removal', () => {
  it('holds voting until the author has answered every concern raised in the window; answers by others do not count', async () => {
    const org = await foundOrganization(db, { slug: 'gate-org', seated: 9, at: T0 });
    const [author, subject, ben, cleo] = [org.people[2]!, org.people[1]!, org.people[3]!, org.people[4]!];
    const id = await publishedProposal(
      db,
      author,
      org.orgId,
      {
        typeKey: 'officer_removal',
        title: 'Remove person 1',
        body: 'Person 1 has missed every meeting.',
        subjectUserId: subject.userId,
        effect: { seatId: org.boardSeats[1]! },
      },
      at(1),
    );
    const comment = (who: typeof ben, text: string, stance: 'concern' | 'object' | 'none', when: Date, parentId: string | null = null) =>
      postComment(db, who, { orgId: org.orgId, proposalId: id, parentId, body: text, stance, asReply: false }, when);
    const concern = await comment(ben, 'Has anyone asked why? This looks like a closed-door decision.', 'concern', at(3));
    const objection = await comment(cleo, 'I object: the board has not heard from the employees.', 'object', at(4));
    const withdrawn = await comment(cleo, 'Second thoughts on timing.', 'concern', at(5));
    await deleteComment(db, cleo, { orgId: org.orgId, proposalId: id, commentId: withdrawn.id }, at(6));
    // The subject's reply (right of reply) comes at once.
    await postComment(db, subject, { orgId: org.orgId, proposalId: id, parentId: null, body: 'I was on leave.', stance: 'none', asReply: true }, at(2));

    // After the 14-day window: the discussion closes, but voting does not open — two concerns are unanswered.
    expect(await recordTransitions(db, id, org.orgId, at(15, 1))).toEqual(['discussion_closed']);
    expect(await phases(org.orgId, id, at(15, 1))).toEqual({ kind: 'awaiting_answers', unanswered: 2 });
    // A ballot is refused in words, and a reply by someone else is not the author's answer.
    expect(await refusal(() => castBallots(db, org, id, [0], 'yes', at(15, 2)))).toMatchObject({ code: 'voting.not_open_yet' });
    expect((await refusal(() => castBallots(db, org, id, [0], 'yes', at(15, 2)))).message).toMatch(
      /2 concern\(s\) or objection\(s\) raised in the comment window still need a public answer from the author/,
    );
    await comment(ben, 'I can answer that: they were asked.', 'none', at(15, 3), concern.id);
    expect(await recordTransitions(db, id, org.orgId, at(15, 4))).toEqual([]);

    // The author answers one, then the other: voting opens on the worker's next pass after the last answer.
    await comment(author, 'The board asked twice, in writing; both letters are attached to the minutes.', 'none', at(15, 5), concern.id);
    expect(await phases(org.orgId, id, at(15, 6))).toEqual({ kind: 'awaiting_answers', unanswered: 1 });
    expect(await recordTransitions(db, id, org.orgId, at(15, 6))).toEqual([]);
    const last = await comment(
      author,
      'The employee representatives were heard on 3 March; their statement is in the record.',
      'none',
      at(15, 7),
      objection.id,
    );
    expect(await recordTransitions(db, id, org.orgId, at(15, 8))).toEqual(['stage_0_opened']);

    // Once voting is open, deleting an answer does not close it again.
    await deleteComment(db, author, { orgId: org.orgId, proposalId: id, commentId: last.id }, at(15, 9));
    expect((await phases(org.orgId, id, at(16))).kind).toBe('voting');
  });

  it('a removal nobody raised a concern about opens as before', async () => {
    const org = await foundOrganization(db, { slug: 'gate-quiet', seated: 9, at: T0 });
    const id = await publishedProposal(
      db,
      org.people[2]!,
      org.orgId,
      {
        typeKey: 'officer_removal',
        title: 'Remove person 1',
        body: 'Missed meetings.',
        subjectUserId: org.people[1]!.userId,
        effect: { seatId: org.boardSeats[1]! },
      },
      at(1),
    );
    await postComment(db, org.people[3]!, { orgId: org.orgId, proposalId: id, parentId: null, body: 'Agreed.', stance: 'support', asReply: false }, at(2));
    // No reply from the subject: voting waits for the 72-hour reply window, then opens.
    expect(await recordTransitions(db, id, org.orgId, at(18, 1))).toEqual(['discussion_closed', 'stage_0_opened']);
  });
});
