import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBody, findType } from './charter';
import { T0, ballots, hoursAfter, nonprofit, passedEmergencyResolution, published, seatsOf, stageRecord } from './test-fixtures';
import { isDecided, isUnderWay, phaseDeadline, proposalPhase, stageOutcomes } from './phase';
import { bodyStrength } from './strength';
import type { Charter, Phase, ProposalRecord, ProposalTypeSpec } from './types';
import { canOpenVoting } from './voting';
import { discussionClosesAtOnPublish, extendForRevision } from './windows';

const charter = nonprofit();
const H = (h: number) => hoursAfter(T0, h);
const at = (record: ProposalRecord, hours: number) => proposalPhase(record, charter, H(hours));

// Resolution: window closes at +168 h; stage 0 (board) votes 72 h.
const opened = (opensAtH: number, extra: Partial<Parameters<typeof stageRecord>[0]> = {}) =>
  stageRecord({ opensAt: H(opensAtH), closesAt: H(opensAtH + 72), ...extra });

describe('proposalPhase: before voting', () => {
  it('a draft is a draft', () => {
    expect(at(published(charter, 'resolution', { status: 'draft', publishedAt: null, discussionClosesAt: null }), 0)).toEqual({ kind: 'draft' });
  });

  it('before its publication time a proposal is still a draft', () => {
    expect(at(published(charter, 'resolution'), -1)).toEqual({ kind: 'draft' });
  });

  it('in discussion until the comment window closes (exclusive)', () => {
    const record = published(charter, 'resolution');
    expect(at(record, 0)).toEqual({ kind: 'discussion', closesAt: H(168) });
    expect(at(record, 167.99)).toEqual({ kind: 'discussion', closesAt: H(168) });
    expect(at(record, 168)).toEqual({ kind: 'ready_for_voting', stageIndex: 0, since: H(168) });
  });

  it('a stored close earlier than the minimum window does not shorten the discussion', () => {
    expect(at(published(charter, 'resolution', { discussionClosesAt: H(2) }), 100)).toEqual({ kind: 'discussion', closesAt: H(168) });
  });

  it('a late revision’s later close is honoured', () => {
    expect(at(published(charter, 'resolution', { discussionClosesAt: H(190) }), 180)).toEqual({ kind: 'discussion', closesAt: H(190) });
  });

  it('awaits the subject’s reply after the window, until the reply or the deadline', () => {
    const record = published(charter, 'officer_removal'); // closes +336, reply window 72 h
    expect(at(record, 336)).toEqual({ kind: 'awaiting_reply', dueAt: H(408) });
    expect(at(record, 407)).toEqual({ kind: 'awaiting_reply', dueAt: H(408) });
    expect(at(record, 408)).toEqual({ kind: 'ready_for_voting', stageIndex: 0, since: H(408) });
  });

  it('a reply ends the wait; a reply during discussion means no wait at all', () => {
    expect(at(published(charter, 'officer_removal', { replyPostedAt: H(350) }), 360)).toEqual({ kind: 'ready_for_voting', stageIndex: 0, since: H(350) });
    expect(at(published(charter, 'officer_removal', { replyPostedAt: H(10) }), 336)).toEqual({ kind: 'ready_for_voting', stageIndex: 0, since: H(336) });
  });

  it('a reply recorded after `now` does not count yet', () => {
    expect(at(published(charter, 'officer_removal', { replyPostedAt: H(380) }), 370)).toEqual({ kind: 'awaiting_reply', dueAt: H(408) });
  });
});

