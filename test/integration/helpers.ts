import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { setDatabaseHandleForTests } from '@/db/client';
import type { Database } from '@/db/client';
import {
  apiTokens,
  meetingAttendance,
  meetingRollCalls,
  meetingRollCallVotes,
  meetingMinutes,
  meetingMinutesVotes,
  meetings,
  comments,
  decisionLog,
  delegations,
  memberships,
  objections,
  organizations,
  petitionSignatures,
  petitions,
  proposals,
  users,
  votes,
  webhookDeliveries,
  webhookEndpoints,
  writtenConsentSignatures,
  writtenConsents,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { rowsOf } from '@/db/queries/prepared';
import { logExportStream } from '@/db/queries/log';
import { base64Decode } from '@/lib/log/base64';
import type { StoredEntry } from '@/lib/log/entry';
import { nodeSha256 } from '@/lib/log/node-hash';
import { verifyLog } from '@/lib/log/verify';
import type { SessionUser } from '@/lib/auth/session';
import type { ActionState } from '@/lib/actions/state';
import type { RefusalCode } from '@/lib/governance/messages';
import { summarizeEntry } from '@/lib/transparency/summary';

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/**
 * Gives the calling test file a database of its own: created before its tests (then `ready` runs, to keep the
 * handle and seed what every test shares) and dropped after them. With `app`, it is also the database the app's
 * own code (actions, route handlers, the worker) reaches through getDatabase while the file runs.
 */
export function withTestDatabase(options: { app: boolean }, ready: (handle: TestDatabase) => unknown): void {
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    if (options.app) setDatabaseHandleForTests(handle);
    await ready(handle);
  });
  afterAll(async () => {
    if (options.app) setDatabaseHandleForTests(undefined);
    await handle?.drop();
  });
}

/** Who the mocked session says is signed in; null = signed out. */
export const session: { user: SessionUser | null } = { user: null };

export function signInAs(user: SessionUser | null): void {
  session.user = user;
}

export function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

/** Runs an action that ends in `redirect()`, returning where it redirected to. */
export async function expectRedirect(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? '';
    throw error;
  }
  throw new Error('Expected a redirect, but the action returned normally.');
}

/** The action refused with `code`, and the form shows the refusal at `field`. */
export function expectFieldRefusal(state: ActionState, field: string, code: RefusalCode): void {
  expect(state).toMatchObject({ ok: false, code });
  expect(state.fieldErrors?.[field]).toEqual([state.message]);
}

export const noop = vi.fn();

/** Every table an action may write, by the name its count goes under. */
const writableTables = {
  proposals,
  comments,
  votes,
  objections,
  log: decisionLog,
  memberships,
  users,
  organizations,
  delegations,
  petitions,
  petitionSignatures,
  writtenConsents,
  writtenConsentSignatures,
  apiTokens,
  webhookEndpoints,
  webhookDeliveries,
  meetings,
  meetingAttendance,
  meetingRollCalls,
  meetingRollCallVotes,
  meetingMinutes,
  meetingMinutesVotes,
};

/** Row counts of every table an action may write, in one query: equal before and after means it wrote nothing. */
export async function writableRowCounts(db: Database): Promise<Record<keyof typeof writableTables, number>> {
  const counts = sql.join(
    Object.entries(writableTables).map(([name, table]) => sql`(select count(*) from ${table}) as ${sql.identifier(name)}`),
    sql`, `,
  );
  const [row] = rowsOf(await db.execute(sql`select ${counts}`));
  return Object.fromEntries(Object.keys(writableTables).map((name) => [name, Number(row![name])])) as Record<keyof typeof writableTables, number>;
}

/** The names every `'use server'` actions.ts under app/ exports: what the authorization matrix and the fuzzer must cover. */
export function exportedServerActions(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === 'actions.ts' && readFileSync(full, 'utf8').includes("'use server'")) {
        for (const m of readFileSync(full, 'utf8').matchAll(/^export (?:const|async function) (\w+)/gm)) found.push(m[1]!);
      }
    }
  };
  walk(path.join(process.cwd(), 'app'));
  return found;
}

/** What a notice's mail is rendered with, beside its kind and payload, for an organization under test. */
export function testMailContext(orgSlug: string) {
  return {
    organizationName: 'Storm',
    appUrl: 'http://quorate.test',
    orgSlug,
    recipientName: null,
    mandatory: false,
    unsubscribeUrl: null,
    preferencesUrl: 'http://quorate.test/prefs',
    checkpoint: null,
  };
}

/** The organization's public log export as it is served, and what the verifier finds in it. */
export async function exportAndVerifyLog(db: Database, orgId: string) {
  const [org] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const doc = JSON.parse(await new Response(await logExportStream(db, org!)).text()) as {
    entries: StoredEntry[];
    checkpoints: { size: number; note: string }[];
    publicKey: string;
    origin: string;
  };
  const report = await verifyLog(
    { entries: doc.entries, checkpoints: doc.checkpoints, publicKeyRaw: base64Decode(doc.publicKey)!, origin: doc.origin },
    undefined,
    { hasher: nodeSha256 },
  );
  return { doc, report };
}

/**
 * The organization's log as exported, and what the verifier finds in it (`report`); its entries whose kind starts with
 * `prefix`, and each one's summary in words, in the same order (bodies named by `bodyName`, every person 'Someone').
 */
export async function loggedEntriesInWords(
  db: Database,
  orgId: string,
  prefix: string,
  bodyName: (key: string) => string | null = (key) => (key === 'board' ? 'Board' : null),
) {
  const { doc, report } = await exportAndVerifyLog(db, orgId);
  const entries = doc.entries.filter((e) => e.kind.startsWith(prefix));
  const ctx = { bodyName, personName: () => 'Someone' };
  const words = entries.map((e) =>
    summarizeEntry({ kind: e.kind, subject: e.subject, actorId: e.actorId, payload: e.payload as Record<string, unknown> }, ctx),
  );
  return { report, entries, words };
}
