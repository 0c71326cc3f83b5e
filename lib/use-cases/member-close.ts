import 'server-only';
import type { Executor } from '@/db/client';
import { insertLogAttachment } from '@/db/queries/attachments';
import type { ProposalStageRow } from '@/db/schema';
import { ROLL_HASH_SCHEME } from '@/lib/governance/electorate';
import { delegationDepth } from '@/lib/governance/member-vote';
import type { ProposalTypeSpec, RollEntry } from '@/lib/governance/types';
import { attachmentHash, MEMBER_DISCLOSURE_SCHEME, memberDisclosureName, memberDisclosureText } from '@/lib/log/attachment';
import type { AttachmentRef, RollCallLine, RollLine } from '@/lib/log/attachment';
import { nodeSha256 } from '@/lib/log/node-hash';

/**
 * What a member-wide stage's close publishes besides its tally: the roll as snapshotted (its hash
 * was logged at the opening) and the roll call, so anyone can recount — as one attachment the
 * `voting.closed` entry names by SHA-256 (lib/log/attachment.ts), stored in this transaction.
 * The roll call carries what the close would have put in the entry: a secret ballot's nonce is
 * not in it (its caller leaves it out).
 */
export async function discloseMemberStage(
  tx: Executor,
  c: {
    orgId: string;
    proposalId: string;
    stage: ProposalStageRow;
    type: ProposalTypeSpec;
    roll: readonly RollEntry[];
    rollCall: readonly Record<string, unknown>[];
    at: Date;
  },
): Promise<Record<string, unknown>> {
  const rollLines: RollLine[] = c.roll.map((e) => [e.userId, e.weight, e.delegateUserId]);
  const callLines: RollCallLine[] = c.rollCall.map((b) => [
    String(b.voteId),
    String(b.voterUserId),
    String(b.choice),
    typeof b.nonce === 'string' ? b.nonce : null,
    typeof b.rationale === 'string' ? b.rationale : null,
  ]);
  const body = memberDisclosureText(rollLines, callLines);
  const name = memberDisclosureName(c.proposalId, c.stage.stageIndex);
  const sha256 = attachmentHash(nodeSha256, body);
  await insertLogAttachment(tx, { orgId: c.orgId, name, scheme: MEMBER_DISCLOSURE_SCHEME, sha256, body, at: c.at });
  const disclosure: AttachmentRef = { name, scheme: MEMBER_DISCLOSURE_SCHEME, sha256, bytes: Buffer.byteLength(body) };
  return {
    rollSize: c.stage.rollSize,
    rollWeight: c.stage.rollWeight,
    hashScheme: ROLL_HASH_SCHEME,
    rollHash: c.stage.rollHash,
    maxDepth: delegationDepth(c.type),
    ballots: callLines.length,
    disclosure,
  };
}