describe('proposalPhase: voting and outcomes', () => {
  it('ready_for_voting until a stage is opened', () => {
    expect(at(published(charter, 'resolution', { stages: [stageRecord()] }), 500)).toEqual({ kind: 'ready_for_voting', stageIndex: 0, since: H(168) });
  });

  it('voting while opensAt ≤ now < closesAt', () => {
    const record = published(charter, 'resolution', { stages: [opened(200)] });
    expect(at(record, 199)).toEqual({ kind: 'ready_for_voting', stageIndex: 0, since: H(168) });
    expect(at(record, 200)).toEqual({ kind: 'voting', stageIndex: 0, closesAt: H(272) });
    expect(at(record, 271.99)).toEqual({ kind: 'voting', stageIndex: 0, closesAt: H(272) });
  });

  it('at closesAt the stage is tallied: passed', () => {
    const record = published(charter, 'resolution', { stages: [opened(200, { ballots: ballots({ yes: 4, no: 1 }, H(201)) })] });
    expect(at(record, 272)).toEqual({ kind: 'passed', at: H(272) });
    expect(isDecided(at(record, 272))).toBe(true);
  });

  it('too few ballots of the 9 charter seats: failed_quorum', () => {
    const record = published(charter, 'resolution', { stages: [opened(200, { ballots: ballots({ yes: 4 }, H(201)) })] });
    expect(at(record, 300)).toEqual({ kind: 'failed_quorum', stageIndex: 0, at: H(272) });
  });

  it('a majority against: rejected', () => {
    const record = published(charter, 'resolution', { stages: [opened(200, { ballots: ballots({ yes: 2, no: 3 }, H(201)) })] });
    expect(at(record, 300)).toEqual({ kind: 'rejected', stageIndex: 0, at: H(272) });
  });

  it('the removal lesson: 5 yes of 6 present fails against 2/3 of 9 charter seats', () => {
    const record = published(charter, 'officer_removal', {
      replyPostedAt: H(340),
      stages: [stageRecord({ opensAt: H(340), closesAt: H(340 + 168), ballots: ballots({ yes: 5, no: 1 }, H(341)) })],
    });
    expect(at(record, 600)).toEqual({ kind: 'rejected', stageIndex: 0, at: H(508) });
  });

  it('a stage opened before the rules allow is treated as opening when they allow, with its full window', () => {
    // Tampered: opened at +10 h, closing at +82 h — during the mandatory comment window.
    const record = published(charter, 'resolution', { stages: [stageRecord({ opensAt: H(10), closesAt: H(82), ballots: ballots({ yes: 9 }, H(11)) })] });
    expect(at(record, 50)).toEqual({ kind: 'discussion', closesAt: H(168) });
    expect(at(record, 168)).toEqual({ kind: 'voting', stageIndex: 0, closesAt: H(240) });
    // The ballots cast before the effective opening do not count.
    expect(at(record, 240)).toEqual({ kind: 'failed_quorum', stageIndex: 0, at: H(240) });
  });

  it('a stored close shorter than the voting window is not honoured', () => {
    const record = published(charter, 'resolution', { stages: [stageRecord({ opensAt: H(200), closesAt: H(201) })] });
    expect(at(record, 230)).toEqual({ kind: 'voting', stageIndex: 0, closesAt: H(272) });
  });

  it('ballots at or after closesAt do not count', () => {
    const record = published(charter, 'resolution', { stages: [opened(200, { ballots: ballots({ yes: 5 }, H(272)) })] });
    expect(at(record, 300).kind).toBe('failed_quorum');
  });

  it('a missing charter-seat snapshot falls back to the charter, never to zero', () => {
    const record = published(charter, 'resolution', { stages: [opened(200, { charterSeats: 0, ballots: ballots({ yes: 2 }, H(201)) })] });
    expect(at(record, 300).kind).toBe('failed_quorum');
    expect(stageOutcomes(record, charter, H(300))[0]?.tally?.charterSeats).toBe(9);
  });
});

