// One decision-log entry and how it is hashed (docs/design.md §4). Browser-safe.

import { canonicalMember, utf8 } from './canonical';
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
// Checked by hand rather than via Date.parse or a regex with captures: the verifier runs this
// on every entry. The form is YYYY-MM-DDTHH:MM:SS.mmmZ, every Y M D H S m an ASCII digit.
const ISO_UTC_MS = 'dddd-dd-ddTdd:dd:dd.dddZ';

/** The decimal number written in at[from..to), which the caller has checked is all digits. */
function digitsAt(at: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + at.charCodeAt(i) - 48;
  return n;
}

function isIsoUtc(at: string): boolean {
  if (at.length !== ISO_UTC_MS.length) return false;
  for (let i = 0; i < ISO_UTC_MS.length; i++) {
    const c = at.charCodeAt(i);
    const want = ISO_UTC_MS.charCodeAt(i);
    if (want === 100 /* d */ ? c < 48 || c > 57 : c !== want) return false;
  }
  const year = digitsAt(at, 0, 4);
  const month = digitsAt(at, 5, 7);
  const day = digitsAt(at, 8, 10);
  if (month < 1 || month > 12 || day < 1 || digitsAt(at, 11, 13) > 23 || digitsAt(at, 14, 16) > 59 || digitsAt(at, 17, 19) > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= daysInMonth;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type EntryFields = Partial<Record<keyof LogEntry, unknown>>;

// Fields as separate arguments, not an object: the verifier's hot loop reads each once and
// checks and serializes the same values without allocating.
function fieldsProblem(orgId: unknown, seq: unknown, at: unknown, actorId: unknown, kind: unknown, subject: unknown, payload: unknown): string | null {
  if (typeof orgId !== 'string' || orgId === '') return 'orgId must be a non-empty string';
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return 'seq must be an integer ≥ 1';
  if (typeof at !== 'string' || !isIsoUtc(at)) return 'at must be an ISO-8601 UTC timestamp like 2025-01-31T12:00:00.000Z';
  if (actorId !== null && typeof actorId !== 'string') return 'actorId must be a string or null';
  if (typeof kind !== 'string' || kind === '') return 'kind must be a non-empty string';
  if (subject !== null && typeof subject !== 'string') return 'subject must be a string or null';
  if (!isPlainRecord(payload)) return 'payload must be a JSON object';
  return null;
}

/**
 * Why `value` is not a well-formed LogEntry, or null if it is. Checks the shape only; payload
 * contents are checked by canonicalJson. The verifier calls this on untrusted JSON.
 */
export function entryShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'entry is not an object';
  const { orgId, seq, at, actorId, kind, subject, payload } = value as EntryFields;
  return fieldsProblem(orgId, seq, at, actorId, kind, subject, payload);
}

/**
 * Checks an untrusted value and, if it is a well-formed entry, returns the RFC 8785 canonical
 * JSON of exactly the LogEntry fields — in one pass, for the verifier's hot loop.
 */
export function tryCanonicalEntry(value: unknown): { ok: true; canonical: string } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, problem: 'entry is not an object' };
  // Each field is read once, checked and serialized from the same local copy.
  const { orgId, seq, at, actorId, kind, subject, payload } = value as EntryFields;
  const problem = fieldsProblem(orgId, seq, at, actorId, kind, subject, payload);
  if (problem !== null) return { ok: false, problem };
  try {
    // canonicalJson(e), laid out by hand: the seven keys are fixed, so their RFC 8785 §3.2.3
    // order is too, and sorting them for every entry is wasted work. `at` is ASCII digits and
    // punctuation (checked above) and `seq` a safe integer, so neither needs escaping. Members
    // are serialized in key order, so the first problem reported is the one canonicalJson
    // would report. entry.test.ts checks the two agree on random entries.
    const canonical =
      '{"actorId":' +
      ((actorId as string | null) === null ? 'null' : canonicalMember('actorId', actorId as string | null)) +
      ',"at":"' +
      (at as string) +
      '","kind":' +
      canonicalMember('kind', kind) +
      ',"orgId":' +
      canonicalMember('orgId', orgId) +
      ',"payload":' +
      canonicalMember('payload', payload) +
      ',"seq":' +
      String(seq as number) +
      ',"subject":' +
      ((subject as string | null) === null ? 'null' : canonicalMember('subject', subject as string | null)) +
      '}';
    return { ok: true, canonical };
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
