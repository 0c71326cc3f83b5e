// One decision-log entry and how it is hashed (DESIGN §4). Browser-safe.

import { canonicalJson, utf8 } from './canonical';
import { chainHash } from './hash';
import type { Hasher } from './hash';
import { leafHash } from './merkle';

export type LogEntry = {
  orgId: string;
  /** Per-organization, gapless, starting at 1. Also the Merkle leaf index + 1. */
  seq: number;
  /** ISO-8601 UTC in exactly the form Date.prototype.toISOString() produces. */
  at: string;
  actorId: string | null;
  kind: string;
  subject: string | null;
  payload: Record<string, unknown>;
};

export type StoredEntry = LogEntry & { prevHash: string; hash: string };

// `at` must be the one spelling Date#toISOString gives (millisecond precision, "Z"). Other
// ISO-8601 spellings of the same instant would hash differently, and the database hands
// timestamps back through Date — so this is the only form that survives a round trip.
// Checked by hand rather than via Date.parse: the verifier runs this on every entry.
const ISO_UTC_MS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;

function isIsoUtc(at: string): boolean {
  const m = ISO_UTC_MS.exec(at);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= daysInMonth;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Why `value` is not a well-formed LogEntry, or null if it is. Checks the shape only; payload
 * contents are checked by canonicalJson. The verifier calls this on untrusted JSON.
 */
export function entryShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'entry is not an object';
  const e = value as Partial<Record<keyof LogEntry, unknown>>;
  if (typeof e.orgId !== 'string' || e.orgId === '') return 'orgId must be a non-empty string';
  if (typeof e.seq !== 'number' || !Number.isSafeInteger(e.seq) || e.seq < 1) return 'seq must be an integer ≥ 1';
  if (typeof e.at !== 'string' || !isIsoUtc(e.at)) return 'at must be an ISO-8601 UTC timestamp like 2025-01-31T12:00:00.000Z';
  if (e.actorId !== null && typeof e.actorId !== 'string') return 'actorId must be a string or null';
  if (typeof e.kind !== 'string' || e.kind === '') return 'kind must be a non-empty string';
  if (e.subject !== null && typeof e.subject !== 'string') return 'subject must be a string or null';
  if (!isPlainRecord(e.payload)) return 'payload must be a JSON object';
  return null;
}

/**
 * Checks an untrusted value and, if it is a well-formed entry, returns the RFC 8785 canonical
 * JSON of exactly the LogEntry fields — in one pass, for the verifier's hot loop.
 */
export function tryCanonicalEntry(value: unknown): { ok: true; canonical: string } | { ok: false; problem: string } {
  const problem = entryShapeProblem(value);
  if (problem !== null) return { ok: false, problem };
  const { orgId, seq, at, actorId, kind, subject, payload } = value as LogEntry;
  try {
    return { ok: true, canonical: canonicalJson({ orgId, seq, at, actorId, kind, subject, payload }) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * RFC 8785 canonical JSON of exactly the LogEntry fields — extra properties such as prevHash
 * and hash on a StoredEntry are left out, so the chain hash never covers itself. Throws if the
 * entry is malformed or its payload is outside the canonical-JSON subset.
 */
export function canonicalEntry(e: LogEntry): string {
  const result = tryCanonicalEntry(e);
  if (!result.ok) throw new Error(`canonicalEntry: ${result.problem}`);
  return result.canonical;
}

/** The entry with its chain link and hash: hash = chainHash(prevHash, canonicalEntry(entry)). */
export function sealEntry(h: Hasher, prevHash: string, entry: LogEntry): StoredEntry {
  const canonical = canonicalEntry(entry);
  // Re-parse rather than spread: the stored payload is then a deep copy of exactly what was
  // hashed, and a caller mutating its own object afterwards cannot desynchronize the two.
  const { orgId, seq, at, actorId, kind, subject, payload } = JSON.parse(canonical) as LogEntry;
  return { orgId, seq, at, actorId, kind, subject, payload, prevHash, hash: chainHash(h, prevHash, canonical) };
}

/** The entry's Merkle leaf hash: leafHash(utf8(canonicalEntry(e))), RFC 6962 §2.1. */
export function entryLeafHash(h: Hasher, e: LogEntry): Uint8Array {
  return leafHash(h, utf8(canonicalEntry(e)));
}