describe('proposalPhase: multi-body approval (docs/design.md §3.7)', () => {
  // Charter amendment: window +336 h; board 7 days (2/3 of 9 charter seats), then members 7 days (majority of votes cast, quorum 13 of 25).
  const boardPassed = stageRecord({ opensAt: H(336), closesAt: H(504), ballots: ballots({ yes: 6 }, H(340)) });
  /** The members' stage voting from H(510) to H(678), these ballots cast at H(520). */
  const membersVoting = (votes: { yes?: number; no?: number }) =>
    stageRecord({ bodyKey: 'members', charterSeats: 25, opensAt: H(510), closesAt: H(678), ballots: ballots(votes, H(520), 'members') });

  it('the board passing leads to member ratification, ready since the board’s close', () => {
    const record = published(charter, 'charter_amendment', { stages: [boardPassed] });
    expect(at(record, 504)).toEqual({ kind: 'ready_for_voting', stageIndex: 1, since: H(504) });
  });

  it('a members stage opened before the board closed waits for the board’s close', () => {
    const record = published(charter, 'charter_amendment', {
      stages: [boardPassed, stageRecord({ bodyKey: 'members', charterSeats: 25, opensAt: H(400), closesAt: H(568) })],
    });
    expect(at(record, 450)).toEqual({ kind: 'voting', stageIndex: 0, closesAt: H(504) });
    expect(at(record, 504)).toEqual({ kind: 'voting', stageIndex: 1, closesAt: H(672) });
  });

  it('passes only when the last stage passes', () => {
    const members = membersVoting({ yes: 10, no: 3 });
    const record = published(charter, 'charter_amendment', { stages: [boardPassed, members] });
    expect(at(record, 600)).toEqual({ kind: 'voting', stageIndex: 1, closesAt: H(678) });
    expect(at(record, 678)).toEqual({ kind: 'passed', at: H(678) });
  });

  it('members rejecting ends it at stage 2', () => {
    const members = membersVoting({ yes: 5, no: 9 });
    expect(at(published(charter, 'charter_amendment', { stages: [boardPassed, members] }), 700)).toEqual({ kind: 'rejected', stageIndex: 1, at: H(678) });
  });

  it('a board failure ends it: the members stage is never reached', () => {
    const board = stageRecord({ opensAt: H(336), closesAt: H(504), ballots: ballots({ yes: 5, no: 1 }, H(340)) });
    const members = membersVoting({ yes: 20 });
    const record = published(charter, 'charter_amendment', { stages: [board, members] });
    expect(at(record, 700)).toEqual({ kind: 'rejected', stageIndex: 0, at: H(504) });
    const outcomes = stageOutcomes(record, charter, H(700));
    expect(outcomes.map((o) => o.tally?.outcome ?? null)).toEqual(['rejected', null]);
    expect(outcomes[1]).toMatchObject({ opensAt: null, closesAt: null, tally: null });
  });

  it('stageOutcomes gives each closed stage’s tally', () => {
    const record = published(charter, 'charter_amendment', { stages: [boardPassed] });
    const [board, members] = stageOutcomes(record, charter, H(505));
    expect(board).toMatchObject({ stageIndex: 0, bodyKey: 'board', opensAt: H(336), closesAt: H(504) });
    expect(board?.tally).toMatchObject({ yes: 6, yesRequired: 6, passed: true });
    expect(members).toMatchObject({ stageIndex: 1, bodyKey: 'members', tally: null });
    // While voting, no tally yet.
    expect(stageOutcomes(record, charter, H(400))[0]?.tally).toBeNull();
  });
});

describe('proposalPhase: emergency lapse (docs/design.md §3.9)', () => {
  // Emergency resolution: 48 h window, board votes 24 h, ratify within 30 days of passing.
  const base = passedEmergencyResolution(charter);
  const deadline = H(72 + 30 * 24);

  it('passes after the shortened window', () => {
    expect(proposalPhase(base, charter, H(72))).toEqual({ kind: 'passed', at: H(72) });
  });

  it('lapses at the deadline without ratification', () => {
    expect(proposalPhase(base, charter, new Date(deadline.getTime() - 1)).kind).toBe('passed');
    expect(proposalPhase(base, charter, deadline)).toEqual({ kind: 'lapsed', at: deadline });
  });

  it('ratified in time, it stays passed', () => {
    expect(proposalPhase({ ...base, ratifiedAt: H(100) }, charter, H(2000)).kind).toBe('passed');
    expect(proposalPhase({ ...base, ratifiedAt: deadline }, charter, H(2000)).kind).toBe('passed');
  });

  it('ratified after the deadline, it lapsed', () => {
    expect(proposalPhase({ ...base, ratifiedAt: hoursAfter(deadline, 1) }, charter, H(2000))).toEqual({ kind: 'lapsed', at: deadline });
  });

  it('a normal (non-emergency) decision never lapses', () => {
    const normal = published(charter, 'emergency_resolution', {
      stages: [stageRecord({ opensAt: H(168), closesAt: H(192), ballots: ballots({ yes: 6 }, H(170)) })],
    });
    expect(proposalPhase(normal, charter, H(5000)).kind).toBe('passed');
  });
});

