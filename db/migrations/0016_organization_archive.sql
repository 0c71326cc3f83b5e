-- An archived organization stays readable (its pages, log and verification) but accepts no new
-- proposals, comments, ballots or membership changes. Null while the organization is active.
ALTER TABLE "organizations" ADD COLUMN "archived_at" timestamp with time zone;
