DROP INDEX "proposal_revisions_search_idx";--> statement-breakpoint
ALTER TABLE "proposal_revisions" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title || ' ' || body)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "proposal_revisions_search_idx" ON "proposal_revisions" USING gin ("search");