// What `npm run verify` (scripts/verify.ts) decides about an export: where it is, whether it verifies, and the verdict people read.

import { base64Decode } from '@/lib/log/base64';
import { nodeSha256 } from '@/lib/log/node-hash';
import { parseVerifierKey } from '@/lib/log/signed-note';
import { verifyLog } from '@/lib/log/verify';
import { ballotSummaryText } from '@/lib/log/verify-ballots';
import type { VerifyProblem, VerifyReport } from '@/lib/log/verify';
import { UsageError } from '../support/cli';
import { checkElectionSeats } from './elections';
import { checkMinutes } from './minutes';
import { recountMemberVotes } from './members';
import { checkReceiptLists } from './receipts';
import { recountChoices } from './recount';

export const EXPORT_FORMAT = 'quorate-log-export/1';

/** The export could not be had (network, HTTP status, file, not JSON): exit 2, no usage text. */
export class LoadError extends Error {}

/** Where the export of `target` is: a URL for an org page or API URL, else a file path. */
export function exportLocation(target: string): { url: string } | { file: string } {
  if (!/^https?:\/\//i.test(target)) return { file: target };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`Not a valid URL: ${target}`);
  }
  const match = /^\/(?:api\/)?o\/([^/]+)(?:\/.*)?$/.exec(url.pathname);
  if (!match) throw new UsageError(`Expected an organization URL like http://localhost:3000/o/<slug>, got ${target}`);
  return { url: `${url.origin}/api/o/${match[1]}/log/export` };
}

export type ExportCheck = {
  report: VerifyReport;
  vkey: string | null;
  checkpoints: number;
  /** Problems with the export's own key material, before any entry is looked at. */
  keyProblems: VerifyProblem[];
  /** Closed choices among options recounted from their published ballots (./recount). */
  recounted: number;
  /** Closed member-wide votes recounted from their published roll and ballots (./members). */
  memberVotesRecounted: number;
  /** Receipt lists checked (./receipts), and the receipts in them. */
  receiptLists: number;
  receipts: number;
  /** Minutes texts checked against their seals (./minutes). */
  minutesChecked: number;
};

/**
 * Verifies a parsed export. The export names its own key; `pinnedKey` (a C2SP verifier key)
 * overrides it, so a forger who re-signs with a new key and swaps it into the export is caught.
 */
