import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCharter } from './charter';
import { ballotNames, ballotOrder, countingMethodOf, electionPlan, electionTypeErrors, nominationsOpen, seatingPlan, unopposedSentence } from './election';
import { proposalPhase } from './phase';
import { charterFromTemplate, charterTemplateKeys } from './templates';
import type { Charter, ProposalRecord, ProposalTypeSpec } from './types';
import { canAppointToBody } from './vacancy';

const coop = (): Charter => charterFromTemplate('cooperative');
const electionType = (c: Charter): ProposalTypeSpec => c.proposalTypes.find((t) => t.effect === 'seat_election')!;

describe('seat-election types in the charter', () => {
  it('every template but the informal group has one, and all are valid', () => {
    for (const key of charterTemplateKeys) {
      const c = charterFromTemplate(key);
      expect(validateCharter(c)).toEqual({ ok: true });
      expect(c.proposalTypes.some((t) => t.effect === 'seat_election')).toBe(key !== 'informal_group');
    }
  });

  it('the cooperative’s assembly elects the board', () => {
    const c = coop();
    const t = electionType(c);
    expect(t.stages.map((s) => s.bodyKey)).toEqual(['members']);
    expect(canAppointToBody({ charter: c, type: t, seatBodyKey: 'board', seats: [] })).toEqual({ ok: true });
  });

  it('refuses an election type without a rule, with two stages, critical, with a subject, a method or consent', () => {
    const t = electionType(coop());
    expect(electionTypeErrors(t)).toEqual([]);
    expect(electionTypeErrors({ ...t, election: undefined }).join(' ')).toMatch(/names its counting rule/);
    expect(electionTypeErrors({ ...t, election: { rule: 'borda' as 'meek_stv' } }).join(' ')).toMatch(/names its counting rule/);
    expect(electionTypeErrors({ ...t, stages: [t.stages[0]!, t.stages[0]!] }).join(' ')).toMatch(/exactly one deciding stage/);
    expect(electionTypeErrors({ ...t, critical: true }).join(' ')).toMatch(/must not be critical/);
    expect(electionTypeErrors({ ...t, requiresSubject: true }).join(' ')).toMatch(/cannot name a subject/);
    expect(electionTypeErrors({ ...t, method: { key: 'irv', winners: 1 } }).join(' ')).toMatch(/cannot also name a method/);
    expect(electionTypeErrors({ ...t, consent: true }).join(' ')).toMatch(/cannot be decided by consent/);
    // The rule belongs to elections only.
    const resolution = coop().proposalTypes.find((x) => x.effect === 'resolution')!;
    expect(electionTypeErrors({ ...resolution, election: { rule: 'meek_stv' } })).toEqual([
      `Proposal type "${resolution.key}": only a seat election names an election rule.`,
    ]);
    const c = coop();
    c.proposalTypes = c.proposalTypes.map((x) => (x.effect === 'seat_election' ? { ...x, critical: true } : x));
    expect(validateCharter(c).ok).toBe(false);
  });

  it('counts with the rule and as many winners as seats were frozen', () => {
    const t = electionType(coop());
    expect(countingMethodOf(t, { bodyKey: 'board', seatClass: 'general' })).toEqual({ key: 'scottish_stv', winners: 1 });
    expect(countingMethodOf(t, { bodyKey: 'board', seatClass: 'general', seatIds: ['a', 'b', 'c'] })).toEqual({ key: 'scottish_stv', winners: 3 });
    const resolution = coop().proposalTypes.find((x) => x.key === 'assembly_resolution')!;
    expect(countingMethodOf(resolution, {})).toBeUndefined();
  });
});

