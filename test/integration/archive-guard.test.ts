/**
 * The archive guard, everywhere: on an archived organization every writing use case refuses with
 * `organization.archived` and writes nothing (no row, no log entry, no outbox row), and once the
 * organization is unarchived the same call goes through — the archive was the only obstacle.
 * The last tests read the source: every use case that opens a transaction, and every use case an
 * operation the forms and the API share (lib/actions/operations.ts) calls, calls the guard or is
 * listed below with the reason it may write to an archived organization; and those operations
 * write through the use cases only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { listSeats } from '@/db/queries/charters';
import { organizations, seats } from '@/db/schema';
import type { Actor } from '@/lib/use-cases/actor';
import { declareAppointeeEligibility } from '@/lib/use-cases/appointments';
import { backEmergencyMotion } from '@/lib/use-cases/emergency';
import { foundingAppoint } from '@/lib/use-cases/founding';
import { changeMemberRole, leaveOrganization, removeMember } from '@/lib/use-cases/memberships';
import { requestOpenVoting } from '@/lib/use-cases/open-voting';
import { declareRecusal } from '@/lib/use-cases/recusal';
import { resignSeat } from '@/lib/use-cases/seats';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { withdrawProposal } from '@/lib/use-cases/withdraw';
import { withTestDatabase } from './helpers';
import { foundOrganization } from './fixtures/organization';
import { everyRow } from './fixtures/rows';
import { DAY, HOUR, draftProposal, publishedProposal, refusal } from './fixtures/scenario';

let db: Database;
withTestDatabase({ app: false }, (handle) => (db = handle.db));

const body = 'A body long enough for the rules to accept it, with reasons.';

const setArchived = (orgId: string, archivedAt: Date | null) => db.update(organizations).set({ archivedAt }).where(eq(organizations.id, orgId));
const membershipIdOf = async (orgId: string, userId: string) =>
  (await db.query.memberships.findFirst({ where: (m, { and, eq }) => and(eq(m.orgId, orgId), eq(m.userId, userId)) }))!.id;

describe('the archive guard', () => {
  it('refuses every membership, seat and proposal write on an archived organization, writing nothing; unarchived, each goes through', async () => {
    const realNow = Date.now();
    const at = (days: number) => new Date(realNow + days * DAY);
    // Persons 0–5 hold board seats; 6 is the appointee of a class seat; 7 leaves; 8 changes role; 9 is removed.
    const org = await foundOrganization(db, { slug: 'guard-all', seated: 6, at: at(-30) });
    const [admin, p1, p2, p3, p4, p6, p7] = [0, 1, 2, 3, 4, 6, 7].map((i) => org.people[i]!) as Actor[];
    // A fresh organization with nothing published: founding appointments still open.
    const fresh = await foundOrganization(db, { slug: 'guard-fresh', seated: 0, at: at(-30) });

    const voting = await publishedProposal(db, admin!, org.orgId, { title: 'In voting', body }, at(-9));
    expect(await recordTransitions(db, voting, org.orgId, at(-1 / 24))).toEqual(['discussion_closed', 'stage_0_opened']);
    const ready = await publishedProposal(db, admin!, org.orgId, { title: 'Ready for voting', body }, at(-9));
    const emergency = await publishedProposal(
      db,
      admin!,
      org.orgId,
      { title: 'Emergency', body, typeKey: 'emergency_resolution', emergency: true },
      new Date(realNow - HOUR),
    );
    const draft = await draftProposal(db, p4!, org.orgId, { title: 'A draft', body }, at(-1));
    const classSeat = org.boardSeats[6]!;
    await db.update(seats).set({ seatClass: 'independent' }).where(eq(seats.id, classSeat));
    const appointment = await publishedProposal(
      db,
      admin!,
      org.orgId,
      {
        title: 'Appoint person 6',
        body,
        typeKey: 'seat_appointment',
        effect: { seatId: classSeat, appointeeUserId: p6!.userId, seatClass: 'independent', declaration: 'I am independent of management.' },
      },
      new Date(realNow - HOUR),
    );
    const heldSeat = (await listSeats(db, org.orgId)).find((s) => s.holderUserId === p3!.userId)!.seatId;
    const roleTarget = await membershipIdOf(org.orgId, org.people[8]!.userId);
    const removed = await membershipIdOf(org.orgId, org.people[9]!.userId);
    const now = new Date(realNow);

    const cases: [string, string, () => Promise<unknown>][] = [
      [
        'a role change',
        org.orgId,
        () => changeMemberRole(db, { orgId: org.orgId, actorId: admin!.userId, membershipId: roleTarget, role: 'secretary', at: now }),
      ],
      ['a member removal', org.orgId, () => removeMember(db, { orgId: org.orgId, actorId: admin!.userId, membershipId: removed, at: now })],
      ['leaving', org.orgId, () => leaveOrganization(db, { orgId: org.orgId, actorId: p7!.userId, at: now })],
      ['a recusal', org.orgId, () => declareRecusal(db, p1!, { orgId: org.orgId, proposalId: voting, reason: 'A declared conflict.' }, now)],
      ['backing an emergency motion', org.orgId, () => backEmergencyMotion(db, p2!, { orgId: org.orgId, proposalId: emergency }, now)],
      ['a seat resignation', org.orgId, () => resignSeat(db, p3!, { orgId: org.orgId, seatId: heldSeat }, now)],
      ['an appointee’s declaration', org.orgId, () => declareAppointeeEligibility(db, p6!, { orgId: org.orgId, proposalId: appointment }, now)],
      ['withdrawing a draft', org.orgId, () => withdrawProposal(db, p4!, { orgId: org.orgId, proposalId: draft, reason: 'Changed my mind.' }, now)],
      ['opening voting', org.orgId, () => requestOpenVoting(db, admin!, { orgId: org.orgId, proposalId: ready }, now)],
      [
        'a founding appointment',
        fresh.orgId,
        () => foundingAppoint(db, fresh.admin, { orgId: fresh.orgId, seatId: fresh.boardSeats[0]!, userId: fresh.people[1]!.userId }, now),
      ],
    ];
    for (const [label, orgId, run] of cases) {
      await setArchived(orgId, new Date(realNow - 60_000));
      const before = await everyRow(db);
      expect((await refusal(run)).code, label).toBe('organization.archived');
      expect(await everyRow(db), label).toEqual(before);
      // Unarchived, the same call goes through: the archive was the only obstacle.
      await setArchived(orgId, null);
      await run().catch((error: unknown) => {
        throw new Error(`${label}, unarchived: ${String(error)}`);
      });
    }
  }, 120_000);
});

/**
 * Use cases that open a transaction yet may write to an archived organization, and why. Anything
 * else that opens one must call requireOrganizationWritable (directly, through a helper in its
 * own file, or through a shared helper such as proposalForAct), or this test fails.
 */
