import 'server-only';
import { loadMemberStage } from '@/db/read/member-stage';
import type { MemberStageView } from '@/db/read/member-stage';
import { loadProposalPage } from '@/db/read/proposal-page';
import type { LoadedProposal } from '@/db/read/proposal-page';
import { findBody, findType } from '@/lib/governance/charter';
import { isMemberBody } from '@/lib/governance/electorate';
import type { Role } from '@/lib/governance/roles';

/**
 * Everything the proposal page reads for one view, after the proposal itself: the page's data
 * (proposal-page.ts) and, for each member-wide stage, the roll, the viewer's place on it and the
 * delegations (member-stage.ts). One function, so bench/member-page.ts times what the page reads.
 */
export async function loadProposalView(
  orgId: string,
  loaded: LoadedProposal,
  viewer: { role: Role | null; userId: string | null },
  at: Date,
  { rollCallPage = 1, version }: { rollCallPage?: number; version?: string } = {},
) {
  const data = await loadProposalPage(orgId, loaded, viewer, at, version);
  const type = findType(data.charter, loaded.row.typeKey);
  const memberViews: (MemberStageView | null)[] = await Promise.all(
    type.stages.map((s, i) => {
      const body = findBody(data.charter, s.bodyKey);
      return isMemberBody(body) ? loadMemberStage(loaded, i, body, type, viewer.userId, { rollCallPage, at }) : null;
    }),
  );
  return { ...data, type, memberViews };
}
