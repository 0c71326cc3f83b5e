// proposalPhaseUntil: the phase at `now` holds until `until` and no longer (db/read/overview-front.ts keeps
// an organization's phase counts until the earliest such instant).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T0, ballots, hoursAfter, nonprofit, passedEmergencyResolution, published, stageRecord } from './test-fixtures';
import { proposalPhase, proposalPhaseUntil } from './phase';
import { charterFromTemplate } from './templates';
import type { Charter, GateComment, ProposalRecord, StageRecord, TallyResult } from './types';

const H = (h: number) => hoursAfter(T0, h);
const charters: Charter[] = (['nonprofit_board', 'cooperative', 'open_source_foundation', 'informal_group', 'small_board'] as const).map(charterFromTemplate);

describe('proposalPhaseUntil: examples', () => {
  const charter = nonprofit();

  it('a comment window holds until it closes; then the stage waits for a write (no end)', () => {
    const record = published(charter, 'resolution');
    expect(proposalPhaseUntil(record, charter, H(-1))).toEqual({ phase: { kind: 'draft' }, until: T0 });
    expect(proposalPhaseUntil(record, charter, H(0))).toEqual({ phase: { kind: 'discussion', closesAt: H(168) }, until: H(168) });
    expect(proposalPhaseUntil(record, charter, H(168))).toEqual({ phase: { kind: 'ready_for_voting', stageIndex: 0, since: H(168) }, until: null });
  });

  it('voting holds until the effective close; a decision, until its ratification deadline if an emergency', () => {
    const record = published(charter, 'resolution', { stages: [stageRecord({ opensAt: H(200), closesAt: H(272), ballots: ballots({ yes: 6 }, H(201)) })] });
    expect(proposalPhaseUntil(record, charter, H(180)).until).toEqual(H(200));
    expect(proposalPhaseUntil(record, charter, H(250)).until).toEqual(H(272));
    expect(proposalPhaseUntil(record, charter, H(272))).toEqual({ phase: { kind: 'passed', at: H(272) }, until: null });
    const emergency = passedEmergencyResolution(charter);
    const { phase, until } = proposalPhaseUntil(emergency, charter, H(100));
    expect(phase.kind).toBe('passed');
    expect(until).not.toBeNull();
    expect(proposalPhase(emergency, charter, until!).kind).toBe('lapsed');
  });

  it('a withdrawal recorded for later, a reply recorded for later: each is an end', () => {
    expect(proposalPhaseUntil(published(charter, 'resolution', { status: 'withdrawn', withdrawnAt: H(50) }), charter, H(10)).until).toEqual(H(50));
    expect(proposalPhaseUntil(published(charter, 'officer_removal', { replyPostedAt: H(380) }), charter, H(370)).until).toEqual(H(380));
  });
});

// Random records of every template's types, with timestamps that fall before, inside and after each other's windows.
const hour = fc.integer({ min: -50, max: 900 });
const maybeHour = fc.option(hour, { nil: null });

type Shape = {
  charterIndex: number;
  typeIndex: number;
  withdrawnAt: number | null;
  discussionClosesAt: number | null;
  replyPostedAt: number | null;
  emergencyApprovedAt: number | null;
  ratifiedAt: number | null;
  decidedUnopposedAt: number | null;
  stages: { opensAt: number | null; closesAt: number | null; yes: number; no: number; castAt: number; objections: [number, number | null][]; roll: number }[];
  comments: { stance: GateComment['stance']; byAuthor: boolean; parent: number; at: number; deletedAt: number | null }[];
};

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  charterIndex: fc.integer({ min: 0, max: charters.length - 1 }),
  typeIndex: fc.nat(),
  withdrawnAt: fc.option(hour, { nil: null, freq: 4 }),
  discussionClosesAt: maybeHour,
  replyPostedAt: maybeHour,
  emergencyApprovedAt: fc.option(hour, { nil: null, freq: 2 }),
  ratifiedAt: maybeHour,
  decidedUnopposedAt: fc.option(hour, { nil: null, freq: 4 }),
  stages: fc.array(
    fc.record({
      opensAt: maybeHour,
      closesAt: maybeHour,
      yes: fc.integer({ min: 0, max: 9 }),
      no: fc.integer({ min: 0, max: 4 }),
      castAt: hour,
      objections: fc.array(fc.tuple(hour, maybeHour), { maxLength: 2 }),
      // 0: no roll; 1: a roll whose tally is not recorded; 2 and 3: recorded, passed or failed.
      roll: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 3 },
  ),
  comments: fc.array(
    fc.record({
      stance: fc.constantFrom('support' as const, 'concern' as const, 'object' as const, 'none' as const),
      byAuthor: fc.boolean(),
      parent: fc.integer({ min: -1, max: 4 }),
      at: hour,
      deletedAt: fc.option(hour, { nil: null, freq: 4 }),
    }),
    { maxLength: 5 },
  ),
});

