import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T0 } from './test-fixtures';
import { allowedProposalActions, mayAct, proposalActions } from './permissions';
import type { ProposalActor } from './permissions';
import { membershipRoles } from './roles';
import type { Phase } from './types';

const phases: Record<Phase['kind'], Phase> = {
  draft: { kind: 'draft' },
  discussion: { kind: 'discussion', closesAt: T0 },
  awaiting_reply: { kind: 'awaiting_reply', dueAt: T0 },
  awaiting_answers: { kind: 'awaiting_answers', unanswered: 2 },
  ready_for_voting: { kind: 'ready_for_voting', stageIndex: 0, since: T0 },
  voting: { kind: 'voting', stageIndex: 0, closesAt: T0 },
  passed: { kind: 'passed', at: T0 },
  rejected: { kind: 'rejected', stageIndex: 0, at: T0 },
  failed_quorum: { kind: 'failed_quorum', stageIndex: 0, at: T0 },
  lapsed: { kind: 'lapsed', at: T0 },
  withdrawn: { kind: 'withdrawn', at: T0 },
};
const kinds = Object.keys(phases) as Phase['kind'][];

function actions(actor: Partial<Omit<ProposalActor, 'phase'>> & { phase: Phase['kind'] }): string[] {
  const { phase, ...rest } = actor;
  return [
    ...allowedProposalActions({
      role: 'member',
      isAuthor: false,
      isSubject: false,
      holdsSeatInStageBody: false,
      isRecused: false,
      ...rest,
      phase: phases[phase],
    }),
  ].sort();
}

/** The phases in which this actor (a member unless said otherwise) may take `action`. */
function phasesAllowing(action: string, actor: Partial<Omit<ProposalActor, 'phase'>> = {}): Phase['kind'][] {
  return kinds.filter((kind) => actions({ ...actor, phase: kind }).includes(action));
}

describe('allowedProposalActions', () => {
  it('non-members and observers may do nothing', () => {
    for (const role of [null, 'observer'] as const) {
      for (const kind of kinds) {
        expect(actions({ role, isAuthor: true, holdsSeatInStageBody: true, phase: kind })).toEqual([]);
      }
    }
  });

  it('members comment during discussion, awaiting reply or answers, ready for voting and voting', () => {
    expect(phasesAllowing('comment')).toEqual(['discussion', 'awaiting_reply', 'awaiting_answers', 'ready_for_voting', 'voting']);
    expect(actions({ phase: 'discussion' })).toEqual(['comment']);
  });

  it('the author edits and publishes a draft', () => {
    expect(actions({ isAuthor: true, phase: 'draft' })).toEqual(['edit', 'publish', 'withdraw']);
  });

  it('the author revises only during discussion — and, for a decision by consent, while objections are open', () => {
    expect(phasesAllowing('edit', { isAuthor: true })).toEqual(['draft', 'discussion']);
    expect(phasesAllowing('edit', { isAuthor: true, decidesByConsent: true })).toEqual(['draft', 'discussion', 'voting']);
    expect(phasesAllowing('edit', { isAuthor: false, holdsSeatInStageBody: true, decidesByConsent: true })).toEqual([]);
  });

  it('the author withdraws only before voting opens', () => {
    expect(phasesAllowing('withdraw', { isAuthor: true })).toEqual(['draft', 'discussion', 'awaiting_reply', 'awaiting_answers', 'ready_for_voting']);
  });

  it('the subject replies during discussion and awaiting reply — even as an observer or a non-member', () => {
    for (const role of [null, 'observer', 'member'] as const) {
      expect(phasesAllowing('reply', { role, isSubject: true })).toEqual(['discussion', 'awaiting_reply']);
    }
    expect(actions({ role: 'observer', isSubject: true, phase: 'discussion' })).toEqual(['reply']);
    expect(actions({ isSubject: false, phase: 'discussion' })).not.toContain('reply');
  });

  it('seat holders vote only during voting', () => {
    expect(phasesAllowing('vote', { holdsSeatInStageBody: true })).toEqual(['voting']);
    expect(actions({ holdsSeatInStageBody: false, phase: 'voting' })).not.toContain('vote');
  });

  it('seat holders may recuse from discussion until voting closes', () => {
    expect(phasesAllowing('recuse', { holdsSeatInStageBody: true })).toEqual([
      'discussion',
      'awaiting_reply',
      'awaiting_answers',
      'ready_for_voting',
      'voting',
    ]);
  });

  it('a recused seat holder neither votes nor recuses again', () => {
    expect(actions({ holdsSeatInStageBody: true, isRecused: true, phase: 'voting' })).toEqual(['comment']);
  });

  it('a secretary or admin opens voting when ready — a member cannot', () => {
    expect(phasesAllowing('open_voting', { role: 'secretary' })).toEqual(['ready_for_voting']);
    expect(actions({ role: 'admin', phase: 'ready_for_voting' })).toContain('open_voting');
    expect(actions({ role: 'member', phase: 'ready_for_voting' })).not.toContain('open_voting');
  });

  it('nothing at all once decided or withdrawn (property)', () => {
    const decided = fc.constantFrom<Phase['kind']>('passed', 'rejected', 'failed_quorum', 'lapsed', 'withdrawn');
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...membershipRoles), { nil: null }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        decided,
        (role, isAuthor, isSubject, holdsSeatInStageBody, isRecused, phase) => {
          expect(actions({ role, isAuthor, isSubject, holdsSeatInStageBody, isRecused, phase })).toEqual([]);
        },
      ),
    );
  });

  it('returns only known actions', () => {
    const all = allowedProposalActions({ role: 'admin', isAuthor: true, isSubject: true, holdsSeatInStageBody: true, isRecused: false, phase: phases.voting });
    for (const a of all) expect(proposalActions).toContain(a);
  });

  it('an emergency motion is backed by a first-body seat holder, during discussion only, while it is open', () => {
    expect(phasesAllowing('back_emergency', { holdsSeatInStageBody: true, emergencyMotionOpen: true })).toEqual(['discussion']);
    expect(actions({ holdsSeatInStageBody: true, emergencyMotionOpen: false, phase: 'discussion' })).not.toContain('back_emergency');
    expect(actions({ holdsSeatInStageBody: false, emergencyMotionOpen: true, phase: 'discussion' })).not.toContain('back_emergency');
  });
});