const mayWriteWhenArchived: Record<string, string> = {
  'archive.ts:archiveOrganization': 'it refuses an archived organization itself (organization.already_archived)',
  'archive.ts:unarchiveOrganization': 'it is how an archived organization becomes writable again',
  'account.ts:deleteAccount': 'a person deletes their own account, whatever the state of their organizations',
  'follows.ts:setFollowing': 'a personal mail preference, not logged: unfollowing must keep working',
  'api-tokens.ts:issueApiToken':
    'a person’s own token, not logged (its transaction only holds the 20-token cap): reading an archived organization’s record through the API keeps working',
  'webhooks.ts:disableWebhook':
    'it only narrows what leaves: the worker still logs on an archived organization and retries pending deliveries, so an endpoint that leaks or was taken over can always be cut off',
  'transitions.ts:recordTransitions': 'the worker finishes what was under way; archiving waits until no proposal is open',
  'ratification.ts:enqueueRatificationReminders': 'the worker’s reminders about decisions already taken',
  'petition-overdue.ts:recordOverduePetitions': 'the worker records an answer deadline the board already missed: a missed deadline stays on the record',
  'written-consent-expiry.ts:recordEndedWrittenConsents': 'the worker records that a written consent expired or lapsed: its end stays on the record',
  'minutes-disclosure.ts:discloseDueMinutes': 'the worker discloses sealed closed-session minutes at the charter’s date: a promise made at sealing is kept',
};

/** The top-level functions of a source file, by name, with their text. */
function functionsOf(source: string): Map<string, { exported: boolean; text: string }> {
  const found = new Map<string, { exported: boolean; text: string }>();
  const starts = [...source.matchAll(/^(export )?async function (\w+)/gm)];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : source.length;
    found.set(m[2]!, { exported: Boolean(m[1]), text: source.slice(m.index, end) });
  });
  return found;
}

/**
 * Every exported use case of lib/use-cases, by `file:name`: whether it opens a transaction, and whether it is guarded —
 * it calls requireOrganizationWritable, a shared helper that does, or a function of its file that is.
 */