function recordedTally(outcome: TallyResult['outcome']): TallyResult {
  const passed = outcome === 'passed';
  return {
    yes: 9,
    no: 0,
    abstain: 0,
    cast: 9,
    charterSeats: 9,
    recused: 0,
    quorumRequired: 5,
    quorumMet: outcome !== 'failed_quorum',
    thresholdBase: 9,
    yesRequired: 5,
    passed,
    outcome,
  };
}

function build(s: Shape): { charter: Charter; record: ProposalRecord } {
  const charter = charters[s.charterIndex]!;
  const type = charter.proposalTypes[s.typeIndex % charter.proposalTypes.length]!;
  const at = (h: number | null) => (h === null ? null : H(h));
  const comments: GateComment[] = s.comments.map((c, i) => ({
    id: `c${i}`,
    parentId: c.parent >= 0 && c.parent < i ? `c${c.parent}` : null,
    authorId: c.byAuthor ? 'author' : `user-${i}`,
    stance: c.stance,
    createdAt: H(c.at),
    deletedAt: at(c.deletedAt),
  }));
  const stages = s.stages.slice(0, type.stages.length).map((st, i): StageRecord => ({
    ...stageRecord({ bodyKey: type.stages[i]!.bodyKey, opensAt: at(st.opensAt), closesAt: at(st.closesAt) }),
    ballots: ballots({ yes: st.yes, no: st.no }, H(st.castAt), type.stages[i]!.bodyKey),
    ...(type.consent
      ? { objections: st.objections.map(([raised, withdrawn], k) => ({ seatId: `seat-${k}`, raisedAt: H(raised), withdrawnAt: at(withdrawn) })) }
      : {}),
    ...(st.roll === 0
      ? {}
      : { roll: { size: 10, weight: 10, recordedTally: st.roll === 1 ? null : recordedTally(st.roll === 2 ? 'passed' : 'failed_quorum') } }),
  }));
  const record = published(charter, type.key, {
    status: s.withdrawnAt === null ? 'published' : 'withdrawn',
    withdrawnAt: at(s.withdrawnAt),
    ...(s.discussionClosesAt === null ? {} : { discussionClosesAt: H(s.discussionClosesAt) }),
    replyPostedAt: at(s.replyPostedAt),
    emergencyApprovedAt: at(s.emergencyApprovedAt),
    ratifiedAt: at(s.ratifiedAt),
    decidedUnopposedAt: at(s.decidedUnopposedAt),
    consultation: { authorId: 'author', comments },
    stages,
  });
  return { charter, record };
}

describe('proposalPhaseUntil: property', () => {
  it('the phase is the same at every instant from now until `until`, and (but for the turns that may change nothing) changes at it', () => {
    let changedAtUntil = 0;
    let withUntil = 0;
    fc.assert(
      fc.property(
        shapeArb,
        fc.integer({ min: -60 * 60, max: 1000 * 60 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 6 }),
        (shape, nowMinutes, probes) => {
          const { charter, record } = build(shape);
          const now = new Date(T0.getTime() + nowMinutes * 60_000);
          const { phase, until } = proposalPhaseUntil(record, charter, now);
          expect(phase).toEqual(proposalPhase(record, charter, now));
          if (until) expect(until.getTime()).toBeGreaterThan(now.getTime());
          // Constant on [now, until): at random instants inside, and just before `until`.
          const end = until ? until.getTime() : now.getTime() + 3000 * 3_600_000;
          const instants = [...probes.map((p) => now.getTime() + Math.floor(p * (end - now.getTime()))), end - 1];
          for (const t of instants) if (t >= now.getTime() && t < end) expect(proposalPhase(record, charter, new Date(t))).toEqual(phase);
          if (!until) return;
          withUntil++;
          const next = proposalPhase(record, charter, until);
          if (JSON.stringify(next) !== JSON.stringify(phase)) changedAtUntil++;
          // The turns that may leave the phase as it was: a comment posted (gate), a withdrawal taking effect
          // after a decision, a member-wide stage closing with its tally not recorded yet, the ratification
          // deadline of an emergency decision ratified in time.
          else
            expect(
              record.consultation!.comments.some((c) => c.createdAt.getTime() === until.getTime()) ||
                (phase.kind === 'passed' && record.ratifiedAt !== null) ||
                record.withdrawnAt?.getTime() === until.getTime() ||
                record.stages.some((st) => st.roll && !st.roll.recordedTally),
            ).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
    // The property means something: most records had an end, and the phase turned at most of them.
    expect(withUntil).toBeGreaterThan(1000);
    expect(changedAtUntil).toBeGreaterThan(withUntil * 0.7);
  });
});
