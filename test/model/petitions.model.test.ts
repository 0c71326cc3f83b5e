/**
 * Model-based test of stakeholder petitions (fast-check `commands`): random sequences of petitions
 * opened, signed, signed again, revoked, answered — by members, the secretary, the admin, an
 * observer and an outsider, some of whom leave the organization midway (their signatures on
 * petitions still taking them lapse) — with the clock moved past signing periods and answer
 * deadlines and the worker's overdue pass, through the use cases, on a fresh cooperative per sequence. The model
 * decides from the charter's words alone whether each step must succeed or be refused; after
 * every step:
 *  - each petition's stored count is its live signatures in the database and in the model, and
 *    nobody holds two live signatures on one petition; nobody who left holds a live signature on a
 *    petition still taking signatures;
 *  - the threshold is logged once, exactly when the model's count first reached it, and the answer
 *    is due the charter's period after that; a reached threshold stays reached after revocations;
 *  - a missed deadline is logged at most once, only for a petition whose answer is overdue;
 *  - every refused step changed nothing (the log's size is the model's);
 *  - the organization's public export verifies.
 *
 *   QUORATE_PETITION_MODEL_RUNS=n   number of sequences (default 10)
 */
import { and, eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, petitionSignatures, petitions, users } from '@/db/schema';
import { charterFromTemplate } from '@/lib/governance/templates';
import { foundOrganization } from '@/lib/use-cases/founding';
import { leaveOrganization } from '@/lib/use-cases/memberships';
import { recordOverduePetitions } from '@/lib/use-cases/petition-overdue';
import { answerPetition, openPetition, revokePetitionSignature, signPetition } from '@/lib/use-cases/petitions';
import { checkExport } from '@/scripts/verify';
import { session, withTestDatabase } from '../integration/helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');

const DAY = 86_400_000;
// 0 admin (the founder), 1 secretary, 2–5 members, 6 observer, 7 outsider (never a member).
const ROLES = ['admin', 'secretary', 'member', 'member', 'member', 'member', 'observer', null] as const;
const PEOPLE = ROLES.length;
const ELIGIBLE = ROLES.filter((r) => r !== null && r !== 'observer').length; // 6
const SIGNING_DAYS = 20;
const ANSWER_DAYS = 10;
// Half the members who may sign, counted when a petition opens: 3 of 6 until someone leaves.
const required = (m: Readonly<Model>) => Math.max(1, Math.ceil((ELIGIBLE - [...m.gone].filter((i) => ROLES[i] !== 'observer').length) / 2));

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));

type PetitionModel = {
  id: string;
  openedAt: number;
  required: number;
  live: Set<number>;
  reachedAt: number | null;
  answeredAt: number | null;
  overdueLogged: boolean;
};
type Model = { petitions: PetitionModel[]; logSize: number; gone: Set<number> };
type Real = { orgId: string; slug: string; ids: string[]; t: number };

const actor = (r: Real, i: number) => ({ userId: r.ids[i]!, role: (ROLES[i] ?? 'member') as 'member' });
const member = (m: Readonly<Model>, i: number) => ROLES[i] !== null && !m.gone.has(i);
const may = (m: Readonly<Model>, i: number) => member(m, i) && ROLES[i] !== 'observer';
const dueAt = (p: PetitionModel) => p.reachedAt! + ANSWER_DAYS * DAY;
/** Signatures are taken while open, and after the threshold until the answer (lib/governance/petition.ts takesSignatures). */
function takesSignatures(p: PetitionModel, t: number): boolean {
  if (p.answeredAt !== null) return false;
  return p.reachedAt !== null || t < p.openedAt + SIGNING_DAYS * DAY;
}

class Open implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number) {}
  check = (m: Readonly<Model>) => m.petitions.length < 3;
  async run(m: Model, r: Real) {
    const attempt = openPetition(
      db,
      actor(r, this.who),
      { orgId: r.orgId, title: `Petition ${m.petitions.length + 1}`, body: 'Please hear us.', forGroup: false },
      new Date(r.t),
    );
    if (!may(m, this.who)) await expect(attempt).rejects.toMatchObject({ code: expect.stringMatching(/^petition\./) });
    else {
      const { id } = await attempt;
      m.petitions.push({ id, openedAt: r.t, required: required(m), live: new Set(), reachedAt: null, answeredAt: null, overdueLogged: false });
      m.logSize += 1;
    }
    await checkInvariants(m, r);
  }
  toString = () => `Open(${this.who})`;
}

/** A step by one person on one of the sequence's petitions (`which` modulo how many there are). */
abstract class OnPetition {
  constructor(
    readonly who: number,
    readonly which: number,
  ) {}
  check = (m: Readonly<Model>) => m.petitions.length > 0;
  protected petition = (m: Model) => m.petitions[this.which % m.petitions.length]!;
}

