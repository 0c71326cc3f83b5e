/** Test support: many (before, after) charter pairs touching every sentence charterDiff can say. */
import fc from 'fast-check';
import { charterFromTemplate, charterTemplateKeys } from '@/lib/governance/templates';
import type { Charter } from '@/lib/governance/types';

type Mutate = (c: Charter, n: number) => void;

const mutations: Mutate[] = [
  (c, n) => (c.bodies[0]!.charterSeats = 1 + (n % 12)),
  (c, n) => (c.bodies[0]!.name = n % 2 ? 'Council' : c.bodies[0]!.name),
  (c, n) => (c.bodies[0]!.minSeatsForCriticalDecisions = 1 + (n % 5)),
  (c, n) => (c.bodies[0]!.vacancyDeadlineDays = 1 + (n % 60)),
  (c, n) => (c.bodies[0]!.seatClassMinimums = n % 3 === 0 ? {} : n % 3 === 1 ? { independent: 1 + (n % 3), tenant_delegate: 1 } : { member_elected: 1 }),
  (c) => (c.bodies[0]!.recusedSeatsCountTowardQuorumBase = !c.bodies[0]!.recusedSeatsCountTowardQuorumBase),
  (c) => (c.bodies[0]!.classShortfallBlocksCriticalDecisions = !c.bodies[0]!.classShortfallBlocksCriticalDecisions),
  (c) =>
    (c.bodies[0]!.vacancyFilling = {
      ...c.bodies[0]!.vacancyFilling!,
      byRemainingMajority: !c.bodies[0]!.vacancyFilling?.byRemainingMajority,
    } as (typeof c.bodies)[0]['vacancyFilling']),
  (c) => c.bodies.push({ ...structuredClone(c.bodies[0]!), key: 'council', name: 'Council', charterSeats: 1 }),
  (c, n) => c.bodies.push({ ...structuredClone(c.bodies[0]!), key: 'panel', name: 'Panel', charterSeats: 2 + n }),
  (c) => void (c.bodies.length > 1 && c.bodies.pop()),
  (c, n) => void (c.proposalTypes.length > 1 && c.proposalTypes.splice(n % c.proposalTypes.length, 1)),
  (c, n) => (c.proposalTypes[n % c.proposalTypes.length]!.name = 'Renamed type'),
  (c, n) => (c.proposalTypes[n % c.proposalTypes.length]!.effect = n % 2 ? 'seat_removal' : 'membership_weight'),
  (c, n) => (c.proposalTypes[n % c.proposalTypes.length]!.minCommentWindowHours = [1, 24, 36, 48, 168][n % 5]!),
  (c, n) => (c.proposalTypes[n % c.proposalTypes.length]!.lateRevisionWindowHours = [1, 12, 24, 72][n % 4]!),
  (c, n) => (c.proposalTypes[n % c.proposalTypes.length]!.lateRevisionExtensionHours = [1, 5, 24, 48][n % 4]!),
  (c, n) => (c.proposalTypes[n % c.proposalTypes.length]!.replyWindowHours = [1, 2, 24, 96][n % 4]!),
  (c, n) => (c.proposalTypes[n % c.proposalTypes.length]!.critical = !c.proposalTypes[n % c.proposalTypes.length]!.critical),
  (c, n) => (c.proposalTypes[n % c.proposalTypes.length]!.requiresSubject = !c.proposalTypes[n % c.proposalTypes.length]!.requiresSubject),
  (c, n) => {
    const t = c.proposalTypes[n % c.proposalTypes.length]!;
    if (t.answersRequired) delete t.answersRequired;
    else t.answersRequired = true;
  },
  (c, n) => (c.proposalTypes[n % c.proposalTypes.length]!.consultationAudience = (['seat_holders', 'members', 'public'] as const)[n % 3]!),
  (c, n) => {
    const t = c.proposalTypes[n % c.proposalTypes.length]!;
    t.stages = n % 3 === 0 ? [] : [...t.stages, { ...structuredClone(t.stages[0] ?? c.proposalTypes[0]!.stages[0]!), bodyKey: c.bodies.at(-1)!.key }];
  },
  (c, n) => {
    const s = c.proposalTypes[n % c.proposalTypes.length]!.stages[0];
    if (s) s.bodyKey = c.bodies.at(-1)!.key;
  },
  (c, n) => {
    const s = c.proposalTypes[n % c.proposalTypes.length]!.stages.at(-1);
    if (s) s.votingWindowHours = [1, 24, 30, 72][n % 4]!;
  },
  (c, n) => {
    const s = c.proposalTypes[n % c.proposalTypes.length]!.stages[0];
    if (s) s.quorum = { num: 1 + (n % 3), den: 4, inclusive: n % 2 === 0 };
  },
  (c, n) => {
    const s = c.proposalTypes[n % c.proposalTypes.length]!.stages.at(-1);
    if (s) {
      s.threshold = { num: 2, den: 3, inclusive: n % 2 === 0 };
      s.thresholdBase = n % 4 < 2 ? 'charter_seats' : 'votes_cast';
    }
  },
  (c, n) => {
    const t = c.proposalTypes[n % c.proposalTypes.length]!;
    const ways = [
      {},
      { consent: true as const },
      { method: { key: 'irv' as const, winners: 1 } },
      { method: { key: 'approval' as const, winners: 2, maxApprovals: 3 } },
      { method: { key: 'plurality' as const, winners: 1 } },
      { method: { key: 'scottish_stv' as const, winners: 3 } },
      { election: { rule: 'meek_stv' as const } },
      { election: { rule: 'scottish_stv' as const } },
    ];
    delete t.method;
    delete t.consent;
    delete t.election;
    Object.assign(t, structuredClone(ways[n % ways.length]!));
  },
  (c, n) => {
    const t = c.proposalTypes[n % c.proposalTypes.length]!;
    t.emergency = n % 3 === 0 ? null : { minCommentWindowHours: 24 + n, motionThreshold: { num: 2, den: 3, inclusive: true }, ratifyWithinDays: 30 };
  },
  (c, n) =>
    c.proposalTypes.push({
      ...structuredClone(c.proposalTypes[0]!),
      key: `new_${n}`,
      name: `New type ${n}`,
      minCommentWindowHours: [12, 24, 168][n % 3]!,
      stages:
        n % 4 === 0 ? [] : structuredClone(c.proposalTypes[0]!.stages).map((s, i) => ({ ...s, thresholdBase: i % 2 ? 'charter_seats' : s.thresholdBase })),
    }),
  (c, n) => {
    c.petitions =
      n % 3 === 0
        ? undefined
        : {
            answeringBodyKey: c.bodies[0]!.key,
            signerNamesPublic: n % 2 === 0,
            thresholdOfMembers: { num: 1, den: 10, inclusive: true },
            thresholdOfGroup: { num: 1, den: 4, inclusive: n % 2 === 1 },
            signingDays: [1, 30, 60][n % 3]!,
            answerWithinDays: [1, 14, 30][n % 3]!,
          };
  },
  (c, n) => {
    c.meetings =
      n % 3 === 0
        ? undefined
        : { regularNoticeHours: [24, 168][n % 2]!, specialNoticeHours: [1, 48][n % 2]!, quorum: { num: 1, den: 2, inclusive: n % 2 === 0 } };
  },
  (c, n) => (c.writtenConsent = { expiresAfterDays: 1 + (n % 40) }),
  (c, n) => (c.minutes = { closedDisclosureDays: 1 + (n % 400) }),
];

/** Each template, changed by a few of the mutations above: [before, after]. */
export function charterDiffPairs(count: number, seed = 42): [Charter, Charter][] {
  const arb = fc.tuple(
    fc.constantFrom(...charterTemplateKeys),
    fc.array(fc.tuple(fc.nat(mutations.length - 1), fc.nat(1000)), { minLength: 1, maxLength: 5 }),
    fc.boolean(),
  );
  return fc.sample(arb, { numRuns: count, seed }).map(([key, steps, swap]) => {
    const before = charterFromTemplate(key);
    const after = structuredClone(before);
    for (const [m, n] of steps) mutations[m]!(after, n);
    return swap ? [after, before] : [before, after];
  });
}
