import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { logHeads } from '@/db/schema';
import { readChainRows } from '@/db/queries/log-rows';
import { getOrgVerifierKey, getPublicOrganization, listCheckpoints, LOG_CHUNK } from '@/db/queries/transparency';
import { utf8 } from '@/lib/log/canonical';
import { chainHash, GENESIS_HASH, isHashHex, toHex } from '@/lib/log/hash';
import { appendLeaf, emptyFrontier, frontierFromJson, frontierRoot, leafHash } from '@/lib/log/merkle';
import type { Frontier } from '@/lib/log/merkle';
import { nodeSha256 } from '@/lib/log/node-hash';
import { parseVerifierKey, verifyNote } from '@/lib/log/signed-note';
import { englishLogText, logText } from '@/lib/log/words';
import type { LogText } from '@/lib/log/words';

// Whether an organization's whole decision log verifies, as the public pages report it: the hash
// chain from the first entry, the Merkle tree against every signed checkpoint (and the newest
// checkpoint's signature), and the log head against both.
//
// Kept per process and extended incrementally: a page request checks only the entries appended
// since the last verified (seq, hash), so pages do not re-read a million entries. An edit behind
// the triggers does not change the log's size, so the whole log is verified again, in the
// background, when the last full pass is older than FULL_EVERY_MS (longer for large logs). The
// entries a page shows are also checked on every request (db/queries/log-public publicRows),
// whatever this says.

/**
 * A full pass is started in the background when the last one is older than this, or than
 * FULL_PASS_SPACING times as long as the last pass took, whichever is longer: about 5% of one
 * core at most (a pass over 100,000 entries took 3.7 s of hashing on the 2-core test machine).
 */
const FULL_EVERY_MS = 3 * 60_000;
const FULL_PASS_SPACING = 20;
/** Entries hashed between yields to the event loop, so a background pass does not stall requests. */
const YIELD_EVERY = 500;
/** At most this many entries are checked inside a request; more are checked in the background. */
const INLINE_ENTRIES = 5_000;

export type LogIntegrity = {
  /** 'checking' until a first pass over a large log has finished: no verdict yet. */
  state: 'verified' | 'failed' | 'checking';
  /** What failed, in English words for the public, or null. */
  problem: string | null;
  /** The same as data, for the pages to say in the reader's language (lib/log/words). */
  problemText: LogText | null;
  /** How many entries the verdict covers. */
  checkedSize: number;
};

type Verified = { seq: number; hash: string; frontier: Frontier };
type OrgState = { verified: Verified; problem: LogText | null; fullAt: number; fullTookMs: number; done: boolean; running: Promise<void> | null };

const globalKey = Symbol.for('quorate.logIntegrity');
type Store = { orgs: Map<string, OrgState>; slugs: Map<string, { orgId: string | null; at: number }> };
function store(): Store {
  const g = globalThis as typeof globalThis & { [globalKey]?: Store };
  return (g[globalKey] ??= { orgs: new Map(), slugs: new Map() });
}

/** Forgets every cached verdict (tests). */
export function forgetLogIntegrity(): void {
  store().orgs.clear();
  store().slugs.clear();
}

const fresh = (): Verified => ({ seq: 0, hash: GENESIS_HASH, frontier: emptyFrontier() });

/**
 * Extends `from` with the entries up to `upTo`, checking each; stops at the first problem. The
 * signature of the newest checkpoint in the range is checked with the organization's key.
 */
