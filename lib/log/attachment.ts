// Attachments: bytes a log entry names by SHA-256 instead of carrying (docs/architecture.md).
//
// A member-wide vote's close must disclose its roll (who could vote, with what weight, through
// which delegate) and its roll call (each current ballot's choice and the nonce that opens its
// commitment). At 100,000 members that is 16 MB; inside the `voting.closed` entry it cost seconds
// to canonicalize, hash and store twice. So the close publishes them as one attachment,
// `quorate-member-disclosure-v1`, and its entry carries `members.disclosure = { name, scheme,
// sha256, bytes }`. The attachment's text is published verbatim in the export beside the entries;
// the entry (in the hash chain and the signed tree) fixes its SHA-256, so changing one byte of the
// attachment is as detectable as changing the entry.
//
// The text is JSON: `{"roll":[[userId, weight, delegate|null], …],
// "rollCall":[[voteId, voterUserId, choice, nonce|null, rationale|null], …]}`, the roll sorted by
// user id, the roll call as the close read it. Verifiers hash the published text as it stands
// (UTF-8); no canonical form is needed because the bytes themselves are published.

import type { Hasher } from './hash';
import { toHex } from './hash';
import { logText, said } from './words';
import type { LogText } from './words';

export const MEMBER_DISCLOSURE_SCHEME = 'quorate-member-disclosure-v1';

export type RollLine = [userId: string, weight: number, delegate: string | null];
export type RollCallLine = [voteId: string, voterUserId: string, choice: string, nonce: string | null, rationale: string | null];

/** What a `voting.closed` entry names: the attachment and its hash. */
export type AttachmentRef = { name: string; scheme: string; sha256: string; bytes: number };

/** An attachment as the export publishes it. */
export type PublishedAttachment = { name: string; scheme: string; sha256: string; body: string };

export function memberDisclosureName(proposalId: string, stageIndex: number): string {
  return `proposal:${proposalId}|stage:${stageIndex}|members`;
}

export function memberDisclosureText(roll: readonly RollLine[], rollCall: readonly RollCallLine[]): string {
  return JSON.stringify({ roll, rollCall });
}

export function attachmentHash(h: Hasher, body: string): string {
  return toHex(h(new TextEncoder().encode(body)));
}

export function utf8Length(body: string): number {
  return new TextEncoder().encode(body).length;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type DisclosureProblem = { seq: number | null; message: string; text: LogText };

/**
 * The entries with each member-wide close's attachment read back into its payload — the roll as
 * `members.roll` and the roll call as `rollCall` objects, as a close without attachments carried
 * them — so the ballot, recount and receipt checks read one shape. Only an attachment whose text
 * hashes to the entry's `sha256` is read in; a missing or altered one is a problem and its close
 * is left without roll and roll call (whose checks then fail in their own words too). The entries
 * given are not changed (their hashes are checked as they are); closes are copied.
 */
export function discloseAttachments(entries: readonly unknown[], attachments: unknown, h: Hasher): { entries: unknown[]; problems: DisclosureProblem[] } {
  const problems: DisclosureProblem[] = [];
  const byName = new Map<string, PublishedAttachment>();
  for (const a of Array.isArray(attachments) ? attachments : [])
    if (isRecord(a) && typeof a.name === 'string' && typeof a.body === 'string') byName.set(a.name, a as PublishedAttachment);
  const out = entries.map((raw) => {
    if (!isRecord(raw) || raw.kind !== 'voting.closed' || !isRecord(raw.payload) || !isRecord(raw.payload.members)) return raw;
    const ref = raw.payload.members.disclosure;
    if (ref === undefined) return raw;
    const seq = typeof raw.seq === 'number' ? raw.seq : null;
    const fail = (text: LogText) => {
      problems.push({ seq, ...said(text) });
      return raw;
    };
    if (!isRecord(ref) || typeof ref.name !== 'string' || typeof ref.sha256 !== 'string') return fail(logText('attachment.malformed'));
    if (ref.scheme !== MEMBER_DISCLOSURE_SCHEME) return fail(logText('attachment.unknownScheme', { scheme: String(JSON.stringify(ref.scheme)) }));
    const attachment = byName.get(ref.name);
    if (!attachment) return fail(logText('attachment.notPublished', { name: ref.name }));
    const hash = attachmentHash(h, attachment.body);
    if (hash !== ref.sha256) return fail(logText('attachment.hash', { name: ref.name, hash, expected: ref.sha256 }));
    let parsed: unknown;
    try {
      parsed = JSON.parse(attachment.body);
    } catch {
      return fail(logText('attachment.notJson', { name: ref.name }));
    }
    if (!isRecord(parsed) || !Array.isArray(parsed.roll) || !Array.isArray(parsed.rollCall)) return fail(logText('attachment.noRoll', { name: ref.name }));
    const rollCall = parsed.rollCall.map((line: unknown) => {
      const [voteId, voterUserId, choice, nonce, rationale] = Array.isArray(line) ? (line as unknown[]) : [];
      // A secret ballot's line is who voted, as a close without attachments put it: no nonce, no rationale.
      return choice === 'secret' ? { voteId, seatId: null, voterUserId, choice } : { voteId, seatId: null, voterUserId, choice, nonce, rationale };
    });
    const payload = { ...raw.payload, rollCall, members: { ...raw.payload.members, roll: parsed.roll } };
    return { ...raw, payload };
  });
  return { entries: out, problems };
}
