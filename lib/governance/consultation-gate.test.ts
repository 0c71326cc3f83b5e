import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consultationGate } from './consultation-gate';
import { proposalPhase } from './phase';
import { proposalStatus } from './status';
import { T0, hoursAfter, nonprofit, published } from './test-fixtures';
import type { GateComment } from './types';
import { canCastBallot } from './voting';

const H = (h: number) => hoursAfter(T0, h);
const charter = nonprofit();
const AUTHOR = 'author';
const c = (id: string, over: Partial<GateComment> = {}): GateComment => ({
  id,
  parentId: null,
  authorId: 'ben',
  stance: 'concern',
  createdAt: H(1),
  deletedAt: null,
  ...over,
});

describe('consultationGate', () => {
  it('counts concerns and objections raised in the window by others, each needing a reply from the author', () => {
    const comments = [
      c('k1'),
      c('k2', { stance: 'object', authorId: 'cleo', createdAt: H(5) }),
      c('s1', { stance: 'support' }),
      c('n1', { stance: 'none' }),
      c('own', { authorId: AUTHOR }), // the author cannot gate their own proposal
      c('late', { createdAt: H(20) }), // after the window closed
      c('gone', { deletedAt: H(3) }),
      c('r-other', { parentId: 'k1', authorId: 'dev', stance: 'none', createdAt: H(6) }), // a reply, but not the author's
    ];
    const gate = consultationGate({ authorId: AUTHOR, comments }, H(10), H(30));
    expect(gate.concerns.map((x) => x.id)).toEqual(['k1', 'k2']);
    expect(gate.unanswered.map((x) => x.id)).toEqual(['k1', 'k2']);
    expect(gate.answeredAt).toBeNull();
  });

  it('is open once every concern has a live answer from the author; voting opens no earlier than the last answer', () => {
    const comments = [
      c('k1'),
      c('k2', { stance: 'object', createdAt: H(5) }),
      c('a1', { parentId: 'k1', authorId: AUTHOR, stance: 'none', createdAt: H(12) }),
      c('a2-deleted', { parentId: 'k2', authorId: AUTHOR, stance: 'none', createdAt: H(13), deletedAt: H(14) }),
    ];
    expect(consultationGate({ authorId: AUTHOR, comments }, H(10), H(20)).unanswered.map((x) => x.id)).toEqual(['k2']);
    const answered = [...comments, c('a2', { parentId: 'k2', authorId: AUTHOR, stance: 'none', createdAt: H(15) })];
    expect(consultationGate({ authorId: AUTHOR, comments: answered }, H(10), H(14)).unanswered.map((x) => x.id)).toEqual(['k2']); // not yet posted at 14
    expect(consultationGate({ authorId: AUTHOR, comments: answered }, H(10), H(20))).toMatchObject({ unanswered: [], answeredAt: H(15) });
  });

  it('property: a concern is unanswered exactly when no live reply by the author exists by now', () => {
    const arb = fc.array(
      fc.record({
        stance: fc.constantFrom('support', 'concern', 'object', 'none' as const),
        by: fc.constantFrom(AUTHOR, 'ben', 'cleo'),
        at: fc.integer({ min: 0, max: 30 }),
        deleted: fc.boolean(),
        parent: fc.option(fc.nat({ max: 9 }), { nil: null }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 40 }), (rows, nowH) => {
        const comments = rows.map((r, i): GateComment => ({
          id: `c${i}`,
          parentId: r.parent === null ? null : `c${r.parent}`,
          authorId: r.by,
          stance: r.stance,
          createdAt: H(r.at),
          deletedAt: r.deleted ? H(r.at) : null,
        }));
        const gate = consultationGate({ authorId: AUTHOR, comments }, H(10), H(nowH));
        for (const k of gate.concerns) {
          const answered = comments.some((x) => x.parentId === k.id && x.authorId === AUTHOR && !x.deletedAt && x.createdAt.getTime() <= H(nowH).getTime());
          expect(gate.unanswered.includes(k)).toBe(!answered);
        }
        if (gate.answeredAt) expect(gate.answeredAt.getTime()).toBeLessThanOrEqual(H(nowH).getTime());
      }),
    );
  });
});

describe('the gate in the phase of a removal (answersRequired)', () => {
  // officer_removal: 14 days of comment, then 72 h for the subject's reply (here posted at once).
  const base = { replyPostedAt: H(2) };
  const consultation = (comments: GateComment[]) => ({ consultation: { authorId: AUTHOR, comments } });
  const after = H(14 * 24 + 1);

  it('waits for the author’s answers after the window, refuses ballots in words, then is ready for voting', () => {
    const record = published(charter, 'officer_removal', { ...base, ...consultation([c('k1')]) });
    expect(proposalPhase(record, charter, after)).toEqual({ kind: 'awaiting_answers', unanswered: 1 });
    const status = proposalStatus({ record, charter, strengths: {}, now: after });
    expect(status.label).toBe('Awaiting answers');
    expect(status.explanation).toMatch(/1 concern or objection still needs a public answer from the author/);
    const ballot = canCastBallot({
      record,
      charter,
      stageIndex: 0,
      seat: { seatId: 's1', bodyKey: 'board', seatClass: 'general', holderUserId: 'ben', vacatedAt: null },
      voterUserId: 'ben',
      now: after,
    });
    expect(ballot).toMatchObject({ ok: false, code: 'ballot.awaiting_answers' });
    const answeredAt = H(14 * 24 + 5);
    const answered = published(charter, 'officer_removal', {
      ...base,
      ...consultation([c('k1'), c('a1', { parentId: 'k1', authorId: AUTHOR, stance: 'none', createdAt: answeredAt })]),
    });
    expect(proposalPhase(answered, charter, H(14 * 24 + 4)).kind).toBe('awaiting_answers');
    expect(proposalPhase(answered, charter, H(14 * 24 + 6))).toEqual({ kind: 'ready_for_voting', stageIndex: 0, since: answeredAt });
  });

  it('without concerns, or for a type without the gate, nothing changes', () => {
    expect(proposalPhase(published(charter, 'officer_removal', { ...base, ...consultation([]) }), charter, after).kind).toBe('ready_for_voting');
    expect(proposalPhase(published(charter, 'resolution', consultation([c('k1')])), charter, H(7 * 24 + 1)).kind).toBe('ready_for_voting');
  });

  it('once voting has opened, a deleted answer does not reopen the gate', () => {
    const record = published(charter, 'officer_removal', { ...base, ...consultation([c('k1')]) });
    record.stages[0] = { ...record.stages[0]!, opensAt: H(15 * 24), closesAt: H(22 * 24) };
    expect(proposalPhase(record, charter, H(16 * 24)).kind).toBe('voting');
  });
});