class Sign extends OnPetition implements fc.AsyncCommand<Model, Real> {
  async run(m: Model, r: Real) {
    const p = this.petition(m);
    const attempt = signPetition(db, actor(r, this.who), { orgId: r.orgId, petitionId: p.id }, new Date(r.t));
    if (!may(m, this.who) || !takesSignatures(p, r.t) || p.live.has(this.who)) {
      await expect(attempt).rejects.toMatchObject({ code: expect.stringMatching(/^petition\./) });
    } else {
      const result = await attempt;
      p.live.add(this.who);
      m.logSize += 1;
      expect(result.count).toBe(p.live.size);
      if (p.reachedAt === null && p.live.size >= p.required) {
        p.reachedAt = r.t;
        m.logSize += 1;
      }
      expect(result.thresholdReached).toBe(p.reachedAt !== null);
    }
    await checkInvariants(m, r);
  }
  toString = () => `Sign(${this.who}, #${this.which})`;
}

class Revoke extends OnPetition implements fc.AsyncCommand<Model, Real> {
  async run(m: Model, r: Real) {
    const p = this.petition(m);
    const attempt = revokePetitionSignature(db, actor(r, this.who), { orgId: r.orgId, petitionId: p.id }, new Date(r.t));
    if (!takesSignatures(p, r.t) || !p.live.has(this.who)) await expect(attempt).rejects.toMatchObject({ code: expect.stringMatching(/^petition\./) });
    else {
      expect((await attempt).count).toBe(p.live.size - 1);
      p.live.delete(this.who);
      m.logSize += 1;
    }
    await checkInvariants(m, r);
  }
  toString = () => `Revoke(${this.who}, #${this.which})`;
}

class Answer extends OnPetition implements fc.AsyncCommand<Model, Real> {
  async run(m: Model, r: Real) {
    const p = this.petition(m);
    const attempt = answerPetition(db, actor(r, this.who), { orgId: r.orgId, petitionId: p.id, answer: 'The board has heard you.' }, new Date(r.t));
    const secretaryOrAdmin = member(m, this.who) && (ROLES[this.who] === 'admin' || ROLES[this.who] === 'secretary');
    if (!secretaryOrAdmin || p.reachedAt === null || p.answeredAt !== null) {
      await expect(attempt).rejects.toMatchObject({ code: expect.stringMatching(/^petition\./) });
    } else {
      expect((await attempt).late).toBe(r.t > dueAt(p));
      p.answeredAt = r.t;
      m.logSize += 1;
    }
    await checkInvariants(m, r);
  }
  toString = () => `Answer(${this.who}, #${this.which})`;
}

/**
 * A person leaves the organization: refused for the outsider, someone already gone and the founder
 * (the last admin); otherwise `membership.left`, and each of their signatures on a petition still
 * taking signatures lapses (`petition.signature_lapsed`); on a closed one it stays.
 */
class Leave implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const attempt = leaveOrganization(db, { orgId: r.orgId, actorId: r.ids[this.who]!, at: new Date(r.t) });
    if (!member(m, this.who) || ROLES[this.who] === 'admin') await expect(attempt).rejects.toMatchObject({ code: expect.stringMatching(/^membership\./) });
    else {
      await attempt;
      m.gone.add(this.who);
      m.logSize += 1;
      for (const p of m.petitions) {
        if (!p.live.has(this.who) || !takesSignatures(p, r.t)) continue;
        p.live.delete(this.who);
        m.logSize += 1;
      }
    }
    await checkInvariants(m, r);
  }
  toString = () => `Leave(${this.who})`;
}

/** Time passes (a few hours to past a deadline), then the worker's overdue pass runs. */
class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.t += this.days * DAY;
    const logged = await recordOverduePetitions(db, new Date(r.t));
    let expected = 0;
    for (const p of m.petitions) {
      if (p.reachedAt !== null && p.answeredAt === null && !p.overdueLogged && r.t > dueAt(p)) {
        p.overdueLogged = true;
        expected += 1;
      }
    }
    // The pass covers every organization of the file's database; only this one's petitions are modelled.
    expect(logged).toBeGreaterThanOrEqual(expected);
    m.logSize += expected;
    await checkInvariants(m, r);
  }
  toString = () => `Wait(${this.days} days)`;
}

