import { refused } from './refusal';
import type { RuleResult } from './types';

/** An archived organization keeps its record readable but accepts no new proposals, comments, ballots, seat, role, invitation, profile, witness or webhook changes (disabling a webhook aside, lib/use-cases/webhooks.ts; a person may still delete their own account, which ends their membership). */
export function organizationWritable(org: { archivedAt: Date | null }): RuleResult {
  if (org.archivedAt) return refused('organization.archived');
  return { ok: true };
}

/** The facts that decide whether an organization may be archived now. */
export type ArchiveRequest = {
  actorRole: string | null;
  archivedAt: Date | null;
  name: string;
  /** What the admin typed to confirm. */
  confirmation: string;
  /** Proposals published and not yet decided: archiving would cut them off, so it waits for them. */
  openProposals: number;
};

/** Admins only, the name typed exactly (surrounding spaces ignored), and no proposal published and not yet decided. */
export function checkArchive(req: ArchiveRequest): RuleResult {
  if (req.actorRole !== 'admin') return refused('organization.archive_admin_only');
  if (req.archivedAt) return refused('organization.already_archived');
  if (req.confirmation.trim() !== req.name.trim()) return refused('organization.archive_confirmation', { name: req.name });
  if (req.openProposals > 0) return refused('organization.archive_open_proposals', { count: req.openProposals });
  return { ok: true };
}

/** Admins only, and only an archived organization. */
export function checkUnarchive(req: { actorRole: string | null; archivedAt: Date | null }): RuleResult {
  if (req.actorRole !== 'admin') return refused('organization.archive_admin_only');
  if (!req.archivedAt) return refused('organization.not_archived');
  return { ok: true };
}