describe('nominations and the frozen ballot', () => {
  it('are open only during the comment window', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(nominationsOpen({ kind: 'discussion', closesAt: at })).toBe(true);
    for (const phase of [
      { kind: 'draft' as const },
      { kind: 'ready_for_voting' as const, stageIndex: 0, since: at },
      { kind: 'voting' as const, stageIndex: 0, closesAt: at },
      { kind: 'passed' as const, at },
    ]) {
      expect(nominationsOpen(phase)).toBe(false);
    }
  });

  it('orders candidates alphabetically and numbers equal names', () => {
    const ordered = ballotOrder([
      { userId: 'u3', name: 'cleo' },
      { userId: 'u1', name: 'Ana' },
      { userId: 'u0', name: 'Ben' },
      { userId: 'u2', name: 'ana' },
    ]);
    expect(ordered.map((c) => c.userId)).toEqual(['u1', 'u2', 'u0', 'u3']);
    expect(ballotNames(ordered)).toEqual(['Ana', 'ana (2)', 'Ben', 'cleo']);
  });

  it('ballot names always differ, whatever the names (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ userId: fc.uuid(), name: fc.constantFrom('Ana', 'ana', 'Ben', 'Ana (2)', 'ÅNA') }), { maxLength: 12 }), (cs) => {
        const names = ballotNames(ballotOrder(cs)).map((n) => n.normalize('NFKC').toLowerCase());
        // "Ana (2)" typed by a person may meet a numbered "Ana (2)": the property holds only for names without the suffix.
        if (cs.some((c) => /\(\d+\)$/.test(c.name))) return;
        expect(new Set(names).size).toBe(names.length);
      }),
    );
  });
});

describe('the plan when voting opens, and the seating', () => {
  it('elects unopposed when there are no more candidates than seats, and says what stays vacant', () => {
    expect(electionPlan(3, ['a', 'b', 'c', 'd'])).toEqual({ kind: 'contested', seats: 3 });
    expect(electionPlan(3, ['a', 'b', 'c'])).toEqual({ kind: 'unopposed', elected: ['a', 'b', 'c'], leftVacant: 0 });
    expect(electionPlan(3, ['a'])).toEqual({ kind: 'unopposed', elected: ['a'], leftVacant: 2 });
    expect(electionPlan(2, [])).toEqual({ kind: 'unopposed', elected: [], leftVacant: 2 });
    expect(unopposedSentence(['Ana'], 2)).toBe('Ana was the only candidate, so is elected unopposed, without a vote. 2 seats stay vacant.');
    expect(unopposedSentence(['Ana', 'Ben'], 0)).toBe('Ana and Ben were the only candidates, so are elected unopposed, without a vote.');
    expect(unopposedSentence([], 1)).toBe('No candidate accepted a nomination, so nobody is elected. 1 seat stays vacant.');
  });

  it('seats the elected in order, one seat each, never more people than seats (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 8 }), fc.uniqueArray(fc.string(), { maxLength: 8 }), (seatIds, elected) => {
        const plan = seatingPlan(seatIds, elected);
        expect(plan.length).toBe(Math.min(seatIds.length, elected.length));
        expect(new Set(plan.map((p) => p.seatId)).size).toBe(plan.length);
        expect(plan.map((p) => p.userId)).toEqual(elected.slice(0, plan.length));
      }),
    );
  });

  it('an election decided unopposed has passed from that moment, never before the comment window ends', () => {
    const c = coop();
    const t = electionType(c);
    const published = new Date('2026-03-01T00:00:00Z');
    const windowEnds = new Date(published.getTime() + t.minCommentWindowHours * 3_600_000);
    const record = (decidedUnopposedAt: Date | null): ProposalRecord => ({
      status: 'published',
      typeKey: t.key,
      publishedAt: published,
      discussionClosesAt: windowEnds,
      withdrawnAt: null,
      subjectUserId: null,
      replyPostedAt: null,
      emergencyApprovedAt: null,
      ratifiedAt: null,
      decidedUnopposedAt,
      stages: [{ bodyKey: 'members', opensAt: null, closesAt: null, ballots: [], recusedSeatIds: [], charterSeats: 30 }],
    });
    const after = new Date(windowEnds.getTime() + 60_000);
    expect(proposalPhase(record(null), c, after).kind).toBe('ready_for_voting');
    expect(proposalPhase(record(after), c, after)).toEqual({ kind: 'passed', at: after });
    // A stored time inside the comment window (a forged row) cannot decide the election early.
    const early = new Date(published.getTime() + 3_600_000);
    expect(proposalPhase(record(early), c, early).kind).toBe('discussion');
    expect(proposalPhase(record(early), c, windowEnds)).toEqual({ kind: 'passed', at: windowEnds });
  });
});