async function checkInvariants(m: Model, r: Real) {
  const kinds = await db.select({ kind: decisionLog.kind, subject: decisionLog.subject }).from(decisionLog).where(eq(decisionLog.orgId, r.orgId));
  // Founding wrote its own entries before the model started counting (setup records them).
  expect(kinds.length).toBe(m.logSize);
  for (const p of m.petitions) {
    const [row] = await db.select().from(petitions).where(eq(petitions.id, p.id));
    const live = await db
      .select({ userId: petitionSignatures.userId })
      .from(petitionSignatures)
      .where(and(eq(petitionSignatures.petitionId, p.id), isNull(petitionSignatures.revokedAt)));
    expect(row!.signatureCount).toBe(live.length);
    expect(live.length).toBe(p.live.size);
    expect(new Set(live.map((x) => x.userId)).size).toBe(live.length);
    expect(new Set(live.map((x) => x.userId))).toEqual(new Set([...p.live].map((i) => r.ids[i])));
    if (takesSignatures(p, r.t)) for (const i of m.gone) expect(p.live.has(i)).toBe(false);
    expect(row!.requiredSignatures).toBe(p.required);
    const mine = kinds.filter((k) => k.subject === `petition:${p.id}`).map((k) => k.kind);
    expect(mine.filter((k) => k === 'petition.threshold_reached')).toHaveLength(p.reachedAt === null ? 0 : 1);
    expect(row!.thresholdReachedAt?.getTime() ?? null).toBe(p.reachedAt);
    if (p.reachedAt !== null) expect(row!.answerDueAt!.getTime()).toBe(dueAt(p));
    expect(mine.filter((k) => k === 'petition.answer_overdue')).toHaveLength(p.overdueLogged ? 1 : 0);
    expect(mine.filter((k) => k === 'petition.answered')).toHaveLength(p.answeredAt === null ? 0 : 1);
  }
  const res = await exportJson(new Request(`http://quorate.test/api/o/${r.slug}/log/export`), { params: Promise.resolve({ slug: r.slug }) });
  const check = await checkExport(JSON.parse(await res.text()));
  expect(check.report.problems).toEqual([]);
}

let orgCount = 0;
async function setup(): Promise<{ real: Real; logSize: number }> {
  const start = Date.now() - 200 * DAY;
  const slug = `petition-model-${++orgCount}`;
  const rows = await db
    .insert(users)
    .values(Array.from({ length: PEOPLE }, (_, i) => ({ email: `${slug}-${i}@example.org`, name: `Person ${i}`, emailVerified: new Date(start) })))
    .returning({ id: users.id });
  const ids = rows.map((x) => x.id);
  const charter = charterFromTemplate('cooperative');
  charter.petitions = {
    ...charter.petitions!,
    thresholdOfMembers: { num: 1, den: 2, inclusive: true },
    signingDays: SIGNING_DAYS,
    answerWithinDays: ANSWER_DAYS,
  };
  const org = await db.transaction((tx) =>
    foundOrganization(tx, { slug, name: slug, mission: 'Model.', createdBy: ids[0]!, templateKey: 'cooperative', charter, at: new Date(start) }),
  );
  const joined = ROLES.map((role, i) => ({ role, userId: ids[i]! })).filter((x, i) => i > 0 && x.role !== null);
  await db.insert(memberships).values(joined.map(({ role, userId }) => ({ orgId: org.id, userId, role: role!, acceptedAt: new Date(start) })));
  const logSize = (await db.select({ seq: decisionLog.seq }).from(decisionLog).where(eq(decisionLog.orgId, org.id))).length;
  return { real: { orgId: org.id, slug, ids, t: start + 1000 }, logSize };
}

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const which = fc.integer({ min: 0, max: 2 });
const command = fc.oneof(
  { arbitrary: person.map((w) => new Open(w)), weight: 1 },
  { arbitrary: fc.tuple(person, which).map(([w, p]) => new Sign(w, p)), weight: 5 },
  { arbitrary: fc.tuple(person, which).map(([w, p]) => new Revoke(w, p)), weight: 2 },
  { arbitrary: fc.tuple(person, which).map(([w, p]) => new Answer(w, p)), weight: 1 },
  { arbitrary: fc.constantFrom(0.25, 3, 11, 21).map((d) => new Wait(d)), weight: 2 },
  { arbitrary: person.map((w) => new Leave(w)), weight: 1 },
);

describe('stakeholder petitions (model-based)', () => {
  it('random openings, signatures, revocations, answers and deadlines keep the count, the threshold, the deadline and the log right', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 24 }), async (steps) => {
        const { real, logSize } = await setup();
        const model: Model = { petitions: [], logSize, gone: new Set() };
        await fc.asyncModelRun(() => ({ model, real }), [new Open(2), ...steps]);
      }),
      { numRuns: Number(process.env.QUORATE_PETITION_MODEL_RUNS ?? 10) },
    );
  }, 600_000);
});
