/**
 * Model-based test of member-wide votes (fast-check `commands`): random sequences of delegations
 * (made, replaced, revoked, refused — to oneself, to an observer, in a loop — before and after voting opens), ballots (by members on the roll,
 * changed, and by people not on it), the opening and the close, through the use cases and the
 * worker's transitions, on a fresh cooperative per sequence. After every step:
 *  - the roll, once snapshotted, is the membership and the delegations as they stood at the opening;
 *  - nothing after the opening changes the roll;
 *  - after the close, the tally is the one a naive reference count of the model gives (every
 *    member counted at most once, a direct vote first, chains within the cap, loops counted for
 *    nobody), and the public export verifies and recounts;
 *  - in a secret choice among options (the cooperative's member_choice), nothing public links a
 *    receipt or a choice to a person, open or closed (secretBallotsStaySecret), and the close
 *    publishes each voter's current ballot once, with its receipt and the weight it carried.
 *
 *   QUORATE_MEMBER_MODEL_RUNS=n   number of sequences (default 12)
 */
import { discloseAttachments } from '@/lib/log/attachment';
import { sha256 } from '@/lib/log/sha256';
import { and, eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { delegations, memberships, proposalStages, users, votes } from '@/db/schema';
import { listRoll } from '@/db/queries/rolls';
import { charterFromTemplate } from '@/lib/governance/templates';
import type { TallyResult } from '@/lib/governance/types';
import { castBallot } from '@/lib/use-cases/ballots';
import { delegateVote, revokeDelegation } from '@/lib/use-cases/delegations';
import { createDraft } from '@/lib/use-cases/drafts';
import { foundOrganization } from '@/lib/use-cases/founding';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { checkExport } from '@/scripts/verify';
import { session, withTestDatabase } from '../integration/helpers';
import { secretBallotsStaySecret } from './invariants';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');

const DAY = 86_400_000;
const PEOPLE = 7; // members 0..6; member 6 is an observer (never on the roll)
const OBSERVER = 6;
const MAX_DEPTH = 2; // the cooperative's member_referendum, its cap lowered from 3 so that capped chains are common
let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));

type Choice = 'yes' | 'no' | 'abstain';
type Model = {
  phase: 'discussion' | 'voting' | 'closed';
  /** Active delegation per member (general scope), as it stands now. */
  delegateOf: (number | null)[];
  /** Snapshotted at the opening. */
  rollDelegates: (number | null)[] | null;
  direct: Map<number, Choice>;
  /** A secret choice among options: each direct voter's current preferences. */
  ranked: Map<number, number[]>;
};
type Real = { orgId: string; slug: string; ids: string[]; proposalId: string; t: number; opensAt: number; closesAt: number; secret: boolean };

const actor = (r: Real, i: number) => ({ userId: r.ids[i]!, role: (i === OBSERVER ? 'observer' : 'member') as 'member' });

/** The naive count: each roll member (not the observer) walks their chain by hand; `carried`: the weight each voter's ballot carries. */
function referenceTally(m: Model): { yes: number; no: number; abstain: number; counted: number; carried: Map<number, number> } {
  const sums = { yes: 0, no: 0, abstain: 0, counted: 0, carried: new Map<number, number>() };
  for (let i = 0; i < PEOPLE; i++) {
    if (i === OBSERVER) continue;
    let at: number | null = i;
    let hops = 0;
    const seen = new Set<number>();
    while (at !== null && !m.direct.has(at) && !seen.has(at) && at !== OBSERVER) {
      seen.add(at);
      at = m.rollDelegates![at] ?? null;
      hops++;
    }
    if (at === null || at === OBSERVER || !m.direct.has(at) || hops > MAX_DEPTH) continue;
    sums[m.direct.get(at)!]++;
    sums.counted++;
    sums.carried.set(at, (sums.carried.get(at) ?? 0) + 1);
  }
  return sums;
}

/** Delegates (or, with `to` null, revokes) through the use cases, expecting exactly the refusal the rules give. */
class Delegate implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly from: number,
    readonly to: number | null,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const at = new Date(r.t);
    const me = actor(r, this.from);
    if (this.to === null) {
      const [active] = await db
        .select({ id: delegations.id })
        .from(delegations)
        .where(and(eq(delegations.delegatorUserId, r.ids[this.from]!), eq(delegations.orgId, r.orgId), isNull(delegations.revokedAt)));
      if (active) await revokeDelegation(db, me, { orgId: r.orgId, delegationId: active.id }, at);
      m.delegateOf[this.from] = null;
    } else {
      const attempt = delegateVote(db, me, { orgId: r.orgId, delegateUserId: r.ids[this.to]!, scope: { typeKey: null, proposalId: null } }, at);
      const refusal = expectedRefusal(m, this.from, this.to);
      if (refusal) await expect(attempt).rejects.toMatchObject({ code: refusal });
      else {
        await attempt;
        m.delegateOf[this.from] = this.to;
      }
    }
    await checkInvariants(m, r);
  }
  toString = () => `Delegate(${this.from} → ${this.to})`;
}