function useCasesBySource(): Map<string, { opensTransaction: boolean; guarded: boolean }> {
  const dir = path.join(process.cwd(), 'lib/use-cases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  // Shared helpers that call the guard and open no transaction of their own (proposalForAct).
  const guardHelpers = files.flatMap((file) =>
    [...functionsOf(readFileSync(path.join(dir, file), 'utf8'))]
      .filter(([, f]) => f.exported && f.text.includes('requireOrganizationWritable(') && !/\bdb\.transaction\(/.test(f.text))
      .map(([name]) => name),
  );
  const found = new Map<string, { opensTransaction: boolean; guarded: boolean }>();
  for (const file of files) {
    const fns = functionsOf(readFileSync(path.join(dir, file), 'utf8'));
    const callsGuard = (text: string) => ['requireOrganizationWritable', ...guardHelpers].some((g) => text.includes(`${g}(`));
    const guarded = new Set([...fns].filter(([, f]) => callsGuard(f.text)).map(([name]) => name));
    const callsGuarded = (text: string) => [...guarded].some((g) => new RegExp(`\\b${g}\\(`).test(text));
    let grew = true;
    while (grew) {
      const more = [...fns].filter(([name, f]) => !guarded.has(name) && callsGuarded(f.text)).map(([name]) => name);
      more.forEach((name) => guarded.add(name));
      grew = more.length > 0;
    }
    for (const [name, f] of fns) {
      if (f.exported) found.set(`${file}:${name}`, { opensTransaction: /\bdb\.transaction\(/.test(f.text), guarded: guarded.has(name) });
    }
  }
  return found;
}

/** The use cases lib/actions/operations.ts calls (what the forms and the API share), by `file:name`. */
function useCasesOfOperations(): string[] {
  const source = readFileSync(path.join(process.cwd(), 'lib/actions/operations.ts'), 'utf8');
  return [...source.matchAll(/^import \{([^}]*)\} from '@\/lib\/use-cases\/([\w-]+)';/gm)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && !name.startsWith('type '))
      .map((name) => `${m[2]}.ts:${name}`),
  );
}

describe('every writing use case calls the archive guard', () => {
  const useCases = useCasesBySource();
  const called = useCasesOfOperations();

  it('lists each use case that opens a transaction as guarded or as allowed, with a reason', () => {
    const opening = [...useCases].filter(([, u]) => u.opensTransaction);
    expect(opening.length).toBeGreaterThan(50);
    const unguarded = opening.filter(([key, u]) => !u.guarded && !(key in mayWriteWhenArchived)).map(([key]) => key);
    expect(unguarded, 'writing use cases that never call requireOrganizationWritable').toEqual([]);
    // The allowed list names only what opens a transaction or an operation calls, so it cannot hide a renamed use case.
    const checked = new Set([...opening.map(([key]) => key), ...called]);
    expect(Object.keys(mayWriteWhenArchived).filter((k) => !checked.has(k))).toEqual([]);
  });

  it('lists each use case an operation calls as guarded or as allowed, even one writing a single row without a transaction', () => {
    expect(called.length).toBeGreaterThan(40);
    expect(
      called.filter((key) => !useCases.has(key)),
      'imported names that are not exported use cases',
    ).toEqual([]);
    const unguarded = called.filter((key) => !useCases.get(key)!.guarded && !(key in mayWriteWhenArchived));
    expect(unguarded, 'operations whose use case never calls requireOrganizationWritable').toEqual([]);
  });
});

/**
 * What lib/actions/operations.ts may import besides the use cases (lib/use-cases, whose guard the test above checks)
 * and the input schemas (lib/validation): helpers that write nothing to an organization.
 */
const operationHelpers = [
  './limit',
  '@/db/client',
  '@/lib/auth/origin',
  '@/lib/clock',
  '@/lib/env',
  '@/lib/governance/choice',
  '@/lib/governance/refusal',
  '@/lib/governance/roles',
  '@/lib/public-cache/org-data',
];

describe('every operation writes through a use case', () => {
  it('imports no query or other module that could write around lib/use-cases', () => {
    const source = readFileSync(path.join(process.cwd(), 'lib/actions/operations.ts'), 'utf8');
    const modules = [...source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map((m) => m[1]!);
    expect(modules.length).toBeGreaterThan(20);
    const others = modules.filter((m) => !m.startsWith('@/lib/use-cases/') && !m.startsWith('@/lib/validation/') && m !== 'server-only');
    expect(others.filter((m) => !operationHelpers.includes(m))).toEqual([]);
    // The helpers list names only what is imported, so it cannot hide one no longer needed.
    expect(operationHelpers.filter((m) => !others.includes(m))).toEqual([]);
  });
});