describe('mayAct: one answer for pages, actions and use cases', () => {
  const base = { isAuthor: false, isSubject: false, isRecused: false, emergencyMotionOpen: true };
  // role × seat × phase → may vote / recuse / back the motion / comment
  const table: [
    role: 'observer' | 'member' | 'secretary' | 'admin' | null,
    seat: boolean,
    phase: Phase['kind'],
    vote: boolean,
    recuse: boolean,
    back: boolean,
    comment: boolean,
  ][] = [
    ['observer', true, 'voting', false, false, false, false],
    ['observer', true, 'discussion', false, false, false, false],
    ['observer', true, 'ready_for_voting', false, false, false, false],
    [null, true, 'voting', false, false, false, false],
    ['member', true, 'voting', true, true, false, true],
    ['member', true, 'discussion', false, true, true, true],
    ['member', false, 'voting', false, false, false, true],
    ['secretary', true, 'voting', true, true, false, true],
    ['admin', true, 'discussion', false, true, true, true],
    ['member', true, 'passed', false, false, false, false],
  ];
  it.each(table)('%s, seat %s, %s: vote %s, recuse %s, back %s, comment %s', (role, seat, kind, vote, recuse, back, comment) => {
    const actor = { ...base, role, holdsSeatInStageBody: seat, phase: phases[kind] };
    expect(mayAct(actor, 'vote').ok).toBe(vote);
    expect(mayAct(actor, 'recuse').ok).toBe(recuse);
    expect(mayAct(actor, 'back_emergency').ok).toBe(back);
    expect(mayAct(actor, 'comment').ok).toBe(comment);
  });

  it('an observer holding a seat is told why in plain words', () => {
    const result = mayAct({ ...base, role: 'observer', holdsSeatInStageBody: true, phase: phases.voting }, 'vote');
    expect(result).toMatchObject({ ok: false, code: 'proposal.observer_cannot_act', reason: expect.stringMatching(/^Observers cannot vote/) });
  });

  it('observers never vote, recuse or back a motion, whatever else is true (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...kinds),
        (isAuthor, isSubject, isRecused, emergencyMotionOpen, kind) => {
          const actor = { role: 'observer' as const, isAuthor, isSubject, holdsSeatInStageBody: true, isRecused, emergencyMotionOpen, phase: phases[kind] };
          for (const action of ['vote', 'recuse', 'back_emergency', 'comment', 'edit', 'publish', 'open_voting'] as const)
            expect(mayAct(actor, action).ok).toBe(false);
        },
      ),
    );
  });
});