/** The refusal the rules give a general delegation from `a` to `b` in the model's state (null: it is made). */
function expectedRefusal(m: Model, a: number, b: number): string | null {
  if (a === OBSERVER) return 'delegation.members_only';
  if (a === b) return 'delegation.to_self';
  if (b === OBSERVER) return 'delegation.not_member';
  const seen = new Set<number>();
  for (let x = m.delegateOf[b] ?? null; x !== null && !seen.has(x); x = m.delegateOf[x] ?? null) {
    if (x === a) return 'delegation.would_cycle';
    seen.add(x);
  }
  if (m.delegateOf[a] === b) return 'delegation.unchanged';
  return null;
}

/** A ballot: `choice` in a referendum, `preferences` (a ranked secret ballot) in a choice among options. */
class Vote implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly who: number,
    readonly choice: Choice,
    readonly preferences: number[],
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const input = r.secret ? { choice: null, preferences: this.preferences } : { choice: this.choice };
    const attempt = castBallot(db, actor(r, this.who), { orgId: r.orgId, proposalId: r.proposalId, rationale: null, ...input }, new Date(r.t));
    if (m.phase !== 'voting' || this.who === OBSERVER) {
      await expect(attempt).rejects.toBeDefined();
    } else {
      await attempt;
      m.direct.set(this.who, this.choice);
      m.ranked.set(this.who, this.preferences);
    }
    await checkInvariants(m, r);
  }
  toString = () => `Vote(${this.who}, ${this.choice}, [${this.preferences.join(',')}])`;
}

class Advance implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.phase !== 'closed';
  async run(m: Model, r: Real) {
    if (m.phase === 'discussion') {
      r.t = r.opensAt;
      expect(await recordTransitions(db, r.proposalId, r.orgId, new Date(r.t))).toContain('stage_0_opened');
      m.phase = 'voting';
      m.rollDelegates = [...m.delegateOf];
      r.t += 1000;
    } else {
      r.t = r.closesAt + 1000;
      expect(await recordTransitions(db, r.proposalId, r.orgId, new Date(r.t))).toContain('stage_0_closed');
      m.phase = 'closed';
    }
    await checkInvariants(m, r);
  }
  toString = () => 'Advance';
}