async function extend(db: Executor, orgId: string, from: Verified, upTo: number): Promise<{ verified: Verified; problem: LogText | null }> {
  const checkpoints = (await listCheckpoints(db, orgId, upTo)).filter((c) => c.size > from.seq);
  const rootAt = new Map(checkpoints.map((c) => [c.size, c.rootHash]));
  let { seq, hash, frontier } = from;
  const at = () => ({ seq, hash, frontier });
  while (seq < upTo) {
    const rows = await readChainRows(db, orgId, seq, Math.min(seq + LOG_CHUNK, upTo));
    if (rows.length === 0) return { verified: at(), problem: logText('log.entriesMissing', { from: String(seq + 1), to: String(upTo) }) };
    for (const [i, row] of rows.entries()) {
      if (i > 0 && i % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (row.seq !== seq + 1) return { verified: at(), problem: logText('log.entryMissing', { seq: String(seq + 1) }) };
      if (row.prevHash !== hash) return { verified: at(), problem: logText('entry.noLink', { seq: String(row.seq), prev: String(seq) }) };
      if (!isHashHex(row.prevHash) || chainHash(nodeSha256, row.prevHash, row.entry) !== row.hash)
        return { verified: at(), problem: logText('entry.hashMismatch', { seq: String(row.seq) }) };
      frontier = appendLeaf(nodeSha256, frontier, leafHash(nodeSha256, utf8(row.entry)));
      seq = row.seq;
      hash = row.hash;
      const signed = rootAt.get(seq);
      if (signed !== undefined && toHex(frontierRoot(nodeSha256, frontier)) !== signed) {
        return { verified: at(), problem: logText('log.checkpointDiffers', { seq: String(seq) }) };
      }
    }
  }
  const newest = checkpoints.at(-1);
  if (newest) {
    const key = await getOrgVerifierKey(db, orgId);
    const parsed = key ? parseVerifierKey(key.vkey) : null;
    const check = parsed ? await verifyNote(newest.note, { name: parsed.name, publicKeyRaw: parsed.publicKeyRaw }) : { ok: false as const, error: 'no key' };
    if (!check.ok) return { verified: at(), problem: logText('log.checkpointUnsigned', { size: String(newest.size) }) };
  }
  return { verified: at(), problem: null };
}

type Head = { size: number; headHash: string; frontier: unknown };

async function readHead(db: Executor, orgId: string): Promise<Head | null> {
  const [head] = await db
    .select({ size: logHeads.size, headHash: logHeads.headHash, frontier: logHeads.frontier })
    .from(logHeads)
    .where(eq(logHeads.orgId, orgId));
  return head ?? null;
}

/** Whether the log head agrees with what was verified up to its size. */
function headProblem(head: Head, verified: Verified): LogText | null {
  if (head.size < verified.seq) return logText('log.shorter', { size: String(head.size), verified: String(verified.seq) });
  if (head.size !== verified.seq) return null;
  if (head.headHash !== verified.hash) return logText('log.headHash');
  try {
    if (toHex(frontierRoot(nodeSha256, frontierFromJson(head.frontier))) !== toHex(frontierRoot(nodeSha256, verified.frontier))) return logText('log.headRoot');
  } catch {
    return logText('log.headUnreadable');
  }
  return null;
}

/** Verifies the whole log from the first entry and replaces the cached verdict. */
async function fullPass(db: Executor, orgId: string, state: OrgState, now: number): Promise<void> {
  const started = performance.now();
  const head = await readHead(db, orgId);
  const size = head?.size ?? 0;
  const result = await extend(db, orgId, fresh(), size);
  state.verified = result.verified;
  state.problem = result.problem ?? (head ? headProblem(head, result.verified) : null);
  state.fullAt = now;
  state.fullTookMs = performance.now() - started;
  state.done = true;
}

function verdict(state: OrgState): LogIntegrity {
  if (!state.done) return { state: 'checking', problem: null, problemText: null, checkedSize: 0 };
  const problem = state.problem;
  return { state: problem ? 'failed' : 'verified', problem: problem && englishLogText(problem), problemText: problem, checkedSize: state.verified.seq };
}

function runAlone(state: OrgState, work: () => Promise<void>): Promise<void> {
  const run = work()
    .catch((error: unknown) => {
      // A database error is not evidence of tampering; the next request tries again.
      console.error('log integrity check failed to run', error);
      state.fullAt = 0;
    })
    .finally(() => {
      state.running = null;
    });
  state.running = run;
  return run;
}

/** Runs a full pass now and waits for it (tests, and the first look at a small log). */
export async function refreshLogIntegrity(db: Executor, orgId: string, now = Date.now()): Promise<LogIntegrity> {
  const orgs = store().orgs;
  let state = orgs.get(orgId);
  if (!state) orgs.set(orgId, (state = { verified: fresh(), problem: null, fullAt: 0, fullTookMs: 0, done: false, running: null }));
  if (state.running) await state.running;
  const s = state;
  await runAlone(s, () => fullPass(db, orgId, s, now));
  return verdict(s);
}

/**
 * The organization's verdict for a page: cached, extended by the entries appended since, and
 * refreshed in full in the background (see FULL_EVERY_MS). The first look at a log of up to
 * INLINE_ENTRIES entries waits for the full pass; a larger one says 'checking' until it is done.
 */
export async function logIntegrity(db: Executor, orgId: string, now = Date.now()): Promise<LogIntegrity> {
  const head = await readHead(db, orgId);
  const size = head?.size ?? 0;
  const orgs = store().orgs;
  const state = orgs.get(orgId);
  if (!state) {
    if (size <= INLINE_ENTRIES) return refreshLogIntegrity(db, orgId, now);
    const s: OrgState = { verified: fresh(), problem: null, fullAt: 0, fullTookMs: 0, done: false, running: null };
    orgs.set(orgId, s);
    void runAlone(s, () => fullPass(db, orgId, s, now));
    return verdict(s);
  }
  if (state.running) return verdict(state);
  if (now - state.fullAt >= Math.max(FULL_EVERY_MS, FULL_PASS_SPACING * state.fullTookMs)) {
    void runAlone(state, () => fullPass(db, orgId, state, now));
    return verdict(state);
  }
  if (!state.problem && head) {
    if (size > state.verified.seq) {
      const extendBy = async () => {
        const result = await extend(db, orgId, state.verified, size);
        state.verified = result.verified;
        state.problem = result.problem ?? headProblem(head, result.verified);
      };
      if (size - state.verified.seq <= INLINE_ENTRIES) await runAlone(state, extendBy);
      else void runAlone(state, extendBy);
    } else {
      state.problem = headProblem(head, state.verified);
    }
  }
  return verdict(state);
}

/** The verdict as part of the public page cache's version: a change of verdict is a new version. */
export async function logIntegrityToken(db: Executor, slug: string, now = Date.now()): Promise<string> {
  const slugs = store().slugs;
  let known = slugs.get(slug);
  if (!known || now - known.at > 60_000) {
    const org = await getPublicOrganization(db, slug);
    slugs.set(slug, (known = { orgId: org?.id ?? null, at: now }));
  }
  if (!known.orgId) return 'none';
  const v = await logIntegrity(db, known.orgId, now);
  return v.state === 'failed' ? `failed:${v.checkedSize}:${v.problem}` : v.state;
}

/** The public warning for a verdict and the entries a page shows, or null when all verify. */
export function integrityWarning(v: LogIntegrity, shown: readonly { problemText: LogText | null }[] = []): string | null {
  const problem = integrityProblem(v, shown);
  return problem ? `This organization's decision log does not verify: ${englishLogText(problem)}.` : null;
}

/**
 * What does not verify, in the log or in the entries shown, as data (lib/log/words), or null. The pages word it in the
 * reader's language inside `log.integrity.title` (components/transparency/log-integrity-warning).
 */
export function integrityProblem(v: LogIntegrity, shown: readonly { problemText: LogText | null }[] = []): LogText | null {
  return v.problemText ?? shown.find((e) => e.problemText)?.problemText ?? null;
}
