import 'server-only';
import type { Executor } from '@/db/client';
import { proposalContext } from '@/db/queries/proposal-context';
import type { RefusalCode } from '@/lib/governance/messages';
import type { ProposalAction } from '@/lib/governance/permissions';
import { loadOrRefuse, requireAction } from './actor';
import type { Actor } from './actor';
import { requireOrganizationWritable } from './writable';

/**
 * The start of an author's act on a proposal, inside its transaction: refuses on an archived
 * organization, locks the proposal with its charter, and refuses with `code` unless the rules let
 * the actor take `action` in the proposal's phase now.
 */
export async function proposalForAct(
  tx: Executor,
  actor: Actor,
  input: { orgId: string; proposalId: string },
  action: ProposalAction,
  code: RefusalCode,
  at: Date,
) {
  await requireOrganizationWritable(tx, input.orgId);
  const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
  const context = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
  requireAction(context.actions, action, context.phase, code);
  return { p, ...context };
}
