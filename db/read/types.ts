/** The row shapes pages and components render, named here so the view layer never imports db/queries. */
export type { PublicLogRow, PublicProposalRef, StageParticipation } from '@/db/queries/log-public';
export type { CommentView } from '@/db/queries/proposal-reads';