describe('proposalPhase: withdrawal', () => {
  it('withdrawn from its withdrawal time', () => {
    const record = published(charter, 'resolution', { status: 'withdrawn', withdrawnAt: H(20) });
    expect(at(record, 19)).toEqual({ kind: 'discussion', closesAt: H(168) });
    expect(at(record, 20)).toEqual({ kind: 'withdrawn', at: H(20) });
  });

  it('a decision already taken stands: a later withdrawal cannot undo it', () => {
    const record = published(charter, 'resolution', {
      status: 'withdrawn',
      withdrawnAt: H(300),
      stages: [opened(200, { ballots: ballots({ yes: 5 }, H(201)) })],
    });
    expect(at(record, 400)).toEqual({ kind: 'passed', at: H(272) });
  });
});

// ---------------------------------------------------------------------------------------------
// (a) No sequence of publish / revise / reply / open-voting actions, at arbitrary times, makes the
// phase 'voting' or canOpenVoting ok before publication + the minimum comment window.

type Action = { kind: 'revise' | 'reply' | 'open' | 'tamper_open' | 'tamper_close'; atHours: number; substantive: boolean };

type TypeParams = {
  minCommentWindowHours: number;
  lateRevisionWindowHours: number;
  lateRevisionExtensionHours: number;
  requiresSubject: boolean;
  replyWindowHours: number;
  emergencyHours: number | null;
  votingWindowHours: number;
};

const typeArb: fc.Arbitrary<TypeParams> = fc.record({
  minCommentWindowHours: fc.integer({ min: 1, max: 400 }),
  lateRevisionWindowHours: fc.integer({ min: 1, max: 100 }),
  lateRevisionExtensionHours: fc.integer({ min: 1, max: 100 }),
  requiresSubject: fc.boolean(),
  replyWindowHours: fc.integer({ min: 24, max: 100 }),
  emergencyHours: fc.option(fc.integer({ min: 1, max: 399 }), { nil: null }),
  votingWindowHours: fc.integer({ min: 1, max: 200 }),
});

const actionArb: fc.Arbitrary<Action> = fc.record({
  kind: fc.constantFrom('revise' as const, 'reply' as const, 'open' as const, 'tamper_open' as const, 'tamper_close' as const),
  atHours: fc.integer({ min: -50, max: 1000 }),
  substantive: fc.boolean(),
});

function scenarioCharter(t: TypeParams): { charter: Charter; type: ProposalTypeSpec } {
  const c = nonprofit();
  const type = findType(c, 'resolution');
  Object.assign(type, {
    minCommentWindowHours: t.minCommentWindowHours,
    lateRevisionWindowHours: t.lateRevisionWindowHours,
    lateRevisionExtensionHours: t.lateRevisionExtensionHours,
    requiresSubject: t.requiresSubject,
    replyWindowHours: t.replyWindowHours,
    emergency:
      t.emergencyHours !== null && t.emergencyHours < t.minCommentWindowHours
        ? { minCommentWindowHours: t.emergencyHours, motionThreshold: { num: 3, den: 4, inclusive: true }, ratifyWithinDays: 30 }
        : null,
  });
  type.stages[0]!.votingWindowHours = t.votingWindowHours;
  return { charter: c, type };
}

