-- Why a revision counts as substantive or editorial, as decided from the change itself.
-- Existing revisions keep their stored flag and get an empty list (nothing was classified then).
ALTER TABLE "proposal_revisions" ADD COLUMN "substantive_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "proposal_revisions" ADD COLUMN "author_marked_editorial" boolean DEFAULT false NOT NULL;