async function checkInvariants(m: Model, r: Real) {
  if (m.phase === 'discussion') return;
  // Nothing public links a receipt or a choice to a person, while voting is open or after the close.
  const voteRows = await db.select().from(votes).where(eq(votes.proposalId, r.proposalId));
  const open = await exportJson(new Request(`http://quorate.test/api/o/${r.slug}/log/export`), { params: Promise.resolve({ slug: r.slug }) });
  const doc = JSON.parse(await open.text()) as { entries: Parameters<typeof secretBallotsStaySecret>[0]['entries']; attachments?: unknown };
  // The close's attachment (roll and roll call) is public too: read in, so the checks cover it.
  const entries = discloseAttachments(doc.entries, doc.attachments, sha256).entries as typeof doc.entries;
  expect(secretBallotsStaySecret({ entries, voteRows })).toEqual([]);
  // The roll is the membership and the delegations as they stood at the opening, whatever came after.
  const roll = await listRoll(db, r.proposalId, 0);
  const index = new Map(r.ids.map((id, i) => [id, i]));
  expect(roll.map((e) => index.get(e.userId)).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  for (const e of roll) expect(e.delegateUserId === null ? null : index.get(e.delegateUserId)).toEqual(m.rollDelegates![index.get(e.userId)!] ?? null);
  if (m.phase !== 'closed') return;
  const [stage] = await db.select().from(proposalStages).where(eq(proposalStages.proposalId, r.proposalId));
  const tally = stage!.tally as TallyResult;
  const expected = referenceTally(m);
  if (!r.secret) expect({ yes: tally.yes, no: tally.no, abstain: tally.abstain }).toEqual({ yes: expected.yes, no: expected.no, abstain: expected.abstain });
  expect(tally.cast).toBe(expected.counted);
  if (r.secret) {
    // The receipt list: each voter's current ballot once, with its receipt, its preferences and the weight it carried.
    const listed = doc.entries
      .filter((e) => e.kind === 'ballots.receipts')
      .flatMap((e) => {
        const p = e.payload as { receipts: [string, ...number[]][]; weights: number[] };
        return p.receipts.map((l, i) => [l[0], [...l.slice(1), p.weights[i]!]] as const);
      });
    const current = voteRows.filter((v) => v.isCurrent);
    const want = [...expected.carried].map(([voter, weight]) => {
      const v = current.find((x) => x.voterUserId === r.ids[voter])!;
      return [v.receipt!, [...m.ranked.get(voter)!, weight]] as const;
    });
    expect(new Map(listed)).toEqual(new Map(want));
  }
  expect(tally.members!.voters + tally.members!.represented).toBe(expected.counted);
  expect(tally.cast).toBeLessThanOrEqual(tally.charterSeats);
  const res = await exportJson(new Request(`http://quorate.test/api/o/${r.slug}/log/export`), { params: Promise.resolve({ slug: r.slug }) });
  const check = await checkExport(JSON.parse(await res.text()));
  expect(check.report.problems).toEqual([]);
}

function withCap(maxDepth: number) {
  const charter = charterFromTemplate('cooperative');
  for (const key of ['member_referendum', 'member_choice']) charter.proposalTypes.find((t) => t.key === key)!.delegation = { allowed: true, maxDepth };
  return charter;
}

let orgCount = 0;
async function setup(secret: boolean): Promise<Real> {
  const start = Date.now() - 40 * DAY;
  const slug = `coop-model-${++orgCount}`;
  const rows = await db
    .insert(users)
    .values(Array.from({ length: PEOPLE }, (_, i) => ({ email: `${slug}-${i}@example.org`, name: `Member ${i}`, emailVerified: new Date(start) })))
    .returning({ id: users.id });
  const ids = rows.map((x) => x.id);
  // Member 0 founds the cooperative (its admin); the others join, member 6 as an observer.
  const org = await db.transaction((tx) =>
    foundOrganization(tx, {
      slug,
      name: slug,
      mission: 'Model.',
      createdBy: ids[0]!,
      templateKey: 'cooperative',
      charter: withCap(MAX_DEPTH),
      at: new Date(start),
    }),
  );
  await db
    .insert(memberships)
    .values(
      ids
        .slice(1)
        .map((userId, k) => ({ orgId: org.id, userId, role: k + 1 === OBSERVER ? ('observer' as const) : ('member' as const), acceptedAt: new Date(start) })),
    );
  const draft = await createDraft(
    db,
    { userId: ids[1]!, role: 'member' },
    {
      orgId: org.id,
      typeKey: secret ? 'member_choice' : 'member_referendum',
      title: 'A referendum',
      body: 'Members decide.',
      subjectUserId: null,
      effect: {},
      emergency: false,
      ...(secret ? { options: ['Ada', 'Babbage', 'Curie'] } : {}),
    },
    new Date(start + 1000),
  );
  await publishProposal(db, { userId: ids[1]!, role: 'member' }, { orgId: org.id, proposalId: draft.id }, new Date(start + 1000));
  const opensAt = start + 14 * DAY + 2000;
  return { orgId: org.id, slug, ids, proposalId: draft.id, t: start + 2000, opensAt, closesAt: opensAt + 7 * DAY, secret };
}

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
// Mostly to the next member down (5 → 4 → 3 → …), so long chains — capped ones too — form; sometimes anyone, or a revocation.
const delegate = fc.oneof(
  { arbitrary: person.filter((a) => a > 0).map((a) => new Delegate(a, a - 1)), weight: 3 },
  { arbitrary: fc.tuple(person, fc.option(person, { nil: null })).map(([a, b]) => new Delegate(a, b)), weight: 1 },
);
// Ballots mostly from the low end of the chains, so that members far up them are counted through delegates (or not, past the cap).
const voter = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 1 }), weight: 3 }, { arbitrary: person, weight: 1 });
const ranking = fc.constantFrom<number[]>([0], [1, 0], [2, 1, 0], [2]);
const vote = fc.tuple(voter, fc.constantFrom<Choice>('yes', 'no', 'abstain'), ranking).map(([a, c, p]) => new Vote(a, c, p));
const before = fc.array(fc.oneof({ arbitrary: delegate, weight: 4 }, { arbitrary: vote, weight: 1 }), { minLength: 3, maxLength: 14 });
const during = fc.array(fc.oneof({ arbitrary: vote, weight: 3 }, { arbitrary: delegate, weight: 1 }), { minLength: 1, maxLength: 10 });

describe('member-wide votes (model-based)', () => {
  for (const secret of [false, true]) {
    const what = secret ? 'a secret choice among options' : 'a referendum';
    it(`${what}: random delegations and ballots around the opening and the close keep the roll fixed, the count right and the ballots secret`, async () => {
      await fc.assert(
        fc.asyncProperty(before, during, async (pre, open) => {
          const real = await setup(secret);
          const model: Model = { phase: 'discussion', delegateOf: Array(PEOPLE).fill(null), rollDelegates: null, direct: new Map(), ranked: new Map() };
          await fc.asyncModelRun(() => ({ model, real }), [...pre, new Advance(), ...open, new Advance()]);
        }),
        { numRuns: Number(process.env.QUORATE_MEMBER_MODEL_RUNS ?? 12) },
      );
    }, 600_000);
  }
});