export async function checkExport(
  data: unknown,
  options: { pinnedKey?: string; onProgress?: (done: number, total: number) => void; extraCheckpoints?: { note: string }[] } = {},
): Promise<ExportCheck> {
  const keyProblems: VerifyProblem[] = [];
  const problem = (message: string) => keyProblems.push({ seq: null, kind: 'malformed', message });
  const doc = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (doc.format !== EXPORT_FORMAT) problem(`format is ${JSON.stringify(doc.format)}, expected "${EXPORT_FORMAT}"`);

  let publicKeyRaw: Uint8Array | undefined;
  let origin = typeof doc.origin === 'string' ? doc.origin : undefined;
  let vkey: string | null = typeof doc.verifierKey === 'string' ? doc.verifierKey : null;
  const exportKey = typeof doc.publicKey === 'string' ? base64Decode(doc.publicKey) : null;
  if (exportKey === null || exportKey.length !== 32) problem('publicKey is not base64 of a 32-byte Ed25519 key');
  else publicKeyRaw = exportKey;
  if (vkey !== null) {
    try {
      const parsed = parseVerifierKey(vkey);
      if (publicKeyRaw && Buffer.compare(Buffer.from(parsed.publicKeyRaw), Buffer.from(publicKeyRaw)) !== 0)
        problem('verifierKey and publicKey are different keys');
      if (origin !== undefined && parsed.name !== origin)
        problem(`verifierKey names ${JSON.stringify(parsed.name)}, but the origin is ${JSON.stringify(origin)}`);
    } catch (error) {
      problem(`verifierKey: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (options.pinnedKey !== undefined) {
    let pinned: ReturnType<typeof parseVerifierKey>;
    try {
      pinned = parseVerifierKey(options.pinnedKey);
    } catch (error) {
      throw new UsageError(`--key: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (vkey !== options.pinnedKey) {
      keyProblems.push({
        seq: null,
        kind: 'bad_checkpoint_signature',
        message: `the export is signed by ${vkey ?? 'no key'}, not the pinned key ${options.pinnedKey}`,
      });
    }
    publicKeyRaw = pinned.publicKeyRaw;
    origin = pinned.name;
    vkey = options.pinnedKey;
  }

  const checkpoints = Array.isArray(doc.checkpoints) ? (doc.checkpoints as { note: string }[]) : [];
  // Checkpoints the reader kept are checked against the entries like the export's own: a
  // rewritten log gives another root at their size.
  const extra = options.extraCheckpoints ?? [];
  // The checks below read a member-wide close's roll and roll call from its attachment, as verifyLog read it in (after checking its hash).
  let entries: unknown[] = [];
  const report = await verifyLog(
    { entries: doc.entries as never, checkpoints: [...checkpoints, ...extra], publicKeyRaw, origin, attachments: doc.attachments },
    options.onProgress,
    {
      hasher: nodeSha256,
      yieldEvery: 5_000,
      onDisclosed: (read) => (entries = read),
    },
  );
  if (keyProblems.length > 0) {
    report.problems.unshift(...keyProblems);
    report.ok = false;
  }
  // Every closed choice among options, counted again from its published ballots.
  const recount = recountChoices(entries);
  // Every seat an election filled, against the candidates it froze and the winners of its count.
  const seating = checkElectionSeats(entries);
  // Every closed member-wide vote, against the roll snapshotted when it opened and its delegations.
  const members = recountMemberVotes(entries);
  // Every receipt list a secret ballot's close published, against its count.
  const receipts = checkReceiptLists(entries);
  // Every sealed or disclosed minutes text, against the SHA-256 sealed in the log.
  const minutes = checkMinutes(entries);
  if (recount.problems.length + seating.length + members.problems.length + receipts.problems.length + minutes.problems.length > 0) {
    report.problems.push(...recount.problems, ...seating, ...members.problems, ...receipts.problems, ...minutes.problems);
    report.ok = false;
  }
  if (report.ok && checkpoints.length === 0) {
    // A chain with no signed head only shows the entries agree with each other.
    report.problems.push({ seq: null, kind: 'malformed', message: 'the export has no signed checkpoint, so nothing vouches for the entries' });
    report.ok = false;
  }
  return {
    report,
    vkey,
    checkpoints: checkpoints.length,
    keyProblems,
    recounted: recount.recounted,
    memberVotesRecounted: members.recounted,
    receiptLists: receipts.lists,
    receipts: receipts.receipts,
    minutesChecked: minutes.checked,
  };
}

/** One verdict for people: what was checked, or where it first went wrong, then every problem. */
export function formatVerdict(check: ExportCheck): string {
  const { report } = check;
  if (report.ok) {
    const intact = `✔ Log intact: ${report.entriesChecked} entries, root ${report.root}, ${check.checkpoints} checkpoint${check.checkpoints === 1 ? '' : 's'} signed by ${check.vkey}`;
    const lines = [intact];
    if (report.ballots && report.ballots.ballotsOpened + report.ballots.stillSealed + report.ballots.secretCounted > 0) {
      lines.push(`Ballots: ${ballotSummaryText(report.ballots)}`);
    }
    if (check.recounted > 0)
      lines.push(
        `Recounts: ${check.recounted} closed ${check.recounted === 1 ? 'choice' : 'choices'} recounted from the published ballots; every result matches the log.`,
      );
    if (check.memberVotesRecounted > 0)
      lines.push(
        `Member votes: ${check.memberVotesRecounted} closed member-wide ${check.memberVotesRecounted === 1 ? 'vote' : 'votes'} recounted from the roll snapshotted at the opening and its delegations; every tally matches the log.`,
      );
    if (check.receiptLists > 0)
      lines.push(
        `Receipts: ${check.receipts} ${check.receipts === 1 ? 'receipt' : 'receipts'} in ${check.receiptLists} published ${check.receiptLists === 1 ? 'list' : 'lists'}, each well-formed and unique; every list recounts to the logged result.`,
      );
    if (check.minutesChecked > 0)
      lines.push(
        `Minutes: ${check.minutesChecked} sealed or disclosed ${check.minutesChecked === 1 ? 'text' : 'texts'} checked; each matches the SHA-256 sealed in the log.`,
      );
    return lines.join('\n');
  }
  const first = report.firstBadSeq === null ? undefined : report.problems.find((p) => p.seq === report.firstBadSeq);
  const lead = first ?? report.problems[0];
  const where = report.firstBadSeq === null ? 'no entry implicated' : `first bad entry #${report.firstBadSeq}`;
  const lines = [`✘ Log TAMPERED: ${where} — ${lead ? `${lead.kind}: ${lead.message}` : 'unknown problem'}`];
  lines.push(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${report.entriesChecked} entries:`);
  for (const p of report.problems) lines.push(`  ${p.seq === null ? '      -' : `#${p.seq}`.padStart(7)}  ${p.kind}: ${p.message}`);
  return lines.join('\n');
}