describe('property (a): the comment window cannot be cut short', () => {
  it('no phase is voting, and no vote can open, before publication + the minimum window', () => {
    const full = { board: bodyStrength(findBody(charter, 'board'), seatsOf('board', 9, 9), T0) };
    fc.assert(
      fc.property(
        typeArb,
        fc.boolean(),
        fc.array(actionArb, { maxLength: 12 }),
        fc.array(fc.integer({ min: -50, max: 1000 }), { minLength: 1, maxLength: 8 }),
        (t, useEmergency, actions, probes) => {
          const { charter: c, type } = scenarioCharter(t);
          const emergency = useEmergency && type.emergency !== null;
          const minimumHours = emergency && type.emergency ? type.emergency.minCommentWindowHours : type.minCommentWindowHours;
          const floor = H(minimumHours).getTime();

          // Publish at T0, then apply the actions in time order, honestly (open only when allowed) or not (tamper).
          let record: ProposalRecord = {
            ...published(c, 'resolution'),
            subjectUserId: type.requiresSubject ? 'user-9' : null,
            discussionClosesAt: discussionClosesAtOnPublish(type, T0, emergency),
            emergencyApprovedAt: emergency ? T0 : null,
          };
          const history: ProposalRecord[] = [record];
          for (const a of [...actions].sort((x, y) => x.atHours - y.atHours)) {
            const now = H(a.atHours);
            const stage = record.stages[0];
            if (a.kind === 'revise') {
              const next = extendForRevision({
                discussionClosesAt: record.discussionClosesAt!,
                revisedAt: now,
                substantive: a.substantive,
                type,
                votingOpenedAt: stage?.opensAt ?? null,
              });
              expect(next.getTime()).toBeGreaterThanOrEqual(record.discussionClosesAt!.getTime());
              record = { ...record, discussionClosesAt: next };
            } else if (a.kind === 'reply') {
              record = { ...record, replyPostedAt: record.replyPostedAt ?? now };
            } else if (a.kind === 'open') {
              if (canOpenVoting({ record, charter: c, stageIndex: 0, strengths: full, now }).ok) {
                expect(now.getTime()).toBeGreaterThanOrEqual(floor);
                record = { ...record, stages: [stageRecord({ opensAt: now, closesAt: hoursAfter(now, t.votingWindowHours) })] };
              }
            } else if (a.kind === 'tamper_open') {
              record = { ...record, stages: [stageRecord({ opensAt: now, closesAt: hoursAfter(now, t.votingWindowHours) })] };
            } else {
              record = { ...record, discussionClosesAt: now }; // a forged earlier close
            }
            history.push(record);
          }

          for (const r of history) {
            for (const p of probes) {
              const now = H(p);
              if (now.getTime() >= floor) continue;
              const phase = proposalPhase(r, c, now);
              expect(phase.kind).not.toBe('voting');
              expect(isDecided(phase)).toBe(false);
              expect(canOpenVoting({ record: r, charter: c, stageIndex: 0, strengths: full, now }).ok).toBe(false);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('isUnderWay / isDecided', () => {
  it('sorts every phase into under way, decided, or neither (draft, withdrawn)', () => {
    const at = new Date('2026-11-26T14:00:00Z');
    const phases: Phase[] = [
      { kind: 'draft' },
      { kind: 'discussion', closesAt: at },
      { kind: 'awaiting_reply', dueAt: at },
      { kind: 'ready_for_voting', stageIndex: 0, since: at },
      { kind: 'voting', stageIndex: 0, closesAt: at },
      { kind: 'passed', at },
      { kind: 'rejected', stageIndex: 0, at },
      { kind: 'failed_quorum', stageIndex: 0, at },
      { kind: 'lapsed', at },
      { kind: 'withdrawn', at },
    ];
    expect(phases.filter(isUnderWay).map((p) => p.kind)).toEqual(['discussion', 'awaiting_reply', 'ready_for_voting', 'voting']);
    expect(phases.filter(isDecided).map((p) => p.kind)).toEqual(['passed', 'rejected', 'failed_quorum', 'lapsed']);
    expect(phases.map((p) => phaseDeadline(p)?.label ?? null)).toEqual([
      null,
      'Comment window closes',
      'Reply due',
      null,
      'Voting closes',
      null,
      null,
      null,
      null,
      null,
    ]);
    // A decision by consent: its window closes for objections; the other deadlines read the same.
    expect(phases.map((p) => phaseDeadline(p, { consent: true })?.label ?? null)).toEqual([
      null,
      'Comment window closes',
      'Reply due',
      null,
      'Objections close',
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(phases.map((p) => phaseDeadline(p, { consent: true })?.kind ?? null).filter(Boolean)).toEqual(['discussion', 'awaiting_reply', 'consent']);
    expect(phases.map((p) => phaseDeadline(p)?.kind ?? null).filter(Boolean)).toEqual(['discussion', 'awaiting_reply', 'voting']);
  });
});
