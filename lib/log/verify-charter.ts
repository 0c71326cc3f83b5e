// Decisions name their charter: `proposal.decided` and `voting.closed` entries carry the
// charter version the proposal ran under and that version's document hash. This check holds
// them to the log itself — an earlier `charter.adopted` / `charter.amended` entry must have
// adopted that version with that very hash — so a decision cannot quietly claim a charter the
// organization never adopted, or a different text of it. Browser-safe and pure.

import type { VerifyProblem } from './verify-types';
import { logText, said } from './words';

/** Entry kinds that adopt a charter version, with `version` and `documentHash` in the payload. */
const ADOPTING_KINDS = new Set(['charter.adopted', 'charter.amended']);
/** Entry kinds that name the charter they were decided under. */
const DECIDING_KINDS = new Set(['proposal.decided', 'voting.closed']);

type LooseEntry = { seq?: unknown; kind?: unknown; payload?: unknown };

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * Checks every deciding entry that carries `charterVersion` against the charter versions
 * adopted earlier in the log (in export order). Entries written before decisions named their
 * charter carry neither field and are skipped; one field without the other is a problem.
 * Never throws: anything wrong is a `charter_mismatch` problem at the entry's seq.
 */
export function checkCharterReferences(entries: readonly unknown[]): VerifyProblem[] {
  const adopted = new Map<number, string>();
  const problems: VerifyProblem[] = [];
  for (const raw of entries) {
    const entry = record(raw) as LooseEntry | null;
    const payload = record(entry?.payload);
    if (entry === null || payload === null || typeof entry.kind !== 'string') continue;
    const seq = typeof entry.seq === 'number' && Number.isSafeInteger(entry.seq) ? entry.seq : null;
    if (ADOPTING_KINDS.has(entry.kind)) {
      if (typeof payload.version === 'number' && typeof payload.documentHash === 'string') adopted.set(payload.version, payload.documentHash);
      continue;
    }
    if (!DECIDING_KINDS.has(entry.kind)) continue;
    const version = payload.charterVersion;
    const hash = payload.charterDocumentHash;
    if (version === undefined && hash === undefined) continue;
    const where = typeof payload.number === 'number' ? logText('charter.proposal', { kind: entry.kind, n: String(payload.number) }) : entry.kind;
    if (typeof version !== 'number' || typeof hash !== 'string') {
      problems.push({
        seq,
        kind: 'charter_mismatch',
        ...said(logText('charter.incomplete', { where, version: String(JSON.stringify(version)), hash: String(JSON.stringify(hash)) })),
      });
      continue;
    }
    const adoptedHash = adopted.get(version);
    if (adoptedHash === undefined) {
      problems.push({
        seq,
        kind: 'charter_mismatch',
        ...said(logText('charter.notAdopted', { where, version: String(version) })),
      });
    } else if (adoptedHash !== hash) {
      problems.push({
        seq,
        kind: 'charter_mismatch',
        ...said(logText('charter.otherHash', { where, version: String(version), hash, adopted: adoptedHash })),
      });
    }
  }
  return problems;
}
