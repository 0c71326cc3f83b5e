ALTER TYPE "public"."vote_choice" ADD VALUE 'secret';--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "preferences" jsonb;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_secret_has_preferences" CHECK (("votes"."choice"::text = 'secret') = ("votes"."preferences" is not null));